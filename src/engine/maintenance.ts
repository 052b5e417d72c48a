import type { Account } from './account';
import { buildAccount } from './account';
import type { Dec } from './decimal';
import { crossPositionsMargin, liabilityMargin } from './margins';
import type { Balance, Position, Preset } from './model';
import { positionMaintenance } from './positions';

/** Account MM of an already built account; liabilities count only when the account was described by balances. */
export function accountMaintenance(
  preset: Preset,
  account: Account,
  positions: readonly Position[],
  withLiabilities: boolean,
): Dec {
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
export function maintenanceMargin(
  preset: Preset,
  positions: readonly Position[],
  balances: readonly Balance[] = [],
): Dec {
  const account = buildAccount(preset, balances, positions);
  return accountMaintenance(preset, account, positions, balances.length > 0);
}
