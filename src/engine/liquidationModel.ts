import type { Account } from './account';
import { buildAccount, quoteRate, valueState } from './account';
import { assetSpec } from './assetSpec';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import type { AssetSpec, Balance, Bracket, Position, Preset } from './model';
import { messageNumber } from './numberText';
import { bySize, positionBracket } from './brackets';
import { isCross, positionMaintenance, signedSize } from './positions';
import { parseSymbol } from './symbols';
import { valueHolding } from './valuation';

/**
 * An asset whose valued equity moves with the price of X. With t = p / p0, its equity is `equityA + equityB·t`
 * coin units and its price `priceA + priceB·t`; one of the two is constant.
 */
export interface MovingAsset {
  readonly asset: string;
  readonly spec: AssetSpec;
  readonly equityA: Dec;
  readonly equityB: Dec;
  readonly priceA: Dec;
  readonly priceB: Dec;
}

/**
 * A position based on the moving asset whose maintenance margin follows its leverage brackets: at t its
 * notional is `notional·t`, and its margin, in account currency, `(notional·t·mmr − cum) × rate` of the
 * bracket that notional falls in.
 */
export interface BracketedPosition {
  readonly symbol: string;
  readonly notional: Dec;
  readonly rate: Dec;
  readonly brackets: readonly Bracket[];
}

/**
 * Bracketed positions that share a bracket table and a conversion rate, by notional ascending, with prefix sums of
 * the notionals: at t, the positions in bracket k are a contiguous run, found by two binary searches, and add
 * `(Σ notional · t · mmr_k − count · cum_k) × rate`. So an evaluation costs O(brackets · log positions), not one
 * bracket pick per position (bench: tick, LIQUIDATION_PRICE on half the positions bracketed).
 */
export interface BracketGroup {
  readonly brackets: readonly Bracket[];
  readonly rate: Dec;
  readonly notionals: readonly Dec[];
  /** The notionals as doubles, to rule out most comparisons without a Decimal product (see {@link firstReaching}). */
  readonly approx: Float64Array;
  /** prefix[i] = Σ of the first i notionals. */
  readonly prefix: readonly Dec[];
  /** The symbol of the largest notional, named when it passes the last cap. */
  readonly topSymbol: string;
}

export function bracketGroups(bracketed: readonly BracketedPosition[]): BracketGroup[] {
  const byTable = new Map<readonly Bracket[], Map<string, BracketedPosition[]>>();
  for (const b of bracketed) {
    const byRate = byTable.get(b.brackets) ?? new Map<string, BracketedPosition[]>();
    byTable.set(b.brackets, byRate);
    const key = b.rate.toString();
    byRate.set(key, [...(byRate.get(key) ?? []), b]);
  }
  const groups: BracketGroup[] = [];
  for (const [brackets, byRate] of byTable) {
    for (const members of byRate.values()) {
      const sorted = sortedBy(members, (m) => m.notional);
      const prefix = [ZERO];
      for (const m of sorted) prefix.push((prefix[prefix.length - 1] as Dec).plus(m.notional));
      const top = sorted[sorted.length - 1] as BracketedPosition;
      const notionals = sorted.map((m) => m.notional);
      groups.push({
        brackets,
        rate: top.rate,
        notionals,
        approx: Float64Array.from(notionals, (n) => n.toNumber()),
        prefix,
        topSymbol: top.symbol,
      });
    }
  }
  return groups;
}

/**
 * `items` in ascending order of `key`, exactly: doubles order them first (rounding to a double keeps order, so
 * unequal doubles order their Decimals the same way), and Decimals decide between equal doubles.
 */
export function sortedBy<T>(items: readonly T[], key: (item: T) => Dec): T[] {
  const keyed = items.map((item) => ({ item, key: key(item), approx: key(item).toNumber() }));
  keyed.sort((x, y) => (x.approx < y.approx ? -1 : x.approx > y.approx ? 1 : x.key.comparedTo(y.key)));
  return keyed.map((k) => k.item);
}

/** Doubles decide a comparison only when the two sides are this far apart, relatively: far beyond their rounding. */
const CLEAR = 1e-9;
/** Below this, doubles lose relative precision (subnormal), so the Decimals decide. */
const NORMAL = 1e-300;

/**
 * Whether notional × t ≥ bound, from doubles when they clearly say (each side within a few roundings of the exact
 * value, far below {@link CLEAR}); else from the exact Decimal product.
 */
function reaches(notional: Dec, approx: number, t: Dec, tApprox: number, bound: Dec, boundApprox: number): boolean {
  const product = approx * tApprox;
  const a = Math.abs(product);
  const b = Math.abs(boundApprox);
  if (a >= NORMAL && b >= NORMAL && a < Infinity && b < Infinity && Math.abs(product - boundApprox) > CLEAR * Math.max(a, b)) {
    return product > boundApprox;
  }
  return notional.times(t).gte(bound);
}

/** The first index whose notional × t reaches `bound` (notionals ascending). */
function firstReaching(g: BracketGroup, t: Dec, tApprox: number, bound: Dec): number {
  const boundApprox = bound.toNumber();
  let lo = 0;
  let hi = g.notionals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reaches(g.notionals[mid] as Dec, g.approx[mid] as number, t, tApprox, bound, boundApprox)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Σ over a group of each position's bracket margin at t, in account currency; BEYOND_BRACKETS past the last cap. */
function groupMaintenance(g: BracketGroup, t: Dec): Dec {
  const n = g.notionals.length;
  const last = g.brackets[g.brackets.length - 1] as Bracket;
  const top = (g.notionals[n - 1] as Dec).times(t);
  if (last.cap !== null && top.gt(last.cap)) {
    fail('BEYOND_BRACKETS', { symbol: g.topSymbol, what: `notional ${messageNumber(top)}`, cap: messageNumber(last.cap) });
  }
  let sum = ZERO;
  let start = 0;
  const tApprox = t.toNumber();
  g.brackets.forEach((bracket, k) => {
    const next = g.brackets[k + 1];
    const end = next === undefined ? n : firstReaching(g, t, tApprox, next.floor);
    if (end > start) {
      const notional = (g.prefix[end] as Dec).minus(g.prefix[start] as Dec);
      sum = sum.plus(
        notional
          .times(t)
          .times(bracket.mmr)
          .minus(bracket.cum.times(end - start)),
      );
    }
    start = Math.max(start, end);
  });
  return sum.times(g.rate);
}

/**
 * The account as a function of t = p / p0 (p0 = X's current price): everything that does not move with X is
 * summed once, so that each evaluation touches only the moving assets. Working in t rather than p keeps the
 * coefficients exact (no division by p0).
 */
export interface LiquidationModel {
  readonly asset: string;
  readonly p0: Dec;
  readonly preset: Preset;
  readonly moving: readonly MovingAsset[];
  readonly staticEquity: Dec;
  readonly staticLiabilities: Dec;
  /** Maintenance margin of positions = mmA + mmB·t. */
  readonly mmA: Dec;
  readonly mmB: Dec;
  /** Positions whose maintenance margin changes bracket as t moves (added to mmA + mmB·t). */
  readonly bracketed: readonly BracketedPosition[];
  /** The same positions grouped by bracket table and rate, for evaluation (see {@link bracketGroups}). */
  readonly bracketGroups: readonly BracketGroup[];
  /** Liability maintenance rate, or undefined when liabilities carry none (or balances were not given). */
  readonly liabilityRate: Dec | undefined;
  /**
   * The largest decimal exponent among the terms summed into the static parts (values, position margins): with
   * 60 significant digits, a sum carries nothing below about 10^-60 of its largest term.
   */
  readonly staticExponent: number;
  /** The largest decimal exponent of the position terms that scale with t (at t: plus t's exponent). */
  readonly exponentB: number;
}

/**
 * Cross positions neither based on the asset nor settled in it, summed beforehand per quote asset (the number
 * path sums them on exact integers): Σ uPnL, Σ maintenance margin, a symbol of theirs, and an exponent at or above
 * that of every one of their margins (0 for a margin of 0, as a Decimal zero has), for the precision check. Their
 * figures do not move with the asset's price, so the model takes the sums as the positions would add up.
 */
export interface SummedQuote {
  readonly symbol: string;
  readonly upnl: Dec;
  readonly maintenance: Dec;
  readonly exponent: number;
}

export interface SummedPositions {
  readonly byQuote: ReadonlyMap<string, SummedQuote>;
}

/** The cross positions settled in one quote asset, summed in that asset before one conversion at its rate. */
interface QuoteMargins {
  /** X-based positions: Σ |size| × mark × mmr (scales with t) and Σ cum. */
  scaled: Dec;
  cum: Dec;
  /** Other positions: Σ maintenance margin. */
  fixed: Dec;
  /** Largest decimal exponent of a term of `scaled` (and of the notionals), and of `cum` or `fixed`. */
  exponentB: number;
  exponentA: number;
}

interface Accumulator {
  readonly byQuote: Map<string, QuoteMargins>;
  /** Positions settled in X itself: Σ maintenance margin, in X's units. */
  inAsset: Dec;
  inAssetExponent: number;
  /** X-based positions that follow leverage brackets, with the quote asset they settle in. */
  readonly bracketed: { readonly symbol: string; readonly notional: Dec; readonly quote: string; readonly brackets: readonly Bracket[] }[];
  /** Per quote asset of X-based positions: Σ signed size × mark (the part of its equity that scales with t). */
  readonly scaling: Map<string, Dec>;
}

function referencePrice(account: Account, positions: readonly Position[], asset: string, preset: Preset): Dec {
  const state = account.byAsset.get(asset);
  if (state) return state.price;
  const first = positions.find((p) => isCross(p) && parseSymbol(preset, p.symbol).base === asset);
  if (first) return first.mark;
  return fail('NO_LIQUIDATION_PRICE', { asset, reason: 'it is neither in balances nor the base of a cross position' });
}

function quoteMargins(acc: Accumulator, quote: string): QuoteMargins {
  let q = acc.byQuote.get(quote);
  if (q === undefined) {
    q = { scaled: ZERO, cum: ZERO, fixed: ZERO, exponentB: -Infinity, exponentA: -Infinity };
    acc.byQuote.set(quote, q);
  }
  return q;
}

function addPosition(preset: Preset, asset: string, position: Position, acc: Accumulator): void {
  const { base, quote } = parseSymbol(preset, position.symbol);
  if (quote === asset && base !== asset) {
    // Margin fixed in X's units, worth p0·t·liabilityRate each.
    const margin = positionMaintenance(position);
    acc.inAsset = acc.inAsset.plus(margin);
    acc.inAssetExponent = Math.max(acc.inAssetExponent, margin.e);
    return;
  }
  const q = quoteMargins(acc, quote);
  if (base === asset && position.brackets !== undefined && !bySize(position.brackets)) {
    const notional = signedSize(position).times(position.mark);
    acc.bracketed.push({ symbol: position.symbol, notional: notional.abs(), quote, brackets: position.brackets });
    q.exponentB = Math.max(q.exponentB, notional.e);
    acc.scaling.set(quote, (acc.scaling.get(quote) ?? ZERO).plus(notional));
  } else if (base === asset) {
    // Typed rates, or a bracket picked by size in contracts, which stays put as the price moves.
    const { mmr, cum } = positionBracket(position) ?? position;
    const notional = signedSize(position).times(position.mark);
    const margin = notional.abs().times(mmr);
    q.scaled = q.scaled.plus(margin);
    if (!cum.isZero()) q.cum = q.cum.plus(cum);
    q.exponentB = Math.max(q.exponentB, margin.e, notional.e);
    q.exponentA = Math.max(q.exponentA, cum.e);
    acc.scaling.set(quote, (acc.scaling.get(quote) ?? ZERO).plus(notional));
  } else {
    const margin = positionMaintenance(position);
    q.fixed = q.fixed.plus(margin);
    q.exponentA = Math.max(q.exponentA, margin.e);
  }
}

/**
 * mmA + mmB·t from the per-quote sums, each converted once at its quote's rate (Σ (mᵢ × rate) = (Σ mᵢ) × rate), and
 * the largest exponents of their terms.
 */
function maintenanceLine(preset: Preset, account: Account, asset: string, p0: Dec, acc: Accumulator) {
  let mmA = ZERO;
  let mmB = ZERO;
  let exponentA = -Infinity;
  let exponentB = -Infinity;
  for (const [quote, q] of acc.byQuote) {
    const rate = quoteRate(preset, account, quote);
    const shift = rate.isZero() ? 0 : rate.e + 1;
    mmB = mmB.plus(q.scaled.times(rate));
    mmA = mmA.minus(q.cum.times(rate)).plus(q.fixed.times(rate));
    exponentB = Math.max(exponentB, q.exponentB + shift);
    exponentA = Math.max(exponentA, q.exponentA + shift);
  }
  if (!acc.inAsset.isZero()) {
    const rate = p0.times(assetSpec(preset, asset).liabilityRate);
    mmB = mmB.plus(acc.inAsset.times(rate));
    exponentB = Math.max(exponentB, acc.inAssetExponent + (rate.isZero() ? 0 : rate.e + 1));
  }
  return { mmA, mmB, exponentA, exponentB };
}

function movingAssets(preset: Preset, account: Account, asset: string, p0: Dec, scaling: Map<string, Dec>): MovingAsset[] {
  const moving: MovingAsset[] = [];
  const own = account.byAsset.get(asset);
  if (own && !own.equity.isZero()) {
    moving.push({ asset, spec: assetSpec(preset, asset), equityA: own.equity, equityB: ZERO, priceA: ZERO, priceB: p0 });
  }
  for (const [quote, coefficient] of scaling) {
    const state = account.byAsset.get(quote);
    if (!state || coefficient.isZero()) continue;
    // equity(t) = equity now − Σ s·mark + (Σ s·mark)·t, since each position's uPnL is (mark·t − entry)·s.
    const equityA = state.equity.minus(coefficient);
    moving.push({ asset: quote, spec: assetSpec(preset, quote), equityA, equityB: coefficient, priceA: state.price, priceB: ZERO });
  }
  return moving;
}

/**
 * Builds the model of how equity and maintenance margin move with the price of `asset`.
 *
 * @throws NO_LIQUIDATION_PRICE when the asset is neither held nor traded, or its price is not positive.
 */
export function buildLiquidationModel(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  asset: string,
  summed?: SummedPositions,
): LiquidationModel {
  const sums = summed === undefined ? [] : [...summed.byQuote.values()];
  const account = buildAccount(preset, balances, positions, 'balances', sums);
  const p0 = referencePrice(account, positions, asset, preset);
  if (!p0.gt(ZERO)) fail('NO_LIQUIDATION_PRICE', { asset, reason: `its current price ${messageNumber(p0)} is not positive` });
  const acc: Accumulator = { byQuote: new Map(), inAsset: ZERO, inAssetExponent: -Infinity, bracketed: [], scaling: new Map() };
  for (const position of positions) if (isCross(position)) addPosition(preset, asset, position, acc);
  for (const [quote, s] of summed?.byQuote ?? []) {
    const q = quoteMargins(acc, quote);
    q.fixed = q.fixed.plus(s.maintenance);
    q.exponentA = Math.max(q.exponentA, s.exponent);
  }
  const line = maintenanceLine(preset, account, asset, p0, acc);
  const bracketed = acc.bracketed.map(({ symbol, notional, quote, brackets }) => ({
    symbol,
    notional,
    brackets,
    rate: quoteRate(preset, account, quote),
  }));
  const moving = movingAssets(preset, account, asset, p0, acc.scaling);
  const movingNames = new Set(moving.map((m) => m.asset));
  let staticEquity = ZERO;
  let staticLiabilities = ZERO;
  let staticExponent = line.exponentA;
  for (const state of account.assets) {
    if (movingNames.has(state.asset)) continue;
    const value = valueState(preset, state);
    if (!value.isZero()) staticExponent = Math.max(staticExponent, value.e);
    staticEquity = staticEquity.plus(value);
    if (value.isNeg()) staticLiabilities = staticLiabilities.minus(value);
  }
  const liabilityRate = balances.length > 0 ? preset.rules.liabilityMaintenanceRate : undefined;
  return {
    asset,
    p0,
    preset,
    moving,
    staticEquity,
    staticLiabilities,
    mmA: line.mmA,
    mmB: line.mmB,
    bracketed,
    bracketGroups: bracketGroups(bracketed),
    liabilityRate,
    staticExponent,
    exponentB: line.exponentB,
  };
}

/** Equity and maintenance margin of the modelled account at t (t ≥ 0). */
export function evaluateModel(model: LiquidationModel, t: Dec): { equity: Dec; maintenance: Dec } {
  let equity = model.staticEquity;
  let liabilities = model.staticLiabilities;
  for (const m of model.moving) {
    const amount = m.equityA.plus(m.equityB.times(t));
    if (amount.isZero()) continue;
    const value = valueHolding(model.preset, m.spec, amount, m.priceA.plus(m.priceB.times(t)), 'balances');
    equity = equity.plus(value);
    if (value.isNeg()) liabilities = liabilities.minus(value);
  }
  let maintenance = model.mmA.plus(model.mmB.times(t));
  for (const g of model.bracketGroups) maintenance = maintenance.plus(groupMaintenance(g, t));
  if (model.liabilityRate !== undefined) maintenance = maintenance.plus(liabilities.times(model.liabilityRate));
  return { equity, maintenance };
}

/**
 * The largest decimal exponent among the terms of equity and maintenance margin at t (t > 0), within one: the
 * sums carry 60 significant digits of the largest term, so a result far below it has lost its digits.
 */
export function modelExponent(model: LiquidationModel, t: Dec): number {
  const te = t.e + 1;
  let exponent = Math.max(model.staticExponent, model.exponentB + te);
  for (const m of model.moving) {
    const price = m.priceA.plus(m.priceB.times(t));
    if (price.isZero()) continue;
    if (!m.equityA.isZero()) exponent = Math.max(exponent, m.equityA.e + price.e + 1);
    if (!m.equityB.isZero()) exponent = Math.max(exponent, m.equityB.e + te + price.e + 1);
  }
  return exponent;
}
