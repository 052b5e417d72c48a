import type { TierUnit } from '../../engine/model';
import type { AssetJson, RulesJson, TierJson } from '../presetJson';

/** One published tier as its source lists it: floor, cap (null: open-ended) and ratio, as decimal strings. */
export type TierRow = readonly [floor: string, cap: string | null, ratio: string];

/** A published tier table, one row per tier in the source's order. */
export function tiers(...rows: readonly TierRow[]): TierJson[] {
  return rows.map(([floor, cap, ratio]) => ({ floor, cap, ratio }));
}

/** An asset valued at one ratio whatever its amount: one tier from 0, without a cap. */
export function oneRatio(tierUnit: TierUnit, ratio: string): AssetJson {
  return { tierUnit, tiers: tiers(['0', null, ratio]) };
}

/** An asset valued at par (ratio 1): the quote asset, or a coin the source values so; `note` says why where it is not obvious. */
export function atPar(tierUnit: TierUnit, note?: string): AssetJson {
  return { ...oneRatio(tierUnit, '1'), ...(note === undefined ? {} : { note }) };
}

/**
 * The risk bands of the Binance Multi-Asset Margin guide (warning from 50%, danger from 80% margin ratio): the
 * built-in presets take them where their exchange publishes none, and say so in their notes.
 */
export const GUIDE_RISK_BANDS: RulesJson['riskBands'] = Object.freeze({ warning: '0.5', danger: '0.8' });
