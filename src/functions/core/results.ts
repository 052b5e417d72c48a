import type { Dec } from '../../engine/decimal';
import { toCellNumber, toCellNumberDirected } from '../../engine/decimal';
import { fail } from '../../engine/errors';
import type { AssetSpec, AutoExchangeResult, Bracket, ModeSwitchResult, Preset, RuleVerdict } from '../../engine/model';
import type { CellGrid, CellScalar } from './types';
import { messageNumber } from '../../engine/numberText';

/**
 * Engine results as cells: Decimals rounded once (`toCellNumber`), tables as rectangular grids with a header
 * row, so a spilled table reads on its own in a sheet.
 */

/** A Decimal as a cell number; beyond the range of a double is RESULT_OUT_OF_RANGE (#NUM!), never ±Infinity. */
export function numberCell(value: Dec): number {
  const n = toCellNumber(value);
  if (!Number.isFinite(n)) fail('RESULT_OUT_OF_RANGE', { value: messageNumber(value) });
  return n;
}

/**
 * A solver's answer as a cell number on its safe side (see {@link toCellNumberDirected}): `'up'` for an amount
 * that must be enough, `'down'` for one that must not be too much.
 */
export function directedNumberCell(value: Dec, direction: 'up' | 'down'): number {
  const n = toCellNumberDirected(value, direction);
  if (!Number.isFinite(n)) fail('RESULT_OUT_OF_RANGE', { value: messageNumber(value) });
  return n;
}

export const TIERS_HEADER = ['floor', 'cap', 'ratio', 'unit'] as const;

/**
 * `floor | cap | ratio | unit`, one row per tier; an uncapped last tier has an empty cap. When the published
 * table stops at a cap, a last row says so: `cap | "" | "unpublished beyond <cap>" | unit`.
 */
export function tiersTable(preset: Preset, spec: AssetSpec): CellGrid {
  const last = spec.tiers[spec.tiers.length - 1];
  if (last === undefined) return fail('TIERS_UNPUBLISHED', { asset: spec.asset, preset: preset.id });
  const rows: CellScalar[][] = [[...TIERS_HEADER]];
  for (const tier of spec.tiers) {
    rows.push([numberCell(tier.floor), tier.cap === null ? '' : numberCell(tier.cap), numberCell(tier.ratio), spec.tierUnit]);
  }
  if (last.cap !== null) {
    rows.push([numberCell(last.cap), '', `unpublished beyond ${messageNumber(last.cap)}`, spec.tierUnit]);
  }
  return rows;
}

export const BRACKETS_HEADER = ['floor', 'cap', 'mmr', 'cum', 'imr', 'max_leverage'] as const;

/** The header of a table bounded by contracts: the bounds say their unit, and a last column the coin per contract. */
export const SIZE_BRACKETS_HEADER = ['floor_contracts', 'cap_contracts', 'mmr', 'cum', 'imr', 'max_leverage', 'contract_value'] as const;

/**
 * `floor | cap | mmr | cum | imr | max_leverage`, one row per leverage bracket; an uncapped last bracket has an
 * empty cap, a bracket published with an initial rate only has an empty max leverage. A table bounded by
 * contracts (OKX's position tiers) is headed {@link SIZE_BRACKETS_HEADER}.
 */
export function bracketsTable(brackets: readonly Bracket[]): CellGrid {
  const contractValue = brackets[0]?.contractValue;
  return [
    contractValue === undefined ? [...BRACKETS_HEADER] : [...SIZE_BRACKETS_HEADER],
    ...brackets.map((b) => [
      numberCell(b.floor),
      b.cap === null ? '' : numberCell(b.cap),
      numberCell(b.mmr),
      numberCell(b.cum),
      numberCell(b.imr),
      b.maxLeverage === undefined ? '' : numberCell(b.maxLeverage),
      ...(contractValue === undefined ? [] : [numberCell(contractValue)]),
    ]),
  ];
}

export const PRESETS_HEADER = ['id', 'name', 'as_of', 'source', 'status'] as const;

/** `id | name | as_of | source | status`, one row per preset, built-ins first. */
export function presetsTable(presets: readonly Preset[]): CellGrid {
  return [[...PRESETS_HEADER], ...presets.map((p) => [p.id, p.name, p.asOf, p.source, p.status])];
}

export const AUTO_EXCHANGE_HEADER = ['from_asset', 'amount_sold', 'value_sold', 'to_asset', 'amount_covered', 'trigger'] as const;

/**
 * The auto-exchange header, then one row per conversion; when nothing fires, one row
 * `NONE | 0 | 0 | "" | 0 | reason`. A deficit the positive assets cannot cover adds a row
 * `UNCOVERED | "" | "" | "" | "" | what is left`.
 */
export function autoExchangeTable(result: AutoExchangeResult, quote: string): CellGrid {
  const rows: CellScalar[][] = [[...AUTO_EXCHANGE_HEADER]];
  if (!result.fired) {
    rows.push(['NONE', 0, 0, '', 0, result.reason]);
    return rows;
  }
  for (const c of result.conversions) {
    rows.push([c.fromAsset, numberCell(c.amountSold), numberCell(c.valueSold), c.toAsset, numberCell(c.amountCovered), c.trigger]);
  }
  if (!result.uncovered.isZero()) {
    const left = `deficit worth ${messageNumber(result.uncovered)} ${quote} left uncovered: no positive assets left to sell`;
    rows.push(['UNCOVERED', '', '', '', '', left]);
  }
  return rows;
}

/** The rule's detail, with the exchange's error code added unless the detail already quotes it. */
function ruleDetail(rule: RuleVerdict): string {
  if (rule.code === undefined || rule.detail.includes(String(rule.code))) return rule.detail;
  return `${rule.detail} (code ${rule.code})`;
}

/**
 * Three columns: first `ELIGIBLE | BLOCKED`, the target mode and a count of failing rules; then one row per
 * rule: `rule | PASS or FAIL | detail`, the detail quoting the exchange's error code where it has one.
 */
export function modeSwitchTable(result: ModeSwitchResult): CellGrid {
  const failing = result.rules.filter((r) => !r.pass).length;
  const summary = failing === 0 ? `all ${result.rules.length} rules pass` : `${failing} of ${result.rules.length} rules fail`;
  return [
    [result.eligible ? 'ELIGIBLE' : 'BLOCKED', `${result.target}-asset mode`, summary],
    ...result.rules.map((r) => [r.rule, r.pass ? 'PASS' : 'FAIL', ruleDetail(r)]),
  ];
}
