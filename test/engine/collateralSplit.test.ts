import fc from 'fast-check';
import { dec, ltvOf, ltvOrUnbounded, splitValues } from '../../src/engine';
import { caught } from './fixtures';

const value = fc.integer({ min: -1e9, max: 1e9 }).chain((m) => fc.integer({ min: 0, max: 8 }).map((k) => dec(m).div(10 ** k)));

describe('splitValues', () => {
  it('puts negative values in the liabilities, as a positive number, and the rest in the collateral', () => {
    const split = splitValues([dec(950), dec(-475), dec(0), dec('-0.5')]);
    expect([split.collateral.toString(), split.liabilities.toString()]).toEqual(['950', '475.5']);
  });

  it('has two parts at or above zero whose difference is the sum of the values', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), (values) => {
        const { collateral, liabilities } = splitValues(values);
        const sum = values.reduce((a, b) => a.plus(b), dec(0));
        return !collateral.isNeg() && !liabilities.isNeg() && collateral.minus(liabilities).eq(sum);
      }),
    );
  });
});

describe('ltvOf', () => {
  it('divides the liabilities by the collateral, is zero without liabilities, and refuses liabilities without collateral', () => {
    expect(ltvOf({ collateral: dec(950), liabilities: dec(475) }).toString()).toBe('0.5');
    expect(ltvOf({ collateral: dec(0), liabilities: dec(0) }).toString()).toBe('0');
    expect(ltvOrUnbounded({ collateral: dec(0), liabilities: dec(1) })).toBeNull();
    expect(caught(() => ltvOf({ collateral: dec(0), liabilities: dec(1) })).code).toBe('LTV_UNBOUNDED');
  });
});
