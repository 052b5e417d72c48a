import { normalizeAsset } from '../assetSpec';
import { findBrackets } from '../brackets';
import { dec, toCellNumber } from '../decimal';
import { isMarginError } from '../errors';
import { liquidationPrice } from '../liquidation';
import type { SummedQuote } from '../liquidationModel';
import type { Balance, Position, Preset } from '../model';
import { parseSymbol } from '../symbols';
import type { BalanceCells, PositionCells } from './accountCell';
import { bracketsCover, cellPosition, positionSums } from './accountCell';

/** The rows `rows` of a positions range, as a range of their own. */
function rowsOf(positions: PositionCells, rows: readonly number[]): PositionCells {
  const pick = <T>(list: readonly T[]): T[] => rows.map((r) => list[r] as T);
  return {
    symbols: pick(positions.symbols),
    sizes: pick(positions.sizes),
    entries: pick(positions.entries),
    marks: pick(positions.marks),
    mmrs: pick(positions.mmrs),
    cums: pick(positions.cums),
    cross: pick(positions.cross),
    ...(positions.imrs === undefined ? {} : { imrs: pick(positions.imrs) }),
  };
}

/**
 * The cross positions `rows` of the range (on neither the asset nor settled in it), summed per quote asset on exact
 * integers, with a symbol of theirs per quote; null when a sum cannot be held exactly (the Decimal engine decides).
 * Each quote's exponent is its sum's (0 at least): margins are never negative, so it is at or above every margin's,
 * and an exponent set too high only makes the solver's precision check stricter, which then declines to Decimal.
 */
function summedPositions(preset: Preset, positions: PositionCells, rows: readonly number[], symbolOf: ReadonlyMap<string, string>) {
  const sums = positionSums(preset, rowsOf(positions, rows), { w: 0, f: 0, t: 0 }, false, null);
  if (sums === null) return null;
  const byQuote: Map<string, SummedQuote> = new Map();
  for (const [quote, q] of sums) {
    const [upnl, maintenance] = [q.upnl.toDec(), q.maintenance.toDec()];
    if (upnl.isNaN() || maintenance.isNaN()) return null;
    const exponent = Math.max(maintenance.isZero() ? 0 : maintenance.e, 0);
    byQuote.set(quote, { symbol: symbolOf.get(quote) as string, upnl, maintenance, exponent });
  }
  return { byQuote };
}

/**
 * LIQUIDATION_PRICE from cell numbers, as `liquidationPrice` computes it from the read ranges: the cross positions
 * on neither `asset` nor settled in it, most of a book, are summed per quote asset on exact integers; only the
 * balances and the positions that move with the asset become Decimals for the solver. NaN when it declines (an
 * error to report, a sum it cannot hold exactly), and the Decimal path decides.
 *
 * @example
 * liquidationPriceCell(binance, { assets: ['USDT'], amounts: [1000], prices: [1], upnls: [0] }, btcLongCells, 'BTC')
 * // 59236.94779116466 (59000 / 0.996)
 */
export function liquidationPriceCell(preset: Preset, balances: BalanceCells, positions: PositionCells, assetText: string): number {
  try {
    const asset = normalizeAsset(assetText);
    if (!bracketsCover(preset, positions)) return NaN;
    const moving: Position[] = [];
    const rest: number[] = [];
    const symbolOf = new Map<string, string>();
    for (let p = 0; p < positions.symbols.length; p += 1) {
      if (!positions.cross[p]) continue;
      const symbol = positions.symbols[p] as string;
      const { base, quote } = parseSymbol(preset, symbol);
      if (base === asset || quote === asset) {
        const brackets = positions.mmrs[p] === positions.mmrs[p] ? undefined : findBrackets(preset, symbol);
        moving.push(cellPosition(positions, p, brackets, dec(positions.marks[p] as number)));
      } else {
        rest.push(p);
        if (!symbolOf.has(quote)) symbolOf.set(quote, symbol);
      }
    }
    const summed = summedPositions(preset, positions, rest, symbolOf);
    if (summed === null) return NaN;
    const rows: Balance[] = balances.assets.map((name, i) => {
      const upnl = balances.upnls[i] as number;
      const row = { asset: name, amount: dec(balances.amounts[i] as number), price: dec(balances.prices[i] as number) };
      return upnl === 0 ? row : { ...row, upnl: dec(upnl) };
    });
    const price = toCellNumber(liquidationPrice(preset, rows, moving, asset, summed));
    return Number.isFinite(price) ? price : NaN;
  } catch (error) {
    if (isMarginError(error)) return NaN;
    throw error;
  }
}
