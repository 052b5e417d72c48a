import { POW10, SAFE } from './scaledDecimal';

/**
 * Exact tiered value for holdings whose scaled product `amount × price` outgrows 2^53: the value is kept as
 * an integer part and a fraction `frac / 10^T` (both exact safe integers), and the one rounding to a double
 * is checked against the half-ulp so that a result within reach of a rounding midpoint goes to the Decimal
 * path instead (NaN).
 */

const POW2: readonly number[] = Array.from({ length: 1100 }, (_, k) => 2 ** (k - 1074));
const safe = (n: number): boolean => n <= SAFE && n >= -SAFE;

/**
 * The remainder ≥ 0 of the floor division of a safe integer by a positive power of ten; `(a − mod(a, d)) / d`
 * is then the exact quotient. No allocation, for the hot paths.
 */
export function mod(a: number, d: number): number {
  return ((a % d) + d) % d;
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

/** A value `w + f / 10^t` held exactly: `w` a safe integer (any sign), 0 ≤ f < 10^t, t ≤ 15. */
export interface Split {
  w: number;
  f: number;
  t: number;
}

/**
 * The product `x × y` (x = X / 10^kx, y = Y / 10^ky, exact integers of any sign) as a split into `out`, with
 * t = kx + ky; false when that is over 15 places or a partial product leaves the safe integers.
 */
export function productSplit(X: number, kx: number, Y: number, ky: number, out: Split): boolean {
  const t = kx + ky;
  if (t > 15) return false;
  const dx = POW10[kx] as number;
  const dy = POW10[ky] as number;
  const xl = mod(X, dx);
  const yl = mod(Y, dy);
  const xh = (X - xl) / dx;
  const yh = (Y - yl) / dy;
  const t1 = xh * yh;
  const t2 = xh * yl;
  const t3 = xl * yh;
  const t4 = xl * yl;
  if (!safe(t1) || !safe(t2) || !safe(t3) || !safe(t4)) return false;
  const r2 = mod(t2, dy);
  const r3 = mod(t3, dx);
  const low = r2 * dx + r3 * dy + t4;
  const f = mod(low, POW10[t] as number);
  // Each partial sum is checked, so that none is rounded (the terms may have either sign).
  const w1 = t1 + (t2 - r2) / dy;
  const w2 = w1 + (t3 - r3) / dx;
  const w = w2 + (low - f) / (POW10[t] as number);
  if (!safe(w1) || !safe(w2) || !safe(w)) return false;
  out.w = w;
  out.f = f;
  out.t = t;
  return true;
}

/**
 * A positive holding `amount × price` (amount = A / 10^ka, price = P / 10^kp, mantissas below 2^51) as
 * `xi + xf / 10^(ka+kp)` with xi, xf exact safe integers, 0 ≤ xf < 10^(ka+kp); null when out of range.
 */
export function splitProduct(A: number, ka: number, P: number, kp: number): [number, number] | null {
  const out: Split = { w: 0, f: 0, t: 0 };
  return productSplit(A, ka, P, kp, out) ? [out.w, out.f] : null;
}

/**
 * `x × R / 10^kr + C / 10^kr` of a value `x = xi + xf / 10^kx` (xi of any sign, 0 ≤ xf < 10^kx), exactly, into
 * `out`; false when an intermediate leaves the safe integers or the result needs more than 15 places.
 */
export function splitLinear(xi: number, xf: number, kx: number, R: number, C: number, kr: number, out: Split): boolean {
  const T = kx + kr;
  if (T > 15) return false;
  const u = xf * R;
  const whole = xi * R;
  if (!safe(u) || !safe(whole)) return false;
  const dx = POW10[kx] as number;
  const dr = POW10[kr] as number;
  const ru = mod(u, dx);
  const Z1 = whole + (u - ru) / dx;
  const Z = Z1 + C;
  if (!safe(Z1) || !safe(Z)) return false;
  const zr = mod(Z, dr);
  out.w = (Z - zr) / dr;
  out.f = zr * dx + ru;
  out.t = T;
  return true;
}

const scratch: Split = { w: 0, f: 0, t: 0 };

/**
 * Value `x × R / 10^kr + C / 10^kr` of a holding x = xi + xf / 10^kx, rounded once to a double (NaN when
 * out of range or not certain).
 */
export function splitTierValue(xi: number, xf: number, kx: number, R: number, C: number, kr: number): number {
  return splitLinear(xi, xf, kx, R, C, kr, scratch) ? roundSplit(scratch.w, scratch.f, scratch.t) : NaN;
}
