import type { Dec } from '../engine/decimal';
import { NUMBER_LIMITS } from '../engine/numberText';

/**
 * A decimal as text, never "-0": plain digits while they fit what the number reader reads back
 * (NUMBER_LIMITS.maxLength), exponent notation beyond (`1.5e+308`), so a saved preset always loads again.
 */
export function decimalText(d: Dec): string {
  if (d.isZero()) return '0';
  if (Math.abs(d.e) > NUMBER_LIMITS.maxLength) return d.toExponential();
  const plain = d.toFixed();
  return plain.length <= NUMBER_LIMITS.maxLength ? plain : d.toExponential();
}
