import { messageNumber } from './numberText';
import type { SymbolTotals } from './accountFigures';
import { accountFiguresFromTotals, positionTotals } from './accountFigures';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { isMarginError, MarginError } from './errors';
import type { Balance, Position, Preset, RiskLevel } from './model';
import { riskLevel } from './riskLevel';

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
  const { equity, maintenance, collateral, liabilities, initial } = figures;
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
    ltv: attempt(() => ltvOf(liabilities, collateral)),
    available: ok(equity.minus(initial)),
  };
}

function missingEquity(equity: Dec): Error {
  return new MarginError('EQUITY_NOT_POSITIVE', { equity: messageNumber(equity) });
}

function ltvOf(liabilities: Dec, collateral: Dec): Dec {
  if (liabilities.isZero()) return ZERO;
  if (collateral.isZero()) throw new MarginError('LTV_UNBOUNDED');
  return liabilities.div(collateral);
}

/**
 * The account under each preset, in the order given.
 *
 * @example
 * compareAccount([binance, bitget], balances, positions).map((r) => r.exchange) // ['binance', 'bitget']
 */
export function compareAccount(
  presets: readonly Preset[],
  balances: readonly Balance[],
  positions: readonly Position[],
): ComparisonRow[] {
  // The positions' sums do not depend on the preset: summed once for every row.
  const totals = positionTotals(positions);
  return presets.map((preset) => compareRowFromTotals(preset, balances, totals));
}
