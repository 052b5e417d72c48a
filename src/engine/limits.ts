import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import type { AssetSpec } from './model';

/**
 * How much more of an asset may be transferred in: min(individualLimit, platformLimit) − the net amount
 * already transferred in, never below zero.
 *
 * @throws LIMITS_UNPUBLISHED when the spec lacks either limit.
 * @example
 * transferableIn(bitget.assets.BTC, dec(30)).toString() // '70' (limits 100 / 5,000)
 */
export function transferableIn(spec: AssetSpec, netTransferredIn: Dec): Dec {
  const { individualLimit, platformLimit } = spec;
  if (individualLimit === undefined || platformLimit === undefined) {
    const missing = [individualLimit === undefined ? 'individualLimit' : '', platformLimit === undefined ? 'platformLimit' : '']
      .filter(Boolean)
      .join(' and ');
    fail('LIMITS_UNPUBLISHED', { asset: spec.asset, missing });
  }
  const room = (individualLimit.lt(platformLimit) ? individualLimit : platformLimit).minus(netTransferredIn);
  return room.isPositive() && !room.isZero() ? room : ZERO;
}
