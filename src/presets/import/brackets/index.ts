import type { ImportExchange } from '../endpoints';
import { readBinanceBrackets } from './binanceBrackets';
import type { BracketContext } from './bitgetBrackets';
import { isBitgetV3TierRow, readBitgetBrackets } from './bitgetBrackets';
import { readBybitBrackets } from './bybitBrackets';
import type { ImportedBrackets } from './importedBrackets';
import { readOkxBrackets } from './okxBrackets';

export type { ImportedBrackets } from './importedBrackets';
export { BINANCE_BRACKETS_ENDPOINT } from './binanceBrackets';
export { BITGET_BRACKETS_ENDPOINT, BITGET_V3_BRACKETS_ENDPOINT } from './bitgetBrackets';
export type { BracketContext } from './bitgetBrackets';
export { BYBIT_BRACKETS_ENDPOINT } from './bybitBrackets';
export { OKX_BRACKETS_ENDPOINT, OKX_INSTRUMENTS_ENDPOINT, okxInstrumentsUrl } from './okxBrackets';

/**
 * Reads a bracket response; `companions` are the further responses given with it (OKX: its instruments), `context`
 * what the request said that the response does not (Bitget v3: the symbol).
 */
export const BRACKET_READERS: Readonly<
  Record<ImportExchange, (response: unknown, companions: readonly unknown[], context?: BracketContext) => ImportedBrackets>
> = {
  binance: readBinanceBrackets,
  bitget: readBitgetBrackets,
  okx: readOkxBrackets,
  bybit: readBybitBrackets,
};

/** The public endpoints of each exchange's leverage brackets (Binance's needs a signature: paste its response). */
export const BRACKET_ENDPOINTS: Readonly<Record<ImportExchange, string>> = Object.freeze({
  binance: 'https://fapi.binance.com/fapi/v1/leverageBracket',
  bitget: 'https://api.bitget.com/api/v2/mix/market/query-position-lever?productType=usdt-futures&symbol=BTCUSDT',
  okx: 'https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT',
  bybit: 'https://api.bybit.com/v5/market/risk-limit?category=linear',
});

/** The first row of a response's list, wrapped or bare, without checking anything (for telling shapes apart). */
function firstRow(response: unknown): unknown {
  if (Array.isArray(response)) return response[0];
  if (typeof response !== 'object' || response === null) return undefined;
  const obj = response as Record<string, unknown>;
  if (Array.isArray(obj.data)) return obj.data[0];
  const result = obj.result as Record<string, unknown> | undefined;
  if (typeof result === 'object' && result !== null && Array.isArray(result.list)) return result.list[0];
  return obj;
}

const BRACKET_FIELDS: Readonly<Record<ImportExchange, string>> = {
  binance: 'brackets',
  bitget: 'keepMarginRate',
  okx: 'maxLever',
  bybit: 'riskLimitValue',
};

/** Whether a response is the exchange's leverage-bracket table rather than its haircut table. */
export function isBracketResponse(exchange: ImportExchange, response: unknown): boolean {
  const row = firstRow(response);
  if (exchange === 'bitget' && isBitgetV3TierRow(row)) return true;
  return typeof row === 'object' && row !== null && BRACKET_FIELDS[exchange] in row;
}
