import { assetSpec } from './assetSpec';
import type { Dec } from './decimal';
import { dec, toCellNumber } from './decimal';
import type { AssetSpec, Preset } from './model';
import { decimalPlaces, POW10, SAFE } from './scaledDecimal';
import { splitProduct, splitTierValue } from './splitValue';
import { tierTable } from './tierTable';
import { valueHolding } from './valuation';

/**
 * An asset's tier table as integers at fixed scales: floors (and last cap) × 10^kf, ratios × 10^kr,
 * intercepts × 10^(kf+kr). Null when a figure does not fit exactly in a safe integer.
 */
interface ScaledTiers {
  readonly floors: readonly number[];
  readonly ratios: readonly number[];
  readonly intercepts: readonly number[];
  /** The last cap × 10^kf, or Infinity when the last tier is open. */
  readonly cap: number;
  readonly kf: number;
  readonly kr: number;
}

const scaledCache = new WeakMap<AssetSpec, ScaledTiers | null>();

function scaledInts(values: readonly Dec[], k: number): number[] | null {
  const ints = values.map((v) => v.times(POW10[k] as number));
  if (!ints.every((v) => v.isInteger() && v.abs().lte(SAFE))) return null;
  return ints.map((v) => v.toNumber());
}

function buildScaledTiers(spec: AssetSpec): ScaledTiers | null {
  const table = tierTable(spec);
  if (table.floors.length === 0) return null;
  const bounds = table.lastCap === null ? table.floors : [...table.floors, table.lastCap];
  const kf = Math.max(...bounds.map((d) => d.decimalPlaces()));
  const kr = Math.max(...table.ratios.map((d) => d.decimalPlaces()));
  if (kf + kr >= POW10.length) return null;
  const floors = scaledInts(table.floors, kf);
  const ratios = scaledInts(table.ratios, kr);
  const intercepts = scaledInts(table.intercepts, kf + kr);
  const cap = table.lastCap === null ? [Infinity] : scaledInts([table.lastCap], kf);
  if (!floors || !ratios || !intercepts || !cap) return null;
  return { floors, ratios, intercepts, cap: cap[0] as number, kf, kr };
}

function scaledTiers(spec: AssetSpec): ScaledTiers | null {
  let scaled = scaledCache.get(spec);
  if (scaled === undefined) {
    scaled = buildScaledTiers(spec);
    scaledCache.set(spec, scaled);
  }
  return scaled;
}

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

/**
 * Tiered value, as scaled integer `N / 10^scale`, of a holding `x = X / 10^kx` (X > 0 an exact integer);
 * null when an intermediate would leave the exact integers or `x` is past the last cap.
 */
function tieredScaled(t: ScaledTiers, X: number, kx: number): { n: number; scale: number } | null {
  const s = Math.max(kx, t.kf);
  const xs = X * (POW10[s - kx] as number);
  const floorScale = POW10[s - t.kf] as number;
  if (!safe(xs) || !safe(t.cap === Infinity ? 0 : t.cap * floorScale) || xs > t.cap * floorScale) return null;
  let i = t.floors.length - 1;
  while (i > 0 && (t.floors[i] as number) * floorScale > xs) i -= 1;
  const slope = xs * (t.ratios[i] as number);
  const intercept = (t.intercepts[i] as number) * floorScale;
  const n = slope + intercept;
  if (!safe(slope) || !safe(intercept) || !safe(n)) return null;
  return { n, scale: s + t.kr };
}

/** Value tiers with integer floors, for a product `A·P` past 2^53 (see splitValue). */
function largeValue(t: ScaledTiers, A: number, ka: number, P: number, kp: number): number {
  if (t.kf !== 0) return NaN;
  const split = splitProduct(A, ka, P, kp);
  if (!split) return NaN;
  const [xi, xf] = split;
  if (xi > t.cap || (xi === t.cap && xf > 0)) return NaN;
  let i = t.floors.length - 1;
  while (i > 0 && (t.floors[i] as number) > xi) i -= 1;
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
