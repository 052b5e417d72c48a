import { PriceHub } from '../prices/priceHub';
import type { SocketLike } from '../prices/feedConnection';

/**
 * The one price hub of the add-in's shared runtime: every PRICE cell and the task pane's "Live prices" section
 * use it. It opens the browser's WebSocket, which only exists where Excel (or a browser) runs this bundle.
 */
export const sharedPriceHub = new PriceHub({
  connect: (url) => new WebSocket(url) as unknown as SocketLike,
});
