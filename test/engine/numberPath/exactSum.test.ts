import fc from 'fast-check';
import { dec } from '../../../src/engine';
import { ExactSum, mantissa, placesOf } from '../../../src/engine/numberPath/exactSum';
import type { Split } from '../../../src/engine/numberPath/splitValue';
import { productSplit, splitLinear } from '../../../src/engine/numberPath/splitValue';

const scaled = fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 8 }));
const asDec = ([n, k]: [number, number]) => dec(n).div(dec(10).pow(k));
const splitDec = (s: Split) => dec(s.w).plus(dec(s.f).div(dec(10).pow(s.t)));

describe('ExactSum', () => {
  it('adds scaled integers of either sign exactly', () => {
    const sum = new ExactSum();
    sum.addScaled(15, 1);
    sum.addScaled(-25, 2);
    sum.addScaled(1, 15);
    expect(sum.toDec().toString()).toBe('1.250000000000001');
    expect(sum.toDec().isNaN()).toBe(false);
  });

  it('carries past 2^52 and keeps long decimals in its rest, still exactly', () => {
    const sum = new ExactSum();
    for (let i = 0; i < 4; i += 1) sum.addSplit(2 ** 52, 5, 1);
    sum.addDec(dec('0.12345678901234567890123'));
    expect(sum.toDec().toString()).toBe(dec(2).pow(54).plus('2.12345678901234567890123').toString());
    expect(sum.toDec().isNaN()).toBe(false);
  });

  it("turns NaN (declines) when a sum would outgrow the engine's 60 digits", () => {
    const sum = new ExactSum();
    sum.addDec(dec('1e40'));
    sum.addDec(dec('1e-30'));
    expect(sum.toDec().isNaN()).toBe(true);
  });

  it('equals Decimal addition on random addends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(scaled, fc.tuple(fc.maxSafeInteger(), fc.integer({ min: 0, max: 15 }))), { maxLength: 40 }),
        (addends) => {
          const sum = new ExactSum();
          for (const [n, k] of addends) sum.addScaled(n, k);
          const expected = addends.reduce((acc, a) => acc.plus(asDec(a)), dec(0));
          expect(sum.toDec().eq(expected)).toBe(true);
        },
      ),
    );
  });
});

describe('productSplit and splitLinear', () => {
  it('split a product of signed scaled integers with a fraction ≥ 0', () => {
    const out: Split = { w: 0, f: 0, t: 0 };
    expect(productSplit(-15, 1, 3, 0, out)).toBe(1);
    expect(out).toEqual({ w: -5, f: 5, t: 1 }); // −4.5 = −5 + 0.5
  });

  it('equal Decimal products and linear maps on random inputs', () => {
    fc.assert(
      fc.property(scaled, scaled, fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 4 }), (x, y, r, kr) => {
        const out: Split = { w: 0, f: 0, t: 0 };
        if (Number.isNaN(productSplit(x[0], x[1], y[0], y[1], out))) return;
        const product = asDec(x).times(asDec(y));
        expect(splitDec(out).eq(product)).toBe(true);
        expect(out.f >= 0 && out.f < 10 ** out.t).toBe(true);
        if (Number.isNaN(splitLinear(out.w, out.f, out.t, r, 7, kr, out))) return;
        expect(splitDec(out).eq(product.times(r).plus(7).div(dec(10).pow(kr)))).toBe(true);
      }),
    );
  });
});

describe('placesOf and mantissa', () => {
  it('read a signed cell number as its shortest decimal', () => {
    expect(placesOf(-0.975)).toBe(3);
    expect(mantissa(-0.975, 3)).toBe(-975);
    expect(placesOf(0)).toBe(0);
    expect(placesOf(0.1 + 0.2)).toBe(-1);
  });
});
