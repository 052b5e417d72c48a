/** A plain decimal as the exchanges send prices: digits, an optional fraction, no sign, no exponent. */
const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;

/**
 * The cell number of an exchange's decimal price text: the double nearest to it (what Excel shows for that
 * decimal). Anything that is not a finite positive plain decimal is refused (`undefined`), so NaN, 0 or a
 * negative price never reaches a cell.
 *
 * @example
 * priceNumber('27000.0') // 27000
 * priceNumber('')        // undefined
 */
export function priceNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
