import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { assetEquities } from './equity';
import { fail } from './errors';
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
  let liabilities = ZERO;
  let collateral = ZERO;
  for (const row of assetEquities(preset, balances, positions)) {
    if (row.value.isNeg()) liabilities = liabilities.minus(row.value);
    else collateral = collateral.plus(row.value);
  }
  if (liabilities.isZero()) return ZERO;
  if (collateral.isZero()) fail('LTV_UNBOUNDED');
  return liabilities.div(collateral);
}
