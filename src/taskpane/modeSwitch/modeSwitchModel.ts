import { modeSwitchCheck } from '../../engine';
import { fail } from '../../engine/errors';
import type { AssetMode, Preset } from '../../engine/model';
import { attempt, type Outcome } from '../ui/outcome';
import type { BalanceGridRow, PositionGridRow } from '../context/scenarioState';
import { parseBalanceRows, parsePositionRows } from '../scenario/scenarioRows';

export interface ModeSwitchInput {
  readonly target: AssetMode;
  /** As typed in the open-orders field. */
  readonly openOrders: string;
  readonly balances: readonly BalanceGridRow[];
  readonly positions: readonly PositionGridRow[];
}

export interface RuleLine {
  readonly rule: string;
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
        verdict: r.pass ? 'PASS' : 'FAIL',
        detail: r.detail,
        code: r.code === undefined ? '' : String(r.code),
      })),
    };
  });
}
