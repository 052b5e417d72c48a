import type { AssetEntry } from './assetBook';
import { assetBook, assetEntry } from './assetBook';
import { assetSpec } from '../assetSpec';
import { dec, toCellNumber } from '../decimal';
import type { AssetSpec, Preset } from '../model';
import { decimalPlaces, isSafe, MAX_MANTISSA, POW10 } from './scaledDecimal';
import type { ScaledTiers } from './scaledTiers';
import { tieredScale, tieredScaled } from './scaledTiers';
import type { Split } from './splitValue';
import { productSplit, roundSplit } from './splitValue';
import { valueHolding } from '../valuation';

/**
 * The one memo outside the asset books: the last (preset, spelling) looked up and its entry. It only caches a
 * pure lookup (entries are immutable), so no call sees another's data; a WeakMap lookup per cell instead makes
 * the valuation figure 41 → 57 ms CPU (bench/README.md, valuation).
 */
let lastPreset: Preset | null = null;
let lastName = '';
let lastEntry: AssetEntry | null = null;

/** The preset's entry for an asset as typed, from the preset's {@link assetBook}. */
function cellAsset(preset: Preset, name: string): AssetEntry {
  return preset === lastPreset && name === lastName ? (lastEntry as AssetEntry) : lookUp(preset, name);
}

/** {@link cellAsset} past the memo; kept apart so that V8 inlines cellAsset (bench/README.md, valuation). */
function lookUp(preset: Preset, name: string): AssetEntry {
  const entry = assetEntry(preset, assetBook(preset), name);
  lastEntry = entry;
  lastPreset = preset;
  lastName = name;
  return entry;
}

/** Below 2^52, ⌊a / 10^k⌋ is exactly `Math.floor(a / 10^k)`: the quotient's half-ulp is under 10^-k. */
const EXACT_QUOTIENT = 2 ** 52;
// Held in the module so the hot path fits V8's inlining budget (bench/README.md, valuation).
// Only for exact integers and quotients below 2^52, never a money amount (roundSplit rounds once).
const { floor, round } = Math;

/**
 * Value tiers on integer floors, the common case. The holding `amount × price`, read with `da` and `dp` as
 * denominators (powers of ten: A = amount·da, P = price·dp), is split into whole and fractional parts
 * `xi + xf / dx`, then valued by {@link tierValue}. NaN when the numbers do not have those places, a step leaves
 * the exact range, or the holding is past the last cap (the shortest scales or the Decimal path then decide).
 */
// Kept small (one test for all steps, powers of ten passed in) so V8 inlines it unboxed (bench/README.md, valuation).
function integerFloorValue(t: ScaledTiers, amount: number, price: number, da: number, dp: number): number {
  const dx = da * dp;
  const A = round(amount * da);
  const P = round(price * dp);
  // A = ah·da + al, so x = ah·P / dp + al·P / dx. ah is the amount's whole part: with A below 2^51 the double
  // and its decimal have the same floor.
  const ah = floor(amount);
  const th = ah * P;
  const tl = (A - ah * da) * P;
  const qh = floor(th / dp);
  const low = (th - qh * dp) * da + tl;
  const ql = floor(low / dx);
  // As in decimalPlaces: below 2^51 at most one decimal with that denominator reads back as the number, and it
  // is the shortest.
  const exact = A > 0 && P > 0 && A < MAX_MANTISSA && P < MAX_MANTISSA && A / da === amount && P / dp === price;
  // low ≥ tl, so low below 2^52 bounds tl too.
  if (!(exact && th < EXACT_QUOTIENT && low < EXACT_QUOTIENT)) return Number.NaN;
  return tierValue(t, qh + ql, low - ql * dx, dx);
}

/**
 * `x × ratio + intercept` of the tier of `x = xi + xf / dx` (integer floors, x ≥ 0) as `W + F / D`, rounded
 * once; NaN past the last cap or when a step leaves the exact range.
 */
function tierValue(t: ScaledTiers, xi: number, xf: number, dx: number): number {
  if (!(xi < t.cap || (xi === t.cap && xf === 0))) return Number.NaN;
  // The tier: the last floor at or below x (floors are whole numbers).
  const floors = t.floors;
  let i = floors.length - 1;
  while (i > 0 && (floors[i] as number) > xi) i -= 1;
  // With R, C the ratio and intercept over dr: x·R + C = Z / dr + xf·R / D.
  const dr = t.ratioUnit;
  const D = dx * dr;
  const R = t.ratios[i] as number;
  const whole = xi * R;
  const Z = whole + (t.intercepts[i] as number);
  const W = floor(Z / dr);
  // F < 2·D, as xf < dx and ratios are at most 1 (R ≤ dr): at most one carry into W.
  const F = (Z - W * dr) * dx + xf * R;
  if (!(D <= 1e15 && whole < EXACT_QUOTIENT && Z < EXACT_QUOTIENT && Z >= 0 && F < 2 * D)) return Number.NaN;
  const carry = F < D ? 0 : 1;
  return roundSplit(W + carry, F - carry * D, D);
}

/**
 * The fast path: the exact tiered value of `amount` coins at `price` on exact integers, rounded once (by one
 * IEEE division, or by a certified rounding of whole and fractional parts); NaN when it does not apply (the
 * Decimal path then decides).
 */
function fastValue(spec: AssetSpec, entry: AssetEntry, amount: number, price: number): number {
  const t = entry.tiers;
  if (!(amount > 0 && price > 0 && amount < Infinity && price < Infinity) || t === null) return NaN;
  const ka = decimalPlaces(amount);
  const kp = ka < 0 ? -1 : decimalPlaces(price);
  if (kp < 0) return NaN;
  if (entry.valueTiers !== null) return integerFloorValue(entry.valueTiers, amount, price, POW10[ka] as number, POW10[kp] as number);
  return otherTiersValue(spec, t, Math.round(amount * (POW10[ka] as number)), ka, Math.round(price * (POW10[kp] as number)), kp);
}

/** Value tiers with fractional floors, and quantity tiers. */
function otherTiersValue(spec: AssetSpec, t: ScaledTiers, A: number, ka: number, P: number, kp: number): number {
  if (spec.tierUnit === 'value') {
    const X = A * P;
    const n = isSafe(X) ? tieredScaled(t, X, ka + kp) : NaN;
    const scale = tieredScale(t, ka + kp);
    return scale < POW10.length ? n / (POW10[scale] as number) : NaN;
  }
  const units = tieredScaled(t, A, ka);
  const unitScale = tieredScale(t, ka);
  const n = units * P;
  const scale = unitScale + kp;
  if (isSafe(n) && scale < POW10.length) return n / (POW10[scale] as number);
  const split: Split = { w: 0, f: 0, t: 0 };
  const places = units === units ? productSplit(units, unitScale, P, kp, split) : NaN;
  return places === places ? roundSplit(split.w, split.f, POW10[places] as number) : NaN;
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
  const t = entry.valueTiers;
  // Most holdings are amounts of at most 8 places at prices of at most 2: read them at those scales first.
  const value = t === null ? Number.NaN : integerFloorValue(t, amount, price, 1e8, 100);
  // Unary plus keeps the result unboxed in V8 (bench/README.md, valuation).
  return value === value ? value : +otherValue(preset, asset, entry, amount, price);
}

/** {@link collateralValueCell} for the rest: each number at its shortest scale, else the Decimal engine. */
function otherValue(preset: Preset, asset: string, entry: AssetEntry, amount: number, price: number): number {
  const spec = entry.spec ?? assetSpec(preset, asset); // UNKNOWN_ASSET when the preset does not list it
  const fast = fastValue(spec, entry, amount, price);
  if (fast === fast) return fast === 0 ? 0 : fast;
  return toCellNumber(valueHolding(preset, spec, dec(amount), dec(price)));
}
