import type { Account } from './account';
import { buildAccount, valueState } from './account';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import { accountMaintenance } from './maintenance';
import type { Balance, Position, Preset } from './model';
import { messageNumber } from './numberText';

/** Σ valued equity of an already built account. */
export function equityOf(preset: Preset, account: Account): Dec {
  return account.assets.reduce((sum, state) => sum.plus(valueState(preset, state)), ZERO);
}

/**
 * Margin ratio = account maintenance margin / account equity. At 1 (100%) or more, every cross position is
 * liquidated.
 *
 * @throws EQUITY_NOT_POSITIVE when account equity is zero or negative.
 * @example
 * // Binance guide: MM 205.7 × 0.4% = 0.8228 against equity 121.7 → 0.8228 / 121.7 ≈ 0.68%
 * marginRatio(binance, [{ asset: 'USDT', amount: dec('121.7'), price: dec(1) }], [btcusdtWorth205_7AtMmr0_004])
 */
export function marginRatio(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): Dec {
  const account = buildAccount(preset, balances, positions);
  const equity = equityOf(preset, account);
  if (!equity.isPositive() || equity.isZero()) fail('EQUITY_NOT_POSITIVE', { equity: messageNumber(equity) });
  return accountMaintenance(preset, account, positions, balances.length > 0).div(equity);
}
