import { messageNumber } from './numberText';
import type { SymbolTotals } from './accountFigures';
import { accountFiguresFromTotals, positionTotals } from './accountFigures';
import { ltvOf } from './collateralSplit';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { isMarginError, MarginError } from './errors';
import type { Balance, Position, Preset, RiskLevel } from './model';
import { riskLevel } from './riskLevel';
import type { BalanceCells, PositionCells } from './numberPath';
import type { PositionSumsMemo } from './numberPath/accountCell';
import { accountSumsCell } from './numberPath/accountCell';

/** A figure, or the message saying why this preset cannot give it. */
export type ComparedFigure<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** One preset's view of an account: every figure in quote currency, or why it has none. */
export interface ComparisonRow {
  readonly exchange: string;
  /** Set when the preset cannot value the account at all (then every figure is missing). */
  readonly error?: string;
  readonly equity: ComparedFigure<Dec>;
  readonly maintenance: ComparedFigure<Dec>;
  readonly ratio: ComparedFigure<Dec>;
  readonly risk: ComparedFigure<RiskLevel>;
  readonly ltv: ComparedFigure<Dec>;
  readonly available: ComparedFigure<Dec>;
}

const ok = <T>(value: T): ComparedFigure<T> => ({ ok: true, value });
const missing = <T>(message: string): ComparedFigure<T> => ({ ok: false, message });

function attempt<T>(compute: () => T): ComparedFigure<T> {
  try {
    return ok(compute());
  } catch (error) {
    if (isMarginError(error)) return missing(error.message);
    throw error;
  }
}

/** The row of a preset that cannot value the account: its message, and no figures. */
export function unvaluedRow(exchange: string, message: string): ComparisonRow {
  const none = missing<never>(message);
  return { exchange, error: message, equity: none, maintenance: none, ratio: none, risk: none, ltv: none, available: none };
}

/**
 * The account under one preset: equity (cross PnL included, MARGIN_RATIO's denominator), maintenance
 * margin, margin ratio and its risk band, LTV and the margin free for new orders, from one build of the
 * account. A preset that cannot value the account gives its message instead of figures.
 */
export function compareRow(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): ComparisonRow {
  return compareRowFromTotals(preset, balances, positionTotals(positions));
}

/** {@link compareRow} from the positions summed once per symbol ({@link positionTotals}). */
export function compareRowFromTotals(preset: Preset, balances: readonly Balance[], totals: readonly SymbolTotals[]): ComparisonRow {
  let figures;
  try {
    figures = accountFiguresFromTotals(preset, balances, totals);
  } catch (error) {
    if (!isMarginError(error)) throw error;
    return unvaluedRow(preset.id, error.message);
  }
  return rowOfFigures(preset, figures);
}

/** The account's figures under one preset, as {@link compareRowFromTotals} and {@link compareRowCells} have them. */
interface RowFigures {
  readonly equity: Dec;
  readonly maintenance: Dec;
  readonly collateral: Dec;
  readonly liabilities: Dec;
  readonly initial: Dec;
}

function rowOfFigures(preset: Preset, { equity, maintenance, collateral, liabilities, initial }: RowFigures): ComparisonRow {
  const ratio = attempt(() => {
    if (!equity.gt(ZERO)) throw missingEquity(equity);
    return maintenance.div(equity);
  });
  return {
    exchange: preset.id,
    equity: ok(equity),
    maintenance: ok(maintenance),
    ratio,
    risk: ratio.ok ? attempt(() => riskLevel(preset, ratio.value)) : ratio,
    ltv: attempt(() => ltvOf({ collateral, liabilities })),
    available: ok(equity.minus(initial)),
  };
}

/**
 * {@link compareRow} from cell numbers by the number path (exact integer sums, no Decimal per row), or null
 * where it declines (an account this preset cannot value, or an addend it cannot hold exactly): the caller then
 * takes {@link compareRowFromTotals}. The row is the one the Decimal engine gives, figure for figure. A `memo`
 * ({@link positionSumsMemo}) shared by the presets of one call sums the positions once for presets that read
 * their symbols alike.
 */
export function compareRowCells(
  preset: Preset,
  balances: BalanceCells,
  positions: PositionCells,
  memo: PositionSumsMemo | null = null,
): ComparisonRow | null {
  const { collateral, liabilities, maintenance, initial } = accountSumsCell(preset, balances, positions, true, null, memo);
  if (collateral.isNaN() || maintenance === null || initial === null) return null;
  return rowOfFigures(preset, { equity: collateral.minus(liabilities), maintenance, collateral, liabilities, initial });
}

function missingEquity(equity: Dec): Error {
  return new MarginError('EQUITY_NOT_POSITIVE', { equity: messageNumber(equity) });
}

/**
 * The account under each preset, in the order given.
 *
 * @example
 * compareAccount([binance, bitget], balances, positions).map((r) => r.exchange) // ['binance', 'bitget']
 */
export function compareAccount(presets: readonly Preset[], balances: readonly Balance[], positions: readonly Position[]): ComparisonRow[] {
  // The positions' sums do not depend on the preset: summed once for every row.
  const totals = positionTotals(positions);
  return presets.map((preset) => compareRowFromTotals(preset, balances, totals));
}
