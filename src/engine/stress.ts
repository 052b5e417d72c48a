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

/** An account after price shocks, ready for any figure of the engine. */
export interface ShockedAccount {
  readonly balances: readonly Balance[];
  readonly positions: readonly Position[];
}

/**
 * The account after price shocks: each shocked asset's balance price, and the mark of every position based on
 * it, move by (1 + change); a shocked quote asset that only positions mention gets a balances row of zero at
 * its moved price, so its new price reaches their margins. Assets are matched case-insensitively. No shocks:
 * the account as given.
 *
 * @throws BAD_SHOCK for a change ≤ −1; DUPLICATE_ASSET for an asset shocked twice; SHOCK_UNMATCHED for an
 * asset the account does not hold or trade; BAD_SYMBOL for a position whose symbol names no quote.
 * @example
 * // BTC −20%: the BTC balance price and the marks of BTC positions ×0.8
 * shockAccount(bitget, balances, positions, [{ asset: 'BTC', change: dec('-0.2') }])
 */
export function shockAccount(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  shocks: readonly Shock[],
): ShockedAccount {
  if (shocks.length === 0) return { balances, positions };
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
  const quotes = new Set(parts.map((p) => p.quote));
  for (const [asset, factor] of factors) {
    if (!held.has(asset) && quotes.has(asset)) shocked.push({ asset, amount: ZERO, price: impliedPrice(preset, asset).times(factor) });
  }
  const moved = positions.map((p, i) => {
    const factor = factors.get((parts[i] as { base: string }).base);
    return factor ? { ...p, mark: p.mark.times(factor) } : p;
  });
  return { balances: shocked, positions: moved };
}

/**
 * Margin ratio after price shocks ({@link shockAccount}).
 *
 * @throws as {@link shockAccount}; EQUITY_NOT_POSITIVE when the shocked account has no equity left.
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
  const shocked = shockAccount(preset, balances, positions, shocks);
  return marginRatio(preset, shocked.balances, shocked.positions);
}
