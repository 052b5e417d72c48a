import Decimal from 'decimal.js';

/**
 * The engine's one Decimal constructor. A private clone, so that nothing here ever touches the global
 * `Decimal.set`, and nothing a host page does to the global changes our results.
 *
 * 60 significant digits: the inputs are doubles (at most 17 significant digits), and no formula multiplies
 * more than three of them before dividing, so every intermediate result is exact or carries over 40 correct
 * digits; the one rounding that matters happens at the output (`toCellNumber`).
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60,
  minE: -9e15,
  maxE: 9e15,
});

/** A decimal value produced by {@link Dec}. */
export type Dec = Decimal;

export type DecimalInput = Decimal | number | string;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Converts a number, decimal string or Decimal into the engine's Decimal. */
export function dec(value: DecimalInput): Dec {
  return value instanceof Dec ? value : new Dec(value);
}

/**
 * The single rounding from exact decimal to a cell's IEEE double: correctly rounded (half-even on the
 * binary grid, as JavaScript's string-to-number conversion is), never `-0`.
 */
export function toCellNumber(value: Dec): number {
  const n = Number(value.toString());
  return n === 0 ? 0 : n;
}

/** The smallest normal double: a cell holds nothing nearer zero (see NUMBER_LIMITS.minMagnitude). */
const MIN_NORMAL = 2 ** -1022;

/** The double next to `n` toward +∞ (`up`) or −∞, for finite `n`. */
function nextDouble(n: number, up: boolean): number {
  if (n === 0) return up ? MIN_NORMAL : -MIN_NORMAL;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const bits = view.getBigUint64(0);
  // Away from zero is one more in the bit pattern, toward zero one less (sign-magnitude).
  view.setBigUint64(0, n > 0 === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/**
 * The rounding for a solver's answer that must stay on its safe side: the nearest cell double at or above
 * `value` (`'up'`, a deposit that is enough) or at or below it (`'down'`, a withdrawal or an order that fits).
 * "At" is as the engine reads the double back from a cell, so re-evaluating with the returned number keeps the
 * promise. A magnitude below the smallest normal double goes to 0 or to that double, whichever is on the safe
 * side; never `-0`.
 *
 * @example
 * toCellNumberDirected(dec('0.1000000000000000000001'), 'down') // 0.1
 * toCellNumberDirected(dec('0.1000000000000000000001'), 'up') // 0.10000000000000002
 */
export function toCellNumberDirected(value: Dec, direction: 'up' | 'down'): number {
  let n = toCellNumber(value);
  if (!Number.isFinite(n)) return n;
  if (n !== 0 && Math.abs(n) < MIN_NORMAL) n = 0;
  const up = direction === 'up';
  // At most two steps: the nearest double is within one step of the directed one.
  for (let i = 0; i < 2; i += 1) {
    const back = new Dec(n);
    if (up ? back.gte(value) : back.lte(value)) return n === 0 ? 0 : n;
    n = nextDouble(n, up);
    if (n !== 0 && Math.abs(n) < MIN_NORMAL) n = up ? MIN_NORMAL : 0;
  }
  return n === 0 ? 0 : n;
}
