import type { Dec } from './decimal';
import { dec, ONE } from './decimal';
import { fail } from './errors';
import type { Preset, RiskBands, RiskLevel } from './model';
import { messageNumber } from './numberText';

/** Risk bands of the Binance Multi-Asset Margin guide: below 50% safe, 50–80% warning, above 80% danger. */
export const DEFAULT_RISK_BANDS: RiskBands = { warning: dec('0.5'), danger: dec('0.8') };

/**
 * Risk band of a margin ratio: below `warning` SAFE, up to and including `danger` WARNING, below 1 DANGER,
 * at 1 or above LIQUIDATION.
 *
 * @throws NEGATIVE when the ratio is below zero.
 * @example
 * riskLevel(binance, dec('0.6')) // 'WARNING'
 */
export function riskLevel(preset: Preset, ratio: Dec): RiskLevel {
  if (ratio.isNeg() && !ratio.isZero()) fail('NEGATIVE', { arg: 'margin_ratio', got: messageNumber(ratio) });
  const bands = preset.rules.riskBands;
  if (ratio.lt(bands.warning)) return 'SAFE';
  if (ratio.lte(bands.danger)) return 'WARNING';
  if (ratio.lt(ONE)) return 'DANGER';
  return 'LIQUIDATION';
}
