import { POW10, SAFE } from './scaledDecimal';

/**
 * Exact tiered value for holdings whose scaled product `amount × price` outgrows 2^53: the value is kept as
 * an integer part and a fraction `frac / 10^T` (both exact safe integers), and the one rounding to a double
 * is checked against the half-ulp so that a result within reach of a rounding midpoint goes to the Decimal
 * path instead (NaN).
 */

const POW2: readonly number[] = Array.from({ length: 1100 }, (_, k) => 2 ** (k - 1074));
const safe = (n: number): boolean => n <= SAFE && n >= -SAFE;

/** Floor division of safe integers by a positive power of ten, exact: [quotient, remainder ≥ 0]. */
function divmod(a: number, d: number): [number, number] {
  const r = ((a % d) + d) % d;
  return [(a - r) / d, r];
}

/** Half an ulp of a positive normal double s ≥ 1. */
function halfUlp(s: number): number {
  let k = Math.floor(Math.log2(s));
  if ((POW2[k + 1074] as number) > s) k -= 1;
  else if ((POW2[k + 1075] as number) <= s) k += 1;
  // At a power of two the gap below is half the gap above: take the smaller one.
  return (POW2[k - 53 + 1074] as number) / (s === POW2[k + 1074] ? 2 : 1);
}

/** W + frac / 10^T rounded once to a double, or NaN when the rounding cannot be certified. */
export function roundSplit(W: number, frac: number, T: number): number {
  const f = frac / (POW10[T] as number);
  if (W === 0) return f;
  if (W < 1) return NaN;
  const s = W + f;
  const e = f - (s - W); // W + f − s exactly (Fast2Sum, W ≥ f)
  // f is off the true fraction by at most 2^-54 (f < 1); s is the right double when that cannot cross a midpoint.
  return Math.abs(e) + 2 ** -54 < halfUlp(s) ? s : NaN;
}

/**
 * A positive holding `amount × price` (amount = A / 10^ka, price = P / 10^kp, mantissas below 2^51) as
 * `xi + xf / 10^(ka+kp)` with xi, xf exact safe integers, 0 ≤ xf < 10^(ka+kp); null when out of range.
 */
export function splitProduct(A: number, ka: number, P: number, kp: number): [number, number] | null {
  const da = POW10[ka] as number;
  const dp = POW10[kp] as number;
  const kx = ka + kp;
  if (kx > 15) return null;
  const [ah, al] = divmod(A, da);
  const [ph, pl] = divmod(P, dp);
  const t1 = ah * ph;
  const t2 = ah * pl;
  const t3 = al * ph;
  const t4 = al * pl;
  if (!safe(t1) || !safe(t2) || !safe(t3) || !safe(t4)) return null;
  const [q2, r2] = divmod(t2, dp);
  const [q3, r3] = divmod(t3, da);
  const [carry, xf] = divmod(r2 * da + r3 * dp + t4, POW10[kx] as number);
  const xi = t1 + q2 + q3 + carry;
  return safe(xi) ? [xi, xf] : null;
}

/**
 * Value `x × R / 10^kr + C / 10^kr` of a holding x = xi + xf / 10^kx, rounded once to a double (NaN when
 * out of range or not certain).
 */
export function splitTierValue(xi: number, xf: number, kx: number, R: number, C: number, kr: number): number {
  const T = kx + kr;
  if (T > 15) return NaN;
  const u = xf * R;
  const whole = xi * R;
  if (!safe(u) || !safe(whole)) return NaN;
  const [qu, ru] = divmod(u, POW10[kx] as number);
  const Z = whole + qu + C;
  if (!safe(Z)) return NaN;
  const [W, zr] = divmod(Z, POW10[kr] as number);
  return roundSplit(W, zr * (POW10[kx] as number) + ru, T);
}
