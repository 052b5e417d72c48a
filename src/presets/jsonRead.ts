import type { Dec } from '../engine/decimal';
import { fail } from '../engine/errors';
import { expectedNumber, messageNumber, type NumberReading, readNumber, readNumberText } from '../engine/numberText';
import { ANY, type Bounds } from './bounds';

/**
 * Checked reads of untrusted JSON (preset documents, exchange responses). Every refusal is an
 * `INVALID_PRESET` naming the JSON path of the field, so the user can find it in what they pasted.
 */

export function invalid(where: string, detail: string): never {
  return fail('INVALID_PRESET', { where, detail });
}

/** `assets` + `BTC` → `assets.BTC`; keys that are not identifiers are quoted: `assets["a b"]`. */
export function field(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** A short description of a JSON value for "got …" in a message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (!isPlainObject(value)) return invalid(where, `expected an object, got ${describe(value)}`);
  return value;
}

export function readList(value: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(value)) return invalid(where, `expected a list, got ${describe(value)}`);
  return value;
}

/** Visits, in order, the objects of a list field (`obj[key]`), each with its path, e.g. `response.assets[2]`. */
export function eachObject(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  where: string,
  visit: (row: Readonly<Record<string, unknown>>, rowAt: string, index: number) => void,
): void {
  const at = field(where, key);
  readList(obj[key], at).forEach((value, i) => visit(readObject(value, item(at, i)), item(at, i), i));
}

export function readText(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    return invalid(where, `expected non-empty text, got ${describe(value)}`);
  }
  return value;
}

export function readChoice<T extends string>(value: unknown, where: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === value);
  if (found === undefined) {
    return invalid(where, `expected one of ${choices.map((c) => `"${c}"`).join(', ')}, got ${describe(value)}`);
  }
  return found;
}

/**
 * A JSON number or a decimal string, as a Decimal (never `-0`). Read by the engine's one number reader, which
 * bounds magnitude and digits before a Decimal is built: `"1e400000000"` is refused at once instead of later
 * printing 400 million digits.
 */
export function readDecimal(value: unknown, where: string): Dec {
  // A document is written by a program or by hand into a field of its own: blanks around the digits are a slip
  // there, not the padding of a cell, so they are refused rather than trimmed.
  const text = typeof value === 'string' && value.trim() === value ? value : undefined;
  const reading: NumberReading | undefined =
    typeof value === 'number' ? readNumber(value) : text !== undefined ? readNumberText(text) : undefined;
  if (reading === undefined) return invalid(where, `expected a number or a decimal string, got ${describe(value)}`);
  if (!reading.ok) {
    const expected = reading.refusal === 'not-a-number' ? 'a number or a decimal string' : expectedNumber(reading.refusal);
    return invalid(where, `expected ${expected}, got ${describe(value)}`);
  }
  return reading.value;
}

export function readBounded(value: unknown, where: string, bounds: Bounds): Dec {
  const d = readDecimal(value, where);
  if (!bounds.test(d)) return invalid(where, `expected ${bounds.text}, got ${messageNumber(d)}`);
  return d;
}

/** Refuses any key outside `allowed`: a misspelt optional field must not silently fall back to its default. */
export function checkKeys(obj: Readonly<Record<string, unknown>>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      invalid(field(where, key), `unknown field; expected one of ${allowed.join(', ')}`);
    }
  }
}

/** Refuses a missing required key with a message naming it. */
export function required(obj: Readonly<Record<string, unknown>>, key: string, where: string): unknown {
  const value = obj[key];
  if (value === undefined) return invalid(field(where, key), 'required, but missing');
  return value;
}

/** An optional number of an exchange response: absent, null and "" all mean "not given". */
function readOptionalBounded(value: unknown, where: string, bounds: Bounds): Dec | undefined {
  return value === undefined || value === null || value === '' ? undefined : readBounded(value, where, bounds);
}

/** A required number field of an object, checked against its domain; a refusal names the field, e.g. `data[0].mmr`. */
export function numberField(obj: Readonly<Record<string, unknown>>, key: string, where: string, bounds: Bounds = ANY): Dec {
  return readBounded(required(obj, key, where), field(where, key), bounds);
}

/** An optional number field (absent, null and "" mean not given), checked against its domain when given. */
export function optionalNumberField(obj: Readonly<Record<string, unknown>>, key: string, where: string, bounds: Bounds = ANY): Dec | null {
  return readOptionalBounded(obj[key], field(where, key), bounds) ?? null;
}

/** A number field a preset document may leave out: only an absent key is "not given"; null or "" are refused. */
export function givenNumberField(obj: Readonly<Record<string, unknown>>, key: string, where: string, bounds: Bounds): Dec | undefined {
  return obj[key] === undefined ? undefined : readBounded(obj[key], field(where, key), bounds);
}

/** A required, non-empty text field of an object. */
export function textField(obj: Readonly<Record<string, unknown>>, key: string, where: string): string {
  return readText(required(obj, key, where), field(where, key));
}

export const ASSET_NAME = /^[A-Za-z0-9]{1,20}$/;

/** An asset name (letters and digits), upper-cased. */
export function readAssetName(value: unknown, where: string): string {
  const text = readText(value, where);
  if (!ASSET_NAME.test(text)) invalid(where, `expected an asset name of letters and digits (e.g. "BTC"), got ${describe(value)}`);
  return text.toUpperCase();
}

/** A required asset name field of an object, upper-cased. */
export function assetNameField(obj: Readonly<Record<string, unknown>>, key: string, where: string): string {
  return readAssetName(required(obj, key, where), field(where, key));
}
