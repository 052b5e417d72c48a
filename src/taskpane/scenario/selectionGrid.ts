import { fail } from '../../engine/errors';
import type { TableSpec } from '../../functions/core/columns';
import { BALANCES_TABLE, columnFor, lookupChoice, POSITIONS_TABLE, SIDES } from '../../functions/core/columns';
import { columnsText } from '../../functions/core/tables';
import type { CellGrid, CellScalar } from '../../functions/core/types';
import { BALANCE_COLUMNS, type BalanceRow, EMPTY_BALANCE, EMPTY_POSITION, POSITION_COLUMNS, type PositionRow } from './scenarioRows';

/** What a selected range turned out to hold, as grid rows the user can still edit. */
export type SelectionContent =
  | { readonly kind: 'balances'; readonly rows: readonly BalanceRow[] }
  | { readonly kind: 'positions'; readonly rows: readonly PositionRow[] };

// A sheet without a side column must not read as LONG: blank fields are reported when the rows are parsed.
const BLANK_POSITION: PositionRow = { ...EMPTY_POSITION, side: '', marginMode: '' };

/** The grid field of a table column: `margin_mode` → `marginMode`. */
const fieldOf = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A cell as grid text: numbers in shortest round-trip form, blanks (`null`, `""`) as empty text. */
export function cellText(cell: CellScalar | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

/**
 * Grid field → column index, for the header cells the shared column table knows (the functions' own names and
 * aliases); other header cells are left out, and missing fields stay blank for the row check to report.
 */
function headerMap<K extends string>(header: readonly CellScalar[], spec: TableSpec): Map<K, number> {
  const map = new Map<K, number>();
  header.forEach((cell, i) => {
    const column = typeof cell === 'string' ? columnFor(spec, cell) : undefined;
    const field = column === undefined ? undefined : (fieldOf(column.name) as K);
    if (field !== undefined && !map.has(field)) map.set(field, i);
  });
  return map;
}

function rowsFrom<R>(body: CellGrid, columns: ReadonlyMap<keyof R & string, number>, empty: R): R[] {
  const filled = body.filter((cells) => cells.some((c) => cellText(c) !== ''));
  return filled.map((cells) => {
    const row: Record<string, string> = { ...(empty as Record<string, string>) };
    for (const [column, index] of columns) row[column] = cellText(cells[index]);
    return row as R;
  });
}

function positional<K extends string>(names: readonly K[], width: number): Map<K, number> {
  return new Map(names.slice(0, width).map((name, i) => [name, i] as const));
}

function looksLikePositionsRow(row: readonly CellScalar[]): boolean {
  return typeof row[0] === 'string' && lookupChoice(SIDES, cellText(row[1])) !== undefined;
}

function looksLikeBalancesRow(row: readonly CellScalar[]): boolean {
  return typeof row[0] === 'string' && typeof row[1] === 'number' && typeof row[2] === 'number';
}

function notRecognised(detail: string): never {
  return fail('BAD_CHOICE', {
    arg: 'selection',
    expected: `a balances range (${columnsText(BALANCES_TABLE)}) or a positions range (${columnsText(POSITIONS_TABLE)})`,
    got: detail,
  });
}

/**
 * Tells a balances range from a positions range, by its header row when it has one (matched by name,
 * case-insensitively), otherwise by shape: a side (LONG/SHORT/BOTH) in the second column means positions.
 */
export function readSelection(values: CellGrid): SelectionContent {
  const first = values[0];
  if (first === undefined || values.every((r) => r.every((c) => cellText(c) === ''))) return notRecognised('an empty range');
  const positionsHeader = headerMap<keyof PositionRow & string>(first, POSITIONS_TABLE);
  if (positionsHeader.has('symbol')) {
    return { kind: 'positions', rows: rowsFrom(values.slice(1), positionsHeader, BLANK_POSITION) };
  }
  const balancesHeader = headerMap<keyof BalanceRow & string>(first, BALANCES_TABLE);
  if (balancesHeader.has('asset')) {
    return { kind: 'balances', rows: rowsFrom(values.slice(1), balancesHeader, EMPTY_BALANCE) };
  }
  const width = first.length;
  if (width >= 6 && looksLikePositionsRow(first)) {
    return { kind: 'positions', rows: rowsFrom(values, positional(POSITION_COLUMNS, width), BLANK_POSITION) };
  }
  if (width >= 3 && width <= 4 && looksLikeBalancesRow(first)) {
    return { kind: 'balances', rows: rowsFrom(values, positional(BALANCE_COLUMNS, width), EMPTY_BALANCE) };
  }
  return notRecognised(`${values.length} row(s) × ${width} column(s) without a recognised header`);
}
