import type { Dec } from '../decimal';
import { Dec as Decimal, ZERO } from '../decimal';
import { decimalPlaces, POW10 } from './scaledDecimal';
import { quot } from './splitValue';

/** Places of the fixed-point part of an {@link ExactSum}. */
const PLACES = 15;
const UNIT = POW10[PLACES] as number;
/** Past this magnitude the fixed-point whole part moves into the rest, so that the next addition stays exact. */
const SPILL = 2 ** 51;
/** Whole parts past this magnitude go straight into the rest. */
const WHOLE_MAX = 2 ** 52;
/** The engine's significant digits: the rest's partial sums are kept within them, so every addition is exact. */
const DIGITS = 60;

/**
 * An exact running sum for the number path: `hi + lo / 10^15` in safe integers (no allocation per addend),
 * plus a Decimal rest for whole parts past 2^51 and the few addends that need more places. The rest is kept
 * within the engine's 60 digits; once an addend could not be (or is NaN), the sum is NaN for good, which is how
 * the number path declines (the caller then takes the Decimal path).
 *
 * @example
 * const sum = new ExactSum();
 * sum.addScaled(15, 1); // 1.5
 * sum.addScaled(-25, 2); // -0.25
 * sum.toDec().toString() // '1.25'
 */
export class ExactSum {
  private hi = 0;
  private lo = 0;
  private rest: Dec = ZERO;
  /** Bounds on every partial sum of the rest: most places, largest exponent, count of addends. */
  private restPlaces = PLACES;
  private restExponent = 16;
  private restCount = 0;

  /** Adds `w + f / 10^t`: w a safe integer of any sign, 0 ≤ f < 10^t, t ≤ 15. */
  addSplit(w: number, f: number, t: number): void {
    // |hi| ≤ 2^51 and |w| ≤ 2^52 on entry, so hi + w + 1 is exact.
    if (w > WHOLE_MAX || w < -WHOLE_MAX) this.addRest(new Decimal(w));
    else this.hi += w;
    this.lo += f * (POW10[PLACES - t] as number);
    if (this.lo >= UNIT) {
      this.lo -= UNIT;
      this.hi += 1;
    }
    if (this.hi > SPILL || this.hi < -SPILL) {
      this.addRest(new Decimal(this.hi));
      this.hi = 0;
    }
  }

  /** Adds `n / 10^k`: n a safe integer of any sign, k ≤ 22. */
  addScaled(n: number, k: number): void {
    if (k > PLACES) {
      this.addRest(new Decimal(n).div(POW10[k] as number));
      return;
    }
    const q = quot(n, k);
    this.addSplit(q, n - q * (POW10[k] as number), k);
  }

  /** Adds a Decimal exactly: into the fixed-point part when it has at most 15 places, else into the rest. */
  addDec(d: Dec): void {
    if (d.isZero()) return;
    if (d.decimalPlaces() <= PLACES) {
      const w = d.floor();
      if (w.abs().lte(WHOLE_MAX)) {
        this.addSplit(w.toNumber(), d.minus(w).times(UNIT).toNumber(), PLACES);
        return;
      }
    }
    this.addRest(d);
  }

  private addRest(d: Dec): void {
    if (d.isNaN()) {
      this.rest = d;
      return;
    }
    this.restPlaces = Math.max(this.restPlaces, d.decimalPlaces());
    this.restExponent = Math.max(this.restExponent, d.e);
    this.restCount += 1;
    // Whole digits of any partial sum (with the fixed-point part): exponent + 1, plus one per tenfold of addends.
    const whole = this.restExponent + 2 + String(this.restCount).length;
    this.rest = whole + this.restPlaces > DIGITS ? new Decimal(NaN) : this.rest.plus(d);
  }

  /** The sum as a Decimal (exact), or NaN when an addend could not be held. */
  toDec(): Dec {
    return new Decimal(this.hi).plus(new Decimal(this.lo).div(UNIT)).plus(this.rest);
  }
}

/**
 * Places `k` of a finite double's shortest decimal, when its mantissa `x × 10^k` stays below 2^51 (see
 * {@link decimalPlaces}); 0 for zero, −1 when the number does not fit. The mantissa is then {@link mantissa}.
 */
export function placesOf(x: number): number {
  if (x === 0) return 0;
  return decimalPlaces(x < 0 ? -x : x);
}

/** The exact integer `x × 10^k` for `k = placesOf(x)` (sign kept). */
export function mantissa(x: number, k: number): number {
  const m = Math.round((x < 0 ? -x : x) * (POW10[k] as number));
  return x < 0 ? -m : m;
}
