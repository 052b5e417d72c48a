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
