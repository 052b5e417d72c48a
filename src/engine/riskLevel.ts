import type { Dec } from './decimal';
import { ONE } from './decimal';
import { fail } from './errors';
import type { Preset, RiskLevel } from './model';
import { messageNumber } from './numberText';

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
