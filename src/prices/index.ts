// Live market prices: the exchanges' public websockets (MARGIN.PRICE in Excel) and REST snapshots (the CLI's
// --live). Outside the engine on purpose: the engine is pure and never touches a network.
export * from './feeds';
export { priceNumber } from './priceText';
export { clockText } from './clockText';
export { priceRequest, describePrice } from './priceRequest';
export type { PriceRequest } from './priceRequest';
export { FeedConnection } from './feedConnection';
export type { Backoff, ConnectionState, ConnectionStatus, Liveness, SocketFactory, SocketLike } from './feedConnection';
export { PriceHub, DEFAULT_BACKOFF, DEFAULT_MIN_SILENCE_MS, DEFAULT_PRICE_SETTINGS } from './priceHub';
export type { PriceHubOptions, PriceSettings, PriceSink } from './priceHub';
export { INTERVAL_SECONDS, LIVE_PRICES_SETTING, MAX_AGE_SECONDS, readStoredPriceSettings, storedPriceSettings } from './priceSettings';
export type { StoredPriceSettingsReport } from './priceSettings';
export { REST_BASES, SNAPSHOT_LIMITS, fetchSnapshot, readSnapshot, snapshotUrl } from './restSnapshot';
export type { FetchText } from './restSnapshot';
export { SnapshotPrices } from './snapshotPrices';
export type { LivePrices } from './snapshotPrices';
