import { field, invalid, item, readList, readObject, readText } from '../jsonRead';

/** The asset rows of a response, each with the JSON path it is reported under. */
export interface ResponseRows {
  readonly rows: readonly { readonly value: unknown; readonly where: string }[];
  readonly timeMs?: number;
}

export const ROOT = 'response';

/** What a response object holds under `key`, unchecked (undefined for a list or a non-object): for telling shapes apart. */
export function peek(response: unknown, key: string): unknown {
  return typeof response === 'object' && response !== null && !Array.isArray(response)
    ? (response as Record<string, unknown>)[key]
    : undefined;
}

/** The first item of a list, unchecked (undefined when it is not a list). */
export function firstItem(list: unknown): unknown {
  return Array.isArray(list) ? list[0] : undefined;
}

/** Whether a value, unchecked, is an object that has every one of `keys`: for telling rows apart. */
export function hasFields(value: unknown, ...keys: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && keys.every((key) => key in value);
}

function rowsOf(list: readonly unknown[], where: string, allowEmpty = false): ResponseRows['rows'] {
  if (list.length === 0 && !allowEmpty) invalid(where, 'expected at least one asset, got an empty list');
  return list.map((value, i) => ({ value, where: item(where, i) }));
}

/** A time in ms since 1970 (number or digit string) as a check of plausibility: after 2009, before 2200. */
export function readTimeMs(value: unknown, where: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1_230_768_000_000 || n > 7_258_118_400_000) {
    return invalid(where, `expected a time in milliseconds since 1970, got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return n;
}

function checkCode(obj: Readonly<Record<string, unknown>>, key: string, ok: string | number, message: string): void {
  const code = obj[key];
  if (code === undefined || String(code) === String(ok)) return;
  const said = typeof obj[message] === 'string' && obj[message] !== '' ? ` (${String(obj[message])})` : '';
  invalid(
    field(ROOT, key),
    `expected ${JSON.stringify(ok)} (success), got ${JSON.stringify(code)}${said}: the exchange refused the request`,
  );
}

/**
 * Bitget and OKX: `{ code, msg, data: [...] }` or the bare `data` list. An empty list is refused unless `allowEmpty`
 * (an account with no open position answers with one).
 */
export function dataRows(response: unknown, success: string, timeKey?: string, allowEmpty = false): ResponseRows {
  if (Array.isArray(response)) return { rows: rowsOf(response, ROOT, allowEmpty) };
  const obj = readObject(response, ROOT);
  checkCode(obj, 'code', success, 'msg');
  const rows = rowsOf(readList(obj.data, field(ROOT, 'data')), field(ROOT, 'data'), allowEmpty);
  const time = timeKey === undefined || obj[timeKey] === undefined ? undefined : readTimeMs(obj[timeKey], field(ROOT, timeKey));
  return time === undefined ? { rows } : { rows, timeMs: time };
}

/** Bitget's single-object answers: `{ code, msg, data: { ... } }`; the object with its path. */
export function dataObject(
  response: unknown,
  success: string,
): { readonly value: Readonly<Record<string, unknown>>; readonly where: string } {
  const obj = readObject(response, ROOT);
  checkCode(obj, 'code', success, 'msg');
  const where = field(ROOT, 'data');
  return { value: readObject(obj.data, where), where };
}

/** Bybit: `{ retCode, retMsg, result: { list: [...] }, time }` or the bare list; an empty list only with `allowEmpty`. */
export function resultListRows(response: unknown, allowEmpty = false): ResponseRows {
  if (Array.isArray(response)) return { rows: rowsOf(response, ROOT, allowEmpty) };
  const obj = readObject(response, ROOT);
  checkCode(obj, 'retCode', 0, 'retMsg');
  const result = readObject(obj.result, field(ROOT, 'result'));
  const where = field(field(ROOT, 'result'), 'list');
  const rows = rowsOf(readList(result.list, where), where, allowEmpty);
  return obj.time === undefined ? { rows } : { rows, timeMs: readTimeMs(obj.time, field(ROOT, 'time')) };
}

/** Binance: a bare list of rows, or one row for a single-symbol request; an error is `{ code, msg }`. */
export function bareRows(response: unknown, allowEmpty = false): ResponseRows {
  if (Array.isArray(response)) return { rows: rowsOf(response, ROOT, allowEmpty) };
  const obj = readObject(response, ROOT);
  checkBinanceError(obj);
  return { rows: [{ value: obj, where: ROOT }] };
}

/** Binance's error answer `{ code, msg }`, refused with the exchange's message. */
export function checkBinanceError(obj: Readonly<Record<string, unknown>>): void {
  if (obj.code !== undefined && obj.msg !== undefined) {
    invalid(field(ROOT, 'code'), `the exchange refused the request: ${readText(obj.msg, field(ROOT, 'msg'))} (code ${String(obj.code)})`);
  }
}
