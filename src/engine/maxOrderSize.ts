import { messageNumber } from './numberText';
import { accountFigures } from './accountFigures';
import { quoteRate } from './account';
import { normalizeAsset } from './assetSpec';
import { Dec, ONE, ZERO } from './decimal';
import { fail } from './errors';
import { crossPositionsMargin } from './margins';
import type { Balance, Bracket, Position, Preset } from './model';
import { isCross, positionInitial } from './positions';
import { parseSymbol } from './symbols';

/**
 * The initial margin rate of a symbol as its position grows: one step per leverage bracket. A step holds the
 * position whose notional (in the symbol's quote asset) is at or above `floor` and below `cap` (the last step
 * holds its cap too, as {@link bracketAt} does); with `contractValue`, `floor` and `cap` count contracts of that
 * many coins, and a step holds the positions above its floor up to its cap ({@link bracketFor}). A single open
 * step is a flat rate.
 */
export interface ImrStep {
  readonly floor: Dec;
  readonly cap: Dec | null;
  readonly imr: Dec;
  readonly contractValue?: Dec;
}

/** A flat initial margin rate, as when the rate is given in the cell. */
export function flatImr(imr: Dec): readonly ImrStep[] {
  if (!imr.gt(ZERO)) fail('NOT_POSITIVE', { arg: 'imr', got: messageNumber(imr) });
  if (imr.gt(ONE)) fail('RATE_ABOVE_ONE', { arg: 'imr', got: messageNumber(imr) });
  return [{ floor: ZERO, cap: null, imr }];
}

/** The rate schedule of a symbol's leverage brackets: one step per bracket, in the brackets' own units. */
export function bracketSteps(brackets: readonly Bracket[]): readonly ImrStep[] {
  return brackets.map(({ floor, cap, imr, contractValue }) =>
    contractValue === undefined ? { floor, cap, imr } : { floor, cap, imr, contractValue },
  );
}

const Floor = Dec.clone({ precision: 60, rounding: Dec.ROUND_FLOOR, toExpNeg: -40, toExpPos: 60, minE: -9e15, maxE: 9e15 });

/** The cross positions already open on `symbol`: their size (coin), notional at their marks and initial margin. */
interface OpenPosition {
  readonly size: Dec;
  readonly notional: Dec;
  /** Their initial margin as the account counts it now, in account currency. */
  readonly initial: Dec;
}

function openPosition(
  preset: Preset,
  figures: ReturnType<typeof accountFigures>,
  positions: readonly Position[],
  symbol: string,
): OpenPosition {
  const key = normalizeAsset(symbol);
  const open = positions.filter((p) => isCross(p) && normalizeAsset(p.symbol) === key);
  return {
    size: open.reduce((sum, p) => sum.plus(p.size.abs()), ZERO),
    notional: open.reduce((sum, p) => sum.plus(p.size.abs().times(p.mark)), ZERO),
    initial: crossPositionsMargin(preset, figures.account, open, (p) => positionInitial(p).margin),
  };
}

/** The next 60-digit decimal below `x` (x > 0): the largest size that stays under a bracket's cap. */
function justBelow(x: Dec): Dec {
  return new Floor(x).minus(new Dec(10).pow(x.e - 60));
}

/**
 * The largest order (coin) in one step: the whole position, open and new, lies in the step, and its notional ×
 * imr fits in `budget` (quote asset). Undefined when no order fits in this step.
 */
function largestInStep(step: ImrStep, open: OpenPosition, price: Dec, budget: Dec, last: boolean): Dec | undefined {
  if (!step.imr.gt(ZERO)) fail('NOT_POSITIVE', { arg: 'imr', got: messageNumber(step.imr) });
  // open.notional + q × price ≤ budget / imr
  const fits = new Floor(budget).div(step.imr).minus(open.notional).div(price);
  let lowest: Dec;
  let highest = fits;
  if (step.contractValue === undefined) {
    lowest = step.floor.minus(open.notional).div(price);
    if (step.cap !== null) {
      const toCap = new Floor(step.cap.minus(open.notional)).div(price);
      // A notional at a cap belongs to the next bracket, unless this is the last one.
      const below = !last && open.notional.plus(toCap.times(price)).gte(step.cap) ? justBelow(toCap) : toCap;
      if (below.lt(highest)) highest = below;
    }
  } else {
    lowest = step.floor.times(step.contractValue).minus(open.size);
    if (step.cap !== null) highest = Dec.min(highest, step.cap.times(step.contractValue).minus(open.size));
    // A position of exactly `floor` contracts is the previous bracket's.
    if (!step.floor.isZero() && highest.eq(lowest)) return undefined;
  }
  lowest = Dec.max(ZERO, lowest);
  return highest.gte(lowest) ? highest : undefined;
}

/**
 * Base quantity of a new order on `symbol` at `price` that the margin free for new orders can carry. Exchanges
 * set one leverage per symbol: after the order, the initial margin of the symbol is the whole position's notional
 * (open positions at their marks, the order at `price`) × the rate of the step that position falls in, in the
 * symbol's quote asset converted at its price × liabilityRate, and it replaces what the open positions count now.
 * The answer is the largest quantity that leaves AVAILABLE_FOR_ORDER ≥ 0 in any step; rounded down in its 60th
 * digit, so the margin never exceeds what is free; 0 when nothing is free.
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
  const open = openPosition(preset, figures, positions, symbol);
  // What the symbol's whole position may take, once its current initial margin is given back.
  const free = figures.equity.minus(figures.initial).plus(open.initial);
  if (!free.gt(ZERO)) return ZERO;
  const budget = new Floor(free).div(quoteRate(preset, figures.account, parseSymbol(preset, symbol).quote));
  let best = ZERO;
  steps.forEach((step, i) => {
    const q = largestInStep(step, open, price, budget, i === steps.length - 1);
    if (q !== undefined && q.gt(best)) best = q;
  });
  return best;
}
