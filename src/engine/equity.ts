import { buildAccount, valueState } from './account';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import type { Balance, Position, Preset } from './model';

/** One asset's equity: in coin units, its price, and its valued equity in quote currency. */
export interface AssetEquityRow {
  readonly asset: string;
  readonly equity: Dec;
  readonly price: Dec;
  readonly value: Dec;
}

/**
 * Per-asset equity (wallet balance + unrealized PnL of the balances row + cross positions settling in the
 * asset) and its valued equity: haircut value when positive, marked-up liability value when negative.
 *
 * @example
 * assetEquities(bitget, [{ asset: 'BTC', amount: dec(10), price: dec(60000) }], [])
 * // [{ asset: 'BTC', equity: 10, price: 60000, value: 582000 }]
 */
export function assetEquities(preset: Preset, balances: readonly Balance[], positions: readonly Position[] = []): AssetEquityRow[] {
  const account = buildAccount(preset, balances, positions);
  return account.assets.map((state) => ({
    asset: state.asset,
    equity: state.equity,
    price: state.price,
    value: valueState(preset, state),
  }));
}

/**
 * Account equity (effective margin): Σ valued asset equity, in quote currency.
 *
 * @example
 * accountEquity(bitget, [{ asset: 'BTC', amount: dec(10), price: dec(60000) }]).toString() // '582000'
 */
export function accountEquity(preset: Preset, balances: readonly Balance[], positions: readonly Position[] = []): Dec {
  return sumValues(assetEquities(preset, balances, positions));
}

export function sumValues(rows: readonly AssetEquityRow[]): Dec {
  return rows.reduce((sum, row) => sum.plus(row.value), ZERO);
}
