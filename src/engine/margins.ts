import type { Account } from './account';
import { quoteRate, valueState } from './account';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import type { Position, Preset } from './model';
import { isCross } from './positions';
import { parseSymbol } from './symbols';

/** Σ |valued equity| of the account's liabilities, in quote currency. */
export function liabilityValue(preset: Preset, account: Account): Dec {
  return account.assets.reduce((sum, state) => (state.equity.isNeg() ? sum.minus(valueState(preset, state)) : sum), ZERO);
}

/**
 * Σ over cross positions of a per-position margin (in its quote asset), each converted to account currency
 * at its quote's price × liabilityRate.
 */
export function crossPositionsMargin(
  preset: Preset,
  account: Account,
  positions: readonly Position[],
  marginOf: (position: Position) => Dec,
): Dec {
  let sum = ZERO;
  for (const position of positions) {
    if (!isCross(position)) continue;
    const { quote } = parseSymbol(preset, position.symbol);
    sum = sum.plus(marginOf(position).times(quoteRate(preset, account, quote)));
  }
  return sum;
}

/** Margin charged on liabilities at `rate` (absent rate: none). */
export function liabilityMargin(preset: Preset, account: Account, rate: Dec | undefined): Dec {
  return rate === undefined ? ZERO : liabilityValue(preset, account).times(rate);
}
