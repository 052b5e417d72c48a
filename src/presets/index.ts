export {
  BUILTIN_PRESETS,
  BINANCE_JSON,
  BINANCE_PRESET,
  BITGET_JSON,
  BITGET_PRESET,
  BITMART_JSON,
  BITMART_PRESET,
  BYBIT_JSON,
  BYBIT_PRESET,
  OKX_JSON,
  OKX_PRESET,
} from './builtin';
export { parsePreset } from './parsePreset';
export { presetToJson } from './presetToJson';
export { isoDate, today } from './isoDate';
export { decimalText } from './decimalText';
export { PresetRegistry } from './registry';
export type { RefusedPreset } from './registry';
export type { AssetJson, JsonDecimal, ModeSwitchRuleJson, PresetJson, RulesJson, TierJson } from './presetJson';
export { parsePresetText } from './parsePresetText';
export { locateJsonError, parseJsonDocuments, parseJsonText } from './jsonText';
export type { JsonSyntaxIssue } from './jsonText';
export * from './import';
export { describeTier, diffPresets } from './diffPresets';
export type { PresetChange } from './presetChange';
export { applyStoredSettings, CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING } from './storedSettings';
export type { StoredSettingsReport } from './storedSettings';
export { bracketsToJson, parseBrackets } from './bracketsJson';
export type { BracketJson } from './bracketsJson';
export { describeBracket, diffBrackets } from './diffBrackets';
export * from './account';
