import fc from 'fast-check';
import { dec, toCellNumber } from '../../../src/engine';
import type { Split } from '../../../src/engine/numberPath/splitValue';
import { productSplit, roundSplit, splitLinear } from '../../../src/engine/numberPath/splitValue';

describe('splitValue', () => {
  it('splits a product of scaled integers into whole and fractional parts exactly', () => {
    // 123.45678901 × 98765.43 = 12193262.8529919243 (10 places)
    const out: Split = { w: 0, f: 0, t: 0 };
    expect(productSplit(12345678901, 8, 9876543, 2, out)).toBe(10);
    expect([out.w, out.f]).toEqual([12193262, 8529919243]);
  });

  it('rounds a whole part plus a decimal fraction once', () => {
    expect(roundSplit(582000, 0, 1e13)).toBe(582000);
    expect(roundSplit(1, 5, 10)).toBe(1.5);
  });

  it('gives NaN instead of a result it cannot certify', () => {
    // 2^52 + 1.5 sits on the midpoint between two neighbouring doubles.
    expect(roundSplit(2 ** 52 + 1, 5, 10)).toBeNaN();
    expect(roundSplit(0.5, 0, 1)).toBeNaN();
  });

  it('certifies only correct roundings, and most of them', () => {
    let certified = 0;
    let candidates = 0; // whole parts up to 2^51: above that, nothing is certified
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 2 ** 51 }), fc.integer({ min: 2 ** 51 - 1000, max: 2 ** 53 })),
        fc.integer({ min: 0, max: 15 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (W, k, share) => {
          const unit = 10 ** k;
          const frac = Math.floor(share * unit);
          const got = roundSplit(W, frac, unit);
          if (W <= 2 ** 51) candidates += 1;
          if (Number.isNaN(got)) return;
          certified += 1;
          expect(got).toBe(toCellNumber(dec(W).plus(dec(frac).div(unit))));
        },
      ),
      { numRuns: 20000 },
    );
    expect(certified / candidates).toBeGreaterThan(0.99);
  });

  it('certifies results just off a midpoint, and not the midpoint', () => {
    // Around 2^51 the doubles are 0.5 apart: 2^51 + 0.25 is a midpoint, 2^51 + 0.25 ± 10^-15 are not.
    expect(roundSplit(2 ** 51, 25, 100)).toBeNaN();
    expect(roundSplit(2 ** 51, 250000000000001, 1e15)).toBe(2 ** 51 + 0.5);
    expect(roundSplit(2 ** 51, 249999999999999, 1e15)).toBe(2 ** 51);
  });

  it('values a holding as x × ratio + intercept', () => {
    // x = 600000.5, ratio 0.965 (965 / 10^3), intercept 2500 (2500000 / 10^3) → 581500.4825
    const out: Split = { w: 0, f: 0, t: 0 };
    expect(splitLinear(600000, 5, 1, 965, 2500000, 3, out)).toBe(4);
    expect(roundSplit(out.w, out.f, 10 ** out.t)).toBe(581500.4825);
  });
});
