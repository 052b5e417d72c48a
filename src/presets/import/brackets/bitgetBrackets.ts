import { AT_LEAST_ONE, field, NON_NEGATIVE, POSITIVE, RATIO, readBounded, readObject, readText, required } from '../../jsonRead';
import { dataRows } from '../envelope';
import type { BracketRow, ImportedBrackets } from './importedBrackets';
import { completeBrackets, groupBySymbol, symbolKey } from './importedBrackets';

export const BITGET_BRACKETS_ENDPOINT = 'https://api.bitget.com/api/v2/mix/market/query-position-lever';

const NAMES = { floor: 'startUnit', cap: 'endUnit', mmr: 'keepMarginRate', maxLeverage: 'leverage' } as const;

/**
 * Bitget `GET /api/v2/mix/market/query-position-lever`: one row per symbol and level, value bounds startUnit and
 * endUnit (USDT), keepMarginRate and leverage. cum is not published and is derived.
 */
export function readBitgetBrackets(response: unknown): ImportedBrackets {
  const { rows, timeMs } = dataRows(response, '00000', 'requestTime');
  const read = rows.map(({ value, where }) => {
    const obj = readObject(value, where);
    const symbol = symbolKey(readText(required(obj, 'symbol', where), field(where, 'symbol')), field(where, 'symbol'));
    return { symbol, where, row: readRow(obj, where) };
  });
  return {
    symbols: [...groupBySymbol(read)].map(([symbol, list]) => ({
      symbol,
      where: (list[0] as (typeof list)[number]).where,
      brackets: completeBrackets(
        list.map((r) => r.row),
        (list[0] as (typeof list)[number]).where,
      ),
    })),
    ...(timeMs === undefined ? {} : { timeMs }),
    source: BITGET_BRACKETS_ENDPOINT,
    howRead:
      'Bitget query-position-lever: per symbol, value brackets from startUnit and endUnit (USDT), mmr = keepMarginRate, max leverage = leverage (imr = 1 / leverage); cum derived so that maintenance margin is continuous.',
  };
}

function readRow(obj: Readonly<Record<string, unknown>>, at: string): BracketRow {
  return {
    floor: readBounded(required(obj, NAMES.floor, at), field(at, NAMES.floor), NON_NEGATIVE),
    cap: readBounded(required(obj, NAMES.cap, at), field(at, NAMES.cap), POSITIVE),
    mmr: readBounded(required(obj, NAMES.mmr, at), field(at, NAMES.mmr), RATIO),
    maxLeverage: readBounded(required(obj, 'leverage', at), field(at, 'leverage'), AT_LEAST_ONE),
    at,
    names: NAMES,
  };
}
