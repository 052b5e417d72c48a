import { compareAccount, flatImr, maxOrderSize, maxWithdrawable, shockAccount, topUpNeeded, trySymbol } from '../../engine';
import type { ComparedFigure, ComparisonRow } from '../../engine/compare';
import { unvaluedRow } from '../../engine/compare';
import { isBracketError, isMarginError } from '../../engine/errors';
import type { Dec } from '../../engine/decimal';
import type { Balance, Position, Preset } from '../../engine/model';
import { type CoinRounding, formatCoinWithAsset, formatMoney, formatPercent } from '../ui/formatting';
import { attempt, type Outcome } from '../ui/outcome';
import type { ScenarioInput } from '../scenario/scenarioModel';
import type { BalanceGridRow } from '../context/scenarioState';
import { parseBalanceRows, parsePositionRows } from '../scenario/scenarioRows';
import { effectiveShocks, shockableAssets } from '../scenario/shocks';

/** One preset's row of the "Compare exchanges" table, as shown (the same figures as MARGIN.COMPARE). */
export interface CompareLine {
  readonly exchange: string;
  readonly current: boolean;
  /** The message of a preset that cannot value the account; then the figures are empty. */
  readonly error: string | null;
  readonly equity: string;
  readonly maintenance: string;
  readonly ratio: string;
  readonly risk: string;
  readonly ltv: string;
  readonly available: string;
}

/** The figures of each exchange's card, in order: the field of {@link CompareLine} and its label. */
export const COMPARE_FIGURES = [
  ['equity', 'Equity'],
  ['maintenance', 'Maintenance margin'],
  ['ratio', 'Margin ratio'],
  ['risk', 'Risk'],
  ['ltv', 'LTV'],
  ['available', 'Available for order'],
] as const satisfies readonly (readonly [keyof CompareLine, string])[];

/** A solver's answer as shown: the coin amount, or the reason there is none. */
export interface SolverLine {
  readonly label: string;
  readonly result: Outcome<string>;
}

export interface SolverView {
  /** Top-up of each balances asset that brings the margin ratio below the preset's warning band. */
  readonly topUps: readonly SolverLine[];
  readonly withdrawals: readonly SolverLine[];
  readonly orders: readonly SolverLine[];
}

export interface DeskView {
  readonly inputError: string | null;
  readonly compare: readonly CompareLine[];
  readonly solvers: SolverView | null;
  /** Why there are no solvers while there are cards: the default preset cannot read the positions (its brackets). */
  readonly solverError: string | null;
}

type PositionsRead =
  { readonly ok: true; readonly value: Position[] } | { readonly ok: false; readonly message: string; readonly brackets: boolean };

/** The positions as `preset` reads them: rows that leave mmr, cum and imr blank take that preset's own brackets. */
function positionsWith(rows: ScenarioInput['positions'], preset: Preset): PositionsRead {
  try {
    return { ok: true, value: parsePositionRows(rows, preset) };
  } catch (error) {
    if (!isMarginError(error)) throw error;
    // A bracket error is that preset's alone (its card says it, as MARGIN.COMPARE's row does).
    return { ok: false, message: error.message, brackets: isBracketError(error) };
  }
}

function shown<T>(figure: ComparedFigure<T>, show: (value: T) => string): string {
  return figure.ok ? show(figure.value) : figure.message;
}

/**
 * A preset's message about one balance, as MARGIN.COMPARE words it: `balances, row 3: USDC is not a collateral
 * asset of preset bitmart`, the row numbered as the grid shows it. Other messages stay as they are.
 */
export function rowMessage(message: string, rows: readonly BalanceGridRow[]): string {
  const about = /^(?:asset|amount|balances): (?:the )?(\S+) /.exec(message);
  if (about === null) return message;
  const asset = (about[1] ?? '').toUpperCase();
  const index = rows.findIndex((r) => r.asset.trim().toUpperCase() === asset);
  if (index < 0) return message;
  return `balances, row ${index + 1}: ${message.replace(/^(?:asset|amount|balances): /, '')}`;
}

function compareLine(row: ComparisonRow, current: string, rows: readonly BalanceGridRow[]): CompareLine {
  const base = { exchange: row.exchange, current: row.exchange === current };
  if (row.error !== undefined) {
    return { ...base, error: rowMessage(row.error, rows), equity: '', maintenance: '', ratio: '', risk: '', ltv: '', available: '' };
  }
  return {
    ...base,
    error: null,
    equity: shown(row.equity, formatMoney),
    maintenance: shown(row.maintenance, formatMoney),
    ratio: shown(row.ratio, (d) => formatPercent(d)),
    risk: shown(row.risk, (r) => r),
    ltv: shown(row.ltv, (d) => formatPercent(d)),
    available: shown(row.available, formatMoney),
  };
}

const amountOf =
  (asset: string, quote: string, rounding: CoinRounding) =>
  (d: Dec): string =>
    formatCoinWithAsset(d, asset, quote, rounding).trimEnd();

function solve(label: string, compute: () => Dec, show: (d: Dec) => string): SolverLine {
  const out = attempt(compute);
  return { label, result: out.ok ? { ok: true, value: show(out.value) } : out };
}

/** A top-up in words: the amount (rounded up, so it is enough), or that none is needed. */
const topUpOf =
  (asset: string, quote: string, target: Dec) =>
  (d: Dec): string =>
    d.isZero()
      ? `none needed: the margin ratio is already at or below ${formatPercent(target)}`
      : formatCoinWithAsset(d, asset, quote, 'up');

function solvers(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): SolverView {
  // The warning band starts at its own floor, so the top-up reaches the band's edge, not below it.
  const target = preset.rules.riskBands.warning;
  const assets = balances.map((b) => b.asset.trim().toUpperCase());
  const topUps = assets.map((asset) =>
    solve(
      `${asset} to bring the margin ratio to ${formatPercent(target)}`,
      () => topUpNeeded(preset, balances, positions, asset, target),
      topUpOf(asset, preset.quote, target),
    ),
  );
  const withdrawals = assets.map((asset) =>
    solve(`${asset} that can leave`, () => maxWithdrawable(preset, balances, positions, asset), amountOf(asset, preset.quote, 'down')),
  );
  const symbols = [...new Map(positions.filter((p) => p.imr !== undefined).map((p) => [p.symbol.toUpperCase(), p])).values()];
  const orders = symbols.map((p) =>
    solve(
      `${p.symbol.toUpperCase()} at ${formatMoney(p.mark)} (imr ${formatPercent(p.imr as Dec)})`,
      () => maxOrderSize(preset, balances, positions, p.symbol, p.mark, flatImr(p.imr as Dec)),
      amountOf(trySymbol(preset, p.symbol)?.base ?? '', preset.quote, 'down'),
    ),
  );
  return { topUps, withdrawals, orders };
}

/**
 * The "Compare exchanges" table and the solvers for the scenario as typed, with the shock sliders applied
 * (the same shocked account the Scenario figures show). `presets` are the presets compared; `preset` the one
 * the solvers use (the workbook default).
 *
 * @example deskView(registry.list(), registry.resolve(), ctx.scenario).compare.map((l) => l.exchange)
 */
export function deskView(presets: readonly Preset[], preset: Preset, input: ScenarioInput): DeskView {
  const none = { compare: [], solvers: null, solverError: null };
  const parsed = attempt(() => parseBalanceRows(input.balances));
  if (!parsed.ok) return { ...none, inputError: parsed.message };
  const balances = parsed.value;
  // Each preset reads the positions with its own brackets (as MARGIN.COMPARE does); the default's reading also
  // serves the shock sliders and the solvers. A row that no preset could read is an input error.
  const own = positionsWith(input.positions, preset);
  if (!own.ok && !own.brackets) return { ...none, inputError: own.message };
  const reads = new Map<Preset, PositionsRead>([[preset, own]]);
  const readWith = (p: Preset): PositionsRead => {
    let read = reads.get(p);
    if (read === undefined) {
      read = positionsWith(input.positions, p);
      reads.set(p, read);
    }
    return read;
  };
  const unread = (p: Preset, message: string) => compareLine(unvaluedRow(p.id, message), preset.id, input.balances);
  const base = own.ok ? own : presets.map(readWith).find((r): r is Extract<PositionsRead, { ok: true }> => r.ok);
  if (base === undefined) {
    // No preset has brackets for the positions: each card says why.
    const compare = presets.map((p) => {
      const read = readWith(p);
      return unread(p, read.ok ? '' : read.message);
    });
    return { inputError: null, compare, solvers: null, solverError: own.ok ? null : own.message };
  }
  if (balances.length === 0 && base.value.length === 0) return { ...none, inputError: null };
  const shocks = effectiveShocks(shockableAssets(preset, balances, base.value), input.shocks);
  const shocked = attempt(() => shockAccount(preset, balances, base.value, shocks));
  if (!shocked.ok) return { ...none, inputError: shocked.message };
  const compare = presets.map((p) => {
    const read = readWith(p);
    if (!read.ok) return unread(p, read.message);
    const account = read === base ? shocked : attempt(() => shockAccount(preset, balances, read.value, shocks));
    if (!account.ok) return unread(p, account.message);
    return compareLine(compareAccount([p], account.value.balances, account.value.positions)[0] as ComparisonRow, preset.id, input.balances);
  });
  return {
    inputError: null,
    compare,
    solvers: own.ok ? solvers(preset, shocked.value.balances, shocked.value.positions) : null,
    solverError: own.ok ? null : own.message,
  };
}
