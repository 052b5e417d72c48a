import { POW10, isSafe } from './scaledDecimal';

/**
 * Exact values as a whole part and a decimal fraction `w + f / 10^t` (both exact safe integers), for products
 * that outgrow 2^53 as one integer; the one rounding to a double is certified, so that a result within reach of
 * a rounding midpoint is declined (NaN) and goes to the Decimal path.
 */

const HALF_RANGE = 2 ** 52;

/** 10^-k as the nearest double, for quotients by powers of ten taken as one multiplication. */
const INV10: readonly number[] = POW10.map((p) => 1 / p);

/**
 * ⌊a / 10^k⌋ exactly, for a safe integer `a` and 0 ≤ k ≤ 15: one multiplication by the rounded reciprocal,
 * off by at most one below 2^52, then one correcting step (no `%` or `/`: bench/README.md, valuation).
 */
export function quot(a: number, k: number): number {
  const d = POW10[k] as number;
  if (a > HALF_RANGE || a < -HALF_RANGE) {
    const r = a % d;
    return (a - (r < 0 ? r + d : r)) / d;
  }
  const q = Math.floor(a * (INV10[k] as number));
  const r = a - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}

/** Past f's own rounding error (at most 2^-54, f < 1), so that a rounding midpoint is never certified. */
const MARGIN = 2 ** -53;
/** Largest whole part {@link roundSplit} certifies: below it, nudging by the margin is itself exact enough. */
const MAX_WHOLE = 2 ** 51;

/**
 * W + frac / unit (W a whole number, unit a power of ten up to 10^15, 0 ≤ frac < unit) rounded once to a
 * double, or NaN when the rounding cannot be certified. No allocation and no bit tests: the additions
 * themselves are the test.
 */
export function roundSplit(W: number, frac: number, unit: number): number {
  const f = frac / unit;
  const s = W + f;
  const e = f - (s - W); // W + f − s exactly (Fast2Sum, W ≥ f)
  // The exact value lies strictly within e ± MARGIN of s. When s plus either end still rounds to s, neither end
  // is past a midpoint (IEEE addition rounds to nearest), so the exact value rounds to s as well.
  const certain = W >= 1 && W <= MAX_WHOLE && s + (e + MARGIN) === s && s + (e - MARGIN) === s;
  return W === 0 ? f : certain ? s : Number.NaN;
}

/** A value `w + f / 10^t` held exactly: `w` a safe integer (any sign), 0 ≤ f < 10^t, t ≤ 15. */
export interface Split {
  w: number;
  f: number;
  t: number;
}

/**
 * The product `x × y` (x = X / 10^kx, y = Y / 10^ky, exact integers of any sign) as a split into `out`, with
 * t = kx + ky; returns t, or NaN (declined, `out` unchanged) when that is over 15 places or a partial product
 * leaves the safe integers.
 */
export function productSplit(X: number, kx: number, Y: number, ky: number, out: Split): number {
  const t = kx + ky;
  if (t > 15) return NaN;
  const p = X * Y;
  if (isSafe(p)) {
    // The product itself is a safe integer.
    const w = quot(p, t);
    return store(out, w, p - w * (POW10[t] as number), t);
  }
  const dx = POW10[kx] as number;
  const xh = quot(X, kx);
  const xl = X - xh * dx;
  const th = xh * Y;
  const tl = xl * Y;
  if (!isSafe(th) || !isSafe(tl)) return wideProductSplit(xh, xl, kx, Y, ky, out);
  // x × y = th / 10^ky + tl / 10^t, with x split into whole and fractional parts.
  const qh = quot(th, ky);
  const low = (th - qh * (POW10[ky] as number)) * dx + tl;
  if (!isSafe(low)) return NaN;
  const ql = quot(low, t);
  return store(out, qh + ql, low - ql * (POW10[t] as number), t);
}

function store(out: Split, w: number, f: number, t: number): number {
  if (!isSafe(w)) return NaN;
  out.w = w;
  out.f = f;
  out.t = t;
  return t;
}

/** {@link productSplit} with both factors split into whole and fractional parts: four partial products. */
function wideProductSplit(xh: number, xl: number, kx: number, Y: number, ky: number, out: Split): number {
  const t = kx + ky;
  const dx = POW10[kx] as number;
  const dy = POW10[ky] as number;
  const yh = quot(Y, ky);
  const yl = Y - yh * dy;
  const t1 = xh * yh;
  const t2 = xh * yl;
  const t3 = xl * yh;
  const t4 = xl * yl;
  if (!isSafe(t1) || !isSafe(t2) || !isSafe(t3) || !isSafe(t4)) return NaN;
  const q2 = quot(t2, ky);
  const q3 = quot(t3, kx);
  const low = (t2 - q2 * dy) * dx + (t3 - q3 * dx) * dy + t4;
  const ql = quot(low, t);
  // Each partial sum is checked, so that none is rounded (the terms may have either sign).
  const w1 = t1 + q2;
  const w2 = w1 + q3;
  if (!isSafe(w1) || !isSafe(w2)) return NaN;
  return store(out, w2 + ql, low - ql * (POW10[t] as number), t);
}

/**
 * `x × R / 10^kr + C / 10^kr` of a value `x = xi + xf / 10^kx` (xi of any sign, 0 ≤ xf < 10^kx), exactly, into
 * `out`; returns its places, or NaN (declined) when an intermediate leaves the safe integers or the result needs
 * more than 15 places.
 */
export function splitLinear(xi: number, xf: number, kx: number, R: number, C: number, kr: number, out: Split): number {
  const T = kx + kr;
  if (T > 15) return NaN;
  const u = xf * R;
  const whole = xi * R;
  if (!isSafe(u) || !isSafe(whole)) return NaN;
  const dx = POW10[kx] as number;
  const dr = POW10[kr] as number;
  const qu = quot(u, kx);
  const Z1 = whole + qu;
  const Z = Z1 + C;
  if (!isSafe(Z1) || !isSafe(Z)) return NaN;
  const W = quot(Z, kr);
  out.w = W;
  out.f = (Z - W * dr) * dx + (u - qu * dx);
  out.t = T;
  return T;
}
