/** The exchanges whose public haircut tables can be imported. */
export const IMPORT_EXCHANGES = ['binance', 'bitget', 'okx', 'bybit'] as const;

export type ImportExchange = (typeof IMPORT_EXCHANGES)[number];

/**
 * The public (unauthenticated) endpoints that publish each exchange's live table, for the task pane's fetch
 * and as the `source` of an imported preset.
 */
export const IMPORT_ENDPOINTS: Readonly<Record<ImportExchange, string>> = Object.freeze({
  binance: 'https://fapi.binance.com/fapi/v1/assetIndex',
  bitget: 'https://api.bitget.com/api/v2/mix/market/discount-rate',
  okx: 'https://www.okx.com/api/v5/public/discount-rate-interest-free-quota',
  bybit: 'https://api.bybit.com/v5/spot-margin-trade/collateral',
});
