import type { Account } from './account';
import { buildAccount, quoteRate, valueState } from './account';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import type { Balance, Position, Preset } from './model';
import { isCross, positionInitial, positionMaintenance } from './positions';
import { parseSymbol } from './symbols';

/**
 * The figures of one account under one preset, from one pass over its assets and one over its positions, in
 * quote currency. `equity` is what MARGIN_RATIO divides by (cross PnL included); `collateral` and
 * `liabilities` (as a positive number) are its two parts, as MULTIASSET_LTV reads them.
 */
export interface AccountFigures {
  readonly account: Account;
  readonly equity: Dec;
  readonly collateral: Dec;
  readonly liabilities: Dec;
  /** Maintenance margin of the cross positions alone. */
  readonly positionsMaintenance: Dec;
  /** Initial margin of the cross positions alone (maintenance margin where a position has no imr). */
  readonly positionsInitial: Dec;
  /** Positions' MM plus the liabilities' MM (the preset's liabilityMaintenanceRate) when balances are given. */
  readonly maintenance: Dec;
  /** Positions' IM plus the liabilities' IM (the preset's liabilityInitialRate) when balances are given. */
  readonly initial: Dec;
  readonly withLiabilities: boolean;
}

/** Margin charged on `liabilities` at `rate`, when the account was described by balances (else unknown, none). */
export function chargeOn(liabilities: Dec, rate: Dec | undefined, withLiabilities: boolean): Dec {
  return withLiabilities && rate !== undefined ? liabilities.times(rate) : ZERO;
}

/**
 * Every account-level figure at once, so that a table of them (COMPARE, the solvers) builds the account once.
 * Each figure equals the one its own function gives.
 *
 * @example
 * accountFigures(bitget, [{ asset: 'BTC', amount: dec(10), price: dec(60000) }], []).equity.toString() // '582000'
 */
export function accountFigures(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): AccountFigures {
  const account = buildAccount(preset, balances, positions);
  let collateral = ZERO;
  let liabilities = ZERO;
  for (const state of account.assets) {
    const value = valueState(preset, state);
    if (value.isNeg()) liabilities = liabilities.minus(value);
    else collateral = collateral.plus(value);
  }
  let positionsMaintenance = ZERO;
  let positionsInitial = ZERO;
  for (const position of positions) {
    if (!isCross(position)) continue;
    const rate = quoteRate(preset, account, parseSymbol(preset, position.symbol).quote);
    positionsMaintenance = positionsMaintenance.plus(positionMaintenance(position).times(rate));
    positionsInitial = positionsInitial.plus(positionInitial(position).margin.times(rate));
  }
  const withLiabilities = balances.length > 0;
  const { liabilityMaintenanceRate, liabilityInitialRate } = preset.rules;
  return {
    account,
    equity: collateral.minus(liabilities),
    collateral,
    liabilities,
    positionsMaintenance,
    positionsInitial,
    maintenance: positionsMaintenance.plus(chargeOn(liabilities, liabilityMaintenanceRate, withLiabilities)),
    initial: positionsInitial.plus(chargeOn(liabilities, liabilityInitialRate, withLiabilities)),
    withLiabilities,
  };
}
