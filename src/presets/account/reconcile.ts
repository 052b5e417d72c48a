import { accountFigures } from '../../engine/accountFigures';
import type { AccountFigures } from '../../engine/accountFigures';
import { valueState } from '../../engine/account';
import { findAssetSpec } from '../../engine/assetSpec';
import type { Dec } from '../../engine/decimal';
import { ZERO } from '../../engine/decimal';
import { isMarginError } from '../../engine/errors';
import type { Balance, Position, Preset } from '../../engine/model';
import type { AccountSnapshot, FigureName, ReportedFigure } from './snapshot';
import { fitsCell } from './snapshot';

/** One figure: ours beside the exchange's, the difference, and the likeliest cause of it. */
export interface ReconciliationRow {
  readonly figure: FigureName;
  /** Our figure, or null with `cause` saying why there is none. */
  readonly ours: Dec | null;
  readonly field: string;
  readonly reported: Dec | null;
  /** ours − reported, when both exist. */
  readonly difference: Dec | null;
  readonly cause: string;
}

export interface Reconciliation {
  readonly preset: string;
  readonly rows: readonly ReconciliationRow[];
}

/**
 * Our figures need every price and every maintenance rate; what is missing is the cause, prices first (a missing
 * price is never blamed on a bracket), each named with where to give it.
 */
function missingInput(snapshot: AccountSnapshot): string | null {
  const unpriced = snapshot.balances.filter((b) => b.price === null).map((b) => b.asset);
  const noRate = snapshot.positions.filter((p) => p.mmr === null).map((p) => `${p.symbol} ${p.side}`);
  const rates =
    noRate.length === 0
      ? ''
      : `the responses give no maintenance margin for ${noRate.join(', ')}: enter its rate in the positions table's mmr column`;
  if (unpriced.length > 0) {
    const prices = `no price for ${unpriced.join(', ')} in the responses: enter it in the balances table (or --price ${unpriced[0]}=…)`;
    return rates === '' ? prices : `${prices}; and ${rates}`;
  }
  return rates === '' ? null : rates;
}

function engineBalances(snapshot: AccountSnapshot): Balance[] {
  return snapshot.balances.map((b) => ({
    asset: b.asset,
    amount: b.amount,
    price: b.price ?? ZERO,
    ...(b.upnl === null ? {} : { upnl: b.upnl }),
  }));
}

function enginePositions(snapshot: AccountSnapshot): Position[] {
  return snapshot.positions.map((p) => ({
    symbol: p.symbol,
    side: p.side,
    size: p.size,
    entry: p.entry,
    mark: p.mark,
    mmr: p.mmr ?? ZERO,
    cum: p.cum,
    ...(p.imr === null ? {} : { imr: p.imr }),
    marginMode: p.marginMode,
  }));
}

function unlistedAssets(preset: Preset, snapshot: AccountSnapshot): string[] {
  return snapshot.balances.filter((b) => !b.amount.isZero() && findAssetSpec(preset, b.asset) === undefined).map((b) => b.asset);
}

const agrees = (ours: Dec, reported: Dec): boolean => ours.minus(reported).abs().lte(reported.abs().times('1e-6').plus('1e-8'));

/** When the exchange's per-asset values do not add up to its total, the total counts assets not itemized. */
function itemizedCause(snapshot: AccountSnapshot, total: Dec): string | null {
  if (snapshot.reportedAssets.length === 0) return null;
  const itemized = snapshot.reportedAssets.reduce((sum, r) => sum.plus(r.value), ZERO);
  if (agrees(itemized, total)) return null;
  const assets = snapshot.reportedAssets.map((r) => r.asset).join(', ');
  return `the response itemizes ${itemized.toString()} (${assets}) of the ${total.toString()} it reports: the total counts assets the response does not list`;
}

/** The asset whose valued equity differs most from the exchange's own value of it (OKX disEq). */
function assetCause(preset: Preset, snapshot: AccountSnapshot, figures: AccountFigures): string | null {
  let worst: { asset: string; ours: Dec; theirs: Dec; field: string; gap: Dec } | null = null;
  for (const reported of snapshot.reportedAssets) {
    const state = figures.account.byAsset.get(reported.asset);
    if (!state) continue;
    if (reported.equity && !agrees(state.equity, reported.equity)) {
      return `${reported.asset}: the exchange's equity is ${reported.equity.toString()}, the balance plus PnL ${state.equity.toString()}: the exchange counts funds outside the cash balance (bots, frozen or isolated amounts)`;
    }
    const ours = valueState(preset, state);
    const gap = ours.minus(reported.value).abs();
    if (!worst || gap.gt(worst.gap)) worst = { asset: reported.asset, ours, theirs: reported.value, field: reported.field, gap };
  }
  if (!worst || worst.gap.isZero()) return null;
  return `${worst.asset}: preset ${preset.id} (as of ${preset.asOf}) values it at ${worst.ours.toSignificantDigits(12).toString()}, the exchange at ${worst.theirs.toString()} (${worst.field}): its haircut or price differs from the preset's date`;
}

/** When our equity falls short of the exchange's by the PnL no table row carries, that PnL is the cause. */
function pnlCause(snapshot: AccountSnapshot, ours: Dec, reported: ReportedFigure): string | null {
  if (snapshot.pnlNotCarried.length === 0 || reported.value === null) return null;
  const missing = snapshot.pnlNotCarried.reduce((sum, p) => sum.plus(p.value), ZERO);
  if (!agrees(ours.plus(missing), reported.value)) return null;
  const what = snapshot.pnlNotCarried.map((p) => p.what).join('; ');
  return `the difference is the unrealized PnL ${missing.toString()} of positions the tables do not hold: ${what}`;
}

function differenceCause(
  figure: FigureName,
  preset: Preset,
  snapshot: AccountSnapshot,
  figures: AccountFigures,
  reported: ReportedFigure,
): string {
  if (figure === 'equity') {
    if (reported.note) return reported.note;
    const pnl = pnlCause(snapshot, figures.equity, reported);
    if (pnl !== null) return pnl;
    return (
      (reported.value ? itemizedCause(snapshot, reported.value) : null) ??
      assetCause(preset, snapshot, figures) ??
      `haircuts or prices differ from preset ${preset.id} as of ${preset.asOf}, or the exchange counts balances the responses do not itemize`
    );
  }
  if (figure === 'maint_margin') {
    const isolated = snapshot.positions.filter((p) => p.marginMode === 'isolated').map((p) => p.symbol);
    if (isolated.length > 0) {
      return `isolated positions (${isolated.join(', ')}) stay out of our account figures; the exchange's total may count them, or its brackets differ`;
    }
    return `maintenance rates differ (the exchange's brackets now vs the rates in the positions table), or the exchange also charges liabilities or open orders`;
  }
  if (figure === 'margin_ratio') return reported.note ?? 'follows from the equity and maintenance margin differences above';
  return 'the exchange also reserves margin for open orders and may cap what is available';
}

function rowFor(
  figure: FigureName,
  ours: Dec | null,
  reported: ReportedFigure | undefined,
  context: { preset: Preset; snapshot: AccountSnapshot; figures: AccountFigures | null; missing: string | null },
): ReconciliationRow {
  const field = reported?.field ?? 'not reported';
  const theirs = reported?.value ?? null;
  if (ours !== null && !fitsCell(ours)) {
    return {
      figure,
      ours: null,
      field,
      reported: theirs,
      difference: null,
      cause: `our figure, ${ours.toExponential(3)}, is beyond what a cell can hold`,
    };
  }
  const base = { figure, ours, field, reported: theirs };
  if (ours === null) return { ...base, difference: null, cause: context.missing ?? 'our figure does not exist' };
  if (!reported || theirs === null)
    return { ...base, difference: null, cause: reported?.note ?? 'the exchange does not report this figure' };
  const difference = ours.minus(theirs);
  if (!fitsCell(difference)) return { ...base, difference: null, cause: 'the difference is beyond what a cell can hold' };
  if (agrees(ours, theirs)) return { ...base, difference, cause: 'agrees (within rounding)' };
  const cause = context.figures ? differenceCause(figure, context.preset, context.snapshot, context.figures, reported) : '';
  return { ...base, difference, cause };
}

/**
 * Our equity, maintenance margin, margin ratio and available margin for the snapshot under `preset`, beside
 * the figures the exchange reported, with the difference and its likeliest cause: a missing price, a missing
 * bracket, an asset without tiers, the preset's date (by the asset whose value differs most), or what the
 * exchange counts that we do not.
 *
 * @example
 * reconcile(okxPreset, importAccountSnapshot('okx', [balance, positions])).rows.map((r) => r.figure)
 * // ['equity', 'maint_margin', 'margin_ratio', 'available']
 */
export function reconcile(preset: Preset, snapshot: AccountSnapshot): Reconciliation {
  let missing = missingInput(snapshot);
  const unlisted = missing === null ? unlistedAssets(preset, snapshot) : [];
  if (unlisted.length > 0) missing = `an asset without tiers: preset ${preset.id} does not list ${unlisted.join(', ')}`;
  let figures: AccountFigures | null = null;
  if (missing === null) {
    try {
      figures = accountFigures(preset, engineBalances(snapshot), enginePositions(snapshot));
    } catch (error) {
      if (!isMarginError(error)) throw error;
      missing = error.message;
    }
  }
  const ratio = figures && figures.equity.gt(ZERO) ? figures.maintenance.div(figures.equity) : null;
  if (figures && ratio === null) missing = `account equity is ${figures.equity.toString()} (zero or negative): no margin ratio`;
  const ours: Record<FigureName, Dec | null> = {
    equity: figures?.equity ?? null,
    maint_margin: figures?.maintenance ?? null,
    margin_ratio: ratio,
    available: figures ? figures.equity.minus(figures.initial) : null,
  };
  const context = { preset, snapshot, figures, missing };
  const names: FigureName[] = ['equity', 'maint_margin', 'margin_ratio', 'available'];
  return {
    preset: preset.id,
    rows: names.map((name) =>
      rowFor(
        name,
        ours[name],
        snapshot.reported.find((r) => r.figure === name),
        context,
      ),
    ),
  };
}
