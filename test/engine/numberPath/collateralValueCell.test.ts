import fc from 'fast-check';
import type { Preset } from '../../../src/engine';
import { collateralValue, collateralValueCell, dec, toCellNumber } from '../../../src/engine';
import { assetOf, bitget, bitmart, bybit, caught, okx, presetOf } from '../fixtures';

/** Tiers with long decimals in floors, caps and ratios, so the scaled tables use wide scales. */
const awkward = presetOf('awkward', [
  assetOf('XV', 'value', [
    [0, '1234.5678', '0.987654321'],
    ['1234.5678', '99999.00001', '0.5'],
    ['99999.00001', null, '0.0000001'],
  ]),
  assetOf('XQ', 'quantity', [
    [0, '0.333', '0.999999'],
    ['0.333', '7.77777', '0.25'],
    ['7.77777', '1000000', '0.125'],
  ]),
]);

/** Whole-number floors with five-place ratios: results at 15 places, the most the number path takes. */
const fine = presetOf('fine', [
  assetOf('XF', 'value', [
    [0, 777, '0.99999'],
    [777, 250000, '0.12345'],
    [250000, 9000000, '0.00001'],
    [9000000, null, '1'],
  ]),
]);

const CASES: readonly (readonly [Preset, string])[] = [
  [bitget, 'BTC'],
  [bitmart, 'BTC'],
  [okx, 'BTC'],
  [bybit, 'BTC'],
  [awkward, 'XV'],
  [awkward, 'XQ'],
  [fine, 'XF'],
];

/** What a cell shows: the number as text, or the error code. */
function outcome(action: () => number): string {
  try {
    return String(action());
  } catch {
    return `error ${caught(action).code}`;
  }
}

function viaDecimal(preset: Preset, asset: string, amount: number, price: number): string {
  return outcome(() => toCellNumber(collateralValue(preset, asset, dec(amount), dec(price))));
}

function viaCell(preset: Preset, asset: string, amount: number, price: number): string {
  return outcome(() => collateralValueCell(preset, asset, amount, price));
}

const shortDecimal = fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 16 })).map(([m, k]) => m / 10 ** k);
const anyDouble = fc.double({ min: 1e-300, max: 1e300, noNaN: true, noDefaultInfinity: true });
const awkwardNumber = fc.oneof(
  shortDecimal,
  anyDouble,
  fc.double({ min: 1e-9, max: 1e9, noNaN: true }),
  fc.constantFrom(
    0,
    -0,
    1,
    1e-8,
    0.1,
    0.3,
    100000,
    500000,
    1000000,
    5000000,
    1234.5678,
    99999.00001,
    0.333,
    7.77777,
    20,
    25,
    2 ** 51,
    2 ** 53,
    1e21,
  ),
  shortDecimal.map((x) => -x),
);
const price = fc.oneof(shortDecimal, anyDouble, fc.constantFrom(1, 0.5, 60000, 100000, 0.0001, 1e-12, 1e15, 0, -1));

describe('collateralValueCell', () => {
  it('values a Bitget BTC holding as the Decimal path does', () => {
    expect(collateralValueCell(bitget, 'BTC', 10, 60000)).toBe(582000);
    expect(collateralValueCell(bitget, 'btc', 0.01234567, 98765.43)).toBe(
      toCellNumber(collateralValue(bitget, 'BTC', dec(0.01234567), dec(98765.43))),
    );
  });

  it('values a holding exactly at each tier floor as the Decimal path does', () => {
    for (const value of [100000, 500000, 1000000, 5000000]) {
      expect(collateralValueCell(bitget, 'BTC', value / 50000, 50000)).toBe(
        toCellNumber(collateralValue(bitget, 'BTC', dec(value / 50000), dec(50000))),
      );
    }
  });

  it('returns 0, never -0, for a zero holding', () => {
    expect(Object.is(collateralValueCell(bitget, 'BTC', -0, 60000), 0)).toBe(true);
  });

  it('fails as the Decimal path does for unknown assets, negative prices and holdings past the last cap', () => {
    expect(caught(() => collateralValueCell(bitget, 'DOGE', 1, 1)).code).toBe('UNKNOWN_ASSET');
    expect(caught(() => collateralValueCell(bitget, 'BTC', 1, -1)).code).toBe('NEGATIVE');
    expect(caught(() => collateralValueCell(okx, 'BTC', 25.000001, 1)).code).toBe('TIERS_UNPUBLISHED_BEYOND');
  });

  it('equals the Decimal path rounded once on awkward amounts and prices', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASES), awkwardNumber, price, ([preset, asset], amount, p) => {
        expect(viaCell(preset, asset, amount, p)).toBe(viaDecimal(preset, asset, amount, p));
      }),
      { numRuns: 5000 },
    );
  });

  it('equals the Decimal path rounded once for satoshi amounts at cent prices, up to large holdings', () => {
    const satoshis = fc.integer({ min: 1, max: 2 ** 50 }).map((n) => n / 1e8);
    const cents = fc.integer({ min: 1, max: 2 ** 40 }).map((n) => n / 100);
    fc.assert(
      fc.property(satoshis, cents, (amount, p) => {
        expect(viaCell(bitget, 'BTC', amount, p)).toBe(viaDecimal(bitget, 'BTC', amount, p));
        expect(viaCell(awkward, 'XV', amount, p)).toBe(viaDecimal(awkward, 'XV', amount, p));
      }),
      { numRuns: 5000 },
    );
  });

  it('equals the Decimal path rounded once on whole-number floors with long ratios, where fractions carry', () => {
    const satoshis = fc.integer({ min: 1, max: 2 ** 45 }).map((n) => n / 1e8);
    const places = fc.integer({ min: 0, max: 8 });
    const anyPlaces = fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), places).map(([m, k]) => m / 10 ** k);
    const cents = fc.integer({ min: 1, max: 2 ** 36 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.oneof(satoshis, anyPlaces), fc.oneof(cents, anyPlaces), (amount, p) => {
        expect(viaCell(fine, 'XF', amount, p)).toBe(viaDecimal(fine, 'XF', amount, p));
        expect(viaCell(bitget, 'BTC', amount, p)).toBe(viaDecimal(bitget, 'BTC', amount, p));
      }),
      { numRuns: 5000 },
    );
  });

  it('equals the Decimal path rounded once next to tier boundaries', () => {
    const bounds = fc.constantFrom(100000, 500000, 1000000, 5000000, 1234.5678, 99999.00001, 777, 250000, 9000000);
    const nudge = fc.integer({ min: -3, max: 3 });
    fc.assert(
      fc.property(bounds, nudge, fc.constantFrom(1, 2, 4, 8, 3, 7, 60000, 0.5), (bound, ulps, p) => {
        let amount = bound / p;
        for (let i = 0; i < Math.abs(ulps); i += 1) amount = ulps > 0 ? nextUp(amount) : nextDown(amount);
        for (const [preset, asset] of CASES) expect(viaCell(preset, asset, amount, p)).toBe(viaDecimal(preset, asset, amount, p));
      }),
      { numRuns: 500 },
    );
  });
});

function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

function nextDown(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
