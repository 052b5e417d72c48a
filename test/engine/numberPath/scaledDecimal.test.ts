import fc from 'fast-check';
import { dec } from '../../../src/engine';
import { decimalPlaces, POW10 } from '../../../src/engine/numberPath/scaledDecimal';

describe('decimalPlaces', () => {
  it('gives the places of the shortest decimal of a double', () => {
    expect(decimalPlaces(0.975)).toBe(3);
    expect(decimalPlaces(60000)).toBe(0);
    expect(decimalPlaces(0.1)).toBe(1);
    expect(decimalPlaces(1e-8)).toBe(8);
    expect(decimalPlaces(123456.78901234)).toBe(8);
  });

  it('is -1 when the mantissa would reach 2^51', () => {
    expect(decimalPlaces(2 ** 51)).toBe(-1);
    expect(decimalPlaces(1e21)).toBe(-1);
    expect(decimalPlaces(0.1 + 0.2)).toBe(-1);
    expect(decimalPlaces(1e-30)).toBe(-1);
    expect(decimalPlaces(Math.PI)).toBe(-1);
  });

  it('recovers exactly the decimal that the Decimal engine reads from the number', () => {
    const doubles = fc.oneof(
      fc.double({ min: 1e-20, max: 1e20, noNaN: true, noDefaultInfinity: true }),
      fc.tuple(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 0, max: 15 })).map(([m, k]) => m / 10 ** k),
    );
    fc.assert(
      fc.property(doubles, (x) => {
        fc.pre(x > 0);
        const k = decimalPlaces(x);
        if (k < 0) return;
        const m = Math.round(x * (POW10[k] as number));
        expect(dec(m).div(dec(10).pow(k)).eq(dec(x))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decimalPlaces beyond eight places and for large numbers', () => {
  it('agrees with the places of String(x) wherever the mantissa fits (at most 22 places)', () => {
    const cases = [60000000, 123456789.5, 2 ** 50, 1e15, 0.123456789, 1.0000000001, 5e-9, 0.30000000000000004];
    expect(cases.map(decimalPlaces)).toEqual([0, 1, 0, 0, 9, 10, 9, -1]);
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e16, noNaN: true }), (x) => {
        const k = decimalPlaces(x);
        const places = dec(x).decimalPlaces();
        const fits =
          places <= 22 &&
          dec(x)
            .times(dec(10).pow(places))
            .lt(2 ** 51);
        expect(k).toBe(fits ? places : -1);
      }),
      { numRuns: 5000 },
    );
  });
});
