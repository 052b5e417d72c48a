import type { SocketLike } from '../prices/feedConnection';
import { AccountHub } from '../live/stream/accountHub';
import type { AccountSource } from '../live/stream/accountConnection';
import { sharedPriceHub } from './livePrices';

/** Until the signed REST snapshot is wired in, a connection says plainly that it cannot take one. */
const snapshot: AccountSource = () => Promise.reject(new Error('signed snapshots are not available in this build'));

/**
 * The one account hub of the add-in's shared runtime: every ACCOUNT cell and the task pane's Connections use it.
 * Collateral the account's own documents leave unpriced takes its index price from the shared price hub.
 */
export const sharedAccountHub = new AccountHub({
  connect: (url) => new WebSocket(url) as unknown as SocketLike,
  snapshot,
  prices: sharedPriceHub,
});
