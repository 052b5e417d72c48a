import type { Dec } from '../engine/decimal';

/** The ranges a number of a preset document or an exchange response must lie in, each with the words that name it. */

/** A range a decimal must lie in, with the words that describe it in a message. */
export interface Bounds {
  readonly test: (d: Dec) => boolean;
  readonly text: string;
}

export const RATIO: Bounds = { test: (d) => d.gte(0) && d.lte(1), text: 'a ratio from 0 to 1' };
export const HAIRCUT: Bounds = { test: (d) => d.gte(0) && d.lt(1), text: 'a haircut from 0 up to (not including) 1' };
export const NON_NEGATIVE: Bounds = { test: (d) => d.gte(0), text: 'zero or a positive number' };
export const POSITIVE: Bounds = { test: (d) => d.gt(0), text: 'a positive number' };
export const AT_LEAST_ONE: Bounds = { test: (d) => d.gte(1), text: 'a rate of at least 1' };
export const NOT_POSITIVE: Bounds = { test: (d) => d.lte(0), text: 'zero or a negative number' };
export const RATE_ABOVE_ZERO_TO_ONE: Bounds = { test: (d) => d.gt(0) && d.lte(1), text: 'a rate above 0, at most 1' };

/** Any number: signed amounts, PnL. */
export const ANY: Bounds = { test: () => true, text: 'a number' };
