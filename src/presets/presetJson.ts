import type { AssetShape, ModeSwitchRuleShape, ModeSwitchWord, PresetShape, RulesShape, TierShape } from '../engine/model';

/**
 * The preset document: what the task pane stores in the workbook, the CLI loads with `--preset` and
 * {@link presetToJson} writes. The engine's Preset shape over its number type: numbers may be JSON numbers or
 * decimal strings (strings keep every digit).
 */
export type JsonDecimal = number | string;

export type TierJson = TierShape<JsonDecimal>;
export type AssetJson = AssetShape<JsonDecimal>;
export type ModeSwitchRuleJson = ModeSwitchRuleShape<JsonDecimal>;
export type RulesJson = RulesShape<JsonDecimal>;
export type PresetJson = PresetShape<JsonDecimal>;

export const PRESET_STATUSES = ['documented', 'illustrative', 'imported', 'custom'] as const;
export const TIER_UNITS = ['value', 'quantity'] as const;
export const MODE_SWITCH_WORDS: readonly ModeSwitchWord[] = [
  'crossOnly',
  'noOpenPositions',
  'noOpenOrders',
  'noNegativeBalance',
  'marginSufficient',
  'quoteCoversMargin',
];
