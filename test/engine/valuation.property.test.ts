import fc from 'fast-check';
import { dec, valueHolding } from '../../src/engine';
import type { AssetSpec, Dec, TierUnit } from '../../src/engine';
import { assetOf, BITGET_BTC_TIERS, presetOf } from './fixtures';

const specs: Record<TierUnit, AssetSpec> = {
  value: assetOf('BTC', 'value', BITGET_BTC_TIERS),
  quantity: assetOf('BTC', 'quantity', BITGET_BTC_TIERS),
};
const preset = presetOf('props', [specs.value]);

const minOf = (a: Dec, b: Dec): Dec => (a.lt(b) ? a : b);

/** Independent slice-by-slice formula: Σ over tiers of (part of x inside the tier) × ratio. */
function slices(x: Dec): Dec {
  return BITGET_BTC_TIERS.reduce((sum, [floor, cap, ratio]) => {
    const top = cap === null ? x : minOf(x, dec(cap));
    const part = top.minus(floor);
    return part.gt(0) ? sum.plus(part.times(ratio)) : sum;
  }, dec(0));
}

const decimalArb = (maxInt: number, scale: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: scale })).map(([n, k]) => dec(n).div(dec(10).pow(k)));
const amountArb = decimalArb(2_000_000_000, 6);
const priceArb = decimalArb(200_000_000, 4);
const unitArb = fc.constantFrom<TierUnit>('value', 'quantity');
const boundaries = BITGET_BTC_TIERS.slice(1).map(([floor]) => dec(floor));

describe('valueHolding (properties)', () => {
  it('matches the slice-by-slice formula', () => {
    fc.assert(
      fc.property(unitArb, amountArb, priceArb, (unit, amount, price) => {
        const value = valueHolding(preset, specs[unit], amount, price);
        const expected = unit === 'value' ? slices(amount.times(price)) : slices(amount).times(price);
        expect(value.toString()).toBe(expected.toString());
      }),
    );
  });

  it('never decreases as the amount grows', () => {
    fc.assert(
      fc.property(unitArb, amountArb, amountArb, priceArb, (unit, a, b, price) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        expect(valueHolding(preset, specs[unit], low, price).lte(valueHolding(preset, specs[unit], high, price))).toBe(true);
      }),
    );
  });

  it('stays between zero and the gross value of a positive holding', () => {
    fc.assert(
      fc.property(unitArb, amountArb, priceArb, (unit, amount, price) => {
        const value = valueHolding(preset, specs[unit], amount, price);
        expect(value.gte(0)).toBe(true);
        expect(value.lte(amount.times(price))).toBe(true);
      }),
    );
  });

  it('is continuous at every tier boundary', () => {
    fc.assert(
      fc.property(
        unitArb,
        fc.constantFrom(...boundaries),
        priceArb.filter((p) => p.gt(0)),
        fc.integer({ min: 1, max: 30 }),
        (unit, bound, price, digits) => {
          const tiny = dec(10).pow(-digits);
          // The holding that sits exactly on the boundary, in coin units.
          const amount = unit === 'value' ? bound.div(price) : bound;
          const at = valueHolding(preset, specs[unit], amount, price);
          const onBoundary = unit === 'value' ? slices(bound) : slices(bound).times(price);
          expect(at.minus(onBoundary).abs().lte(onBoundary.times('1e-55'))).toBe(true);
          // A step of `tiny` coins either side moves the value by at most tiny × price (ratios are ≤ 1).
          const step = tiny.times(price);
          const below = valueHolding(preset, specs[unit], amount.minus(tiny), price);
          const above = valueHolding(preset, specs[unit], amount.plus(tiny), price);
          expect(at.minus(below).lte(step)).toBe(true);
          expect(above.minus(at).lte(step)).toBe(true);
          expect(at.minus(below).gte(0) && above.minus(at).gte(0)).toBe(true);
        },
      ),
    );
  });
});
