import type { AccountFigures } from './accountFigures';
import { accountFigures, chargeOn } from './accountFigures';
import { valueState } from './account';
import { assetSpec, normalizeAsset } from './assetSpec';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import type { AssetSpec, Balance, Position, Preset } from './model';
import { tierTable } from './tierTable';
import { valueHolding } from './valuation';

/**
 * An account in which one asset's wallet balance changes by `delta` coin units (a deposit when positive, a
 * withdrawal when negative) and nothing else moves. Everything that does not depend on that asset is summed
 * once, so each evaluation costs one valuation of the moving asset.
 */
export interface AssetMove {
  readonly preset: Preset;
  readonly asset: string;
  readonly spec: AssetSpec;
  readonly price: Dec;
  /** The asset's wallet balance and equity (balance + PnL settling in it) before the move. */
  readonly amount: Dec;
  readonly equity: Dec;
  readonly figures: AccountFigures;
  /** Valued equity of every other asset, and the |value| of the other assets' liabilities. */
  readonly restEquity: Dec;
  readonly restLiabilities: Dec;
}

/** Equity, maintenance and initial margin after the move, in quote currency. */
export interface MovedFigures {
  readonly equity: Dec;
  readonly maintenance: Dec;
  readonly initial: Dec;
}

/**
 * The move model of `asset` in the account.
 *
 * @throws ASSET_NOT_IN_BALANCES when the asset has no balances row (its price comes from there).
 */
export function assetMove(preset: Preset, balances: readonly Balance[], positions: readonly Position[], asset: string): AssetMove {
  const name = normalizeAsset(asset);
  const figures = accountFigures(preset, balances, positions);
  const state = figures.account.byAsset.get(name);
  if (!state || !state.inBalances) return fail('ASSET_NOT_IN_BALANCES', { asset: name || `"${asset}"` });
  const spec = assetSpec(preset, name);
  const own = valueState(preset, state);
  const ownLiability = own.isNeg() ? own.neg() : ZERO;
  return {
    preset,
    asset: name,
    spec,
    price: state.price,
    amount: state.amount,
    equity: state.equity,
    figures,
    restEquity: figures.equity.minus(own),
    restLiabilities: figures.liabilities.minus(ownLiability),
  };
}

/** The figures after the asset's balance moves by `delta`. */
export function movedFigures(move: AssetMove, delta: Dec): MovedFigures {
  const equity = move.equity.plus(delta);
  const value = equity.isZero() ? ZERO : valueHolding(move.preset, move.spec, equity, move.price);
  const liabilities = value.isNeg() ? move.restLiabilities.minus(value) : move.restLiabilities;
  const { rules } = move.preset;
  const { positionsMaintenance, positionsInitial, withLiabilities } = move.figures;
  return {
    equity: move.restEquity.plus(value),
    maintenance: positionsMaintenance.plus(chargeOn(liabilities, rules.liabilityMaintenanceRate, withLiabilities)),
    initial: positionsInitial.plus(chargeOn(liabilities, rules.liabilityInitialRate, withLiabilities)),
  };
}

/**
 * The deltas where the moved asset's value changes slope: where its equity crosses zero and where it crosses a
 * tier floor or the last published cap. Between two of them every figure is linear in delta.
 */
export function moveKinks(move: AssetMove): Dec[] {
  const table = tierTable(move.spec);
  const bounds = [...table.floors.slice(1), ...(table.lastCap ? [table.lastCap] : [])];
  const units = move.spec.tierUnit === 'value' ? bounds.map((b) => b.div(move.price)) : bounds;
  const kinks = [ZERO, ...units].map((u) => u.minus(move.equity));
  kinks.sort((a, b) => a.comparedTo(b));
  return kinks.filter((k, i) => i === 0 || !k.eq(kinks[i - 1] as Dec));
}
