import type { Dec } from './decimal';
import { ZERO } from './decimal';
import type { AssetSpec } from './model';

/**
 * An asset's tiers prepared for fast lookup: the haircut value accumulated below each tier's floor, so that
 * a holding's value is one bisection, one subtraction, one multiplication and one addition.
 */
export interface TierTable {
  readonly floors: readonly Dec[];
  readonly ratios: readonly Dec[];
  /** `cums[i]` = haircut value (in tier units) of a holding exactly at `floors[i]`. */
  readonly cums: readonly Dec[];
  /** `cums[i] − floors[i] × ratios[i]`, so a holding x in tier i is worth `x × ratios[i] + intercepts[i]`. */
  readonly intercepts: readonly Dec[];
  /** The last published cap; `null` when the last tier is open-ended. */
  readonly lastCap: Dec | null;
}

// Keyed by the spec object: specs are immutable, and a replaced preset brings new spec objects.
const cache = new WeakMap<AssetSpec, TierTable>();

function buildTierTable(spec: AssetSpec): TierTable {
  const floors = spec.tiers.map((t) => t.floor);
  const ratios = spec.tiers.map((t) => t.ratio);
  const cums: Dec[] = [];
  let cum = ZERO;
  spec.tiers.forEach((tier, i) => {
    const previous = spec.tiers[i - 1];
    // Slices run from floor to the next floor, so the value stays continuous even if a cap is mistyped.
    if (previous) cum = cum.plus(tier.floor.minus(previous.floor).times(previous.ratio));
    cums.push(cum);
  });
  const intercepts = cums.map((c, i) => c.minus((floors[i] as Dec).times(ratios[i] as Dec)));
  const last = spec.tiers[spec.tiers.length - 1];
  return { floors, ratios, cums, intercepts, lastCap: last ? last.cap : null };
}

/** The prepared tier table of `spec`, built once per spec object. */
export function tierTable(spec: AssetSpec): TierTable {
  let table = cache.get(spec);
  if (!table) {
    table = buildTierTable(spec);
    cache.set(spec, table);
  }
  return table;
}

/** Index of the tier whose slice contains `x` (the last tier whose floor is ≤ x); `x` must be ≥ the first floor. */
export function tierIndex(table: TierTable, x: Dec): number {
  let lo = 0;
  let hi = table.floors.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((table.floors[mid] as Dec).lte(x)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
