import { assetSpec } from './assetSpec';
import { dec, toCellNumber } from './decimal';
import type { AssetSpec, Preset } from './model';
import { decimalPlaces, POW10, SAFE } from './scaledDecimal';
import type { ScaledTiers } from './scaledTiers';
import { integerFloorTier, scaledTiers, tieredScaled } from './scaledTiers';
import { splitProduct, splitTierValue } from './splitValue';
import { valueHolding } from './valuation';

const specCache = new WeakMap<Preset, Map<string, AssetSpec>>();
/** Enough for every asset name a sheet spells; past it the cache starts over rather than grow without bound. */
const MAX_CACHED_NAMES = 1_000;

/** {@link assetSpec} remembered per preset object and name as typed, since a sheet repeats the same few names. */
function cachedSpec(preset: Preset, asset: string): AssetSpec {
  let names = specCache.get(preset);
  if (!names) {
    names = new Map();
    specCache.set(preset, names);
  }
  let spec = names.get(asset);
  if (!spec) {
    spec = assetSpec(preset, asset);
    if (names.size >= MAX_CACHED_NAMES) names.clear();
    names.set(asset, spec);
  }
  return spec;
}

const safe = (n: number): boolean => n <= SAFE && n >= -SAFE;

/** Value tiers with integer floors, for a product `A·P` past 2^53 (see splitValue). */
function largeValue(t: ScaledTiers, A: number, ka: number, P: number, kp: number): number {
  const split = splitProduct(A, ka, P, kp);
  if (!split) return NaN;
  const [xi, xf] = split;
  const i = integerFloorTier(t, xi, xf);
  if (i < 0) return NaN;
  return splitTierValue(xi, xf, ka + kp, t.ratios[i] as number, t.intercepts[i] as number, t.kr);
}

/**
 * The fast path: the exact tiered value of `amount` coins at `price`, computed on exact integers and rounded
 * once by a single IEEE division; NaN when it does not apply (the Decimal path then decides).
 */
function fastValue(spec: AssetSpec, amount: number, price: number): number {
  if (!(amount > 0 && price > 0 && amount < Infinity && price < Infinity)) return NaN;
  const t = scaledTiers(spec);
  if (t === null) return NaN;
  const ka = decimalPlaces(amount);
  const kp = ka < 0 ? -1 : decimalPlaces(price);
  if (kp < 0) return NaN;
  const A = Math.round(amount * (POW10[ka] as number));
  const P = Math.round(price * (POW10[kp] as number));
  if (spec.tierUnit === 'value') {
    const X = A * P;
    const r = safe(X) ? tieredScaled(t, X, ka + kp) : null;
    if (r) return r.scale < POW10.length ? r.n / (POW10[r.scale] as number) : NaN;
    return largeValue(t, A, ka, P, kp);
  }
  const r = tieredScaled(t, A, ka);
  if (!r) return NaN;
  const n = r.n * P;
  const scale = r.scale + kp;
  return safe(n) && scale < POW10.length ? n / (POW10[scale] as number) : NaN;
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
  const spec = cachedSpec(preset, asset);
  const fast = fastValue(spec, amount, price);
  if (fast === fast) return fast === 0 ? 0 : fast;
  return toCellNumber(valueHolding(preset, spec, dec(amount), dec(price)));
}
