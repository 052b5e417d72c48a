import { assetSpec } from './assetSpec';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import type { AssetSpec, Preset } from './model';
import { tierIndex, tierTable } from './tierTable';
import { messageNumber } from './numberText';

function unitLabel(preset: Preset, spec: AssetSpec): string {
  return spec.tierUnit === 'value' ? `${preset.quote} value` : `${spec.asset} quantity`;
}

/**
 * Haircut amount of a holding of `x` tier units (quote value or coin quantity, by the spec's tierUnit),
 * slice by slice like tax brackets. `x` must be ≥ 0.
 *
 * @throws TIERS_UNPUBLISHED when the spec has no tiers; TIERS_UNPUBLISHED_BEYOND past the last published cap.
 * @example
 * tieredUnits(bitget, bitget.assets.BTC, dec(600000)).toString() // '582000'
 */
export function tieredUnits(preset: Preset, spec: AssetSpec, x: Dec, arg?: string): Dec {
  const table = tierTable(spec);
  const named: Readonly<Record<string, string>> = arg === undefined ? {} : { arg };
  if (table.floors.length === 0) fail('TIERS_UNPUBLISHED', { ...named, asset: spec.asset, preset: preset.id });
  if (table.lastCap !== null && x.gt(table.lastCap)) {
    fail('TIERS_UNPUBLISHED_BEYOND', {
      ...named,
      preset: preset.id,
      asset: spec.asset,
      cap: messageNumber(table.lastCap),
      unit: unitLabel(preset, spec),
      reached: messageNumber(x),
    });
  }
  const i = tierIndex(table, x);
  return x.times(table.ratios[i] as Dec).plus(table.intercepts[i] as Dec);
}

function checkPrice(price: Dec): void {
  if (price.isNeg() && !price.isZero()) fail('NEGATIVE', { arg: 'price', got: messageNumber(price) });
}

/**
 * Margin value, in quote currency, of `amount` coins of an asset at `price`: a positive amount counts at its
 * tiered haircut value, a negative amount (a liability) at `amount × price × liabilityRate` (negative).
 *
 * @throws NEGATIVE for a negative price; TIERS_UNPUBLISHED(_BEYOND) when the tiers do not cover the holding,
 * naming `arg` (the argument the holding came from: `balances` for an account) or else `asset` / `amount`.
 * @example
 * valueHolding(bitget, bitget.assets.BTC, dec(10), dec(60000)).toString() // '582000'
 */
export function valueHolding(preset: Preset, spec: AssetSpec, amount: Dec, price: Dec, arg?: string): Dec {
  checkPrice(price);
  if (amount.isZero()) return ZERO;
  if (amount.isNeg()) {
    const liability = amount.times(price).times(spec.liabilityRate);
    return liability.isZero() ? ZERO : liability;
  }
  if (spec.tierUnit === 'value') return tieredUnits(preset, spec, amount.times(price), arg);
  const value = tieredUnits(preset, spec, amount, arg).times(price);
  return value.isZero() ? ZERO : value;
}

/**
 * {@link valueHolding} for an asset named as text (case-insensitive).
 *
 * @throws UNKNOWN_ASSET when the preset does not list the asset.
 * @example
 * collateralValue(bitmart, 'BTC', dec('0.01'), dec(100000)).toString() // '950'
 */
export function collateralValue(preset: Preset, asset: string, amount: Dec, price: Dec): Dec {
  return valueHolding(preset, assetSpec(preset, asset), amount, price);
}

/**
 * Effective collateral ratio of a holding: value / (amount × price). A zero holding (or a zero price with
 * value tiers) gets the first tier's ratio; quantity tiers give the same ratio at any price; a negative
 * amount gets the liability rate.
 *
 * @example
 * collateralRatio(bitget, 'BTC', dec(10), dec(60000)).toString() // '0.97'
 */
export function collateralRatio(preset: Preset, asset: string, amount: Dec, price: Dec): Dec {
  const spec = assetSpec(preset, asset);
  checkPrice(price);
  if (amount.isNeg() && !amount.isZero()) return spec.liabilityRate;
  const x = spec.tierUnit === 'value' ? amount.times(price) : amount;
  if (x.isZero()) return firstRatio(preset, spec);
  return tieredUnits(preset, spec, x).div(x);
}

function firstRatio(preset: Preset, spec: AssetSpec): Dec {
  const first = spec.tiers[0];
  return first ? first.ratio : fail('TIERS_UNPUBLISHED', { asset: spec.asset, preset: preset.id });
}
