import { roundSplit, splitProduct, splitTierValue } from '../../src/engine';

describe('splitValue', () => {
  it('splits a product of scaled integers into whole and fractional parts exactly', () => {
    // 123.45678901 × 98765.43 = 12193262.8529919243 (10 places)
    expect(splitProduct(12345678901, 8, 9876543, 2)).toEqual([12193262, 8529919243]);
  });

  it('rounds a whole part plus a decimal fraction once', () => {
    expect(roundSplit(582000, 0, 13)).toBe(582000);
    expect(roundSplit(1, 5, 1)).toBe(1.5);
  });

  it('gives NaN instead of a result it cannot certify', () => {
    // 2^52 + 1.5 sits on the midpoint between two neighbouring doubles.
    expect(roundSplit(2 ** 52 + 1, 5, 1)).toBeNaN();
    expect(roundSplit(0.5, 0, 0)).toBeNaN();
  });

  it('values a holding as x × ratio + intercept', () => {
    // x = 600000.5, ratio 0.965 (965 / 10^3), intercept 2500 (2500000 / 10^3) → 581500.4825
    expect(splitTierValue(600000, 5, 1, 965, 2500000, 3)).toBe(581500.4825);
  });
});
