import { accountPrice, buildAccount } from './account';
import { assetSpec, normalizeAsset } from './assetSpec';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import { accountInitial } from './initialMargin';
import { equityOf } from './marginRatio';
import type { Balance, Position, Preset } from './model';
import { messageNumber } from './numberText';

/**
 * Margin free for new orders (Binance `uniAvailableForOrder`): account equity − account initial margin, in
 * quote currency; with `asset`, in that asset's units: ÷ (price × liabilityRate), Binance's askRate.
 * May be negative (the account is already short of initial margin).
 *
 * @example
 * availableForOrder(binance, balances, positions, 'BNB') // (equity − IM) / askRate(BNB)
 */
export function availableForOrder(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  asset?: string | null,
): Dec {
  const account = buildAccount(preset, balances, positions);
  const free = equityOf(preset, account).minus(accountInitial(preset, account, positions, balances.length > 0));
  if (asset === undefined || asset === null || asset.trim() === '') return free;
  const name = normalizeAsset(asset);
  const { liabilityRate } = assetSpec(preset, name);
  const rate = accountPrice(preset, account, name).times(liabilityRate);
  if (!rate.gt(ZERO)) fail('NOT_POSITIVE', { arg: `asset (${name} price × liabilityRate)`, got: messageNumber(rate) });
  return free.div(rate);
}
