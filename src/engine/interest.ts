import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import { messageNumber } from './numberText';

function requireNotNegative(arg: string, value: Dec): void {
  if (value.isNeg() && !value.isZero()) fail('NEGATIVE', { arg, got: messageNumber(value) });
}

/**
 * Simple interest on a liability: max(0, |amount| − interestFree) × hourlyRate × hours.
 *
 * @throws NEGATIVE when the rate, the hours or the interest-free amount is below zero.
 * @example
 * liabilityInterest(dec(-5000), dec('0.00001'), dec(24), dec(1000)).toString() // '0.96'
 */
export function liabilityInterest(amount: Dec, hourlyRate: Dec, hours: Dec, interestFree: Dec = ZERO): Dec {
  requireNotNegative('hourly_rate', hourlyRate);
  requireNotNegative('hours', hours);
  requireNotNegative('interest_free', interestFree);
  const bearing = amount.abs().minus(interestFree);
  if (!bearing.isPositive() || bearing.isZero()) return ZERO;
  const interest = bearing.times(hourlyRate).times(hours);
  return interest.isZero() ? ZERO : interest;
}
