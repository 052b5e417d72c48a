import type { Account } from './account';
import { buildAccount } from './account';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { crossPositionsMargin, liabilityMargin } from './margins';
import type { Balance, Position, Preset } from './model';
import { positionMaintenance } from './positions';

/** Account MM of an already built account; liabilities count only when the account was described by balances. */
export function accountMaintenance(preset: Preset, account: Account, positions: readonly Position[], withLiabilities: boolean): Dec {
  const onPositions = crossPositionsMargin(preset, account, positions, positionMaintenance);
  if (!withLiabilities) return onPositions;
  return onPositions.plus(liabilityMargin(preset, account, preset.rules.liabilityMaintenanceRate));
}

/**
 * Account maintenance margin in quote currency: Σ over cross positions of (|size| × mark × mmr − cum) × quote
 * price × quote liabilityRate, plus Σ |liability value| × the preset's liabilityMaintenanceRate when balances
 * are given (without balances the account's liabilities are unknown).
 *
 * @example
 * maintenanceMargin(binance, [{ symbol: 'BTCUSDT', side: 'LONG', size: dec(1), entry: dec(60000), mark: dec(60000), mmr: dec('0.004'), cum: dec(0), marginMode: 'cross' }])
 * // 240 × USDT liabilityRate
 */
export function maintenanceMargin(preset: Preset, positions: readonly Position[], balances: readonly Balance[] = []): Dec {
  const account = buildAccount(preset, balances, positions);
  return accountMaintenance(preset, account, positions, balances.length > 0);
}

/** The price of a settlement asset, as MAINT_MARGIN's `prices` gives it. */
export interface AssetPrice {
  readonly asset: string;
  readonly price: Dec;
}

/**
 * Account maintenance margin of the cross positions alone (no liabilities: the holdings are not given), with
 * the prices of settlement assets other than the quote; a position settling in an unpriced asset is
 * PRICE_NEEDED naming `prices`.
 *
 * @example
 * positionsMaintenance(binance, [ethUsdcPosition], [{ asset: 'USDC', price: dec('0.9998') }])
 */
export function positionsMaintenance(preset: Preset, positions: readonly Position[], prices: readonly AssetPrice[]): Dec {
  const rows = prices.map(({ asset, price }) => ({ asset, amount: ZERO, price }));
  const account = buildAccount(preset, rows, positions, 'prices');
  return accountMaintenance(preset, account, positions, false);
}
