import { normalizeAsset } from '../assetSpec';
import { bracketRates, findBrackets } from '../brackets';
import { dec, toCellNumber } from '../decimal';
import { isMarginError } from '../errors';
import { liquidationPrice } from '../liquidation';
import type { SummedPositions } from '../liquidationModel';
import type { Balance, Bracket, Position, Preset } from '../model';
import { positionMaintenance } from '../positions';
import { parseSymbol } from '../symbols';
import type { BalanceCells, PositionCells } from './accountCell';
import { bracketsCover, positionSums } from './accountCell';
import { mantissa, placesOf } from './exactSum';
import { scaledBracketPick } from './scaledBrackets';
import type { Split } from './splitValue';

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

/** Row `p` as the positions reader makes it: signed size as BOTH, typed rates, or its symbol's brackets. */
function positionOf(preset: Preset, positions: PositionCells, p: number): Position {
  const symbol = positions.symbols[p] as string;
  const [size, entry, mark] = [dec(positions.sizes[p] as number), dec(positions.entries[p] as number), dec(positions.marks[p] as number)];
  const mmr = positions.mmrs[p] as number;
  const imr = positions.imrs?.[p] ?? NaN;
  const rates =
    mmr === mmr
      ? { mmr: dec(mmr), cum: dec(positions.cums[p] as number) }
      : bracketRates(preset, findBrackets(preset, symbol), symbol, { size, mark }, { arg: 'positions', row: p + 1 });
  return { symbol, side: 'BOTH', size, entry, mark, ...rates, ...(imr === imr ? { imr: dec(imr) } : {}), marginMode: 'cross' };
}

const doubleRates = new WeakMap<Bracket, { mmr: number; cum: number }>();

/** The rates of a bracketed row's bracket at its mark, as doubles; undefined where integers cannot pick it. */
function bracketRatesOf(brackets: readonly Bracket[], size: number, mark: number, split: Split): { mmr: number; cum: number } | undefined {
  const [ks, km] = [placesOf(size), placesOf(mark)];
  const S = ks < 0 ? NaN : mantissa(Math.abs(size), ks);
  const i = scaledBracketPick(brackets, Math.abs(size), S, ks, km < 0 ? NaN : mantissa(mark, km), km, split);
  const bracket = i === i ? brackets[i] : undefined;
  if (i < 0 || bracket === undefined) return undefined;
  let rates = doubleRates.get(bracket);
  if (rates === undefined) {
    rates = { mmr: bracket.mmr.toNumber(), cum: bracket.cum.toNumber() };
    doubleRates.set(bracket, rates);
  }
  return rates;
}

/**
 * The decimal exponent of |size| × mark × mmr − cum, as a Decimal of that value has it (0 for 0), read from
 * doubles; NaN where doubles cannot tell (a value near a power of ten, a cum that cancels most of the product).
 */
function marginExponent(size: number, mark: number, mmr: number, cum: number): number {
  const product = Math.abs(size) * mark * mmr;
  if (cum !== 0 && !(cum <= product / 2)) return NaN;
  const margin = product - cum;
  if (margin === 0) return product === 0 ? 0 : NaN;
  if (!(margin > 1e-290 && margin < 1e290)) return NaN;
  const e = Math.floor(Math.log10(margin));
  const scaled = margin / 10 ** e;
  return scaled > 1 + 1e-9 && scaled < 10 - 1e-8 ? e : NaN;
}

/**
 * The cross positions of the range on neither `asset` nor settled in it, summed per quote asset on exact
 * integers; null when a sum cannot be held exactly (the Decimal engine then decides).
 */
function summedPositions(preset: Preset, positions: PositionCells, rows: readonly number[]): SummedPositions | null {
  const split: Split = { w: 0, f: 0, t: 0 };
  const sums = positionSums(preset, rowsOf(positions, rows), split, false, null);
  if (sums === null) return null;
  const symbolOf = new Map<string, string>();
  const exponentOf = new Map<string, number>();
  for (const p of rows) {
    const symbol = positions.symbols[p] as string;
    const { quote } = parseSymbol(preset, symbol);
    if (!symbolOf.has(quote)) symbolOf.set(quote, symbol);
    const [size, mark, typed] = [positions.sizes[p] as number, positions.marks[p] as number, positions.mmrs[p] as number];
    const brackets = typed === typed ? undefined : findBrackets(preset, symbol);
    const rates = brackets === undefined ? { mmr: typed, cum: positions.cums[p] as number } : bracketRatesOf(brackets, size, mark, split);
    let e = rates === undefined ? NaN : marginExponent(size, mark, rates.mmr, rates.cum);
    if (e !== e) e = positionMaintenance(positionOf(preset, positions, p)).e;
    exponentOf.set(quote, Math.max(exponentOf.get(quote) ?? -Infinity, e));
  }
  const byQuote: SummedPositions['byQuote'] extends ReadonlyMap<string, infer V> ? Map<string, V> : never = new Map();
  for (const [quote, q] of sums) {
    const [upnl, maintenance] = [q.upnl.toDec(), q.maintenance.toDec()];
    if (upnl.isNaN() || maintenance.isNaN()) return null;
    byQuote.set(quote, { symbol: symbolOf.get(quote) as string, upnl, maintenance, exponent: exponentOf.get(quote) ?? 0 });
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
    for (let p = 0; p < positions.symbols.length; p += 1) {
      if (!positions.cross[p]) continue;
      const { base, quote } = parseSymbol(preset, positions.symbols[p] as string);
      if (base === asset || quote === asset) moving.push(positionOf(preset, positions, p));
      else rest.push(p);
    }
    const summed = summedPositions(preset, positions, rest);
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
