import { normalizeAsset } from './assetSpec';
import { Dec, dec, ONE, ZERO } from './decimal';
import type { MarginError } from './errors';
import { fail, isMarginError } from './errors';
import type { LiquidationModel, MovingAsset } from './liquidationModel';
import { bracketGroups, buildLiquidationModel, evaluateModel, modelExponent, sortedBy } from './liquidationModel';
import type { SummedPositions } from './liquidationModel';
import type { Balance, Bracket, Position, Preset } from './model';
import { tierTable } from './tierTable';
import { messageNumber } from './numberText';

const TWO = dec(2);
const THREE = dec(3);

/** Where, going one way from the current price, the search ended. Distances are in t = p / p0. */
interface Outcome {
  readonly root?: Dec;
  /** Where tiers stop being published: beyond it g cannot be evaluated. */
  readonly barrier?: { readonly at: Dec; readonly error: MarginError };
  readonly note?: string;
  /** Set when the search passed a last bracket cap and no bracket past it could bring a root. */
  readonly past?: boolean;
}

/** Holding sizes (in coin units) where an asset's value changes slope: zero and every tier floor and last cap. */
function amountKinks(m: MovingAsset): Dec[] {
  const table = tierTable(m.spec);
  const bounds = [...table.floors.slice(1), ...(table.lastCap ? [table.lastCap] : [])];
  if (m.equityB.isZero()) {
    // Constant amount, moving price: value tiers bend where amount × price crosses a bound.
    if (m.spec.tierUnit !== 'value' || !m.equityA.gt(ZERO)) return [];
    return bounds.map((b) => b.div(m.equityA.times(m.priceB)));
  }
  const units = m.spec.tierUnit === 'value' ? (m.priceA.gt(ZERO) ? bounds.map((b) => b.div(m.priceA)) : []) : bounds;
  return [ZERO, ...units].map((u) => u.minus(m.equityA).div(m.equityB));
}

/** Where a bracketed position's notional crosses a bracket floor or its last cap. */
function bracketKinks(b: LiquidationModel['bracketed'][number]): Dec[] {
  if (!b.notional.gt(ZERO)) return [];
  const last = b.brackets[b.brackets.length - 1];
  const bounds = [...b.brackets.slice(1).map((x) => x.floor), ...(last?.cap ? [last.cap] : [])];
  return bounds.map((bound) => bound.div(b.notional));
}

function breakpoints(model: LiquidationModel): Dec[] {
  const all = sortedBy(
    [...model.moving.flatMap(amountKinks), ...model.bracketed.flatMap(bracketKinks)].filter((t) => t.gt(ZERO) && !t.eq(ONE)),
    (t) => t,
  );
  return all.filter((t, i) => i === 0 || !t.eq(all[i - 1] as Dec));
}

/** g(t) = equity − maintenance margin. */
function gap(model: LiquidationModel, t: Dec): Dec {
  const { equity, maintenance } = evaluateModel(model, t);
  return equity.minus(maintenance);
}

function isBarrier(error: unknown): error is MarginError {
  return (
    isMarginError(error) &&
    (error.code === 'TIERS_UNPUBLISHED' || error.code === 'TIERS_UNPUBLISHED_BEYOND' || error.code === 'BEYOND_BRACKETS')
  );
}

/**
 * g on [l, r] (r undefined = unbounded), from two interior points so that no evaluation sits on a kink.
 * Returns the zero of the line, or the unpublished-tiers error met inside the segment.
 */
function lineZero(model: LiquidationModel, l: Dec, r: Dec | undefined): { zero?: Dec; slope: Dec } | MarginError {
  const step = r ? r.minus(l).div(THREE) : unitStep(l);
  const m1 = l.plus(step);
  const m2 = l.plus(step.times(TWO));
  try {
    const g1 = gap(model, m1);
    const slope = gap(model, m2).minus(g1).div(m2.minus(m1));
    return slope.isZero() ? { slope } : { zero: m1.minus(g1.div(slope)), slope };
  } catch (error) {
    if (isBarrier(error)) return error;
    throw error;
  }
}

function unitStep(l: Dec): Dec {
  return l.gt(ONE) ? l : ONE;
}

/**
 * Orders of magnitude a root's equity and margin must stand above what 60-digit sums of the largest term leave
 * unresolved (10^-60 of it), so that the cell's 17 digits are right.
 */
const RESOLVED = 40;

/**
 * A root is a liquidation price only where maintenance margin is positive (else equity is zero, not MM). When
 * the account's terms span so many orders of magnitude that the sums near the root lose their digits (g at
 * the root is not zero to within them, or the root's margin is below them), the root cannot be trusted:
 * LIQUIDATION_PRECISION.
 */
function accept(model: LiquidationModel, t: Dec): Outcome {
  const { equity, maintenance } = evaluateModel(model, t);
  const floor = modelExponent(model, t) - RESOLVED;
  const residual = equity.minus(maintenance);
  const lost = (!residual.isZero() && residual.e >= floor) || (maintenance.gt(ZERO) && maintenance.e < floor);
  if (lost) fail('LIQUIDATION_PRECISION', { asset: model.asset, largest: `1e${modelExponent(model, t)}` });
  if (maintenance.gt(ZERO)) return { root: t };
  return { note: `equity reaches zero at ${messageNumber(model.p0.times(t))} with no maintenance margin left` };
}

/**
 * Whether g is positive at `t`, the far end of a piece: then the piece holds no root the search would take, since
 * g is linear on it and its line reaches zero by the far end only where g there is ≤ 0. One evaluation in place of
 * the two that {@link lineZero} makes, on every piece the search walks past. False when g cannot be evaluated at
 * `t`: the piece is then searched as before, and {@link lineZero} names what stops it.
 */
function positiveAt(model: LiquidationModel, t: Dec): boolean {
  try {
    return gap(model, t).gt(ZERO);
  } catch {
    return false;
  }
}

function searchUp(model: LiquidationModel, points: readonly Dec[]): Outcome {
  let l = ONE;
  for (let i = 0; i <= points.length; i += 1) {
    const r = points[i];
    if (r !== undefined && positiveAt(model, r)) {
      l = r;
      continue;
    }
    const line = lineZero(model, l, r);
    if (isMarginError(line)) return { barrier: { at: l, error: line } };
    if (line.slope.isNeg() && line.zero && (!r || line.zero.lte(r))) return accept(model, Dec.max(line.zero, l));
    if (r) l = r;
  }
  return {};
}

function searchDown(model: LiquidationModel, points: readonly Dec[]): Outcome {
  let r = ONE;
  for (let i = 0; i <= points.length; i += 1) {
    const next = points[i];
    if (next !== undefined && positiveAt(model, next)) {
      r = next;
      continue;
    }
    const l = next ?? ZERO;
    const line = lineZero(model, l, r);
    if (isMarginError(line)) return { barrier: { at: r, error: line } };
    if (line.slope.gt(ZERO) && line.zero && line.zero.gte(l)) {
      return line.zero.gt(ZERO) ? accept(model, Dec.min(line.zero, r)) : {};
    }
    r = l;
  }
  return {};
}

const distance = (t: Dec): Dec => t.minus(ONE).abs();

function nearest(outcomes: readonly Outcome[]): Dec | undefined {
  const roots = outcomes.flatMap((o) => (o.root ? [o.root] : []));
  return roots.reduce<Dec | undefined>((best, t) => (best === undefined || distance(t).lt(distance(best)) ? t : best), undefined);
}

function checkNotLiquidated(model: LiquidationModel): void {
  const { equity, maintenance } = evaluateModel(model, ONE);
  if (!equity.gt(ZERO)) fail('ALREADY_LIQUIDATED', { asset: model.asset, ratio: `unbounded, account equity ${messageNumber(equity)}` });
  const ratio = maintenance.div(equity);
  if (ratio.gte(ONE)) fail('ALREADY_LIQUIDATED', { asset: model.asset, ratio: messageNumber(ratio) });
}

/**
 * The model with one more bracket past each last cap, at a maintenance rate of 100% and no cum: the most margin
 * any bracket can ask (rates are at most 1, cums at least 0), so a price this model never liquidates at is one
 * no unpublished bracket could liquidate at either.
 */
function pastLastBrackets(model: LiquidationModel): LiquidationModel {
  const extended = new Map<readonly Bracket[], readonly Bracket[]>();
  const extend = (brackets: readonly Bracket[]): readonly Bracket[] => {
    const last = brackets[brackets.length - 1];
    if (last === undefined || last.cap === null) return brackets;
    const known = extended.get(brackets);
    if (known !== undefined) return known;
    const more = [...brackets, { floor: last.cap, cap: null, mmr: ONE, cum: ZERO, imr: ONE }];
    extended.set(brackets, more);
    return more;
  };
  const bracketed = model.bracketed.map((b) => ({ ...b, brackets: extend(b.brackets) }));
  return { ...model, bracketed, bracketGroups: bracketGroups(bracketed) };
}

/**
 * A search that stopped at the last cap of a leverage bracket: when even {@link pastLastBrackets} finds no root
 * that way, there is none (the outcome without its barrier); else the barrier stands.
 */
function pastBrackets(
  outcome: Outcome,
  search: (model: LiquidationModel, points: readonly Dec[]) => Outcome,
  model: LiquidationModel,
  up: boolean,
): Outcome {
  if (outcome.barrier?.error.code !== 'BEYOND_BRACKETS') return outcome;
  const worst = pastLastBrackets(model);
  const points = breakpoints(worst).filter((t) => (up ? t.gt(ONE) : t.lt(ONE)));
  let again: Outcome;
  try {
    again = search(worst, up ? points : points.reverse());
  } catch (error) {
    // The worst case jumps at the cap; a root there (or one it cannot resolve) leaves the question open.
    if (isMarginError(error)) return outcome;
    throw error;
  }
  return again.root === undefined && again.barrier === undefined ? { past: true } : outcome;
}

/**
 * Price of `asset` at which the margin ratio reaches 100%, moving the asset's balance price and the marks of
 * the cross positions based on it together (markᵢ(p) = markᵢ × p / p0). Equity − MM is piecewise linear in p,
 * so each piece between tier floors, caps and zero crossings is solved exactly; the root nearest the current
 * price wins.
 *
 * `summed`: cross positions on neither the asset nor settled in it, summed beforehand (the number path), in place
 * of their rows in `positions`.
 *
 * @throws ALREADY_LIQUIDATED when the ratio is already ≥ 1; NO_LIQUIDATION_PRICE when no price gives 100%;
 * TIERS_UNPUBLISHED(_BEYOND) when the answer lies where tiers are not published.
 * @example
 * // 1,000 USDT behind a 1 BTC long at 60,000 (mmr 0.4%): 1000 + (p − 60000) = 0.004 p → p = 59000 / 0.996
 * liquidationPrice(binance, [{ asset: 'USDT', amount: dec(1000), price: dec(1) }], [btcusdtLong], 'BTC')
 */
export function liquidationPrice(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  asset: string,
  summed?: SummedPositions,
): Dec {
  const model = buildLiquidationModel(preset, balances, positions, normalizeAsset(asset), summed);
  checkNotLiquidated(model);
  const points = breakpoints(model);
  const firstUp = searchUp(
    model,
    points.filter((t) => t.gt(ONE)),
  );
  const firstDown = searchDown(model, points.filter((t) => t.lt(ONE)).reverse());
  // A bracket cap farther out than a root already found cannot change the answer: only a nearer one is searched past.
  const found = nearest([firstUp, firstDown]);
  const settle = (outcome: Outcome, search: typeof searchUp, up: boolean): Outcome =>
    found !== undefined && outcome.barrier !== undefined && !distance(outcome.barrier.at).lt(distance(found))
      ? outcome
      : pastBrackets(outcome, search, model, up);
  const up = settle(firstUp, searchUp, true);
  const down = settle(firstDown, searchDown, false);
  const root = nearest([up, down]);
  const barrier = [up.barrier, down.barrier]
    .filter((b): b is NonNullable<Outcome['barrier']> => b !== undefined)
    .find((b) => root === undefined || distance(b.at).lt(distance(root)));
  if (barrier) throw barrier.error;
  if (root) return model.p0.times(root);
  const notes = [up.note, down.note].filter(Boolean).join('; ');
  const past = up.past === true || down.past === true ? ', even past the last leverage bracket at a maintenance rate of 100%' : '';
  return fail('NO_LIQUIDATION_PRICE', {
    asset: model.asset,
    reason: notes || `the margin ratio stays below 100% at every price of ${model.asset}${past}`,
  });
}
