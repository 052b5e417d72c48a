import { assetMove, movedFigures, moveKinks } from './assetMove';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import type { Balance, Position, Preset } from './model';
import { firstNonNegative } from './piecewiseRoot';

/**
 * The most coin units of `asset` that can leave the account while the margin free for new orders (equity −
 * initial margin, {@link availableForOrder}) stays ≥ 0, capped at the asset's positive wallet balance; 0 when
 * the account is already short of initial margin. Exact across tiers: the withdrawal is valued slice by slice,
 * and past a zero balance it would be a liability (not allowed: the cap stops it there).
 *
 * @throws ASSET_NOT_IN_BALANCES when the asset has no balances row.
 * @example
 * // 10,000 USDT behind a BTC long with 3,000 USDT of initial margin: 7,000 USDT can leave
 * maxWithdrawable(binance, [{ asset: 'USDT', amount: dec(10000), price: dec(1) }], [btcLongIm3000], 'USDT')
 */
export function maxWithdrawable(preset: Preset, balances: readonly Balance[], positions: readonly Position[], asset: string): Dec {
  const move = assetMove(preset, balances, positions, asset);
  if (!move.amount.gt(ZERO)) return ZERO;
  const available = (delta: Dec): Dec => {
    const { equity, initial } = movedFigures(move, delta);
    return equity.minus(initial);
  };
  if (available(ZERO).isNeg()) return ZERO;
  // available is nondecreasing in delta: the largest withdrawal is the smallest delta ≥ −balance that keeps it ≥ 0.
  const search = firstNonNegative(available, move.amount.neg(), ZERO, moveKinks(move));
  if (!search.found) return ZERO;
  const withdrawn = search.x.neg();
  return withdrawn.isZero() ? ZERO : withdrawn;
}
