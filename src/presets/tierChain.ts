import type { Tier } from '../engine/model';
import { messageNumber } from '../engine/numberText';
import { invalid } from './jsonRead';

/** Names the JSON path of tier `index`'s floor, cap or ratio, in the vocabulary of the document being read. */
export type TierPath = (index: number, part: 'floor' | 'cap' | 'ratio') => string;

/**
 * Checks that tiers tile the holding from 0 without gaps or overlaps: the first floor is 0, each floor is the
 * previous cap, each cap is above its floor, and only the last tier may be open-ended (`cap: null`).
 * Ratios are checked where they are read.
 */
export function checkTierChain(tiers: readonly Tier[], path: TierPath): void {
  tiers.forEach((tier, i) => {
    const previous = i === 0 ? undefined : tiers[i - 1];
    if (previous === undefined && !tier.floor.isZero()) {
      invalid(path(i, 'floor'), `expected the first tier to start at 0, got ${messageNumber(tier.floor)}`);
    }
    if (previous !== undefined) checkJoin(previous, tier, i, path);
    if (tier.cap !== null && !tier.cap.gt(tier.floor)) {
      invalid(path(i, 'cap'), `expected a cap above the floor ${messageNumber(tier.floor)}, got ${messageNumber(tier.cap)}`);
    }
  });
}

function checkJoin(previous: Tier, tier: Tier, i: number, path: TierPath): void {
  if (previous.cap === null) {
    invalid(path(i - 1, 'cap'), 'expected a cap: only the last tier may have no cap (null)');
  }
  if (!tier.floor.eq(previous.cap)) {
    invalid(
      path(i, 'floor'),
      `expected ${messageNumber(previous.cap)} (the previous tier's cap: tiers must be contiguous), got ${messageNumber(tier.floor)}`,
    );
  }
}
