export { IMPORT_ENDPOINTS, IMPORT_EXCHANGES } from './endpoints';
export type { ImportExchange } from './endpoints';
export { importExchangeTable } from './importExchangeTable';
export type { ImportOptions } from './importExchangeTable';
export { readBinanceAssetIndex } from './binance';
export { readBitgetDiscountRate } from './bitget';
export { readOkxDiscountRate } from './okx';
export { readBybitCollateral } from './bybit';
export type { ImportedAsset, ImportedTable, OwnedField } from './importedTable';
