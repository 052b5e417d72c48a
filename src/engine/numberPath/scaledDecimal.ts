/** Powers of ten that a double holds exactly (10^22 is the last). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Mantissas stay below 2^51 so that decimals of `k` places are spaced wider than a double's ulp: at most one
 * of them rounds to a given double, and it is the shortest one, i.e. the decimal `String(x)` prints.
 */
export const MAX_MANTISSA = 2 ** 51;

/** Largest integer below which every integer and every sum or product that stays below it is exact. */
export const SAFE = Number.MAX_SAFE_INTEGER;

/** True when `n` is within ±2^53 − 1: an integer result there was computed exactly. */
export function isSafe(n: number): boolean {
  return n <= SAFE && n >= -SAFE;
}

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
  // Most cell numbers have at most 8 places: one test at 8 places, then the trailing zeros give k.
  const m = Math.round(x * 1e8);
  if (m >= MAX_MANTISSA) return placesFrom(x, 0); // large numbers: try every scale
  if (m / 1e8 !== x) return placesFrom(x, 9);
  // Decimals of 8 places are spaced wider than x's ulp here, so m is the shortest decimal padded to 8 places,
  // and its trailing zeros give k. They are in m's last 8 digits, found without a division.
  let digits = m - Math.floor(x) * 1e8; // exact; off by 10^8 at most, when x sits next to a whole number
  if (digits < 0) digits += 1e8;
  else if (digits >= 1e8) digits -= 1e8;
  digits |= 0; // below 10^8: a 32-bit integer, so the remainders below are integer arithmetic
  if (digits === 0) return 0;
  let k = 8;
  if (digits % 10000 === 0) {
    digits = (digits / 10000) | 0;
    k -= 4;
  }
  if (digits % 100 === 0) {
    digits = (digits / 100) | 0;
    k -= 2;
  }
  return digits % 10 === 0 ? k - 1 : k;
}

/** {@link decimalPlaces} by trying each scale from `from` (kept apart, so the common case stays small). */
function placesFrom(x: number, from: number): number {
  for (let k = from; k < POW10.length; k += 1) {
    const scale = POW10[k] as number;
    const m = Math.round(x * scale);
    if (m >= MAX_MANTISSA) return -1;
    // m / 10^k is one correctly rounded division: equal to x exactly when the decimal m·10^-k reads back as x.
    if (m / scale === x) return k;
  }
  return -1;
}
