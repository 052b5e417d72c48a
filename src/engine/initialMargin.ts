import type { Account } from './account';
import { buildAccount } from './account';
import type { Dec } from './decimal';
import { crossPositionsMargin, liabilityMargin } from './margins';
import type { Balance, Position, Preset } from './model';
import { positionInitial } from './positions';

/** Account IM of an already built account; liabilities count only when the account was described by balances. */
export function accountInitial(preset: Preset, account: Account, positions: readonly Position[], withLiabilities: boolean): Dec {
  const onPositions = crossPositionsMargin(preset, account, positions, (p) => positionInitial(p).margin);
  if (!withLiabilities) return onPositions;
  return onPositions.plus(liabilityMargin(preset, account, preset.rules.liabilityInitialRate));
}

/**
 * Account initial margin in quote currency: Σ over cross positions of |size| × mark × imr × quote price × quote
 * liabilityRate (a position without imr counts its maintenance margin instead), plus Σ |liability value| ×
 * the preset's liabilityInitialRate when balances are given.
 *
 * @example
 * initialMargin(binance, [{ symbol: 'BTCUSDT', side: 'LONG', size: dec(1), entry: dec(60000), mark: dec(60000), mmr: dec('0.004'), cum: dec(0), imr: dec('0.05'), marginMode: 'cross' }])
 * // 3000 × USDT liabilityRate
 */
export function initialMargin(preset: Preset, positions: readonly Position[], balances: readonly Balance[] = []): Dec {
  const account = buildAccount(preset, balances, positions);
  return accountInitial(preset, account, positions, balances.length > 0);
}
