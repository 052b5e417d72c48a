import { findAssetSpec, normalizeAsset } from '../assetSpec';
import { bracketFor, findBrackets } from '../brackets';
import { ltvOrUnbounded } from '../collateralSplit';
import { Dec, dec, ONE, toCellNumber, ZERO } from '../decimal';
import { isMarginError } from '../errors';
import type { AssetSpec, Bracket, Position, Preset } from '../model';
import { positionInitial, positionMaintenance, positionUpnl } from '../positions';
import { parseSymbol } from '../symbols';
import { valueHolding } from '../valuation';
import { assetBook, assetEntry } from './assetBook';
import { ExactSum, mantissa, placesOf } from './exactSum';
import { isSafe, POW10 } from './scaledDecimal';
import type { Scaled, ScaledBracket } from './scaledBrackets';
import { scaledBracketPick, scaledBrackets } from './scaledBrackets';
import type { ScaledTiers } from './scaledTiers';
import { integerFloorTier, tieredScale, tieredScaled } from './scaledTiers';
import type { Split } from './splitValue';
import { productSplit, splitLinear } from './splitValue';

/** A balances range as cell numbers, one entry per data row: asset as typed, amount, price > 0, upnl (0 when blank). */
export interface BalanceCells {
  readonly assets: readonly string[];
  readonly amounts: readonly number[];
  readonly prices: readonly number[];
  readonly upnls: readonly number[];
}

/**
 * A positions range as cell numbers: signed size (LONG +, SHORT −), entry and mark > 0, mmr and cum ≥ 0. An mmr
 * of NaN is a row that left mmr and cum blank: it takes mmr and cum (and imr, when blank) from the preset's
 * leverage brackets for its symbol, at the bracket its notional |size| × mark falls in.
 */
export interface PositionCells {
  readonly symbols: readonly string[];
  readonly sizes: readonly number[];
  readonly entries: readonly number[];
  readonly marks: readonly number[];
  readonly mmrs: readonly number[];
  /** Ignored where mmr is NaN. */
  readonly cums: readonly number[];
  readonly cross: readonly boolean[];
  /** Initial margin rates ≥ 0; NaN (or no column) where blank, and the position's initial margin is its maintenance. */
  readonly imrs?: readonly number[];
}

/**
 * The exact sums behind ACCOUNT_EQUITY, MULTIASSET_LTV and MARGIN_RATIO. When the number path declines, every
 * sum is NaN (as every number it declines with), and the Decimal path decides.
 */
export interface AccountSums {
  /** Σ valued equity of the assets with positive equity. */
  readonly collateral: Dec;
  /** Σ |valued equity| of the assets with negative equity. */
  readonly liabilities: Dec;
  /** Account maintenance margin, when positions were given. */
  readonly maintenance: Dec | null;
  /** Account initial margin, when positions were given and it was asked for. */
  readonly initial: Dec | null;
}

const NOT_A_NUMBER = new Dec(NaN);
const DECLINED: AccountSums = { collateral: NOT_A_NUMBER, liabilities: NOT_A_NUMBER, maintenance: NOT_A_NUMBER, initial: NOT_A_NUMBER };

/** `x + y` as one exact integer at `k` places (x with kx places, y with ky, both ≤ k), or NaN when it does not fit. */
function alignedSum(x: number, kx: number, y: number, ky: number, k: number): number {
  return alignedMantissas(mantissa(x, kx), kx, mantissa(y, ky), ky, k);
}

/** `X / 10^kx + Y / 10^ky` as one exact integer at `k` places (kx, ky ≤ k), or NaN when it does not fit. */
function alignedMantissas(X: number, kx: number, Y: number, ky: number, k: number): number {
  const a = X * 10 ** (k - kx);
  const b = Y * 10 ** (k - ky);
  const sum = a + b;
  return isSafe(a) && isSafe(b) && isSafe(sum) ? sum : NaN;
}

/** A price factor `1 + change` as the mantissa `F / 10^k`, and as a Decimal for the rows that take Decimal. */
interface Factor {
  readonly F: number;
  readonly k: number;
  readonly factor: Dec;
}

/** Price shocks as cell numbers: asset as typed, relative change (−0.2 = −20%). */
export interface ShockCells {
  readonly assets: readonly string[];
  readonly changes: readonly number[];
}

/**
 * The factor of each shocked asset, by canonical name; null when a shock is one the Decimal engine refuses (a
 * change of −1 or less, an asset twice) or its change has no short decimal.
 */
function factorsOf(shocks: ShockCells): Map<string, Factor> | null {
  const factors = new Map<string, Factor>();
  for (let j = 0; j < shocks.assets.length; j += 1) {
    const asset = normalizeAsset(shocks.assets[j] as string);
    const change = shocks.changes[j] as number;
    const k = placesOf(change);
    if (!(change > -1) || k < 0 || factors.has(asset)) return null;
    const F = (POW10[k] as number) + mantissa(change, k);
    factors.set(asset, { F, k, factor: ONE.plus(dec(change)) });
  }
  return factors;
}

/** The mantissa of `x × factor` (x = X / 10^kx) at kx + factor.k places, or NaN when it leaves the exact range. */
function shocked(X: number, kx: number, factor: Factor | undefined): number {
  if (factor === undefined) return X;
  const Y = X * factor.F;
  return isSafe(Y) && kx + factor.k <= 15 ? Y : NaN;
}

/** Adds `x × y` (x = X / 10^kx, y = Y / 10^ky, exact integers) to `sum`, through `split`; NaN when it does not fit. */
function addProduct(sum: ExactSum, split: Split, X: number, kx: number, Y: number, ky: number): number {
  const t = productSplit(X, kx, Y, ky, split);
  if (t === t) sum.addSplit(split.w, split.f, t);
  return t;
}

/** Adds `x × y × R / 10^kr` to `sum`, through `split`; NaN when it does not fit. */
function addTripleProduct(sum: ExactSum, split: Split, X: number, kx: number, Y: number, ky: number, R: number, kr: number): number {
  const t = productSplit(X, kx, Y, ky, split);
  const T = t === t ? splitLinear(split.w, split.f, t, R, 0, kr, split) : NaN;
  if (T === T) sum.addSplit(split.w, split.f, T);
  return T;
}

/**
 * Valued equity `E / 10^k` (E ≠ 0) of one asset at price `P / 10^kp`, added to `collateral` or `liabilities`
 * (as a negative value) on exact integers, through `split`; NaN when it does not fit, and nothing was added.
 */
function addValue(unit: AssetSpec['tierUnit'], t: ScaledTiers, E: number, k: number, P: number, kp: number, sums: Sums): number {
  const split = sums.split;
  if (E < 0) return addTripleProduct(sums.liabilities, split, E, k, P, kp, t.liability, t.kl);
  if (unit === 'quantity') {
    const units = tieredScaled(t, E, k);
    return units === units ? addProduct(sums.collateral, split, units, tieredScale(t, k), P, kp) : NaN;
  }
  if (t.kf !== 0) {
    const X = E * P;
    const units = isSafe(X) ? tieredScaled(t, X, k + kp) : NaN;
    const scale = tieredScale(t, k + kp);
    if (units !== units || scale > 15) return NaN;
    sums.collateral.addScaled(units, scale);
    return scale;
  }
  const places = productSplit(E, k, P, kp, split);
  const i = places === places ? integerFloorTier(t, split.w, split.f) : NaN;
  const T = i === i ? splitLinear(split.w, split.f, places, t.ratios[i] as number, t.intercepts[i] as number, t.kr, split) : NaN;
  if (T === T) sums.collateral.addSplit(split.w, split.f, T);
  return T;
}

/** Adds a Decimal value to the side its sign says. */
function addDecValue(value: Dec, collateral: ExactSum, liabilities: ExactSum): void {
  if (value.isNeg()) liabilities.addDec(value);
  else collateral.addDec(value);
}

/** One call's running sums, and the split its products pass through. */
interface Sums {
  readonly collateral: ExactSum;
  readonly liabilities: ExactSum;
  readonly split: Split;
}

export interface QuoteSums {
  readonly upnl: ExactSum;
  readonly maintenance: ExactSum;
  readonly initial: ExactSum;
}

/**
 * Adds `|size| × mark × rate − cum` (S, M, R, C mantissas at ks, km, kr, kc) to `sum`; NaN when it does not fit.
 */
function addMargin(
  sum: ExactSum,
  split: Split,
  S: number,
  ks: number,
  M: number,
  km: number,
  R: number,
  kr: number,
  C: number,
  kc: number,
): number {
  const places = ks >= 0 && km >= 0 && kr >= 0 && kc >= 0 && kc <= 15 ? addTripleProduct(sum, split, Math.abs(S), ks, M, km, R, kr) : NaN;
  if (places === places && C !== 0) sum.addScaled(-C, kc);
  return places;
}

/**
 * Row `p` of a positions range as a Decimal cross position at `mark`: signed size as BOTH, its typed rates, or (with
 * `brackets`, for a row that left mmr blank) its symbol's brackets, which the engine picks from at the mark.
 */
export function cellPosition(positions: PositionCells, p: number, brackets: readonly Bracket[] | undefined, mark: Dec): Position {
  const imr = positions.imrs?.[p] ?? NaN;
  return {
    symbol: positions.symbols[p] as string,
    side: 'BOTH',
    size: dec(positions.sizes[p] as number),
    entry: dec(positions.entries[p] as number),
    mark,
    mmr: brackets === undefined ? dec(positions.mmrs[p] as number) : ZERO,
    cum: brackets === undefined ? dec(positions.cums[p] as number) : ZERO,
    ...(imr === imr ? { imr: dec(imr) } : {}),
    ...(brackets === undefined ? {} : { brackets }),
    marginMode: 'cross',
  };
}

/**
 * Σ uPnL, Σ maintenance margin and (with `withInitial`) Σ initial margin of the cross positions, per quote
 * asset, in that asset; null where the Decimal engine reports an error (a bracketed row without brackets, or
 * beyond their last cap).
 */
export function positionSums(
  preset: Preset,
  positions: PositionCells,
  split: Split,
  withInitial: boolean,
  factors: ReadonlyMap<string, Factor> | null,
): Map<string, QuoteSums> | null {
  const byQuote = new Map<string, QuoteSums>();
  const notional: Split = { w: 0, f: 0, t: 0 };
  for (let p = 0; p < positions.symbols.length; p += 1) {
    if (!positions.cross[p]) continue;
    const { base, quote } = parseSymbol(preset, positions.symbols[p] as string);
    // A shocked base moves the mark: mark × factor, at the factor's places more.
    const factor = factors === null ? undefined : factors.get(base);
    let sums = byQuote.get(quote);
    if (!sums) {
      sums = { upnl: new ExactSum(), maintenance: new ExactSum(), initial: new ExactSum() };
      byQuote.set(quote, sums);
    }
    const size = positions.sizes[p] as number;
    const entry = positions.entries[p] as number;
    const mark = positions.marks[p] as number;
    const ks = placesOf(size);
    const ke = placesOf(entry);
    const kmark = placesOf(mark);
    const km = factor === undefined || kmark < 0 ? kmark : kmark + factor.k;
    const M = kmark < 0 ? NaN : shocked(mantissa(mark, kmark), kmark, factor);
    const S = ks < 0 ? NaN : mantissa(size, ks);
    // uPnL = (mark − entry) × signed size
    const kd = Math.max(ke, km);
    const D = ke < 0 || M !== M ? NaN : alignedMantissas(M, km, -mantissa(entry, ke), ke, kd);
    const upnlPlaces = ks >= 0 && D === D ? addProduct(sums.upnl, split, D, kd, S, ks) : NaN;
    const fastUpnl = upnlPlaces === upnlPlaces;
    const typedMmr = positions.mmrs[p] as number;
    const imr = positions.imrs === undefined ? NaN : (positions.imrs[p] as number);
    // A bracketed row: its rates are those of the bracket of its notional (at the shocked mark, when shocked).
    let brackets: readonly Bracket[] | undefined;
    let R: number;
    let kr: number;
    let C: number;
    let kc: number;
    let bracketImr: Scaled | null = null;
    if (typedMmr === typedMmr) {
      const cum = positions.cums[p] as number;
      kr = placesOf(typedMmr);
      kc = placesOf(cum);
      R = kr < 0 ? NaN : mantissa(typedMmr, kr);
      C = kc < 0 ? NaN : mantissa(cum, kc);
    } else {
      brackets = findBrackets(preset, positions.symbols[p] as string);
      if (brackets === undefined) return null; // the Decimal engine's NO_BRACKETS
      const table = scaledBrackets(brackets);
      const i = scaledBracketPick(brackets, Math.abs(size), Math.abs(S), ks, M, km, notional);
      if (i === -1) return null; // the Decimal engine's BEYOND_BRACKETS
      const bracket = i === i ? (table as readonly ScaledBracket[])[i] : undefined;
      R = bracket === undefined ? NaN : bracket.mmr.m;
      kr = bracket === undefined ? -1 : bracket.mmr.k;
      C = bracket === undefined ? NaN : bracket.cum.m;
      kc = bracket === undefined ? -1 : bracket.cum.k;
      bracketImr = bracket === undefined ? null : bracket.imr;
    }
    // maintenance = |size| × mark × mmr − cum
    const maintenancePlaces = addMargin(sums.maintenance, split, S, ks, M, km, R, kr, C, kc);
    const fastMaintenance = maintenancePlaces === maintenancePlaces;
    // initial = |size| × mark × imr: the typed imr, else the bracket's, else the maintenance margin
    let fastInitial = true;
    if (withInitial) {
      let I: number;
      let ki: number;
      let Ci = 0;
      let kci = 0;
      if (imr === imr) {
        ki = placesOf(imr);
        I = ki < 0 ? NaN : mantissa(imr, ki);
      } else if (brackets !== undefined) {
        ki = bracketImr === null ? -1 : bracketImr.k;
        I = bracketImr === null ? NaN : bracketImr.m;
      } else {
        [I, ki, Ci, kci] = [R, kr, C, kc];
      }
      const initialPlaces = addMargin(sums.initial, split, S, ks, M, km, I, ki, Ci, kci);
      fastInitial = initialPlaces === initialPlaces;
    }
    if (!fastUpnl || !fastMaintenance || !fastInitial) {
      const position = cellPosition(positions, p, brackets, factor === undefined ? dec(mark) : dec(mark).times(factor.factor));
      if (!fastUpnl) sums.upnl.addDec(positionUpnl(position));
      if (!fastMaintenance) sums.maintenance.addDec(positionMaintenance(position));
      if (!fastInitial) sums.initial.addDec(positionInitial(position).margin);
    }
  }
  return byQuote;
}

/**
 * Position sums made for earlier presets on the same ranges, by how each preset reads the cross positions'
 * symbols: the sums depend on a preset only through that reading (base and quote), so presets reading every
 * symbol alike share one pass over the positions. For one positions range, without shocks.
 */
export interface PositionSumsMemo {
  /** The cross positions' distinct symbols, once read. */
  symbols: readonly string[] | null;
  readonly entries: MemoEntry[];
}

interface MemoEntry {
  readonly withInitial: boolean;
  /** Base and quote of each of the memo's symbols, in order. */
  readonly parts: readonly string[];
  readonly byQuote: Map<string, QuoteSums>;
}

/** An empty {@link PositionSumsMemo}, for one call that values the same ranges under several presets. */
export function positionSumsMemo(): PositionSumsMemo {
  return { symbols: null, entries: [] };
}

/** Whether `preset` reads every symbol as the entry's preset did. */
function readsAlike(preset: Preset, symbols: readonly string[], entry: MemoEntry): boolean {
  for (let j = 0; j < symbols.length; j += 1) {
    const { base, quote } = parseSymbol(preset, symbols[j] as string);
    if (entry.parts[2 * j] !== base || entry.parts[2 * j + 1] !== quote) return false;
  }
  return true;
}

/** {@link positionSums} without shocks, shared through `memo` between presets that read every symbol alike. */
function memoPositionSums(
  preset: Preset,
  positions: PositionCells,
  split: Split,
  withInitial: boolean,
  memo: PositionSumsMemo,
): Map<string, QuoteSums> | null {
  // Bracketed rows take their rates from the preset: only rows with typed rates are shared.
  if (positions.mmrs.some((mmr) => mmr !== mmr)) return positionSums(preset, positions, split, withInitial, null);
  memo.symbols ??= [...new Set(positions.symbols.filter((_, p) => positions.cross[p]))];
  const symbols = memo.symbols;
  for (const entry of memo.entries) if (entry.withInitial === withInitial && readsAlike(preset, symbols, entry)) return entry.byQuote;
  const parts: string[] = [];
  for (const symbol of symbols) {
    const { base, quote } = parseSymbol(preset, symbol);
    parts.push(base, quote);
  }
  const byQuote = positionSums(preset, positions, split, withInitial, null);
  if (byQuote !== null) memo.entries.push({ withInitial, parts, byQuote });
  return byQuote;
}

/**
 * Whether every bracketed row (cross or isolated) has brackets, and its notional at its typed mark is within
 * them: the readers pick each such row's bracket at that mark, and report NO_BRACKETS or BEYOND_BRACKETS.
 */
export function bracketsCover(preset: Preset, positions: PositionCells): boolean {
  const notional: Split = { w: 0, f: 0, t: 0 };
  for (let p = 0; p < positions.mmrs.length; p += 1) {
    if (positions.mmrs[p] === positions.mmrs[p]) continue;
    const symbol = positions.symbols[p] as string;
    const brackets = findBrackets(preset, symbol);
    if (brackets === undefined) return false;
    const [size, mark] = [Math.abs(positions.sizes[p] as number), positions.marks[p] as number];
    const [ks, km] = [placesOf(size), placesOf(mark)];
    const S = ks < 0 ? NaN : mantissa(size, ks);
    const M = km < 0 ? NaN : mantissa(mark, km);
    const i = scaledBracketPick(brackets, size, S, ks, M, km, notional);
    if (i === -1) return false;
    if (i !== i) bracketFor(brackets, dec(size), dec(mark), symbol); // throws as the reader does
  }
  return true;
}

/** Every shocked asset is held or traded (else the Decimal engine reports SHOCK_UNMATCHED). */
function shocksMatch(
  preset: Preset,
  balances: BalanceCells,
  positions: PositionCells | null,
  factors: ReadonlyMap<string, Factor>,
): boolean {
  const named = new Set<string>();
  for (const asset of balances.assets) named.add(normalizeAsset(asset));
  for (const symbol of positions?.symbols ?? []) {
    const { base, quote } = parseSymbol(preset, symbol);
    named.add(base);
    named.add(quote);
  }
  for (const asset of factors.keys()) if (!named.has(asset)) return false;
  return true;
}

/**
 * The account sums of ACCOUNT_EQUITY, MULTIASSET_LTV and MARGIN_RATIO straight from cell numbers, exactly as
 * the Decimal engine has them (`accountEquity`, `multiAssetLtv`, `marginRatio`), without a Decimal per row:
 * each row's value is summed on exact integers, and only rows that do not fit (long decimals, huge
 * magnitudes, fractional value floors) and the quote assets that positions settle in go through Decimal.
 * Declined (every sum NaN) whenever the Decimal engine would report an error or an addend cannot be held
 * exactly; the caller then takes the Decimal path, which gives the error or the value.
 *
 * @example
 * accountSumsCell(bitget, { assets: ['BTC'], amounts: [10], prices: [60000], upnls: [0] }, null)
 * // { collateral: 582000, liabilities: 0, maintenance: null }
 */
export function accountSumsCell(
  preset: Preset,
  balances: BalanceCells,
  positions: PositionCells | null,
  withInitial = false,
  shocks: ShockCells | null = null,
  memo: PositionSumsMemo | null = null,
): AccountSums {
  try {
    return sums(preset, balances, positions, withInitial, shocks, memo);
  } catch (error) {
    if (isMarginError(error)) return DECLINED;
    throw error;
  }
}

function sums(
  preset: Preset,
  balances: BalanceCells,
  positions: PositionCells | null,
  withInitial: boolean,
  shocks: ShockCells | null,
  memo: PositionSumsMemo | null,
): AccountSums {
  const factors = shocks === null ? null : factorsOf(shocks);
  if (shocks !== null && (factors === null || !shocksMatch(preset, balances, positions, factors))) return DECLINED;
  if (positions !== null && !bracketsCover(preset, positions)) return DECLINED;
  const split: Split = { w: 0, f: 0, t: 0 };
  let byQuote: Map<string, QuoteSums> | null;
  if (positions === null) byQuote = new Map();
  else if (memo !== null && factors === null) byQuote = memoPositionSums(preset, positions, split, withInitial, memo);
  else byQuote = positionSums(preset, positions, split, withInitial, factors);
  if (byQuote === null) return DECLINED;
  const acc: Sums = { collateral: new ExactSum(), liabilities: new ExactSum(), split };
  const { collateral, liabilities } = acc;
  const book = assetBook(preset);
  const { assets, amounts, prices, upnls } = balances;
  // Row + 1 of each asset seen in this call, by entry id (an entry made during the call takes the next id).
  const rowOf = new Int32Array(book.byAsset.size + assets.length);
  for (let i = 0; i < assets.length; i += 1) {
    const entry = assetEntry(preset, book, assets[i] as string);
    if (rowOf[entry.id] !== 0) return DECLINED; // the asset has a row already
    rowOf[entry.id] = i + 1;
    const { asset, spec, tiers } = entry;
    const amount = amounts[i] as number;
    const price = prices[i] as number;
    const upnl = upnls[i] as number;
    if (amount === 0 && upnl === 0) continue;
    if (spec === undefined) return DECLINED;
    if (byQuote.has(asset)) continue; // valued with its positions' uPnL below
    const factor = factors === null ? undefined : factors.get(asset);
    const ka = placesOf(amount);
    const ku = upnl === 0 ? 0 : placesOf(upnl);
    const kprice = placesOf(price);
    const kp = factor === undefined || kprice < 0 ? kprice : kprice + factor.k;
    const P = kprice < 0 ? NaN : shocked(mantissa(price, kprice), kprice, factor);
    const k = Math.max(ka, ku);
    let E = NaN;
    if (ka >= 0 && ku >= 0) E = upnl === 0 ? mantissa(amount, ka) : alignedSum(amount, ka, upnl, ku, k);
    if (E === 0) continue;
    const places = E === E && P === P && tiers !== null ? addValue(spec.tierUnit, tiers, E, k, P, kp, acc) : NaN;
    if (places !== places) {
      const shockedPrice = factor === undefined ? dec(price) : dec(price).times(factor.factor);
      addDecValue(valueHolding(preset, spec, dec(amount).plus(dec(upnl)), shockedPrice), collateral, liabilities);
    }
  }
  const maintenance = new ExactSum();
  const initial = new ExactSum();
  const quoteAsset = normalizeAsset(preset.quote);
  for (const [quote, q] of byQuote) {
    const seen = book.byAsset.get(quote);
    const row = seen === undefined ? 0 : (rowOf[seen.id] as number);
    const i = row === 0 ? undefined : row - 1;
    if (i !== undefined && upnls[i] !== 0) return DECLINED; // uPnL given twice
    if (i === undefined && quote !== quoteAsset) return DECLINED; // a quote asset without a price
    const factor = factors === null ? undefined : factors.get(quote);
    const unshocked = i === undefined ? ONE : dec(prices[i] as number);
    const price = factor === undefined ? unshocked : unshocked.times(factor.factor);
    const upnl = q.upnl.toDec();
    const margin = q.maintenance.toDec();
    const initialMargin = q.initial.toDec();
    if (upnl.isNaN() || margin.isNaN() || initialMargin.isNaN()) return DECLINED;
    const equity = i === undefined ? upnl : upnl.plus(dec(amounts[i] as number));
    const spec = findAssetSpec(preset, quote);
    if (spec === undefined) return DECLINED;
    if (!equity.isZero()) addDecValue(valueHolding(preset, spec, equity, price), collateral, liabilities);
    // (Σ margin) × rate: the engine's Σ (margin × rate), exact while the product fits the engine's 60 digits.
    const rate = price.times(spec.liabilityRate);
    maintenance.addDec(margin.sd() + rate.sd() > 60 ? NOT_A_NUMBER : margin.times(rate));
    if (withInitial) initial.addDec(initialMargin.sd() + rate.sd() > 60 ? NOT_A_NUMBER : initialMargin.times(rate));
  }
  const owed = liabilities.toDec().neg();
  /** Σ margin of the positions plus the liabilities' margin at `rate` (none without a rate). */
  const margin = (sum: ExactSum, rate: Dec | undefined): Dec => (rate === undefined ? sum.toDec() : sum.toDec().plus(owed.times(rate)));
  const sums = {
    collateral: collateral.toDec(),
    liabilities: owed,
    maintenance: positions === null ? null : margin(maintenance, preset.rules.liabilityMaintenanceRate),
    initial: positions === null || !withInitial ? null : margin(initial, preset.rules.liabilityInitialRate),
  };
  const declined = sums.collateral.isNaN() || owed.isNaN() || (sums.maintenance?.isNaN() ?? false) || (sums.initial?.isNaN() ?? false);
  return declined ? DECLINED : sums;
}

/**
 * The figure an account function shows (`available`: AVAILABLE_FOR_ORDER in the quote currency; `stress`:
 * STRESS_MARGIN_RATIO, the margin ratio at shocked prices).
 */
export type AccountFigure = 'equity' | 'ltv' | 'ratio' | 'available' | 'stress';

function figure(kind: AccountFigure, sums: AccountSums): Dec {
  const equity = sums.collateral.minus(sums.liabilities);
  if (kind === 'equity') return equity;
  if (kind === 'available') return sums.initial === null ? NOT_A_NUMBER : equity.minus(sums.initial);
  if (kind === 'ltv') return ltvOrUnbounded(sums) ?? NOT_A_NUMBER;
  if (sums.maintenance === null || !equity.isPositive() || equity.isZero()) return NOT_A_NUMBER;
  return sums.maintenance.div(equity); // `ratio`, and `stress` on shocked prices
}

/**
 * ACCOUNT_EQUITY (`equity`), MULTIASSET_LTV (`ltv`), MARGIN_RATIO (`ratio`, positions required) or
 * AVAILABLE_FOR_ORDER in the quote currency (`available`, positions required) from cell numbers, rounded once to
 * a cell number; NaN when the number path declines (an error to report, or an addend it cannot hold exactly), and
 * the Decimal path decides.
 *
 * @example
 * accountFigureCell(bitget, { assets: ['BTC'], amounts: [10], prices: [60000], upnls: [0] }, null, 'equity') // 582000
 */
export function accountFigureCell(
  preset: Preset,
  balances: BalanceCells,
  positions: PositionCells | null,
  kind: AccountFigure,
  shocks: ShockCells | null = null,
): number {
  const withPositions = kind === 'ratio' || kind === 'available' || kind === 'stress';
  if ((withPositions && positions === null) || (kind === 'stress') !== (shocks !== null)) return NaN;
  const value = figure(kind, accountSumsCell(preset, balances, positions, kind === 'available', shocks));
  return value.isNaN() ? NaN : toCellNumber(value);
}
