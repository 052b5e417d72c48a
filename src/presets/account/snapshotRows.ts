import type { Dec } from '../../engine/decimal';
import { ONE, ZERO } from '../../engine/decimal';
import type { MarginMode, Side } from '../../engine/model';
import { describe, eachObject, field, invalid, readAssetName } from '../jsonRead';
import type { SnapshotBalance, SnapshotPosition } from './snapshot';
import { checkRowFits, quotient } from './snapshot';

/** The parts every account reader builds its rows from: the rows of a response, their words, prices and rates. */

/**
 * Visits, in order, the rows of a response object's list of assets (`obj[listKey]`): each row an object, given with
 * its path, its asset name (`row[assetKey]`, upper-cased) and its index.
 */
export function eachAssetRow(
  obj: Readonly<Record<string, unknown>>,
  listKey: string,
  where: string,
  assetKey: string,
  visit: (row: Readonly<Record<string, unknown>>, rowAt: string, asset: string, index: number) => void,
): void {
  eachObject(obj, listKey, where, (row, rowAt, i) => visit(row, rowAt, readAssetName(row[assetKey], field(rowAt, assetKey)), i));
}

/** A balances row, checked to fit a cell; without a price, its source says that the responses give none. */
export function balanceRow(
  where: string,
  asset: string,
  amount: Dec,
  price: Dec | null,
  priceSource: string,
  upnl: Dec | null = null,
): SnapshotBalance {
  return checkRowFits({ asset, amount, price, priceSource: price ? priceSource : 'not in the responses', upnl }, where);
}

/**
 * An asset's unrealized PnL as its balances row carries it: only where no position row carries it (no positions
 * given), and never a zero.
 */
export function pnlBesidePositions(upnl: Dec | null, positionsCarryIt: boolean): Dec | null {
  return positionsCarryIt || upnl === null || upnl.isZero() ? null : upnl;
}

/** A coin's USD price, its USD value over its equity in coin: only when both are given with one sign (a zero or tiny equity gives none). */
export function usdPerCoin(usd: Dec | null, equity: Dec | null): Dec | null {
  return equity && usd && !equity.isZero() && equity.isNeg() === usd.isNeg() ? quotient(usd, equity) : null;
}

/** Marks of the USDT positions by base asset: a price for a collateral asset the account response leaves unpriced. */
export function marksByBase(positions: readonly SnapshotPosition[]): Map<string, Dec> {
  const marks = new Map<string, Dec>();
  for (const p of positions) if (p.symbol.endsWith('USDT')) marks.set(p.symbol.slice(0, -4), p.mark);
  return marks;
}

/** A position's maintenance and initial rates; null where the responses do not give them. */
export interface PositionRates {
  readonly mmr: Dec | null;
  readonly imr: Dec | null;
}

/** The rates of a position's own maintenance and initial margins over its own notional; an initial margin of 0 gives none. */
export function ratesOver(maintenance: Dec | null, initial: Dec | null, notional: Dec): PositionRates {
  return {
    mmr: maintenance === null ? null : quotient(maintenance, notional.abs()),
    imr: initial === null || initial.isZero() ? null : quotient(initial, notional.abs()),
  };
}

/** The initial rate a leverage gives: 1 / leverage (null without one). */
export function leverageRate(leverage: Dec | null): Dec | null {
  return leverage === null ? null : quotient(ONE, leverage);
}

/**
 * A positions row, checked to fit a cell. Its maintenance amount (cum) is 0: the rates read from an account's
 * responses are the position's own, over its whole notional.
 */
export function positionRow(
  where: string,
  symbol: string,
  side: Side,
  size: Dec,
  prices: { readonly entry: Dec; readonly mark: Dec },
  rates: PositionRates,
  marginMode: MarginMode,
): SnapshotPosition {
  return checkRowFits(
    { symbol, side, size, entry: prices.entry, mark: prices.mark, mmr: rates.mmr, cum: ZERO, imr: rates.imr, marginMode },
    where,
  );
}

/** A word of a response row that must be one of `words` (a side, a margin mode): an unknown word is refused, never guessed. */
export function wordField<T>(obj: Readonly<Record<string, unknown>>, key: string, where: string, words: Readonly<Record<string, T>>): T {
  const value = obj[key];
  const found = typeof value === 'string' && Object.prototype.hasOwnProperty.call(words, value) ? words[value] : undefined;
  if (found === undefined) {
    return invalid(
      field(where, key),
      `expected one of ${Object.keys(words)
        .map((w) => JSON.stringify(w))
        .join(', ')}, got ${describe(value)}`,
    );
  }
  return found;
}

/** Refuses a side that contradicts the sign of its amount, naming both fields. */
export function sideContradiction(where: string, sideKey: string, side: string, amountKey: string, amount: Dec, rule: string): never {
  return invalid(
    field(where, amountKey),
    `${field(where, sideKey)} ${JSON.stringify(side)} contradicts ${field(where, amountKey)} ${amount.toString()}: ${rule}`,
  );
}
