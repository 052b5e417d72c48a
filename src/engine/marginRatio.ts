import type { Account } from './account';
import { buildAccount, valueState } from './account';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import { accountMaintenance } from './maintenance';
import type { Balance, Position, Preset } from './model';

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
 * marginRatio(preset, balances, positions).toString() // e.g. '0.00676088742810188989317995069843878389482333607231' (0.8228 / 121.7)
 */
export function marginRatio(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): Dec {
  const account = buildAccount(preset, balances, positions);
  const equity = equityOf(preset, account);
  if (!equity.isPositive() || equity.isZero()) fail('EQUITY_NOT_POSITIVE', { equity: equity.toString() });
  return accountMaintenance(preset, account, positions, balances.length > 0).div(equity);
}
