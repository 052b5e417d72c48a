import type { Dec } from '../../engine/decimal';
import { dec } from '../../engine/decimal';

/** An asset's price given by the user for an account snapshot: `BUSD=1`. */
export interface PricePair {
  /** Upper case, as the snapshot's balances name it. */
  readonly asset: string;
  readonly price: Dec;
}

const PRICE_PAIR = /^([A-Za-z0-9]+)=(\d+(?:\.\d+)?)$/;

/**
 * Reads one `ASSET=PRICE` pair with a positive decimal price, or null: the command line's `--price` and the
 * pane's price box give their own refusal.
 *
 * @example parsePricePair('busd=1') // { asset: 'BUSD', price: 1 }
 * @example parsePricePair('BTC=cheap') // null
 */
export function parsePricePair(text: string): PricePair | null {
  const match = PRICE_PAIR.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const price = dec(match[2]);
  return price.gt(0) ? { asset: match[1].toUpperCase(), price } : null;
}
