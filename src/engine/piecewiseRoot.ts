import { Dec, ONE, ZERO } from './decimal';

/** Division rounded toward +∞, so a root computed with it never falls short of the exact one. */
const Ceil = Dec.clone({ precision: 60, rounding: Dec.ROUND_CEIL, toExpNeg: -40, toExpPos: 60, minE: -9e15, maxE: 9e15 });

/** Where the search for the first x with f(x) ≥ 0 ended. */
export type RootSearch =
  | { readonly found: true; readonly x: Dec }
  | { readonly found: false; readonly reason: 'flat' | 'beyond'; readonly at: Dec; readonly error?: unknown };

/**
 * The smallest x ≥ `from` (and ≤ `to` when given) with f(x) ≥ 0, for f nondecreasing, continuous and linear
 * between consecutive `kinks`. Each piece is solved exactly from its two ends, and the root is rounded up in
 * its 60th digit, so f(root) ≥ 0 holds for the exact f. When f stays negative: `flat` (the last piece does not
 * rise) or `beyond` (f threw past a point, e.g. tiers unpublished past the last cap).
 */
export function firstNonNegative(f: (x: Dec) => Dec, from: Dec, to: Dec | null, kinks: readonly Dec[]): RootSearch {
  let a = from;
  let fa = f(a);
  if (fa.gte(ZERO)) return { found: true, x: a };
  const inside = kinks.filter((k) => k.gt(from) && (to === null || k.lt(to)));
  const ends: (Dec | null)[] = [...inside, to];
  for (const b of ends) {
    if (b === null) return lastPiece(f, a, fa);
    let fb: Dec;
    try {
      fb = f(b);
    } catch (error) {
      return { found: false, reason: 'beyond', at: a, error };
    }
    if (fb.gte(ZERO)) return { found: true, x: interpolate(a, fa, b, fb) };
    a = b;
    fa = fb;
  }
  return { found: false, reason: 'flat', at: a };
}

/** Each probe of the open last piece lies this many times farther out than the one before. */
const REACH = new Dec('1e20');
/** Past this distance the answer is beyond any cell (1.8e308) with room to spare: the search stops. */
const FARTHEST = new Dec('1e400');

/**
 * The open last piece, from (a, fa < 0): probes ever farther out until f is ≥ 0, and solves the line between a and
 * that probe, whose two ends are both known to 60 digits. A slope too shallow to show within one step (a target
 * of 1e-100 against a margin of 600) shows at a farther one; `flat` only when f has not risen at all by FARTHEST.
 * When f rises but stays negative even there, the line's zero, beyond FARTHEST, is the answer.
 */
function lastPiece(f: (x: Dec) => Dec, a: Dec, fa: Dec): RootSearch {
  let width = Dec.max(ONE, a.abs());
  for (;;) {
    const right = a.plus(width);
    let fb: Dec;
    try {
      fb = f(right);
    } catch (error) {
      return { found: false, reason: 'beyond', at: a, error };
    }
    if (fb.gte(ZERO)) return { found: true, x: interpolate(a, fa, right, fb) };
    if (width.gte(FARTHEST)) {
      if (!fb.gt(fa)) return { found: false, reason: 'flat', at: a };
      return { found: true, x: new Ceil(a).plus(new Ceil(fa.neg()).times(right.minus(a)).div(fb.minus(fa))) };
    }
    width = width.times(REACH);
  }
}

/** The zero of the line through (a, fa < 0) and (b, fb ≥ 0), rounded up and kept within [a, b]. */
function interpolate(a: Dec, fa: Dec, b: Dec, fb: Dec): Dec {
  const x = new Ceil(a).plus(new Ceil(fa.neg()).times(b.minus(a)).div(fb.minus(fa)));
  return x.gt(b) ? b : x;
}
