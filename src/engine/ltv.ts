import { buildAccount } from './account';
import { ltvOf, splitAccount } from './collateralSplit';
import type { Dec } from './decimal';
import type { Balance, Position, Preset } from './model';

/**
 * Multi-asset LTV: Σ liabilities' valued |value| (with their markup) / Σ positive assets' haircut value.
 * Zero when there are no liabilities.
 *
 * @throws LTV_UNBOUNDED when there are liabilities and no positive collateral.
 * @example
 * multiAssetLtv(binance, [{ asset: 'BTC', amount: dec(1), price: dec(1000) }, { asset: 'USDT', amount: dec(-475), price: dec(1) }])
 * // 475 × liabilityRate(USDT) / 950
 */
export function multiAssetLtv(preset: Preset, balances: readonly Balance[], positions: readonly Position[] = []): Dec {
  return ltvOf(splitAccount(preset, buildAccount(preset, balances, positions)));
}
