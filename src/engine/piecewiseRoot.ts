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
    const right = b ?? a.plus(Dec.max(ONE, a.abs()));
    let fb: Dec;
    try {
      fb = f(right);
    } catch (error) {
      return { found: false, reason: 'beyond', at: a, error };
    }
    if (fb.gte(ZERO)) return { found: true, x: interpolate(a, fa, right, fb) };
    if (b === null && !fb.gt(fa)) return { found: false, reason: 'flat', at: a };
    if (b === null) return { found: true, x: new Ceil(a).plus(new Ceil(fa.neg()).times(right.minus(a)).div(fb.minus(fa))) };
    a = b;
    fa = fb;
  }
  return { found: false, reason: 'flat', at: a };
}

/** The zero of the line through (a, fa < 0) and (b, fb ≥ 0), rounded up and kept within [a, b]. */
function interpolate(a: Dec, fa: Dec, b: Dec, fb: Dec): Dec {
  const x = new Ceil(a).plus(new Ceil(fa.neg()).times(b.minus(a)).div(fb.minus(fa)));
  return x.gt(b) ? b : x;
}
