import { ASSET_NUMBER_FIELDS } from '../../../engine/model';
import type { Dec } from '../../../engine/decimal';
import { isMarginError } from '../../../engine/errors';
import { parsePreset } from '../../../presets';
import { readBounded } from '../../../presets/jsonRead';
import {
  AT_LEAST_ONE,
  type Bounds,
  HAIRCUT,
  NON_NEGATIVE,
  NOT_POSITIVE,
  POSITIVE,
  RATE_ABOVE_ZERO_TO_ONE,
  RATIO,
} from '../../../presets/bounds';
import { parseAssetSpec } from '../../../presets/parseAssetSpec';
import { type Draft, errorPath, fieldPath, getField, itemPath, pathSegments } from './presetDraft';

/** One problem of a draft: the field it is about, and the message naming that field as the form labels it. */
export interface DraftProblem {
  readonly path: string;
  readonly message: string;
}

/** The rules' fields as the editor labels them (the form takes its labels from here, so the two never differ). */
const RULE_LABELS: Readonly<Record<string, string>> = {
  'rules.riskBands': 'Risk bands',
  'rules.riskBands.warning': 'Warning band from (margin ratio)',
  'rules.riskBands.danger': 'Danger band above (margin ratio)',
  'rules.ltvTrigger': 'LTV trigger',
  'rules.liabilityMaintenanceRate': 'Liability maintenance rate',
  'rules.liabilityInitialRate': 'Liability initial rate',
  'rules.autoExchangeThresholds': 'Auto-exchange thresholds',
  'rules.defaultUserTier': 'Default user tier',
  'rules.modeSwitch': 'Mode-switch rules',
};

const DIRECTION_LABELS: Readonly<Record<string, string>> = { toMulti: 'to multi-asset', toSingle: 'to single-asset' };

const ASSET_LABELS: Readonly<Record<string, string>> = {
  tierUnit: 'tier unit',
  tiers: 'tiers',
  ...Object.fromEntries(Object.entries(ASSET_NUMBER_FIELDS).flatMap(([key, entry]) => ('label' in entry ? [[key, entry.label]] : []))),
};

const TOP_LABELS: Readonly<Record<string, string>> = {
  id: 'Id',
  name: 'Name',
  asOf: 'As of',
  source: 'Source',
  quote: 'Quote asset',
  status: 'Status',
};

/**
 * A JSON path of the preset document as the editor labels the field: `assets.BTC.tiers[1].ratio` →
 * `BTC tier 2, ratio` (people count tiers from 1; the form never shows a JSON path).
 *
 * @example fieldLabel('rules.autoExchangeThresholds.VIP') // 'Auto-exchange threshold for VIP'
 */
export function fieldLabel(path: string): string {
  const s = pathSegments(path);
  if (s.length === 0) return 'Preset';
  if (s[0] === 'assets') {
    const asset = s[1];
    if (asset === undefined) return 'Assets';
    if (s[2] === 'tiers' && typeof s[3] === 'number')
      return s[4] === undefined ? `${asset} tier ${s[3] + 1}` : `${asset} tier ${s[3] + 1}, ${String(s[4])}`;
    return s[2] === undefined ? String(asset) : `${asset} ${ASSET_LABELS[String(s[2])] ?? String(s[2])}`;
  }
  if (s[0] === 'rules') {
    if (s[1] === 'autoExchangeThresholds' && s[2] !== undefined) return `Auto-exchange threshold for ${String(s[2])}`;
    if (s[1] === 'modeSwitch' && s[2] !== undefined)
      return `Mode-switch rules ${DIRECTION_LABELS[String(s[2])] ?? String(s[2])}${typeof s[3] === 'number' ? `, rule ${s[3] + 1}` : ''}`;
    return RULE_LABELS[s.map(String).join('.')] ?? (s.length === 1 ? 'Rules' : s.slice(1).map(String).join(', '));
  }
  return TOP_LABELS[String(s[0])] ?? String(s[0]);
}

/** A MarginError message about a preset field, reworded to start with the field's label instead of its path. */
export function labelledMessage(message: string, fallbackPath = ''): DraftProblem {
  const path = errorPath(message) || fallbackPath;
  const detail = message.replace(/^preset(?: [^\s:]+(?:\["(?:[^"\\]|\\.)*"\][^\s:]*)?)?: /, '');
  return { path, message: `${fieldLabel(path)}: ${detail}` };
}

function attemptAt(problems: DraftProblem[], path: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!isMarginError(error)) throw error;
    problems.push(labelledMessage(error.message, path));
  }
}

function checkNumber(problems: DraftProblem[], draft: Draft, path: string, bounds: Bounds, optional: boolean): void {
  const value = getField(draft, path);
  if (optional && (value === undefined || value === null)) return;
  attemptAt(problems, path, () => readBounded(value, path, bounds));
}

function fieldChecks(draft: Draft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const assets = (getField(draft, 'assets') as Record<string, unknown> | undefined) ?? {};
  for (const asset of Object.keys(assets)) {
    const assetPath = fieldPath('assets', asset);
    const tiersPath = fieldPath(assetPath, 'tiers');
    const tiers = getField(draft, tiersPath);
    (Array.isArray(tiers) ? tiers : []).forEach((tier: unknown, i) => {
      const at = itemPath(tiersPath, i);
      checkNumber(problems, draft, fieldPath(at, 'floor'), NON_NEGATIVE, false);
      if (typeof tier === 'object' && tier !== null && (tier as { cap?: unknown }).cap !== null)
        checkNumber(problems, draft, fieldPath(at, 'cap'), POSITIVE, false);
      checkNumber(problems, draft, fieldPath(at, 'ratio'), RATIO, false);
    });
    checkNumber(problems, draft, fieldPath(assetPath, 'liabilityRate'), AT_LEAST_ONE, true);
    checkNumber(problems, draft, fieldPath(assetPath, 'autoExchangeHaircut'), HAIRCUT, true);
  }
  checkNumber(problems, draft, 'rules.riskBands.warning', RATE_ABOVE_ZERO_TO_ONE, false);
  checkNumber(problems, draft, 'rules.riskBands.danger', RATE_ABOVE_ZERO_TO_ONE, false);
  checkNumber(problems, draft, 'rules.ltvTrigger', POSITIVE, true);
  checkNumber(problems, draft, 'rules.liabilityMaintenanceRate', RATIO, true);
  checkNumber(problems, draft, 'rules.liabilityInitialRate', RATIO, true);
  const thresholds = getField(draft, 'rules.autoExchangeThresholds');
  if (typeof thresholds === 'object' && thresholds !== null) {
    for (const tier of Object.keys(thresholds))
      checkNumber(problems, draft, fieldPath('rules.autoExchangeThresholds', tier), NOT_POSITIVE, false);
  }
  return problems;
}

/** Problems of each asset as a whole (tier chains), for assets whose fields are each fine on their own. */
function assetChecks(draft: Draft, fieldProblems: readonly DraftProblem[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const assets = (getField(draft, 'assets') as Record<string, unknown> | undefined) ?? {};
  for (const [asset, value] of Object.entries(assets)) {
    const assetPath = fieldPath('assets', asset);
    if (fieldProblems.some((p) => p.path.startsWith(assetPath))) continue;
    attemptAt(problems, assetPath, () => parseAssetSpec(asset, value, assetPath));
  }
  return problems;
}

/**
 * Every problem of a draft at once, each at its own field: first each field on its own (with the same bounds
 * the preset reader applies), then each asset's tier chain, then, when those pass, the whole preset (rules
 * that tie fields together). A custom preset is saved only when this is empty.
 */
export function draftProblems(draft: Draft): DraftProblem[] {
  const fields = fieldChecks(draft);
  const assets = assetChecks(draft, fields);
  if (fields.length > 0 || assets.length > 0) return [...fields, ...assets];
  const whole: DraftProblem[] = [];
  attemptAt(whole, '', () => parsePreset(draft));
  if (whole.length === 0 && getField(draft, 'status') !== 'custom')
    whole.push({ path: 'status', message: 'Status: a preset edited here is saved as "custom"' });
  return whole;
}

function ratioOf(value: unknown): Dec | null {
  try {
    return readBounded(value, '', RATIO);
  } catch {
    // An unreadable ratio is already a problem of its own; it just cannot be compared.
    return null;
  }
}

/**
 * Warnings that do not block saving: a haircut ratio that rises with size. Exchanges lower the ratio as a
 * holding grows; a rise is usually a typing slip, yet a user may mean it, so it is said, not refused.
 */
export function draftWarnings(draft: Draft): DraftProblem[] {
  const warnings: DraftProblem[] = [];
  const assets = (getField(draft, 'assets') as Record<string, { tiers?: unknown }> | undefined) ?? {};
  for (const [asset, spec] of Object.entries(assets)) {
    const tiers = Array.isArray(spec.tiers) ? (spec.tiers as { ratio?: unknown }[]) : [];
    tiers.forEach((tier, i) => {
      const before = tiers[i - 1];
      if (i === 0 || before === undefined) return;
      const [a, b] = [ratioOf(before.ratio), ratioOf(tier.ratio)];
      if (a !== null && b !== null && b.gt(a)) {
        const path = fieldPath(itemPath(fieldPath(fieldPath('assets', asset), 'tiers'), i), 'ratio');
        warnings.push({
          path,
          message: `${fieldLabel(path)}: ${String(tier.ratio)} is above tier ${i}'s ${String(before.ratio)}; haircut ratios usually fall as the holding grows`,
        });
      }
    });
  }
  return warnings;
}
