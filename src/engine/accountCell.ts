import { assetBook, assetEntry } from './assetBook';
import { findAssetSpec, normalizeAsset } from './assetSpec';
import type { Dec } from './decimal';
import { dec, ONE } from './decimal';
import { isMarginError } from './errors';
import { ExactSum, mantissa, placesOf } from './exactSum';
import type { AssetSpec, Preset } from './model';
import { positionMaintenance, positionUpnl } from './positions';
import { isSafe } from './scaledDecimal';
import type { ScaledTiers } from './scaledTiers';
import { integerFloorTier, tieredScaled } from './scaledTiers';
import type { Split } from './splitValue';
import { productSplit, splitLinear } from './splitValue';
import { parseSymbol } from './symbols';
import { valueHolding } from './valuation';

/** A balances range as cell numbers, one entry per data row: asset as typed, amount, price > 0, upnl (0 when blank). */
export interface BalanceCells {
  readonly assets: readonly string[];
  readonly amounts: readonly number[];
  readonly prices: readonly number[];
  readonly upnls: readonly number[];
}

/** A positions range as cell numbers: signed size (LONG +, SHORT −), entry and mark > 0, mmr and cum ≥ 0. */
export interface PositionCells {
  readonly symbols: readonly string[];
  readonly sizes: readonly number[];
  readonly entries: readonly number[];
  readonly marks: readonly number[];
  readonly mmrs: readonly number[];
  readonly cums: readonly number[];
  readonly cross: readonly boolean[];
}

/** The exact sums behind ACCOUNT_EQUITY, MULTIASSET_LTV and MARGIN_RATIO. */
export interface AccountSums {
  /** Σ valued equity of the assets with positive equity. */
  readonly collateral: Dec;
  /** Σ |valued equity| of the assets with negative equity. */
  readonly liabilities: Dec;
  /** Account maintenance margin, when positions were given. */
  readonly maintenance: Dec | null;
}

/** `x + y` as one exact integer at `k` places (x with kx places, y with ky, both ≤ k), or NaN when it does not fit. */
function alignedSum(x: number, kx: number, y: number, ky: number, k: number): number {
  const a = mantissa(x, kx) * 10 ** (k - kx);
  const b = mantissa(y, ky) * 10 ** (k - ky);
  const sum = a + b;
  return isSafe(a) && isSafe(b) && isSafe(sum) ? sum : NaN;
}
const split: Split = { w: 0, f: 0, t: 0 };

/** Adds `x × y` (x = X / 10^kx, y = Y / 10^ky, exact integers) to `sum`; false when it does not fit. */
function addProduct(sum: ExactSum, X: number, kx: number, Y: number, ky: number): boolean {
  if (!productSplit(X, kx, Y, ky, split)) return false;
  sum.addSplit(split.w, split.f, split.t);
  return true;
}

/** Adds `x × y × R / 10^kr` to `sum`; false when it does not fit. */
function addTripleProduct(sum: ExactSum, X: number, kx: number, Y: number, ky: number, R: number, kr: number): boolean {
  if (!productSplit(X, kx, Y, ky, split) || !splitLinear(split.w, split.f, split.t, R, 0, kr, split)) return false;
  sum.addSplit(split.w, split.f, split.t);
  return true;
}

/**
 * Valued equity `E / 10^k` (E ≠ 0) of one asset at price `P / 10^kp`, added to `collateral` or `liabilities`
 * (as a negative value) on exact integers; false when it does not fit, and nothing was added.
 */
function addValue(
  unit: AssetSpec['tierUnit'],
  t: ScaledTiers,
  E: number,
  k: number,
  P: number,
  kp: number,
  collateral: ExactSum,
  liabilities: ExactSum,
): boolean {
  if (E < 0) return t.liability === t.liability && addTripleProduct(liabilities, E, k, P, kp, t.liability, t.kl);
  if (unit === 'quantity') {
    const units = tieredScaled(t, E, k);
    return units !== null && addProduct(collateral, units.n, units.scale, P, kp);
  }
  if (t.kf !== 0) {
    const X = E * P;
    const units = isSafe(X) ? tieredScaled(t, X, k + kp) : null;
    if (units === null || units.scale > 15) return false;
    collateral.addScaled(units.n, units.scale);
    return true;
  }
  if (!productSplit(E, k, P, kp, split)) return false;
  const i = integerFloorTier(t, split.w, split.f);
  if (i < 0 || !splitLinear(split.w, split.f, split.t, t.ratios[i] as number, t.intercepts[i] as number, t.kr, split)) return false;
  collateral.addSplit(split.w, split.f, split.t);
  return true;
}

/** Adds a Decimal value to the side its sign says. */
function addDecValue(value: Dec, collateral: ExactSum, liabilities: ExactSum): void {
  if (value.isNeg()) liabilities.addDec(value);
  else collateral.addDec(value);
}

let calls = 0;

interface QuoteSums {
  readonly upnl: ExactSum;
  readonly maintenance: ExactSum;
}

/** Σ uPnL and Σ maintenance margin of the cross positions, per quote asset, in that asset. */
function positionSums(preset: Preset, positions: PositionCells): Map<string, QuoteSums> {
  const byQuote = new Map<string, QuoteSums>();
  for (let p = 0; p < positions.symbols.length; p += 1) {
    if (!positions.cross[p]) continue;
    const { quote } = parseSymbol(preset, positions.symbols[p] as string);
    let sums = byQuote.get(quote);
    if (!sums) {
      sums = { upnl: new ExactSum(), maintenance: new ExactSum() };
      byQuote.set(quote, sums);
    }
    const size = positions.sizes[p] as number;
    const entry = positions.entries[p] as number;
    const mark = positions.marks[p] as number;
    const mmr = positions.mmrs[p] as number;
    const cum = positions.cums[p] as number;
    const ks = placesOf(size);
    const ke = placesOf(entry);
    const km = placesOf(mark);
    const kr = placesOf(mmr);
    const kc = placesOf(cum);
    const S = ks < 0 ? NaN : mantissa(size, ks);
    // uPnL = (mark − entry) × signed size
    const kd = Math.max(ke, km);
    const D = ke < 0 || km < 0 ? NaN : alignedSum(mark, km, -entry, ke, kd);
    const fastUpnl = ks >= 0 && D === D && addProduct(sums.upnl, D, kd, S, ks);
    // maintenance = |size| × mark × mmr − cum
    let fastMaintenance = ks >= 0 && km >= 0 && kr >= 0 && kc >= 0 && kc <= 15;
    if (fastMaintenance) {
      fastMaintenance = addTripleProduct(sums.maintenance, Math.abs(S), ks, mantissa(mark, km), km, mantissa(mmr, kr), kr);
      if (fastMaintenance && cum !== 0) sums.maintenance.addScaled(-mantissa(cum, kc), kc);
    }
    if (!fastUpnl || !fastMaintenance) {
      const position = {
        symbol: positions.symbols[p] as string,
        side: 'BOTH' as const,
        size: dec(size),
        entry: dec(entry),
        mark: dec(mark),
        mmr: dec(mmr),
        cum: dec(cum),
        marginMode: 'cross' as const,
      };
      if (!fastUpnl) sums.upnl.addDec(positionUpnl(position));
      if (!fastMaintenance) sums.maintenance.addDec(positionMaintenance(position));
    }
  }
  return byQuote;
}

/**
 * The account sums of ACCOUNT_EQUITY, MULTIASSET_LTV and MARGIN_RATIO straight from cell numbers, exactly as
 * the Decimal engine has them (`accountEquity`, `multiAssetLtv`, `marginRatio`), without a Decimal per row:
 * each row's value is summed on exact integers, and only rows that do not fit (long decimals, huge
 * magnitudes, fractional value floors) and the quote assets that positions settle in go through Decimal.
 * Null whenever the Decimal engine would report an error or an addend cannot be held exactly; the caller then
 * takes the Decimal path, which gives the error or the value.
 *
 * @example
 * accountSumsCell(bitget, { assets: ['BTC'], amounts: [10], prices: [60000], upnls: [0] }, null)
 * // { collateral: 582000, liabilities: 0, maintenance: null }
 */
export function accountSumsCell(preset: Preset, balances: BalanceCells, positions: PositionCells | null): AccountSums | null {
  try {
    return sums(preset, balances, positions);
  } catch (error) {
    if (isMarginError(error)) return null;
    throw error;
  }
}

function sums(preset: Preset, balances: BalanceCells, positions: PositionCells | null): AccountSums | null {
  const byQuote = positions ? positionSums(preset, positions) : new Map<string, QuoteSums>();
  const collateral = new ExactSum();
  const liabilities = new ExactSum();
  const book = assetBook(preset);
  const call = (calls += 1);
  const { assets, amounts, prices, upnls } = balances;
  for (let i = 0; i < assets.length; i += 1) {
    const entry = assetEntry(preset, book, assets[i] as string);
    if (entry.seenIn === call) return null; // the asset has a row already
    entry.seenIn = call;
    entry.row = i;
    const { asset, spec, tiers } = entry;
    const amount = amounts[i] as number;
    const price = prices[i] as number;
    const upnl = upnls[i] as number;
    if (amount === 0 && upnl === 0) continue;
    if (spec === undefined) return null;
    if (byQuote.has(asset)) continue; // valued with its positions' uPnL below
    const ka = placesOf(amount);
    const ku = upnl === 0 ? 0 : placesOf(upnl);
    const kp = placesOf(price);
    const k = Math.max(ka, ku);
    let E = NaN;
    if (ka >= 0 && ku >= 0) E = upnl === 0 ? mantissa(amount, ka) : alignedSum(amount, ka, upnl, ku, k);
    if (E === 0) continue;
    const fast = E === E && kp >= 0 && tiers !== null && addValue(spec.tierUnit, tiers, E, k, mantissa(price, kp), kp, collateral, liabilities);
    if (!fast) {
      addDecValue(valueHolding(preset, spec, dec(amount).plus(dec(upnl)), dec(price)), collateral, liabilities);
    }
  }
  const maintenance = new ExactSum();
  const quoteAsset = normalizeAsset(preset.quote);
  for (const [quote, q] of byQuote) {
    if (!q.upnl.ok || !q.maintenance.ok) return null;
    const seen = book.byAsset.get(quote);
    const i = seen !== undefined && seen.seenIn === call ? seen.row : undefined;
    if (i !== undefined && upnls[i] !== 0) return null; // uPnL given twice
    if (i === undefined && quote !== quoteAsset) return null; // a quote asset without a price
    const price = i === undefined ? ONE : dec(prices[i] as number);
    const equity = i === undefined ? q.upnl.toDec() : q.upnl.toDec().plus(dec(amounts[i] as number));
    const spec = findAssetSpec(preset, quote);
    if (!equity.isZero()) {
      if (spec === undefined) return null;
      addDecValue(valueHolding(preset, spec, equity, price), collateral, liabilities);
    }
    if (spec === undefined) return null;
    // (Σ margin) × rate: the engine's Σ (margin × rate), exact while the product fits the engine's 60 digits.
    const rate = price.times(spec.liabilityRate);
    const margin = q.maintenance.toDec();
    if (margin.sd() + rate.sd() > 60) return null;
    maintenance.addDec(margin.times(rate));
  }
  if (!collateral.ok || !liabilities.ok || !maintenance.ok) return null;
  const owed = liabilities.toDec().neg();
  const rate = preset.rules.liabilityMaintenanceRate;
  return {
    collateral: collateral.toDec(),
    liabilities: owed,
    maintenance: positions === null ? null : rate === undefined ? maintenance.toDec() : maintenance.toDec().plus(owed.times(rate)),
  };
}
