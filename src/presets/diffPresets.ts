import type { Dec } from '../engine/decimal';
import { ASSET_NUMBER_FIELDS, type AssetNumberField, type AssetSpec, type ModeSwitchRule, type Preset, type Tier } from '../engine/model';
import { diffBrackets } from './diffBrackets';
import { decimalText } from './decimalText';
import type { PresetChange } from './presetChange';

/** The asset number fields compared, in display order. */
const ASSET_DECIMALS = (Object.keys(ASSET_NUMBER_FIELDS) as AssetNumberField[]).filter((key) => ASSET_NUMBER_FIELDS[key].compared);

/**
 * Lists what differs between two presets: assets added or removed, changed tier units, tiers, rates, limits
 * and notes, then changed rules. Empty when they value everything alike.
 *
 * @example
 * diffPresets(BITGET_PRESET, imported);
 * // [{ asset: 'ETH', field: 'tiers', before: 'unpublished', after: '0 to 500000 at 0.95; …' }, …]
 */
export function diffPresets(before: Preset, after: Preset): PresetChange[] {
  const names = [...Object.keys(before.assets), ...Object.keys(after.assets).filter((a) => before.assets[a] === undefined)];
  return [
    ...names.flatMap((name) => diffAsset(name, before.assets[name], after.assets[name])),
    ...diffRules(before, after),
    ...diffBrackets(before, after),
  ];
}

const text = (d: Dec | undefined): string | null => (d === undefined ? null : decimalText(d));

export function describeTier(tier: Tier): string {
  const ratio = decimalText(tier.ratio);
  if (tier.cap === null) return `${decimalText(tier.floor)} and above at ${ratio}`;
  return `${decimalText(tier.floor)} to ${decimalText(tier.cap)} at ${ratio}`;
}

function describeTiers(tiers: readonly Tier[]): string {
  return tiers.length === 0 ? 'unpublished' : tiers.map(describeTier).join('; ');
}

function describeAsset(spec: AssetSpec): string {
  return `${spec.tierUnit} tiers: ${describeTiers(spec.tiers)}`;
}

function change(asset: string | null, field: string, before: string | null, after: string | null): PresetChange[] {
  return before === after ? [] : [{ asset, field, before, after }];
}

function diffAsset(name: string, before: AssetSpec | undefined, after: AssetSpec | undefined): PresetChange[] {
  if (before === undefined || after === undefined) {
    const was = before === undefined ? null : describeAsset(before);
    const is = after === undefined ? null : describeAsset(after);
    return change(name, 'asset', was, is);
  }
  return [
    ...change(name, 'tierUnit', before.tierUnit, after.tierUnit),
    ...diffTiers(name, before.tiers, after.tiers),
    ...ASSET_DECIMALS.flatMap((key) => change(name, key, text(before[key]), text(after[key]))),
    ...change(name, 'note', before.note ?? null, after.note ?? null),
  ];
}

/** Tier by tier; a table published or withdrawn as a whole is one change. */
function diffTiers(name: string, before: readonly Tier[], after: readonly Tier[]): PresetChange[] {
  if (before.length === 0 || after.length === 0) {
    return change(name, 'tiers', describeTiers(before), describeTiers(after));
  }
  return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => {
    const b = before[i];
    const a = after[i];
    return change(name, `tiers[${i}]`, b === undefined ? null : describeTier(b), a === undefined ? null : describeTier(a));
  }).flat();
}

const ruleText = (rule: ModeSwitchRule): string =>
  typeof rule === 'string' ? rule : `maintenanceRateBelow ${decimalText(rule.maintenanceRateBelow)}`;

const rulesText = (rules: readonly ModeSwitchRule[] | undefined): string | null =>
  rules === undefined ? null : rules.length === 0 ? '(none)' : rules.map(ruleText).join(', ');

function diffRules(before: Preset, after: Preset): PresetChange[] {
  const b = before.rules;
  const a = after.rules;
  const tiers = [...new Set([...Object.keys(b.autoExchangeThresholds ?? {}), ...Object.keys(a.autoExchangeThresholds ?? {})])];
  return [
    ...change(null, 'quote', before.quote, after.quote),
    ...change(null, 'rules.riskBands.warning', text(b.riskBands.warning), text(a.riskBands.warning)),
    ...change(null, 'rules.riskBands.danger', text(b.riskBands.danger), text(a.riskBands.danger)),
    ...change(null, 'rules.ltvTrigger', text(b.ltvTrigger), text(a.ltvTrigger)),
    ...tiers.flatMap((t) =>
      change(null, `rules.autoExchangeThresholds.${t}`, text(b.autoExchangeThresholds?.[t]), text(a.autoExchangeThresholds?.[t])),
    ),
    ...change(null, 'rules.defaultUserTier', b.defaultUserTier ?? null, a.defaultUserTier ?? null),
    ...change(null, 'rules.modeSwitch.toMulti', rulesText(b.modeSwitch?.toMulti), rulesText(a.modeSwitch?.toMulti)),
    ...change(null, 'rules.modeSwitch.toSingle', rulesText(b.modeSwitch?.toSingle), rulesText(a.modeSwitch?.toSingle)),
    ...change(null, 'rules.liabilityMaintenanceRate', text(b.liabilityMaintenanceRate), text(a.liabilityMaintenanceRate)),
    ...change(null, 'rules.liabilityInitialRate', text(b.liabilityInitialRate), text(a.liabilityInitialRate)),
  ];
}
