import type { Dec } from '../engine/decimal';
import {
  ASSET_NUMBER_FIELDS,
  type AssetNumberField,
  type AssetSpec,
  type ModeSwitchRule,
  type Preset,
  type PresetRules,
} from '../engine/model';
import { bracketsToJson } from './bracketsJson';
import { decimalText } from './decimalText';
import type { AssetJson, ModeSwitchRuleJson, PresetJson, RulesJson } from './presetJson';

/**
 * Writes a preset as its JSON document, every number as a decimal string (no digit lost to a double), so that
 * `parsePreset(presetToJson(p))` gives back an equal preset.
 *
 * @example
 * JSON.stringify(presetToJson(BITGET_PRESET).assets.BTC.tiers[0]); // '{"floor":"0","cap":"100000","ratio":"0.975"}'
 */
export function presetToJson(preset: Preset): PresetJson {
  const assets: Record<string, AssetJson> = {};
  for (const [key, spec] of Object.entries(preset.assets)) assets[key] = assetToJson(spec);
  return {
    id: preset.id,
    name: preset.name,
    asOf: preset.asOf,
    source: preset.source,
    status: preset.status,
    quote: preset.quote,
    assets,
    rules: rulesToJson(preset.rules),
    ...(preset.notes === undefined ? {} : { notes: [...preset.notes] }),
    ...bracketsToJson(preset),
  };
}

function optional<K extends string>(key: K, d: Dec | undefined): Partial<Record<K, string>> {
  return d === undefined ? {} : ({ [key]: decimalText(d) } as Record<K, string>);
}

const NUMBER_FIELDS = Object.keys(ASSET_NUMBER_FIELDS) as AssetNumberField[];

function assetToJson(spec: AssetSpec): AssetJson {
  return {
    tierUnit: spec.tierUnit,
    tiers: spec.tiers.map((t) => ({
      floor: decimalText(t.floor),
      cap: t.cap === null ? null : decimalText(t.cap),
      ratio: decimalText(t.ratio),
    })),
    ...Object.fromEntries(NUMBER_FIELDS.flatMap((key) => (spec[key] === undefined ? [] : [[key, decimalText(spec[key])]]))),
    ...(spec.note === undefined ? {} : { note: spec.note }),
  };
}

function ruleToJson(rule: ModeSwitchRule): ModeSwitchRuleJson {
  return typeof rule === 'string' ? rule : { maintenanceRateBelow: decimalText(rule.maintenanceRateBelow) };
}

function rulesToJson(rules: PresetRules): RulesJson {
  const thresholds = rules.autoExchangeThresholds;
  const modeSwitch = rules.modeSwitch;
  return {
    riskBands: { warning: decimalText(rules.riskBands.warning), danger: decimalText(rules.riskBands.danger) },
    ...optional('ltvTrigger', rules.ltvTrigger),
    ...(thresholds === undefined
      ? {}
      : { autoExchangeThresholds: Object.fromEntries(Object.entries(thresholds).map(([k, v]) => [k, decimalText(v)])) }),
    ...(rules.defaultUserTier === undefined ? {} : { defaultUserTier: rules.defaultUserTier }),
    ...(modeSwitch === undefined
      ? {}
      : {
          modeSwitch: {
            ...(modeSwitch.toMulti === undefined ? {} : { toMulti: modeSwitch.toMulti.map(ruleToJson) }),
            ...(modeSwitch.toSingle === undefined ? {} : { toSingle: modeSwitch.toSingle.map(ruleToJson) }),
          },
        }),
    ...optional('liabilityMaintenanceRate', rules.liabilityMaintenanceRate),
    ...optional('liabilityInitialRate', rules.liabilityInitialRate),
  };
}
