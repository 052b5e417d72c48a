import type { SocketLike } from '../prices/feedConnection';
import { AccountHub } from '../live/stream/accountHub';
import type { LiveFetch } from '../live/restClient';
import { restSnapshot } from '../live/stream/restSnapshot';
import { sharedPriceHub } from './livePrices';

// The browser's fetch, looked up on each call: outside a browser (the bundle loaded elsewhere) there is none.
const browserFetch: LiveFetch = (url, init) => (globalThis.fetch as unknown as LiveFetch)(url, init);
const snapshot = restSnapshot(browserFetch);

/**
 * The one account hub of the add-in's shared runtime: every ACCOUNT cell and the task pane's Connections use it.
 * Collateral the account's own documents leave unpriced takes its index price from the shared price hub.
 */
export const sharedAccountHub = new AccountHub({
  connect: (url) => new WebSocket(url) as unknown as SocketLike,
  snapshot,
  prices: sharedPriceHub,
});
