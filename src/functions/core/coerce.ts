import type { Dec } from '../../engine/decimal';
import { dec, ZERO } from '../../engine/decimal';
import { fail } from '../../engine/errors';
import type { CellScalar } from './types';

/**
 * Scalar cell coercion: turns what a host hands over into engine values, or fails naming the argument.
 * Hosts disagree on blank cells (Excel passes `null`, some paths `""` or `0`), so "blank" is decided here once.
 */

/** Decimal text as a desk types it: optional sign, digits, optional fraction and exponent; no separators. */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** True for a cell with nothing in it (`null`, or text of only spaces). */
export function isEmptyCell(cell: CellScalar): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** True for what a host may hand over for an omitted optional argument or a blank cell: `null`, `""` or `0`. */
export function isBlankCell(cell: CellScalar): boolean {
  return isEmptyCell(cell) || cell === 0;
}

/** How a cell is shown in a message: text quoted, booleans as Excel writes them. */
export function describeCell(cell: CellScalar): string {
  if (cell === null) return 'a blank cell';
  if (typeof cell === 'string') return cell.trim() === '' ? 'a blank cell' : `"${cell}"`;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function numberFrom(cell: number | string | boolean, arg: string): Dec {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) fail('NOT_FINITE', { arg, got: String(cell) });
    // -0 would survive into Decimal and print as "-0" in messages; a cell value of zero has no sign.
    return cell === 0 ? ZERO : dec(cell);
  }
  if (typeof cell === 'string' && NUMERIC_TEXT.test(cell.trim())) {
    const value = dec(cell.trim());
    return value.isZero() ? ZERO : value;
  }
  return fail('NOT_A_NUMBER', { arg, got: describeCell(cell) });
}

/** A required number: numbers and numeric text are accepted; a blank cell is MISSING_ARGUMENT. */
export function requiredNumber(cell: CellScalar, arg: string): Dec {
  if (cell === null || isEmptyCell(cell)) return fail('MISSING_ARGUMENT', { arg });
  return numberFrom(cell, arg);
}

/** An optional number: `null` when the cell is blank (`null` or `""`); `0` is the number zero. */
export function optionalNumber(cell: CellScalar, arg: string): Dec | null {
  if (cell === null || isEmptyCell(cell)) return null;
  return numberFrom(cell, arg);
}

function textFrom(cell: string | number | boolean, arg: string): string {
  if (typeof cell === 'boolean') return fail('NOT_TEXT', { arg, got: describeCell(cell) });
  return String(cell).trim();
}

/** Required text (numbers are taken as their text); `null`, `""` and the host's blank `0` are MISSING_ARGUMENT. */
export function requiredText(cell: CellScalar, arg: string): string {
  if (cell === null || isBlankCell(cell)) return fail('MISSING_ARGUMENT', { arg });
  return textFrom(cell, arg);
}

/** Optional text: `null` when the cell is blank (`null`, `""` or `0`). */
export function optionalText(cell: CellScalar, arg: string): string | null {
  if (cell === null || isBlankCell(cell)) return null;
  return textFrom(cell, arg);
}

/**
 * An optional TRUE/FALSE: blank is FALSE; 1 and 0 and the texts TRUE/FALSE are accepted because that is what
 * Excel's own logical functions accept.
 */
export function optionalBoolean(cell: CellScalar, arg: string): boolean {
  if (cell === null || isBlankCell(cell)) return false;
  if (typeof cell === 'boolean') return cell;
  if (cell === 1) return true;
  if (typeof cell === 'string') {
    const word = cell.trim().toUpperCase();
    if (word === 'TRUE') return true;
    if (word === 'FALSE') return false;
  }
  return fail('NOT_BOOLEAN', { arg, got: describeCell(cell) });
}

/** An optional count (open orders): blank is 0; otherwise a whole number ≥ 0. */
export function optionalCount(cell: CellScalar, arg: string): number {
  const value = optionalNumber(cell, arg);
  if (value === null) return 0;
  if (!value.isInteger() || value.isNegative()) fail('NOT_WHOLE_NUMBER', { arg, got: value.toString() });
  return value.toNumber();
}

/** One of a fixed set of words, case-insensitive; returns the canonical spelling from `choices`. */
export function requiredChoice<T extends string>(cell: CellScalar, arg: string, choices: Readonly<Record<string, T>>): T {
  const word = requiredText(cell, arg);
  const found = choices[word.toLowerCase()];
  if (found === undefined) {
    const expected = [...new Set(Object.values(choices))].join(', ');
    return fail('BAD_CHOICE', { arg, expected, got: `"${word}"` });
  }
  return found;
}

/** Checks that a value is > 0 (prices, marks): NOT_POSITIVE otherwise. */
export function requirePositive(value: Dec, arg: string): Dec {
  if (!value.isPositive() || value.isZero()) fail('NOT_POSITIVE', { arg, got: value.toString() });
  return value;
}

/** Checks that a value is ≥ 0 (rates, hours): NEGATIVE otherwise. */
export function requireNotNegative(value: Dec, arg: string): Dec {
  if (value.isNegative() && !value.isZero()) fail('NEGATIVE', { arg, got: value.toString() });
  return value;
}
