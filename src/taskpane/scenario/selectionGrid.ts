import { fail } from '../../engine/errors';
import type { TableSpec } from '../../functions/core/columns';
import { BALANCES_TABLE, columnFor, POSITIONS_TABLE } from '../../functions/core/columns';
import { columnsText } from '../../functions/core/tables';
import type { CellGrid, CellScalar } from '../../functions/core/types';
import type { BalanceGridRow, GridRow, PositionGridRow } from '../context/scenarioState';
import { EMPTY_BALANCE, EMPTY_POSITION } from '../context/scenarioState';

/** What a selected range turned out to hold, as grid rows the user can still edit. */
export type SelectionContent =
  | { readonly kind: 'balances'; readonly rows: readonly BalanceGridRow[] }
  | { readonly kind: 'positions'; readonly rows: readonly PositionGridRow[] };

// A sheet without a side column must not read as LONG: blank fields are reported when the rows are read.
const BLANK_POSITION: PositionGridRow = { ...EMPTY_POSITION, side: '', margin_mode: '' };

/** A cell as grid text: numbers in shortest round-trip form, blanks (`null`, `""`) as empty text. */
export function cellText(cell: CellScalar | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

/**
 * Column → index for the header cells the shared column table knows (the functions' own names and aliases);
 * other header cells are left out, and missing columns stay blank for the range reader to report.
 */
function headerMap(header: readonly CellScalar[], spec: TableSpec): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((cell, i) => {
    const column = typeof cell === 'string' ? columnFor(spec, cell) : undefined;
    if (column !== undefined && !map.has(column.name)) map.set(column.name, i);
  });
  return map;
}

/** The table's positional layout for a header-less range of `width` columns, or null outside its widths. */
function positional(spec: TableSpec, width: number): Map<string, number> | null {
  const required = spec.columns.filter((c) => c.required).length;
  if (width < required || width > spec.columns.length) return null;
  return new Map(spec.columns.slice(0, width).map((c, i) => [c.name, i] as const));
}

function rowsFrom<C extends string>(body: CellGrid, columns: ReadonlyMap<string, number>, empty: GridRow<C>): GridRow<C>[] {
  const filled = body.filter((cells) => cells.some((c) => cellText(c) !== ''));
  return filled.map((cells) => {
    const row: Record<string, string> = { ...empty };
    for (const [column, index] of columns) row[column] = cellText(cells[index]);
    return row as GridRow<C>;
  });
}

function notRecognised(detail: string): never {
  return fail('BAD_CHOICE', {
    arg: 'selection',
    expected: `a balances range (${columnsText(BALANCES_TABLE)}) or a positions range (${columnsText(POSITIONS_TABLE)})`,
    got: detail,
  });
}

/**
 * Tells a balances range from a positions range by the shared column table: by its header row when it has one
 * (matched by name or alias, case-insensitively), otherwise by its width, in the table's positional order
 * (3 or 4 columns: balances; 6 to 9: positions).
 */
export function readSelection(values: CellGrid): SelectionContent {
  const first = values[0];
  if (first === undefined || values.every((r) => r.every((c) => cellText(c) === ''))) return notRecognised('an empty range');
  const positionsHeader = headerMap(first, POSITIONS_TABLE);
  if (positionsHeader.has('symbol')) return { kind: 'positions', rows: rowsFrom(values.slice(1), positionsHeader, BLANK_POSITION) };
  const balancesHeader = headerMap(first, BALANCES_TABLE);
  if (balancesHeader.has('asset')) return { kind: 'balances', rows: rowsFrom(values.slice(1), balancesHeader, EMPTY_BALANCE) };
  const balances = positional(BALANCES_TABLE, first.length);
  if (balances !== null) return { kind: 'balances', rows: rowsFrom(values, balances, EMPTY_BALANCE) };
  const positions = positional(POSITIONS_TABLE, first.length);
  if (positions !== null) return { kind: 'positions', rows: rowsFrom(values, positions, BLANK_POSITION) };
  return notRecognised(`${values.length} row(s) × ${first.length} column(s) without a recognised header`);
}
