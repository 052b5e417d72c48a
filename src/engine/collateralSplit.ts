import type { Account } from './account';
import { valueState } from './account';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import type { Preset } from './model';

/**
 * An account's valued equity in two parts: `collateral`, the sum of the assets valued at or above zero (after
 * haircuts), and `liabilities`, the sum of the negative ones as a positive number (with their markup). Equity is
 * collateral − liabilities. The number path's integer sums are the one twin, tied to it by a property test.
 */
export interface CollateralSplit {
  readonly collateral: Dec;
  readonly liabilities: Dec;
}

/**
 * Splits valued holdings into collateral and liabilities.
 *
 * @example splitValues([dec(950), dec(-475)]) // { collateral: 950, liabilities: 475 }
 */
export function splitValues(values: Iterable<Dec>): CollateralSplit {
  let collateral = ZERO;
  let liabilities = ZERO;
  for (const value of values) {
    if (value.isNeg()) liabilities = liabilities.minus(value);
    else collateral = collateral.plus(value);
  }
  return { collateral, liabilities };
}

/** {@link splitValues} of every asset of a built account, each valued under `preset`. */
export function splitAccount(preset: Preset, account: Account): CollateralSplit {
  return splitValues(account.assets.map((state) => valueState(preset, state)));
}

/**
 * Multi-asset LTV of a split: liabilities / collateral; zero with no liabilities; null (unbounded) with
 * liabilities and no collateral.
 *
 * @example ltvOrUnbounded({ collateral: dec(950), liabilities: dec(475) }) // 0.5
 */
export function ltvOrUnbounded({ collateral, liabilities }: CollateralSplit): Dec | null {
  if (liabilities.isZero()) return ZERO;
  return collateral.isZero() ? null : liabilities.div(collateral);
}

/**
 * {@link ltvOrUnbounded}, refusing the unbounded case.
 *
 * @throws LTV_UNBOUNDED when there are liabilities and no positive collateral.
 */
export function ltvOf(split: CollateralSplit): Dec {
  return ltvOrUnbounded(split) ?? fail('LTV_UNBOUNDED');
}
