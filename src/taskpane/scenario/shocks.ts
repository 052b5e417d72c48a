import { normalizeAsset } from '../../engine/assetSpec';
import { type Dec, dec, ONE } from '../../engine/decimal';
import type { Balance, Position, Preset, Shock } from '../../engine/model';
import { isStable, trySymbol } from '../../engine/symbols';
import { shockAccount } from '../../engine/stress';
import { formatNumbersInText } from '../ui/formatting';
import type { ShockSettings } from '../context/scenarioState';

export const SHOCK_MIN_PERCENT = -50;
export const SHOCK_MAX_PERCENT = 50;

/** The non-stable assets of a scenario (balances, then position bases), each once, in order of appearance. */
export function shockableAssets(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): string[] {
  const assets = [
    ...balances.map((b) => normalizeAsset(b.asset)),
    // A symbol without a recognisable quote is reported by the margin figures themselves; it just has no slider.
    ...positions.flatMap((p) => trySymbol(preset, p.symbol)?.base ?? []),
  ];
  return [...new Set(assets)].filter((a) => !isStable(preset, a));
}

function clampPercent(percent: number): Dec {
  const p = Number.isFinite(percent) ? Math.min(SHOCK_MAX_PERCENT, Math.max(SHOCK_MIN_PERCENT, Math.trunc(percent))) : 0;
  return dec(p).div(100);
}

/**
 * The relative price change of each shockable asset (the engine's `shockAccount` applies them): the "all" shock and the asset's own compound,
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

/**
 * The mark a typed position moves to under the shocks, as text for its folded card (`54,000`), or `null` when no
 * shock moves it (or its symbol or mark cannot be read yet: the row's own message says so). The engine's
 * `shockAccount` moves it.
 *
 * @example shockedMarkText(binance, 'BTCUSDT', '60000', [{ asset: 'BTC', change: dec('-0.1') }]) // '54,000'
 */
export function shockedMarkText(preset: Preset, symbol: string, mark: string, shocks: readonly Shock[]): string | null {
  const base = symbol.trim() === '' ? undefined : trySymbol(preset, symbol.trim())?.base;
  const own = shocks.filter((s) => normalizeAsset(s.asset) === base);
  if (base === undefined || own.length === 0 || !/^\s*\d+(\.\d+)?\s*$/.test(mark)) return null;
  const price = dec(mark.trim());
  if (!price.gt(0)) return null;
  const position: Position = {
    symbol: symbol.trim(),
    side: 'LONG',
    size: ONE,
    entry: price,
    mark: price,
    mmr: dec(0),
    cum: dec(0),
    marginMode: 'cross',
  };
  const [moved] = shockAccount(preset, [], [position], own).positions;
  return moved === undefined ? null : formatNumbersInText(moved.mark.toFixed());
}
