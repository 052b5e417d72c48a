import { type Dec, dec, ONE } from '../../engine/decimal';
import type { Balance, Position, Preset, Shock } from '../../engine/model';
import { parseSymbol } from '../../engine/symbols';
import { formatNumbersInText, isStableAsset, STABLE_ASSETS } from '../ui/formatting';

/** Slider positions in whole percent: one for every non-stable asset, and one per asset on top of it. */
export interface ShockSettings {
  readonly all: number;
  readonly perAsset: Readonly<Record<string, number>>;
}

export const NO_SHOCKS: ShockSettings = { all: 0, perAsset: {} };
export const SHOCK_MIN_PERCENT = -50;
export const SHOCK_MAX_PERCENT = 50;

/** Coins pegged to a currency (the pane's one list, also used for their amounts' places): the "all assets" slider leaves them alone. */
export { STABLE_ASSETS };

export function isStable(preset: Preset, asset: string): boolean {
  return isStableAsset(asset, preset.quote);
}

/** The base asset of a position's symbol, or `null` when the symbol cannot be read. */
export function symbolBase(preset: Preset, symbol: string): string | null {
  try {
    return parseSymbol(preset, symbol).base;
  } catch {
    // A symbol without a recognisable quote is reported by the margin figures themselves; it just has no slider.
    return null;
  }
}

/** The non-stable assets of a scenario (balances, then position bases), each once, in order of appearance. */
export function shockableAssets(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): string[] {
  const assets = [
    ...balances.map((b) => b.asset.toUpperCase()),
    ...positions.map((p) => symbolBase(preset, p.symbol)).filter((b): b is string => b !== null),
  ];
  return [...new Set(assets)].filter((a) => !isStable(preset, a));
}

function clampPercent(percent: number): Dec {
  const p = Number.isFinite(percent) ? Math.min(SHOCK_MAX_PERCENT, Math.max(SHOCK_MIN_PERCENT, Math.trunc(percent))) : 0;
  return dec(p).div(100);
}

/**
 * The relative price change of each shockable asset: the "all" shock and the asset's own compound,
 * `(1 + all)(1 + own) − 1`, so two −50% settings halve the price twice and never reach zero.
 */
export function effectiveShocks(assets: readonly string[], settings: ShockSettings): Shock[] {
  const all = clampPercent(settings.all);
  return assets
    .map((asset) => {
      const own = clampPercent(settings.perAsset[asset] ?? 0);
      return { asset, change: ONE.plus(all).times(ONE.plus(own)).minus(ONE) };
    })
    .filter((s) => !s.change.isZero());
}

function factorOf(shocks: readonly Shock[], asset: string | null): Dec | null {
  const shock = asset === null ? undefined : shocks.find((s) => s.asset === asset.toUpperCase());
  return shock === undefined ? null : ONE.plus(shock.change);
}

/** The balances with each shocked asset's price moved by its change. */
export function shockBalances(balances: readonly Balance[], shocks: readonly Shock[]): Balance[] {
  return balances.map((b) => {
    const factor = factorOf(shocks, b.asset);
    return factor === null ? b : { ...b, price: b.price.times(factor) };
  });
}

/** The positions with the mark of every position on a shocked base asset moved with it. */
export function shockPositions(preset: Preset, positions: readonly Position[], shocks: readonly Shock[]): Position[] {
  return positions.map((p) => {
    const factor = factorOf(shocks, symbolBase(preset, p.symbol));
    return factor === null ? p : { ...p, mark: p.mark.times(factor) };
  });
}

/**
 * The mark a typed position moves to under the shocks, as text for its folded card (`54,000`), or `null` when no
 * shock moves it (or its symbol or mark cannot be read yet: the row's own message says so).
 *
 * @example shockedMarkText(binance, 'BTCUSDT', '60000', [{ asset: 'BTC', change: dec('-0.1') }]) // '54,000'
 */
export function shockedMarkText(preset: Preset, symbol: string, mark: string, shocks: readonly Shock[]): string | null {
  const factor = factorOf(shocks, symbol.trim() === '' ? null : symbolBase(preset, symbol.trim()));
  if (factor === null || !/^\s*\d+(\.\d+)?\s*$/.test(mark)) return null;
  return formatNumbersInText(dec(mark.trim()).times(factor).toFixed());
}
