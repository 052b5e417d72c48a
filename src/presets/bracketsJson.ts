import { messageNumber } from '../engine/numberText';
import { bracketFault, completeBrackets } from '../engine/brackets';
import { ONE } from '../engine/decimal';
import type { Dec } from '../engine/decimal';
import type { Bracket, BracketShape, Preset } from '../engine/model';
import type { JsonDecimal } from './presetJson';
import { checkKeys, describe, field, givenNumberField, invalid, item, numberField, readBounded, readList, readObject } from './jsonRead';
import { AT_LEAST_ONE, NON_NEGATIVE, POSITIVE, RATE_ABOVE_ZERO_TO_ONE, RATIO } from './bounds';
import { decimalText } from './decimalText';
import { checkTierChain } from './tierChain';

/** One leverage bracket in a preset document. `cum` is derived when absent; one of `maxLeverage` or `imr` is needed. */
/** A bracket in a preset document. */
export type BracketJson = BracketShape<JsonDecimal>;

const BRACKET_KEYS = ['floor', 'cap', 'mmr', 'cum', 'maxLeverage', 'imr', 'contractValue'] as const;
/** Exchange symbols: BTCUSDT, BTC-USDT-SWAP, ETH/USDC, BTCUSDT_UMCBL. */
export const SYMBOL_KEY = /^[A-Za-z0-9][A-Za-z0-9_\-/:.]{0,39}$/;

/**
 * Reads a preset's `brackets` (per symbol, contiguous from notional 0, rates from 0 to 1). Each `cum` not given
 * is derived so that maintenance margin is continuous (cumₙ = floorₙ × (mmrₙ − mmrₙ₋₁) + cumₙ₋₁); `imr` not
 * given is 1 / maxLeverage. A symbol bounded by contracts gives the same `contractValue` on every bracket, and no
 * `cum` but 0 (its rates apply to the whole position).
 *
 * @throws MarginError `INVALID_PRESET` naming the field, e.g. `brackets.BTCUSDT[1].floor`.
 * @example
 * parseBrackets({ BTCUSDT: [{ floor: 0, cap: 50000, mmr: '0.004', maxLeverage: 125 },
 *   { floor: 50000, cap: null, mmr: '0.005', maxLeverage: 100 }] }).BTCUSDT[1].cum.toString(); // '50'
 */
export function parseBrackets(value: unknown, where = 'brackets'): Readonly<Record<string, readonly Bracket[]>> {
  const obj = readObject(value, where);
  const out: Record<string, readonly Bracket[]> = {};
  for (const [key, list] of Object.entries(obj)) {
    const at = field(where, key);
    if (!SYMBOL_KEY.test(key)) invalid(at, `expected a symbol such as "BTCUSDT", got ${describe(key)}`);
    const symbol = key.toUpperCase();
    if (out[symbol] !== undefined) invalid(at, `symbol ${symbol} appears twice (names are case-insensitive)`);
    out[symbol] = parseSymbolBrackets(list, at);
  }
  return Object.freeze(out);
}

function parseSymbolBrackets(value: unknown, where: string): readonly Bracket[] {
  const rows = readList(value, where).map((row, i) => readBracket(row, item(where, i)));
  if (rows.length === 0) invalid(where, 'expected at least one bracket, got an empty list');
  checkTierChain(
    rows.map((r) => ({ floor: r.floor, cap: r.cap, ratio: r.mmr })),
    (i, part) => field(item(where, i), part === 'ratio' ? 'mmr' : part),
  );
  checkContractValues(rows, where);
  const brackets = completeBrackets(rows, (i) => invalid(item(where, i), 'expected maxLeverage or imr (the initial margin rate)'));
  brackets.forEach((bracket, i) => {
    const fault = bracketFault(bracket);
    if (fault === undefined) return;
    const part = fault.part === 'imr' && rows[i]?.imr === undefined ? 'maxLeverage' : fault.part;
    invalid(field(item(where, i), part), fault.detail);
  });
  return Object.freeze(brackets.map((b) => Object.freeze(b)));
}

/**
 * A symbol bounded by contracts says so on every bracket, with one contract value, and has no maintenance amount:
 * a bracket without it, or with another, would count its bounds in other units than its neighbours.
 */
function checkContractValues(rows: readonly BracketShape<Dec>[], where: string): void {
  const first = rows[0]?.contractValue;
  const text = (d: Dec | undefined) => (d === undefined ? 'none' : messageNumber(d));
  rows.forEach((r, i) => {
    if (first === undefined ? r.contractValue !== undefined : !r.contractValue?.eq(first)) {
      invalid(field(item(where, i), 'contractValue'), `expected ${text(first)} as on the first bracket, got ${text(r.contractValue)}`);
    }
    if (first !== undefined && r.cum?.isZero() === false) {
      invalid(
        field(item(where, i), 'cum'),
        `expected 0: a bracket bounded by contracts has its mmr on the whole position, got ${text(r.cum)}`,
      );
    }
  });
}

function readBracket(value: unknown, where: string): BracketShape<Dec> {
  const obj = readObject(value, where);
  checkKeys(obj, BRACKET_KEYS, where);
  const floor = numberField(obj, 'floor', where, NON_NEGATIVE);
  const mmr = numberField(obj, 'mmr', where, RATIO);
  if (!('cap' in obj)) invalid(field(where, 'cap'), 'required, but missing (null for no cap)');
  const maxLeverage = givenNumberField(obj, 'maxLeverage', where, AT_LEAST_ONE);
  const imr = givenNumberField(obj, 'imr', where, RATE_ABOVE_ZERO_TO_ONE);
  const cap = obj.cap === null ? null : readBounded(obj.cap, field(where, 'cap'), POSITIVE);
  const cum = givenNumberField(obj, 'cum', where, NON_NEGATIVE);
  const contractValue = givenNumberField(obj, 'contractValue', where, POSITIVE);
  return {
    floor,
    cap,
    mmr,
    ...(cum === undefined ? {} : { cum }),
    ...(imr === undefined ? {} : { imr }),
    ...(maxLeverage === undefined ? {} : { maxLeverage }),
    ...(contractValue === undefined ? {} : { contractValue }),
  };
}

/** `brackets` of a preset document, every number as a decimal string; `imr` only where it is not 1 / maxLeverage. */
export function bracketsToJson(preset: Preset): { brackets?: Record<string, BracketJson[]> } {
  if (preset.brackets === undefined) return {};
  const out: Record<string, BracketJson[]> = {};
  for (const [symbol, list] of Object.entries(preset.brackets)) out[symbol] = list.map(bracketToJson);
  return { brackets: out };
}

function bracketToJson(b: Bracket): BracketJson {
  const implied = b.maxLeverage !== undefined && ONE.div(b.maxLeverage).eq(b.imr);
  return {
    floor: decimalText(b.floor),
    cap: b.cap === null ? null : decimalText(b.cap),
    mmr: decimalText(b.mmr),
    cum: decimalText(b.cum),
    ...(b.maxLeverage === undefined ? {} : { maxLeverage: decimalText(b.maxLeverage) }),
    ...(implied ? {} : { imr: decimalText(b.imr) }),
    ...(b.contractValue === undefined ? {} : { contractValue: decimalText(b.contractValue) }),
  };
}
