import { field, item, readList, readObject, required } from '../../jsonRead';
import { bareRows } from '../envelope';
import type { ImportedBrackets } from './importedBrackets';
import { completeBrackets, readNamedRow, symbolField } from './importedBrackets';

export const BINANCE_BRACKETS_ENDPOINT = 'https://fapi.binance.com/fapi/v1/leverageBracket';

const NAMES = { floor: 'notionalFloor', cap: 'notionalCap', mmr: 'maintMarginRatio', cum: 'cum', maxLeverage: 'initialLeverage' } as const;

/**
 * Binance `GET /fapi/v1/leverageBracket` (signed, so pasted): per symbol `brackets[]` with notionalFloor,
 * notionalCap, maintMarginRatio, cum and initialLeverage. A list, or one object when a symbol was asked for.
 */
export function readBinanceBrackets(response: unknown): ImportedBrackets {
  const { rows } = bareRows(response);
  return {
    symbols: rows.map(({ value, where }) => {
      const obj = readObject(value, where);
      const symbol = symbolField(obj, where);
      const at = field(where, 'brackets');
      const list = readList(required(obj, 'brackets', where), at).map((row, i) => {
        const rowAt = item(at, i);
        return readNamedRow(readObject(row, rowAt), rowAt, NAMES);
      });
      return { symbol, where, brackets: completeBrackets(list, at) };
    }),
    source: BINANCE_BRACKETS_ENDPOINT,
    howRead:
      'Binance leverageBracket: per symbol, notional brackets from notionalFloor and notionalCap, mmr = maintMarginRatio, cum as published, max leverage = initialLeverage (imr = 1 / initialLeverage). The response carries no time.',
  };
}
