import type { Dec } from './decimal';
import { fail } from './errors';
import type { Preset } from './model';

export interface UserTierThreshold {
  readonly tier: string;
  readonly threshold: Dec;
}

/**
 * The auto-exchange threshold of a user tier (case-insensitive; blank = the preset's default tier, else its
 * first tier). `undefined` when the preset publishes no thresholds (then the THRESHOLD trigger does not apply).
 *
 * @throws UNKNOWN_USER_TIER listing the preset's tiers.
 * @example
 * userTierThreshold(binance, 'VIP2') // { tier: 'vip2', threshold: -10000 }
 */
export function userTierThreshold(preset: Preset, userTier?: string | null): UserTierThreshold | undefined {
  const thresholds = preset.rules.autoExchangeThresholds;
  const tiers = thresholds ? Object.keys(thresholds) : [];
  if (!thresholds || tiers.length === 0) return undefined;
  const given = userTier?.trim() ?? '';
  const wanted = given !== '' ? given : (preset.rules.defaultUserTier ?? (tiers[0] as string));
  const tier = tiers.find((t) => t.toLowerCase() === wanted.toLowerCase());
  const threshold = tier === undefined ? undefined : thresholds[tier];
  if (tier === undefined || threshold === undefined) {
    return fail('UNKNOWN_USER_TIER', { expected: tiers.join(', '), got: wanted });
  }
  return { tier, threshold };
}
