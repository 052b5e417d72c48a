import type { AssetEntry } from './assetBook';
import { assetBook, assetEntry } from './assetBook';
import { assetSpec } from './assetSpec';
import { dec, toCellNumber } from './decimal';
import type { AssetSpec, Preset } from './model';
import { decimalPlaces, POW10, isSafe, SAFE } from './scaledDecimal';
import type { ScaledTiers } from './scaledTiers';
import { integerFloorTier, tieredScaled } from './scaledTiers';
import type { Split } from './splitValue';
import { productSplit, quot, roundSplit } from './splitValue';
import { valueHolding } from './valuation';

/** The last lookup: a column of COLLATERAL_VALUE cells asks for the same preset and asset again and again. */
let lastPreset: Preset | null = null;
let lastName = '';
let lastEntry: AssetEntry | null = null;

/** The preset's entry for an asset as typed, from the preset's {@link assetBook}. */
function cellAsset(preset: Preset, name: string): AssetEntry {
  if (preset !== lastPreset || name !== lastName || lastEntry === null) {
    lastEntry = assetEntry(preset, assetBook(preset), name);
    lastPreset = preset;
    lastName = name;
  }
  return lastEntry;
}

const split: Split = { w: 0, f: 0, t: 0 };

/**
 * Value tiers on integer floors, the common case (USDT tiers), kept in one small function so that it compiles
 * as one piece: the holding `x = A·P / 10^(ka+kp)` as whole and fractional parts, its tier, then
 * `x × ratio + intercept` as whole and fractional parts, rounded once. NaN when a step leaves the safe
 * integers (the general splits or the Decimal path then decide).
 */
function integerFloorValue(t: ScaledTiers, amount: number, A: number, ka: number, P: number, kp: number): number {
  const kx = ka + kp;
  const T = kx + t.kr;
  if (T > 15) return NaN;
  const unit = POW10[kx] as number;
  const X = A * P;
  let xi: number;
  let xf: number;
  if (X <= SAFE) {
    xi = quot(X, kx);
    xf = X - xi * unit;
  } else {
    // A = ah·10^ka + al: x = ah·P / 10^kp + al·P / 10^kx, both partial products safe for ordinary prices.
    // ah is the amount's whole part: with A below 2^51 the double and its decimal have the same floor.
    const ah = Math.floor(amount);
    const th = ah * P;
    const tl = (A - ah * (POW10[ka] as number)) * P;
    if (!(th <= SAFE && tl <= SAFE)) return productSplit(A, ka, P, kp, split) ? tierValue(t, split.w, split.f, kx) : NaN;
    const qh = quot(th, kp);
    const low = (th - qh * (POW10[kp] as number)) * (POW10[ka] as number) + tl;
    if (!(low <= SAFE)) return NaN;
    const ql = quot(low, kx);
    xi = qh + ql;
    xf = low - ql * unit;
  }
  return tierValue(t, xi, xf, kx);
}

/**
 * `x × ratio + intercept` of the tier of `x = xi + xf / 10^kx` (integer floors, x ≥ 0), rounded once. The
 * arithmetic of {@link splitLinear}, on locals: this is the hot path of COLLATERAL_VALUE.
 */
function tierValue(t: ScaledTiers, xi: number, xf: number, kx: number): number {
  const i = integerFloorTier(t, xi, xf);
  const T = kx + t.kr;
  if (i < 0 || T > 15) return NaN;
  const R = t.ratios[i] as number;
  const u = xf * R;
  const whole = xi * R;
  if (!(u <= SAFE && whole <= SAFE)) return NaN;
  const qu = quot(u, kx);
  const Z1 = whole + qu;
  const Z = Z1 + (t.intercepts[i] as number);
  if (!(Z1 <= SAFE && Z <= SAFE && Z >= 0)) return NaN;
  const W = quot(Z, t.kr);
  return roundSplit(W, (Z - W * (POW10[t.kr] as number)) * (POW10[kx] as number) + (u - qu * (POW10[kx] as number)), T);
}

/**
 * The fast path: the exact tiered value of `amount` coins at `price` on exact integers, rounded once (by one
 * IEEE division, or by a certified rounding of whole and fractional parts); NaN when it does not apply (the
 * Decimal path then decides).
 */
function fastValue(spec: AssetSpec, t: ScaledTiers | null, amount: number, price: number): number {
  if (!(amount > 0 && price > 0 && amount < Infinity && price < Infinity) || t === null) return NaN;
  const ka = decimalPlaces(amount);
  const kp = ka < 0 ? -1 : decimalPlaces(price);
  if (kp < 0) return NaN;
  const A = Math.round(amount * (POW10[ka] as number));
  const P = Math.round(price * (POW10[kp] as number));
  if (spec.tierUnit === 'value' && t.kf === 0) return integerFloorValue(t, amount, A, ka, P, kp);
  return otherTiersValue(spec, t, A, ka, P, kp);
}

/** Value tiers with fractional floors, and quantity tiers. */
function otherTiersValue(spec: AssetSpec, t: ScaledTiers, A: number, ka: number, P: number, kp: number): number {
  if (spec.tierUnit === 'value') {
    const X = A * P;
    const r = isSafe(X) ? tieredScaled(t, X, ka + kp) : null;
    return r && r.scale < POW10.length ? r.n / (POW10[r.scale] as number) : NaN;
  }
  const r = tieredScaled(t, A, ka);
  if (!r) return NaN;
  const n = r.n * P;
  const scale = r.scale + kp;
  if (isSafe(n) && scale < POW10.length) return n / (POW10[scale] as number);
  return productSplit(r.n, r.scale, P, kp, split) ? roundSplit(split.w, split.f, split.t) : NaN;
}

/**
 * {@link collateralValue} from and to cell numbers: the exact value of the holding (each number read as its
 * shortest decimal) rounded once to a double, as `toCellNumber(collateralValue(...))` gives it. Ordinary
 * holdings take an exact scaled-integer path; the rest (liabilities, long decimals, huge or tiny magnitudes,
 * holdings past the last cap) go through the Decimal engine, with its errors.
 *
 * @throws UNKNOWN_ASSET, NEGATIVE, TIERS_UNPUBLISHED(_BEYOND), as {@link collateralValue}.
 * @example
 * collateralValueCell(bitget, 'BTC', 10, 60000) // 582000
 */
export function collateralValueCell(preset: Preset, asset: string, amount: number, price: number): number {
  const entry = cellAsset(preset, asset);
  const spec = entry.spec ?? assetSpec(preset, asset); // UNKNOWN_ASSET when the preset does not list it
  const fast = fastValue(spec, entry.tiers, amount, price);
  if (fast === fast) return fast === 0 ? 0 : fast;
  return toCellNumber(valueHolding(preset, spec, dec(amount), dec(price)));
}
