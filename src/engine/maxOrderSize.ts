import { messageNumber } from './numberText';
import { accountFigures } from './accountFigures';
import { quoteRate } from './account';
import { normalizeAsset } from './assetSpec';
import { Dec, ZERO } from './decimal';
import { fail } from './errors';
import type { Balance, Position, Preset } from './model';
import { isCross } from './positions';
import { parseSymbol } from './symbols';

/**
 * The initial margin rate of a symbol as its position's notional grows: one step per leverage bracket
 * (`floor` ≤ notional < `cap`, in the symbol's quote asset). A single open step is a flat rate.
 */
export interface ImrStep {
  readonly floor: Dec;
  readonly cap: Dec | null;
  readonly imr: Dec;
}

/** A flat initial margin rate, as when the rate is given in the cell. */
export function flatImr(imr: Dec): readonly ImrStep[] {
  if (!imr.gt(ZERO)) fail('NOT_POSITIVE', { arg: 'imr', got: messageNumber(imr) });
  return [{ floor: ZERO, cap: null, imr }];
}

const Floor = Dec.clone({ precision: 60, rounding: Dec.ROUND_FLOOR, toExpNeg: -40, toExpPos: 60, minE: -9e15, maxE: 9e15 });

/** |size| × mark of the cross positions already open on `symbol` (the order's bracket counts them too). */
function openNotional(preset: Preset, positions: readonly Position[], symbol: string): Dec {
  const key = normalizeAsset(symbol);
  return positions.reduce((sum, p) => (isCross(p) && normalizeAsset(p.symbol) === key ? sum.plus(p.size.abs().times(p.mark)) : sum), ZERO);
}

/**
 * Base quantity of a new order on `symbol` at `price` whose initial margin — quantity × price × imr, in the
 * symbol's quote asset, converted at its price × liabilityRate — fits in the margin free for new orders
 * (equity − initial margin of the account). With several steps, the rate is the one of the step that the
 * symbol's cross notional after the order falls in, and the answer is the largest quantity that fits in any
 * step. Rounded down in its 60th digit, so the margin never exceeds what is free; 0 when nothing is free.
 *
 * @example
 * // 10,000 USDT free, BTCUSDT at 60,000, imr 0.05 (20x): 10000 / (60000 × 0.05) = 3.333… BTC
 * maxOrderSize(binance, balances, [], 'BTCUSDT', dec(60000), flatImr(dec('0.05')))
 */
export function maxOrderSize(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  symbol: string,
  price: Dec,
  steps: readonly ImrStep[],
): Dec {
  if (!price.gt(ZERO)) fail('NOT_POSITIVE', { arg: 'price', got: messageNumber(price) });
  const figures = accountFigures(preset, balances, positions);
  const free = figures.equity.minus(figures.initial);
  if (!free.gt(ZERO)) return ZERO;
  const perUnit = price.times(quoteRate(preset, figures.account, parseSymbol(preset, symbol).quote));
  const open = openNotional(preset, positions, symbol);
  let best = ZERO;
  for (const step of steps) {
    if (!step.imr.gt(ZERO)) fail('NOT_POSITIVE', { arg: 'imr', got: messageNumber(step.imr) });
    const fits = new Floor(free).div(perUnit.times(step.imr));
    const lowest = Dec.max(ZERO, step.floor.minus(open).div(price));
    const highest = step.cap === null ? fits : Dec.min(fits, step.cap.minus(open).div(price));
    if (highest.gte(lowest) && highest.gt(best)) best = highest;
  }
  return best;
}
