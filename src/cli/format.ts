import { DetailedCellError } from 'hyperformula';
import type { CellValue } from 'hyperformula';

/** A computed value, or a spilled table as rows. */
export type Computed = CellValue | CellValue[][];

/** One value as the CLI prints it: numbers in shortest round-trip form, errors as `#CODE! message`. */
export function formatCell(value: CellValue): string {
  if (value instanceof DetailedCellError) return value.message ? `${value.value} ${value.message}` : value.value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value === 0 ? 0 : value);
  return value;
}

/** A value as output lines: one line, or one line per table row with the cells separated by tabs. */
export function formatLines(value: Computed): string[] {
  return Array.isArray(value) ? value.map((row) => row.map(formatCell).join('\t')) : [formatCell(value)];
}

/** The JSON form: errors as `{ error, message }`, tables as arrays of rows. */
export function toJsonValue(value: Computed): unknown {
  if (Array.isArray(value)) return value.map((row) => row.map(toJsonValue));
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message };
  return value;
}
