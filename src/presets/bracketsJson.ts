import { messageNumber } from '../engine/numberText';
import { bracketCum, bracketFault } from '../engine/brackets';
import { ONE } from '../engine/decimal';
import type { Dec } from '../engine/decimal';
import type { Bracket, BracketShape, Preset } from '../engine/model';
import type { JsonDecimal } from './presetJson';
import {
  AT_LEAST_ONE,
  checkKeys,
  describe,
  field,
  invalid,
  item,
  NON_NEGATIVE,
  POSITIVE,
  RATE_ABOVE_ZERO_TO_ONE,
  RATIO,
  readBounded,
  readList,
  readObject,
} from './jsonRead';
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

interface ReadBracket {
  readonly floor: Dec;
  readonly cap: Dec | null;
  readonly mmr: Dec;
  readonly cum?: Dec;
  readonly imr: Dec;
  /** Whether `imr` was written, rather than 1 / maxLeverage (the field a refusal names). */
  readonly declaredImr: boolean;
  readonly maxLeverage?: Dec;
  readonly contractValue?: Dec;
}

function parseSymbolBrackets(value: unknown, where: string): readonly Bracket[] {
  const rows = readList(value, where).map((row, i) => readBracket(row, item(where, i)));
  if (rows.length === 0) invalid(where, 'expected at least one bracket, got an empty list');
  checkTierChain(
    rows.map((r) => ({ floor: r.floor, cap: r.cap, ratio: r.mmr })),
    (i, part) => field(item(where, i), part === 'ratio' ? 'mmr' : part),
  );
  checkContractValues(rows, where);
  const derived = bracketCum(rows);
  return Object.freeze(
    rows.map((r, i) => {
      const bracket = {
        floor: r.floor,
        cap: r.cap,
        mmr: r.mmr,
        cum: r.cum ?? (derived[i] as Dec),
        imr: r.imr,
        ...(r.maxLeverage === undefined ? {} : { maxLeverage: r.maxLeverage }),
        ...(r.contractValue === undefined ? {} : { contractValue: r.contractValue }),
      };
      const fault = bracketFault(bracket);
      if (fault !== undefined) {
        const part = fault.part === 'imr' && r.declaredImr !== true ? 'maxLeverage' : fault.part;
        invalid(field(item(where, i), part), fault.detail);
      }
      return Object.freeze(bracket);
    }),
  );
}

/**
 * A symbol bounded by contracts says so on every bracket, with one contract value, and has no maintenance amount:
 * a bracket without it, or with another, would count its bounds in other units than its neighbours.
 */
function checkContractValues(rows: readonly ReadBracket[], where: string): void {
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

function readBracket(value: unknown, where: string): ReadBracket {
  const obj = readObject(value, where);
  checkKeys(obj, BRACKET_KEYS, where);
  if (obj.floor === undefined) invalid(field(where, 'floor'), 'required, but missing');
  if (obj.mmr === undefined) invalid(field(where, 'mmr'), 'required, but missing');
  if (!('cap' in obj)) invalid(field(where, 'cap'), 'required, but missing (null for no cap)');
  const maxLeverage = obj.maxLeverage === undefined ? undefined : readBounded(obj.maxLeverage, field(where, 'maxLeverage'), AT_LEAST_ONE);
  const imr = obj.imr === undefined ? undefined : readBounded(obj.imr, field(where, 'imr'), RATE_ABOVE_ZERO_TO_ONE);
  if (imr === undefined && maxLeverage === undefined) invalid(where, 'expected maxLeverage or imr (the initial margin rate)');
  return {
    floor: readBounded(obj.floor, field(where, 'floor'), NON_NEGATIVE),
    cap: obj.cap === null ? null : readBounded(obj.cap, field(where, 'cap'), POSITIVE),
    mmr: readBounded(obj.mmr, field(where, 'mmr'), RATIO),
    ...(obj.cum === undefined ? {} : { cum: readBounded(obj.cum, field(where, 'cum'), NON_NEGATIVE) }),
    imr: imr ?? ONE.div(maxLeverage as Dec),
    declaredImr: imr !== undefined,
    ...(maxLeverage === undefined ? {} : { maxLeverage }),
    ...(obj.contractValue === undefined ? {} : { contractValue: readBounded(obj.contractValue, field(where, 'contractValue'), POSITIVE) }),
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
