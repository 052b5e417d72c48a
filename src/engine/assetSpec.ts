import { fail } from './errors';
import type { AssetSpec, Preset } from './model';

/** Asset names compare case-insensitively, so cells may say `btc` or ` BTC `. */
export function normalizeAsset(asset: string): string {
  return asset.trim().toUpperCase();
}

/** The preset's spec for `asset`, or `undefined` (no prototype keys such as `constructor` leak through). */
export function findAssetSpec(preset: Preset, asset: string): AssetSpec | undefined {
  const key = normalizeAsset(asset);
  return Object.prototype.hasOwnProperty.call(preset.assets, key) ? preset.assets[key] : undefined;
}

/**
 * How `preset` values `asset` (looked up case-insensitively).
 *
 * @throws UNKNOWN_ASSET when the preset does not list the asset as collateral.
 * @example
 * assetSpec(bitget, 'btc').tierUnit // 'value'
 */
export function assetSpec(preset: Preset, asset: string): AssetSpec {
  const spec = findAssetSpec(preset, asset);
  return spec ?? fail('UNKNOWN_ASSET', { asset: normalizeAsset(asset) || `"${asset}"`, preset: preset.id });
}
