/** Powers of ten that a double holds exactly (10^22 is the last). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Mantissas stay below 2^51 so that decimals of `k` places are spaced wider than a double's ulp: at most one
 * of them rounds to a given double, and it is the shortest one, i.e. the decimal `String(x)` prints.
 */
const MAX_MANTISSA = 2 ** 51;

/** Largest integer below which every integer and every sum or product that stays below it is exact. */
export const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The number of decimal places `k` of a positive finite double's shortest decimal, when that decimal is an
 * integer mantissa `m = x × 10^k` below 2^51; −1 otherwise (too many digits for exact integer arithmetic).
 * `m` is then `Math.round(x * POW10[k])`. No allocation, so it can sit on a hot path.
 *
 * @example
 * decimalPlaces(0.975) // 3
 * decimalPlaces(1e-30) // -1
 */
export function decimalPlaces(x: number): number {
  for (let k = 0; k < POW10.length; k += 1) {
    const scale = POW10[k] as number;
    const m = Math.round(x * scale);
    if (m >= MAX_MANTISSA) return -1;
    // m / 10^k is one correctly rounded division: equal to x exactly when the decimal m·10^-k reads back as x.
    if (m / scale === x) return k;
  }
  return -1;
}
