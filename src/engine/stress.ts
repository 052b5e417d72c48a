import { impliedPrice } from './account';
import { normalizeAsset } from './assetSpec';
import type { Dec } from './decimal';
import { ONE, ZERO } from './decimal';
import { fail } from './errors';
import { marginRatio } from './marginRatio';
import type { Balance, Position, Preset, Shock } from './model';
import { parseSymbol } from './symbols';
import { messageNumber } from './numberText';

/** Price factor (1 + change) per shocked asset, after checking each shock. */
function shockFactors(shocks: readonly Shock[]): Map<string, Dec> {
  const factors = new Map<string, Dec>();
  shocks.forEach((shock, i) => {
    const asset = normalizeAsset(shock.asset);
    if (shock.change.lte(ONE.neg())) fail('BAD_SHOCK', { row: i + 1, asset, got: messageNumber(shock.change) });
    if (factors.has(asset)) fail('DUPLICATE_ASSET', { arg: 'shocks', asset });
    factors.set(asset, ONE.plus(shock.change));
  });
  return factors;
}

/**
 * Margin ratio after price shocks: each shocked asset's balance price, and the mark of every position based
 * on it, move by (1 + change); a shocked quote asset also changes what its positions' margins are worth.
 *
 * @throws BAD_SHOCK for a change ≤ −1; SHOCK_UNMATCHED for an asset the account does not hold or trade;
 * EQUITY_NOT_POSITIVE when the shocked account has no equity left.
 * @example
 * // BTC −20%: balance price and BTC-based marks ×0.8, then the margin ratio
 * stressMarginRatio(bitget, balances, positions, [{ asset: 'BTC', change: dec('-0.2') }])
 */
export function stressMarginRatio(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  shocks: readonly Shock[],
): Dec {
  const factors = shockFactors(shocks);
  const parts = positions.map((p) => parseSymbol(preset, p.symbol));
  const held = new Set(balances.map((b) => normalizeAsset(b.asset)));
  const traded = new Set(parts.flatMap((p) => [p.base, p.quote]));
  [...factors.keys()].forEach((asset, i) => {
    if (!held.has(asset) && !traded.has(asset)) fail('SHOCK_UNMATCHED', { row: i + 1, asset });
  });
  const shocked: Balance[] = balances.map((b) => {
    const factor = factors.get(normalizeAsset(b.asset));
    return factor ? { ...b, price: b.price.times(factor) } : b;
  });
  // A shocked quote asset that only positions mention gets a row, so its new price reaches their margins.
  const quotes = new Set(parts.map((p) => p.quote));
  for (const [asset, factor] of factors) {
    if (!held.has(asset) && quotes.has(asset)) shocked.push({ asset, amount: ZERO, price: impliedPrice(preset, asset).times(factor) });
  }
  const moved = positions.map((p, i) => {
    const factor = factors.get((parts[i] as { base: string }).base);
    return factor ? { ...p, mark: p.mark.times(factor) } : p;
  });
  return marginRatio(preset, shocked, moved);
}
