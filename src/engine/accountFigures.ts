import type { Account, SymbolPnl } from './account';
import { buildAccountFromPnl, quoteRate } from './account';
import { splitAccount } from './collateralSplit';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import type { Balance, Position, Preset } from './model';
import { isCross, positionInitial, positionMaintenance, positionUpnl } from './positions';
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

/** The cross positions of one symbol, summed in its quote asset: PnL, maintenance and initial margin. */
export interface SymbolTotals extends SymbolPnl {
  readonly maintenance: Dec;
  readonly initial: Dec;
}

/**
 * The cross positions summed per symbol (as spelled). None of it depends on a preset, so a book valued under
 * several presets sums its positions once.
 */
export function positionTotals(positions: readonly Position[]): SymbolTotals[] {
  const totals = new Map<string, { symbol: string; upnl: Dec; maintenance: Dec; initial: Dec }>();
  for (const position of positions) {
    if (!isCross(position)) continue;
    let total = totals.get(position.symbol);
    if (!total) {
      total = { symbol: position.symbol, upnl: ZERO, maintenance: ZERO, initial: ZERO };
      totals.set(position.symbol, total);
    }
    total.upnl = total.upnl.plus(positionUpnl(position));
    total.maintenance = total.maintenance.plus(positionMaintenance(position));
    total.initial = total.initial.plus(positionInitial(position).margin);
  }
  return [...totals.values()];
}

/**
 * {@link accountFigures} from positions already summed per symbol. Liabilities are charged margin only when
 * the account was described by balances (`withLiabilities`), as in MAINT_MARGIN without balances.
 */
export function accountFiguresFromTotals(
  preset: Preset,
  balances: readonly Balance[],
  totals: readonly SymbolTotals[],
  withLiabilities: boolean = balances.length > 0,
): AccountFigures {
  const account = buildAccountFromPnl(preset, balances, totals);
  const { collateral, liabilities } = splitAccount(preset, account);
  let positionsMaintenance = ZERO;
  let positionsInitial = ZERO;
  for (const total of totals) {
    const rate = quoteRate(preset, account, parseSymbol(preset, total.symbol).quote);
    positionsMaintenance = positionsMaintenance.plus(total.maintenance.times(rate));
    positionsInitial = positionsInitial.plus(total.initial.times(rate));
  }
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

/**
 * Every account-level figure at once, so that a table of them (COMPARE, the solvers) builds the account once.
 * Each figure equals the one its own function gives.
 *
 * @example
 * accountFigures(bitget, [{ asset: 'BTC', amount: dec(10), price: dec(60000) }], []).equity.toString() // '582000'
 */
export function accountFigures(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): AccountFigures {
  return accountFiguresFromTotals(preset, balances, positionTotals(positions));
}
