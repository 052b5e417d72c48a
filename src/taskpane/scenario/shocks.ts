import { type Dec, dec, ONE } from '../../engine/decimal';
import type { Balance, Position, Preset, Shock } from '../../engine/model';
import { parseSymbol } from '../../engine/symbols';

/** Slider positions in whole percent: one for every non-stable asset, and one per asset on top of it. */
export interface ShockSettings {
  readonly all: number;
  readonly perAsset: Readonly<Record<string, number>>;
}

export const NO_SHOCKS: ShockSettings = { all: 0, perAsset: {} };
export const SHOCK_MIN_PERCENT = -50;
export const SHOCK_MAX_PERCENT = 50;

/** Coins pegged to a currency: the "all assets" slider leaves them alone. */
export const STABLE_ASSETS: readonly string[] = ['USDT', 'USDC', 'FDUSD', 'BUSD', 'USD', 'DAI', 'TUSD', 'USDE'];

export function isStable(preset: Preset, asset: string): boolean {
  const a = asset.toUpperCase();
  return STABLE_ASSETS.includes(a) || a === preset.quote.toUpperCase();
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
