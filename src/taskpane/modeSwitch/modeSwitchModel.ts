import { modeSwitchCheck } from '../../engine';
import { dec } from '../../engine/decimal';
import { fail } from '../../engine/errors';
import type { MODE_SWITCH_WORDS } from '../../presets/presetJson';
import { formatExactPercent } from '../ui/formatting';
import type { AssetMode, Preset } from '../../engine/model';
import { attempt, type Outcome } from '../ui/outcome';
import { type BalanceRow, parseBalanceRows, parsePositionRows, type PositionRow } from '../scenario/scenarioRows';

export interface ModeSwitchInput {
  readonly target: AssetMode;
  /** As typed in the open-orders field. */
  readonly openOrders: string;
  readonly balances: readonly BalanceRow[];
  readonly positions: readonly PositionRow[];
}

/** The mode-switch vocabulary in words a desk reads (presets and the engine keep the exchange's rule names). */
export const RULE_WORDS: Readonly<Record<(typeof MODE_SWITCH_WORDS)[number], string>> = {
  crossOnly: 'Every position in cross margin',
  noOpenPositions: 'No open positions',
  noOpenOrders: 'No open orders',
  noNegativeBalance: 'No negative balance',
  marginSufficient: 'Enough margin balance',
  quoteCoversMargin: 'Quote balance covers the margin',
};

/**
 * A rule as a sentence: `crossOnly` → "Every position in cross margin", `maintenanceRateBelow 0.8` →
 * "Maintenance margin rate below 80%". A name outside the vocabulary is shown as it is.
 */
export function ruleSentence(rule: string): string {
  const known = (RULE_WORDS as Readonly<Record<string, string>>)[rule];
  if (known !== undefined) return known;
  const limit = /^maintenanceRateBelow (\S+)$/.exec(rule);
  if (limit !== null && /^\d+(\.\d+)?$/.test(limit[1] ?? ''))
    return `Maintenance margin rate below ${formatExactPercent(dec(limit[1] ?? '0'))}`;
  return rule;
}

export interface RuleLine {
  /** The rule's name in the preset (`crossOnly`), for finding it. */
  readonly rule: string;
  /** The rule in words. */
  readonly sentence: string;
  readonly verdict: 'PASS' | 'FAIL';
  readonly detail: string;
  /** The exchange's error code as text (e.g. `-4167`), or empty when it has none. */
  readonly code: string;
}

export interface ModeSwitchView {
  readonly verdict: 'ELIGIBLE' | 'BLOCKED';
  readonly target: AssetMode;
  readonly rules: readonly RuleLine[];
}

/** Open orders as a whole number ≥ 0; blank means none. */
export function parseOpenOrders(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  // Fifteen digits at most: a count a cell holds exactly, and no text long enough to cost anything to read.
  if (/^\d{1,15}$/.test(t)) return Number(t);
  return fail('NOT_WHOLE_NUMBER', { arg: 'open orders', got: JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : text) });
}

/**
 * The Mode switch section: every rule of the preset for the target mode with PASS/FAIL, its detail and the
 * exchange's error code, and the overall verdict; or the message saying why the check cannot run.
 */
export function modeSwitchView(preset: Preset, input: ModeSwitchInput): Outcome<ModeSwitchView> {
  return attempt(() => {
    const openOrders = parseOpenOrders(input.openOrders);
    const balances = parseBalanceRows(input.balances);
    const positions = parsePositionRows(input.positions, preset);
    const result = modeSwitchCheck(preset, input.target, balances, positions, openOrders);
    return {
      verdict: result.eligible ? 'ELIGIBLE' : 'BLOCKED',
      target: result.target,
      rules: result.rules.map((r) => ({
        rule: r.rule,
        sentence: ruleSentence(r.rule),
        verdict: r.pass ? 'PASS' : 'FAIL',
        detail: r.detail,
        code: r.code === undefined ? '' : String(r.code),
      })),
    };
  });
}
