import { messageNumber } from './numberText';
import type { AssetMove } from './assetMove';
import { assetMove, movedFigures, moveKinks } from './assetMove';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail, isMarginError } from './errors';
import type { Balance, Position, Preset } from './model';
import { firstNonNegative } from './piecewiseRoot';

/** target × equity − maintenance margin: ≥ 0 exactly when the margin ratio is ≤ target (equity > 0). */
function headroom(move: AssetMove, target: Dec) {
  return (delta: Dec): Dec => {
    const { equity, maintenance } = movedFigures(move, delta);
    return target.times(equity).minus(maintenance);
  };
}

function noTopUp(move: AssetMove, target: Dec, reason: string): never {
  return fail('NO_TOPUP', { asset: move.asset, target: messageNumber(target), reason });
}

/**
 * Coin units of `asset` to deposit so that the margin ratio (maintenance margin / equity) is at most `target`;
 * 0 when it already is. The deposit is valued slice by slice through the asset's tiers (and first pays off
 * the asset's own liability), so the answer is exact across tiers.
 *
 * @throws ASSET_NOT_IN_BALANCES when the asset has no balances row; NO_TOPUP when no amount reaches the target
 * (the asset's last tier counts 0, its tiers stop being published first, or the account has no maintenance
 * margin and no equity).
 * @example
 * // 1,000 USDT behind a BTC long whose MM is 600 USDT: 0.6 → 0.5 needs 200 USDT (600 / 1,200 = 0.5)
 * topUpNeeded(binance, [{ asset: 'USDT', amount: dec(1000), price: dec(1) }], [btcLongMm600], 'USDT', dec('0.5'))
 */
export function topUpNeeded(preset: Preset, balances: readonly Balance[], positions: readonly Position[], asset: string, target: Dec): Dec {
  if (!target.gt(ZERO)) fail('NOT_POSITIVE', { arg: 'target_ratio', got: messageNumber(target) });
  const move = assetMove(preset, balances, positions, asset);
  let search;
  try {
    search = firstNonNegative(headroom(move, target), ZERO, null, moveKinks(move));
  } catch (error) {
    if (isMarginError(error)) noTopUp(move, target, error.message);
    throw error;
  }
  if (!search.found) {
    if (search.reason === 'beyond') {
      noTopUp(move, target, isMarginError(search.error) ? search.error.message : String(search.error));
    }
    noTopUp(
      move,
      target,
      `past ${messageNumber(search.at)} ${move.asset} more, a further deposit of ${move.asset} adds no margin value (its last tier counts 0)`,
    );
  }
  const after = movedFigures(move, search.x);
  if (!after.equity.gt(ZERO)) {
    noTopUp(
      move,
      target,
      `the account has no maintenance margin, so its margin ratio is 0 once equity is above zero: any deposit above ${messageNumber(search.x)} ${move.asset}`,
    );
  }
  return search.x;
}
