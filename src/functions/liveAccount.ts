import type { SocketLike } from '../prices/feedConnection';
import { AccountHub } from '../live/stream/accountHub';
import type { LiveFetch } from '../live/restClient';
import { browserSnapshot } from '../live/stream/binanceWsSnapshot';
import { sharedPriceHub } from './livePrices';

// The browser's fetch, looked up on each call: outside a browser (the bundle loaded elsewhere) there is none.
const browserFetch: LiveFetch = (url, init) => (globalThis.fetch as unknown as LiveFetch)(url, init);
const connect = (url: string) => new WebSocket(url) as unknown as SocketLike;
// Binance's snapshot over its WebSocket API (a browser may not send its REST key header); the others over REST.
const snapshot = browserSnapshot(browserFetch, connect);

/**
 * The one account hub of the add-in's shared runtime: every ACCOUNT cell and the task pane's Connections use it.
 * Collateral the account's own documents leave unpriced takes its index price from the shared price hub.
 */
export const sharedAccountHub = new AccountHub({
  connect,
  snapshot,
  prices: sharedPriceHub,
});
