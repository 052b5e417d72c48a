import type { Dec } from '../../engine/decimal';
import type { AssetSpec, TierUnit } from '../../engine/model';
import { formatExact } from '../ui/formatting';

/** One displayed row of an asset's haircut table; `ratio` is `unpublished` where the exchange gives none. */
export interface TierRowView {
  readonly floor: string;
  readonly cap: string;
  readonly ratio: string;
  readonly unit: string;
  readonly published: boolean;
}

export interface TierTableView {
  readonly asset: string;
  readonly tierUnit: TierUnit;
  /** What the floors and caps count: `USDT value` or `BTC`. */
  readonly unitLabel: string;
  readonly rows: readonly TierRowView[];
  /** A warning to show with the table when some or all tiers are unpublished; `null` when fully published. */
  readonly caveat: string | null;
  /** The preset's own note on this asset, if any. */
  readonly note: string | null;
}

export const NO_CAP = 'no cap';
export const UNPUBLISHED = 'unpublished';

/** A published cap as shown in a table: exactly, or {@link NO_CAP} for an open top tier or bracket. */
export function formatCap(cap: Dec | null): string {
  return cap === null ? NO_CAP : formatExact(cap);
}

/** What a tier's floor and cap count, in words: the quote currency's value or the coin's quantity. */
export function tierUnitLabel(spec: AssetSpec, quote: string): string {
  return spec.tierUnit === 'value' ? `${quote} value` : spec.asset;
}

function unpublishedRow(floor: string, unit: string): TierRowView {
  return { floor, cap: NO_CAP, ratio: UNPUBLISHED, unit, published: false };
}

function caveatOf(spec: AssetSpec, unitLabel: string): string | null {
  const last = spec.tiers[spec.tiers.length - 1];
  if (last === undefined) {
    return `${spec.asset} tiers are unpublished: import the live table or enter the tiers in a custom preset.`;
  }
  if (last.cap !== null) {
    return `${spec.asset} tiers beyond ${formatExact(last.cap)} (${unitLabel}) are unpublished: holdings above it cannot be valued.`;
  }
  return null;
}

/**
 * The haircut table of one asset as the pane shows it: published tiers, then an `unpublished` row where the
 * tiers are empty or stop at a cap (the engine refuses to value a holding there, so the pane says why).
 *
 * @example tierTableView(assetSpec(bitget, 'BTC'), 'USDT').rows[0] // { floor: '0', cap: '100,000', ratio: '0.975', … }
 */
export function tierTableView(spec: AssetSpec, quote: string): TierTableView {
  const unitLabel = tierUnitLabel(spec, quote);
  const rows: TierRowView[] = spec.tiers.map((tier) => ({
    floor: formatExact(tier.floor),
    cap: formatCap(tier.cap),
    ratio: formatExact(tier.ratio),
    unit: spec.tierUnit,
    published: true,
  }));
  const last = spec.tiers[spec.tiers.length - 1];
  if (last === undefined) rows.push(unpublishedRow('0', spec.tierUnit));
  else if (last.cap !== null) rows.push(unpublishedRow(formatExact(last.cap), spec.tierUnit));
  return {
    asset: spec.asset,
    tierUnit: spec.tierUnit,
    unitLabel,
    rows,
    caveat: caveatOf(spec, unitLabel),
    note: spec.note ?? null,
  };
}
