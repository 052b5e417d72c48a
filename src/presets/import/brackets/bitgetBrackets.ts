import { field, invalid, item, readObject, readText } from '../../jsonRead';
import { dataRows } from '../envelope';
import type { BracketNames, BracketRow, ImportedBrackets } from './importedBrackets';
import { completeBrackets, groupBySymbol, readNamedRow, symbolField, symbolKey } from './importedBrackets';

export const BITGET_BRACKETS_ENDPOINT = 'https://api.bitget.com/api/v2/mix/market/query-position-lever';
/** The unified-account position tiers: value tiers without a symbol in the rows (the request names it). */
export const BITGET_V3_BRACKETS_ENDPOINT = 'https://api.bitget.com/api/v3/market/position-tier';

type Names = BracketNames & { readonly maxLeverage: string };
const NAMES: Names = { floor: 'startUnit', cap: 'endUnit', mmr: 'keepMarginRate', maxLeverage: 'leverage' };
const V3_NAMES: Names = { floor: 'minTierValue', cap: 'maxTierValue', mmr: 'mmr', maxLeverage: 'leverage' };

/** What the request said that the response does not: the symbol of Bitget's v3 position tiers. */
export interface BracketContext {
  readonly symbol?: string;
}

/** A v3 position-tier row (`tier`, `mmr`, `leverage`, and for futures `minTierValue`, `maxTierValue`). */
export function isBitgetV3TierRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && 'tier' in row && 'mmr' in row && 'leverage' in row && !('keepMarginRate' in row);
}

/**
 * Bitget `GET /api/v3/market/position-tier?category=USDT-FUTURES&symbol=…` (unified account): value tiers
 * minTierValue to maxTierValue (quote coin), mmr and leverage, for the symbol of the request, which the rows do not
 * repeat: it comes from `context.symbol` (the URL's `symbol`, or `--symbol`), or a `symbol` on the rows.
 */
function readBitgetV3Tiers(response: unknown, context: BracketContext): ImportedBrackets {
  const { rows, timeMs } = dataRows(response, '00000', 'requestTime');
  const read = rows.map(({ value, where }) => {
    const obj = readObject(value, where);
    if (obj.minTierValue === undefined && obj.maxTierValue === undefined) {
      invalid(
        field(where, 'minTierValue'),
        `these are Bitget's MARGIN (borrowing) tiers, which have no value bounds; request category=USDT-FUTURES with the symbol, e.g. ${BITGET_V3_BRACKETS_ENDPOINT}?category=USDT-FUTURES&symbol=BTCUSDT`,
      );
    }
    const given = obj.symbol ?? context.symbol;
    if (given === undefined) {
      invalid(
        field(item('response.data', 0), 'symbol'),
        `Bitget's v3 position tiers do not repeat the symbol of the request: import them from their URL (${BITGET_V3_BRACKETS_ENDPOINT}?category=USDT-FUTURES&symbol=BTCUSDT), or name it (the command line: --symbol BTCUSDT)`,
      );
    }
    const symbol = symbolKey(readText(given, obj.symbol === undefined ? 'symbol' : field(where, 'symbol')), field(where, 'symbol'));
    return { symbol, where, row: readNamedRow(obj, where, V3_NAMES) };
  });
  return {
    symbols: symbolBrackets(read),
    ...(timeMs === undefined ? {} : { timeMs }),
    source: BITGET_V3_BRACKETS_ENDPOINT,
    howRead: `Bitget v3 position-tier: value tiers from minTierValue and maxTierValue (quote coin), mmr = mmr, max leverage = leverage (imr = 1 / leverage); cum derived so that maintenance margin is continuous; the symbol is the request's.`,
  };
}

/**
 * Bitget `GET /api/v2/mix/market/query-position-lever`: one row per symbol and level, value bounds startUnit and
 * endUnit (USDT), keepMarginRate and leverage. cum is not published and is derived.
 */
export function readBitgetBrackets(
  response: unknown,
  _companions: readonly unknown[] = [],
  context: BracketContext = {},
): ImportedBrackets {
  const { rows, timeMs } = dataRows(response, '00000', 'requestTime');
  if (isBitgetV3TierRow(rows[0]?.value)) return readBitgetV3Tiers(response, context);
  const read = rows.map(({ value, where }) => {
    const obj = readObject(value, where);
    const symbol = symbolField(obj, where);
    return { symbol, where, row: readNamedRow(obj, where, NAMES) };
  });
  return {
    symbols: symbolBrackets(read),
    ...(timeMs === undefined ? {} : { timeMs }),
    source: BITGET_BRACKETS_ENDPOINT,
    howRead:
      'Bitget query-position-lever: per symbol, value brackets from startUnit and endUnit (USDT), mmr = keepMarginRate, max leverage = leverage (imr = 1 / leverage); cum derived so that maintenance margin is continuous.',
  };
}

/** The read rows grouped by symbol, each symbol's brackets completed (cum derived), named by its first row. */
function symbolBrackets(read: readonly { symbol: string; where: string; row: BracketRow }[]): ImportedBrackets['symbols'] {
  return [...groupBySymbol(read)].map(([symbol, list]) => {
    const where = (list[0] as (typeof list)[number]).where;
    return {
      symbol,
      where,
      brackets: completeBrackets(
        list.map((r) => r.row),
        where,
      ),
    };
  });
}
