import { fail } from '../../engine/errors';
import type { Dec } from '../../engine/decimal';
import { columnChoice, columnNumber, isBlankCell, isEmptyCell } from './coerce';
import type { TableSpec } from './columns';
import { columnFor, columnNamed } from './columns';
import type { CellArg, CellGrid, CellScalar } from './types';

/**
 * Reading a range as a table: an optional header row (columns then matched by name, in any order), blank rows
 * skipped, every problem reported with the range argument's name and the row number as the user counts it
 * (row 1 is the first row of the range, header included).
 */

export type { ColumnSpec, TableSpec } from './columns';
export { headerKey } from './columns';

/** One data row: its cells by column name and its position for messages. */
export interface TableRow {
  /** 1-based row number within the range. */
  readonly row: number;
  /** The cell under a column; `null` when the column is absent or the cell is empty. */
  cell(column: string): CellScalar;
  /** `arg, row n, column`: the argument label for a message about one cell. */
  label(column: string): string;
}

export interface Table {
  readonly hasHeader: boolean;
  readonly rows: readonly TableRow[];
}

/** Where a table's data is in its grid, for readers that go through the cells column by column. */
export interface TableLayout {
  readonly grid: CellGrid;
  readonly hasHeader: boolean;
  /** Column name → index in each grid row. */
  readonly indexes: ReadonlyMap<string, number>;
  /** Grid indexes of the data rows (header and blank rows left out); row n for messages is index + 1. */
  readonly dataRows: readonly number[];
}

/** The columns in the order a header-less range must give them: `asset | amount | price [| upnl]`. */
export function columnsText(spec: TableSpec): string {
  const required = spec.columns.filter((c) => c.required).map((c) => c.name);
  const optional = spec.columns.filter((c) => !c.required).map((c) => `[${c.name}]`);
  return [...required, ...optional].join(', ');
}

/** A range as rows of cells; a single cell is a one-cell range. Rows shorter than the widest are padded. */
export function toGrid(value: CellArg, arg: string): CellGrid {
  if (!Array.isArray(value)) {
    if (value === null || isBlankCell(value)) return fail('EMPTY_RANGE', { arg });
    return [[value]];
  }
  let width = 0;
  for (const r of value) width = Math.max(width, r.length);
  // Hosts hand over rectangular ranges: only a ragged array, or one with holes, is copied.
  const full = (r: readonly (CellScalar | undefined)[]): boolean => r.length === width && r.every((cell) => cell !== undefined);
  if (value.every(full)) return value;
  return value.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
}

/** A header row is all text (blank cells aside), and at least one cell names a known column. */
function isHeader(spec: TableSpec, first: readonly CellScalar[]): boolean {
  const filled = first.filter((c) => !isEmptyCell(c));
  return filled.length > 0 && filled.every((c) => typeof c === 'string') && filled.some((c) => columnFor(spec, c as string) !== undefined);
}

function headerIndexes(spec: TableSpec, header: readonly CellScalar[], arg: string): Map<string, number> {
  const indexes = new Map<string, number>();
  header.forEach((cell, i) => {
    if (isEmptyCell(cell)) return;
    const text = String(cell).trim();
    const column = columnFor(spec, text);
    if (!column) fail('UNKNOWN_COLUMN', { arg, column: text, expected: columnsText(spec) });
    if (indexes.has(column.name)) fail('DUPLICATE_COLUMN', { arg, column: column.name });
    indexes.set(column.name, i);
  });
  for (const column of spec.columns) {
    if (column.required && column.optionalWhen === undefined && !indexes.has(column.name)) {
      fail('MISSING_COLUMN', { arg, column: column.name, detail: `the header row names ${columnsText(spec)}` });
    }
  }
  return indexes;
}

function positionalIndexes(spec: TableSpec, width: number, arg: string): Map<string, number> {
  const min = spec.columns.filter((c) => c.required).length;
  const max = spec.columns.length;
  if (width < min || width > max) {
    const expected = min === max ? String(min) : `${min} to ${max}`;
    fail('BAD_WIDTH', { arg, expected, columns: columnsText(spec), got: width });
  }
  return new Map(spec.columns.slice(0, width).map((c, i) => [c.name, i]));
}

function makeRow(cells: readonly CellScalar[], row: number, indexes: ReadonlyMap<string, number>, arg: string): TableRow {
  return {
    row,
    cell: (column) => {
      const i = indexes.get(column);
      const cell = i === undefined ? null : (cells[i] ?? null);
      return isEmptyCell(cell) ? null : cell;
    },
    label: (column) => `${arg}, row ${row}, ${column}`,
  };
}

/**
 * Finds a table's header, columns and data rows. Fails with EMPTY_RANGE when no data row is left, BAD_WIDTH
 * for a header-less range of the wrong width, UNKNOWN_COLUMN / DUPLICATE_COLUMN / MISSING_COLUMN for a bad
 * header row. Set `allowEmpty` to accept a header row with no data rows below it.
 */
export function readLayout(value: CellArg, arg: string, spec: TableSpec, allowEmpty = false): TableLayout {
  const grid = toGrid(value, arg);
  // An all-blank selection is empty, whatever its width.
  if (grid.every((cells) => cells.every(isBlankCell))) fail('EMPTY_RANGE', { arg });
  const first = grid[0] ?? [];
  const hasHeader = isHeader(spec, first);
  const indexes = hasHeader ? headerIndexes(spec, first, arg) : positionalIndexes(spec, first.length, arg);
  const dataRows: number[] = [];
  grid.forEach((cells, i) => {
    if ((hasHeader && i === 0) || cells.every(isBlankCell)) return;
    dataRows.push(i);
  });
  if (dataRows.length === 0 && !(allowEmpty && hasHeader)) fail('EMPTY_RANGE', { arg });
  return { grid, hasHeader, indexes, dataRows };
}

/**
 * How messages number a range's rows: `range`, row 1 is the range's first row, header included, as a sheet
 * shows it; `data`, row 1 is the first row under the header, as the task pane's grids show their rows below
 * their column labels.
 */
export type RowNumbering = 'range' | 'data';

/** Reads a range as a table of rows ({@link readLayout} has the failures). */
export function readTable(value: CellArg, arg: string, spec: TableSpec, allowEmpty = false, numbering: RowNumbering = 'range'): Table {
  const { grid, hasHeader, indexes, dataRows } = readLayout(value, arg, spec, allowEmpty);
  const first = numbering === 'data' && hasHeader ? 0 : 1;
  return { hasHeader, rows: dataRows.map((i) => makeRow(grid[i] ?? [], i + first, indexes, arg)) };
}

/**
 * Checks that a data row fills every required column, then converts it. A required column left blank is
 * BAD_ROW naming the column and the layout; a value of the wrong type fails inside `convert`, whose messages
 * name range, row and column through {@link TableRow.label}.
 */
export function readRow<T>(row: TableRow, spec: TableSpec, arg: string, convert: (row: TableRow) => T): T {
  const blank = spec.columns.find((c) => c.required && row.cell(c.name) === null && !(c.optionalWhen?.holds(row) ?? false));
  if (blank) {
    const unless = blank.optionalWhen === undefined ? '' : ` (allowed only when ${blank.optionalWhen.reason})`;
    fail('BAD_ROW', { arg, row: row.row, detail: `${blank.name} is blank${unless}; expected ${columnsText(spec)}` });
  }
  return convert(row);
}

/** The number in column `name` of a data row, by the column's rule; null when the cell is blank. */
export function rowNumber(row: TableRow, spec: TableSpec, name: string): Dec | null {
  const cell = row.cell(name);
  return cell === null ? null : columnNumber(columnNamed(spec, name), cell, row.label(name));
}

/** The choice in column `name` of a data row; a blank cell is the column's `blank` choice, or null. */
export function rowChoice<T extends string>(row: TableRow, spec: TableSpec, name: string): T | null {
  const column = columnNamed(spec, name);
  const cell = row.cell(name);
  if (cell === null) return column.rule.kind === 'choice' && column.rule.blank !== undefined ? (column.rule.blank as T) : null;
  return columnChoice<T>(column, cell, row.label(name));
}

/** The number in a column a row must fill (checked by {@link readRow}; a blank is MISSING_ARGUMENT here). */
export function requiredRowNumber(row: TableRow, spec: TableSpec, name: string): Dec {
  return columnNumber(columnNamed(spec, name), row.cell(name), row.label(name));
}
