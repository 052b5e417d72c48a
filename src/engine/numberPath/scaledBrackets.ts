import { bySize } from '../brackets';
import type { Dec } from '../decimal';
import type { Bracket } from '../model';
import { isSafe, MAX_MANTISSA, POW10 } from './scaledDecimal';
import type { Split } from './splitValue';
import { productSplit } from './splitValue';

/** A rate or amount as the exact integer `m / 10^k`. */
export interface Scaled {
  readonly m: number;
  readonly k: number;
}

/**
 * A leverage bracket on integers: whole-number bounds (cap Infinity when open), and its rates as mantissas. A table
 * bounded by contracts has its bounds in coin (contracts × contractValue).
 */
export interface ScaledBracket {
  readonly floor: number;
  readonly cap: number;
  readonly mmr: Scaled;
  readonly cum: Scaled;
  readonly imr: Scaled;
}

/** `x` as `m / 10^k` with at most 15 places and m below 2^51, or null. */
function scaled(x: Dec): Scaled | null {
  const k = x.decimalPlaces();
  if (k > 15) return null;
  const m = x.times(POW10[k] as number).toNumber();
  return Math.abs(m) < MAX_MANTISSA ? { m, k } : null;
}

/** A whole-number bound that a double holds exactly, or null. */
function wholeBound(x: Dec): number | null {
  const n = x.toNumber();
  return x.isInteger() && isSafe(n) ? n : null;
}

const cache = new WeakMap<readonly Bracket[], readonly ScaledBracket[] | null>();

/**
 * A bracket table on integers, or null when a bound is not a whole number or a rate does not fit (the rows on
 * it then go the Decimal way). Whole-number bounds let a notional `w + f / 10^t` (0 ≤ f) pick its bracket from
 * `w` alone: floor ≤ notional exactly when floor ≤ w.
 */
export function scaledBrackets(brackets: readonly Bracket[]): readonly ScaledBracket[] | null {
  const known = cache.get(brackets);
  if (known !== undefined) return known;
  let out: ScaledBracket[] | null = brackets.length === 0 ? null : [];
  for (const b of out === null ? [] : brackets) {
    const inCoin = (x: Dec): Dec => (b.contractValue === undefined ? x : x.times(b.contractValue));
    const floor = wholeBound(inCoin(b.floor));
    const cap = b.cap === null ? Infinity : wholeBound(inCoin(b.cap));
    const [mmr, cum, imr] = [scaled(b.mmr), scaled(b.cum), scaled(b.imr)];
    if (floor === null || cap === null || mmr === null || cum === null || imr === null) {
      out = null;
      break;
    }
    (out as ScaledBracket[]).push({ floor, cap, mmr, cum, imr });
  }
  cache.set(brackets, out);
  return out;
}

/**
 * The bracket of a notional `w + f / 10^t` (0 ≤ f < 10^t), as `bracketAt` picks it: the last whose floor is at
 * or below it; −1 when it is above the last bracket's cap (the Decimal engine's BEYOND_BRACKETS).
 */
export function scaledBracketIndex(brackets: readonly ScaledBracket[], w: number, f: number): number {
  let lo = 0;
  let hi = brackets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((brackets[mid] as ScaledBracket).floor <= w) lo = mid;
    else hi = mid - 1;
  }
  const cap = (brackets[lo] as ScaledBracket).cap;
  return w > cap || (w === cap && f > 0) ? -1 : lo;
}

/**
 * The bracket of a position, as `bracketFor` picks it, on integers: by its notional |size| × mark (|size| = S / 10^ks,
 * mark = M / 10^km, through `split`), or on a table bounded by contracts by |size| itself, the first bracket whose
 * cap (in coin) is at or above it. −1 past the last cap (the Decimal engine's BEYOND_BRACKETS); NaN where integers
 * cannot pick it (the row then goes the Decimal way).
 */
export function scaledBracketPick(
  brackets: readonly Bracket[],
  absSize: number,
  S: number,
  ks: number,
  M: number,
  km: number,
  split: Split,
): number {
  const table = scaledBrackets(brackets);
  if (table === null || ks < 0) return NaN;
  if (bySize(brackets)) {
    const whole = Math.trunc(absSize);
    const i = table.findIndex((b) => b.cap > whole || (b.cap === whole && absSize === whole));
    return i;
  }
  const t = km < 0 || M !== M ? NaN : productSplit(S, ks, M, km, split);
  return t === t ? scaledBracketIndex(table, split.w, split.f) : NaN;
}
