import type { Dec } from '../../engine/decimal';
import { dec, ONE } from '../../engine/decimal';
import { fail } from '../../engine/errors';
import { expectedNumber, messageNumber, readNumber, readNumberText } from '../../engine/numberText';
import type { Choices, ColumnSpec, NumberSign } from './columns';
import { choiceWords } from './columns';
import type { CellScalar } from './types';

/**
 * Scalar cell coercion: turns what a host hands over into engine values, or fails naming the argument.
 * Hosts disagree on blank cells (Excel passes `null`, some paths `""` or `0`), so "blank" is decided here once.
 */

/**
 * True for a number cell the number reader takes as it is: finite, and zero or at least the smallest normal
 * double (what is smaller is refused). Number paths that skip Decimal use this, so they take what it takes.
 */
export function isReadableNumber(cell: unknown): cell is number {
  return typeof cell === 'number' && Number.isFinite(cell) && (cell === 0 || Math.abs(cell) >= 2 ** -1022);
}

/** True for a cell with nothing in it (`null`, or text of only spaces). */
export function isEmptyCell(cell: CellScalar): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** True for what a host may hand over for an omitted optional argument or a blank cell: `null`, `""` or `0`. */
export function isBlankCell(cell: CellScalar): boolean {
  return isEmptyCell(cell) || cell === 0;
}

/** A number as Excel turns it into text: at most 15 significant digits (0.1 + 0.2 is "0.3"). */
function numberAsText(cell: number): string {
  return Number.isFinite(cell) ? messageNumber(dec(cell)) : String(cell);
}

/** How a cell is shown in a message: text quoted, booleans as Excel writes them, numbers as Excel shows them. */
export function describeCell(cell: CellScalar): string {
  if (cell === null) return 'a blank cell';
  if (typeof cell === 'string') return cell.trim() === '' ? 'a blank cell' : `"${cell}"`;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return numberAsText(cell);
}

/**
 * A cell as a Decimal, through the engine's one number reader: bounded to what a cell can hold before any
 * Decimal is built, zero without sign, text with grouping commas in threes accepted.
 */
function numberFrom(cell: number | string | boolean, arg: string): Dec {
  if (typeof cell === 'number' && !Number.isFinite(cell)) return fail('NOT_FINITE', { arg, got: String(cell) });
  if (typeof cell === 'boolean') return fail('NOT_A_NUMBER', { arg, got: describeCell(cell) });
  const reading = typeof cell === 'number' ? readNumber(cell) : readNumberText(cell);
  if (reading.ok) return reading.value;
  if (reading.refusal === 'not-a-number') return fail('NOT_A_NUMBER', { arg, got: describeCell(cell) });
  return fail('NUMBER_REFUSED', { arg, expected: expectedNumber(reading.refusal), got: shortCell(cell) });
}

/** A refused cell in a message: long text cut, so a 100-digit number does not fill the message. */
function shortCell(cell: number | string): string {
  const text = describeCell(cell);
  return text.length > 40 ? `${text.slice(0, 30)}…" (${String(cell).trim().length} characters)` : text;
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
  // NaN or ±Infinity from a host is no word: it would show up in results as "NaN".
  if (typeof cell === 'boolean' || (typeof cell === 'number' && !Number.isFinite(cell))) {
    return fail('NOT_TEXT', { arg, got: describeCell(cell) });
  }
  return typeof cell === 'number' ? numberAsText(cell) : cell.trim();
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
  if (!value.isInteger() || value.isNegative()) fail('NOT_WHOLE_NUMBER', { arg, got: messageNumber(value) });
  return value.toNumber();
}

/**
 * One of a fixed set of words, case-insensitive; returns the canonical spelling from `choices`. Only the
 * choices' own words count: `constructor` or `__proto__` is no choice.
 */
export function requiredChoice<T extends string>(cell: CellScalar, arg: string, choices: Choices<T> | Readonly<Record<string, T>>): T {
  const word = requiredText(cell, arg);
  const map: Choices<T> = choices instanceof Map ? choices : new Map(Object.entries(choices));
  const found = map.get(word.toLowerCase());
  if (found === undefined) return fail('BAD_CHOICE', { arg, expected: choiceWords(map), got: `"${word}"` });
  return found;
}

/** Checks that a value is > 0 (prices, marks): NOT_POSITIVE otherwise. */
export function requirePositive(value: Dec, arg: string): Dec {
  if (!value.isPositive() || value.isZero()) fail('NOT_POSITIVE', { arg, got: messageNumber(value) });
  return value;
}

/** Checks that a value is ≥ 0 (rates, hours): NEGATIVE otherwise. */
export function requireNotNegative(value: Dec, arg: string): Dec {
  if (value.isNegative() && !value.isZero()) fail('NEGATIVE', { arg, got: messageNumber(value) });
  return value;
}

/** Checks that a value is a rate from 0 to 1 (mmr, imr): NEGATIVE below 0, RATE_ABOVE_ONE above 1. */
export function requireRate(value: Dec, arg: string): Dec {
  requireNotNegative(value, arg);
  if (value.gt(ONE)) fail('RATE_ABOVE_ONE', { arg, got: messageNumber(value) });
  return value;
}

/** Applies a number column's sign rule. */
export function requireSign(value: Dec, sign: NumberSign, arg: string): Dec {
  switch (sign) {
    case 'any':
      return value;
    case 'positive':
      return requirePositive(value, arg);
    case 'notNegative':
      return requireNotNegative(value, arg);
    case 'rate':
      return requireRate(value, arg);
  }
}

/**
 * A filled cell of a number column, read by the column's rule; `arg` names range, row and column. Every
 * reader of balances, positions and shocks cells (functions and task pane) reads numbers through this.
 */
export function columnNumber(column: ColumnSpec, cell: CellScalar, arg: string): Dec {
  if (column.rule.kind !== 'number') throw new Error(`column ${column.name} holds no numbers`);
  return requireSign(requiredNumber(cell, arg), column.rule.sign, arg);
}

/** A filled cell of a choice column: the meaning of its word, or BAD_CHOICE listing the words. */
export function columnChoice<T extends string>(column: ColumnSpec, cell: CellScalar, arg: string): T {
  if (column.rule.kind !== 'choice') throw new Error(`column ${column.name} holds no choices`);
  return requiredChoice(cell, arg, column.rule.choices as Choices<T>);
}
