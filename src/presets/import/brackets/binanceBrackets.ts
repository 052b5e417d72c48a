import {
  AT_LEAST_ONE,
  field,
  item,
  NON_NEGATIVE,
  POSITIVE,
  RATIO,
  readBounded,
  readList,
  readObject,
  readText,
  required,
} from '../../jsonRead';
import { bareRows } from '../envelope';
import type { BracketRow, ImportedBrackets } from './importedBrackets';
import { completeBrackets, symbolKey } from './importedBrackets';

export const BINANCE_BRACKETS_ENDPOINT = 'https://fapi.binance.com/fapi/v1/leverageBracket';

const NAMES = { floor: 'notionalFloor', cap: 'notionalCap', mmr: 'maintMarginRatio', maxLeverage: 'initialLeverage' } as const;

/**
 * Binance `GET /fapi/v1/leverageBracket` (signed, so pasted): per symbol `brackets[]` with notionalFloor,
 * notionalCap, maintMarginRatio, cum and initialLeverage. A list, or one object when a symbol was asked for.
 */
export function readBinanceBrackets(response: unknown): ImportedBrackets {
  const { rows } = bareRows(response);
  return {
    symbols: rows.map(({ value, where }) => {
      const obj = readObject(value, where);
      const symbol = symbolKey(readText(required(obj, 'symbol', where), field(where, 'symbol')), field(where, 'symbol'));
      const at = field(where, 'brackets');
      const list = readList(required(obj, 'brackets', where), at).map((row, i) => readRow(row, item(at, i)));
      return { symbol, where, brackets: completeBrackets(list, at) };
    }),
    source: BINANCE_BRACKETS_ENDPOINT,
    howRead:
      'Binance leverageBracket: per symbol, notional brackets from notionalFloor and notionalCap, mmr = maintMarginRatio, cum as published, max leverage = initialLeverage (imr = 1 / initialLeverage). The response carries no time.',
  };
}

function readRow(value: unknown, at: string): BracketRow {
  const obj = readObject(value, at);
  return {
    floor: readBounded(required(obj, NAMES.floor, at), field(at, NAMES.floor), NON_NEGATIVE),
    cap: readBounded(required(obj, NAMES.cap, at), field(at, NAMES.cap), POSITIVE),
    mmr: readBounded(required(obj, NAMES.mmr, at), field(at, NAMES.mmr), RATIO),
    cum: readBounded(required(obj, 'cum', at), field(at, 'cum'), NON_NEGATIVE),
    maxLeverage: readBounded(required(obj, 'initialLeverage', at), field(at, 'initialLeverage'), AT_LEAST_ONE),
    at,
    names: NAMES,
  };
}
