import { collateralValueCell, isMarginError } from '../../engine';
import { accountFigureCell, liquidationPriceCell } from './accountCells';
import { isReadableNumber } from './coerce';
import { isOmitted } from './deskCells';
import type { ArgList } from './args';
import type { FunctionContext, FunctionName } from './types';

/**
 * A function's number path: plain cell numbers in, the cell's number out, with no Decimal built per cell. It
 * declines with NaN (text, a bad cell, an account the engine would refuse, a sum it cannot hold exactly) and
 * then the function's Decimal handler runs, which reports the problem or computes the value; both give the same
 * numbers. It must not throw for bad input.
 */
export type FastHandler = (args: ArgList, ctx: FunctionContext) => number;

/** The functions with a number path, tried by `invoke` before their handler. */
export const FAST_HANDLERS: Readonly<Partial<Record<FunctionName, FastHandler>>> = {
  COLLATERAL_VALUE: (a, ctx) => {
    const [asset, amount, price] = [a.cell('asset'), a.cell('amount'), a.cell('price')];
    if (typeof asset !== 'string' || !isReadableNumber(amount) || !isReadableNumber(price) || !(price > 0)) return NaN;
    // The engine's number entry is exact and rounds once; a value beyond a double, and every error, go the
    // Decimal way, which reads the arguments in order and reports the first bad one.
    try {
      const value = collateralValueCell(a.preset(ctx), asset, amount === 0 ? 0 : amount, price);
      return Number.isFinite(value) ? value : NaN;
    } catch (error) {
      if (isMarginError(error)) return NaN;
      throw error;
    }
  },
  // With positions (their cross PnL counts), the Decimal way.
  ACCOUNT_EQUITY: (a, ctx) => (isOmitted(a.range('positions')) ? accountFigureCell(a, ctx, 'equity') : NaN),
  MULTIASSET_LTV: (a, ctx) => (isOmitted(a.range('positions')) ? accountFigureCell(a, ctx, 'ltv') : NaN),
  MARGIN_RATIO: (a, ctx) => accountFigureCell(a, ctx, 'ratio'),
  STRESS_MARGIN_RATIO: (a, ctx) => accountFigureCell(a, ctx, 'stress'),
  LIQUIDATION_PRICE: liquidationPriceCell,
  // In the quote currency only: an `asset` to express it in goes the Decimal way.
  AVAILABLE_FOR_ORDER: (a, ctx) => {
    const asset = a.range('asset');
    const blank = asset === null || asset === undefined || (typeof asset === 'string' && asset.trim() === '');
    return blank ? accountFigureCell(a, ctx, 'available') : NaN;
  },
};
