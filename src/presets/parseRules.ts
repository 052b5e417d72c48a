import type { Dec } from '../engine/decimal';
import type { ModeSwitchRule, PresetRules, RiskBands } from '../engine/model';
import { messageNumber } from '../engine/numberText';
import {
  checkKeys,
  describe,
  field,
  givenNumberField,
  invalid,
  item,
  numberField,
  readBounded,
  readList,
  readObject,
  readText,
  required,
} from './jsonRead';
import { NOT_POSITIVE, POSITIVE, RATE_ABOVE_ZERO_TO_ONE, RATIO } from './bounds';
import { MODE_SWITCH_WORDS } from './presetJson';

const RULE_KEYS = [
  'riskBands',
  'ltvTrigger',
  'autoExchangeThresholds',
  'defaultUserTier',
  'modeSwitch',
  'liabilityMaintenanceRate',
  'liabilityInitialRate',
] as const;

/** Reads a preset document's `rules` into {@link PresetRules}. */
export function parseRules(value: unknown, where: string): PresetRules {
  const obj = readObject(value, where);
  checkKeys(obj, RULE_KEYS, where);
  const rules: Record<string, unknown> = { riskBands: parseRiskBands(required(obj, 'riskBands', where), field(where, 'riskBands')) };
  const ltvTrigger = givenNumberField(obj, 'ltvTrigger', where, POSITIVE);
  if (ltvTrigger !== undefined) rules.ltvTrigger = ltvTrigger;
  if (obj.autoExchangeThresholds !== undefined) {
    rules.autoExchangeThresholds = parseThresholds(obj.autoExchangeThresholds, field(where, 'autoExchangeThresholds'));
  }
  if (obj.defaultUserTier !== undefined) {
    rules.defaultUserTier = parseDefaultUserTier(obj.defaultUserTier, rules.autoExchangeThresholds, where);
  }
  if (obj.modeSwitch !== undefined) rules.modeSwitch = parseModeSwitch(obj.modeSwitch, field(where, 'modeSwitch'));
  for (const key of ['liabilityMaintenanceRate', 'liabilityInitialRate'] as const) {
    const rate = givenNumberField(obj, key, where, RATIO);
    if (rate !== undefined) rules[key] = rate;
  }
  return Object.freeze(rules) as unknown as PresetRules;
}

function parseRiskBands(value: unknown, where: string): RiskBands {
  const obj = readObject(value, where);
  checkKeys(obj, ['warning', 'danger'], where);
  const warning = numberField(obj, 'warning', where, RATE_ABOVE_ZERO_TO_ONE);
  const danger = numberField(obj, 'danger', where, RATE_ABOVE_ZERO_TO_ONE);
  if (!danger.gt(warning)) {
    invalid(field(where, 'danger'), `expected a ratio above warning (${messageNumber(warning)}), got ${messageNumber(danger)}`);
  }
  return Object.freeze({ warning, danger });
}

function parseThresholds(value: unknown, where: string): Readonly<Record<string, Dec>> {
  const obj = readObject(value, where);
  const out: Record<string, Dec> = {};
  const seen = new Set<string>();
  for (const [tier, threshold] of Object.entries(obj)) {
    const at = field(where, tier);
    if (tier.trim() === '') invalid(at, 'expected a user tier name, got an empty key');
    // `__proto__` would set the object's prototype instead of adding a tier (and vanish from the saved
    // document); names every object already has would be found in any lookup.
    if (tier in Object.prototype) invalid(at, `expected a user tier name, got ${describe(tier)}, which is reserved`);
    if (seen.has(tier.toLowerCase())) invalid(at, `user tier "${tier}" appears twice (names are case-insensitive)`);
    seen.add(tier.toLowerCase());
    out[tier] = readBounded(threshold, at, NOT_POSITIVE);
  }
  if (seen.size === 0) invalid(where, 'expected at least one user tier, got an empty object');
  return Object.freeze(out);
}

function parseDefaultUserTier(value: unknown, thresholds: unknown, where: string): string {
  const at = field(where, 'defaultUserTier');
  const tier = readText(value, at);
  const known = thresholds === undefined ? [] : Object.keys(thresholds as Record<string, Dec>);
  const match = known.find((k) => k.toLowerCase() === tier.toLowerCase());
  if (match === undefined) {
    const expected = known.length === 0 ? 'autoExchangeThresholds to be given first' : `one of ${known.join(', ')}`;
    invalid(at, `expected ${expected}, got ${describe(value)}`);
  }
  return match;
}

function parseModeSwitch(value: unknown, where: string): PresetRules['modeSwitch'] {
  const obj = readObject(value, where);
  checkKeys(obj, ['toMulti', 'toSingle'], where);
  const out: Record<string, readonly ModeSwitchRule[]> = {};
  for (const key of ['toMulti', 'toSingle'] as const) {
    if (obj[key] !== undefined) out[key] = parseRuleList(obj[key], field(where, key));
  }
  return Object.freeze(out);
}

function parseRuleList(value: unknown, where: string): readonly ModeSwitchRule[] {
  const seen = new Set<string>();
  const rules = readList(value, where).map((r, i) => {
    const rule = parseModeSwitchRule(r, item(where, i));
    const name = typeof rule === 'string' ? rule : 'maintenanceRateBelow';
    if (seen.has(name)) invalid(item(where, i), `rule ${name} appears twice`);
    seen.add(name);
    return rule;
  });
  return Object.freeze(rules);
}

const VOCABULARY = `${MODE_SWITCH_WORDS.map((w) => `"${w}"`).join(', ')} or { "maintenanceRateBelow": x }`;

function parseModeSwitchRule(value: unknown, where: string): ModeSwitchRule {
  if (typeof value === 'string') {
    const word = MODE_SWITCH_WORDS.find((w) => w === value);
    if (word === undefined) invalid(where, `expected one of ${VOCABULARY}, got ${describe(value)}`);
    return word;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(where, `expected one of ${VOCABULARY}, got ${describe(value)}`);
  }
  const obj = readObject(value, where);
  checkKeys(obj, ['maintenanceRateBelow'], where);
  return Object.freeze({ maintenanceRateBelow: numberField(obj, 'maintenanceRateBelow', where, RATE_ABOVE_ZERO_TO_ONE) });
}
