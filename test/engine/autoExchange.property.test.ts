import fc from 'fast-check';
import { autoExchange, dec } from '../../src/engine';
import type { Balance } from '../../src/engine';
import { assetOf, bal, presetOf } from './fixtures';

const haircuts = { BTC: '0.025', ETH: '0.03', SOL: '0.1', XRP: '0.015' } as const;
const preset = presetOf(
  'props',
  [
    assetOf('USDT', 'value', [[0, null, 1]], { autoExchangeHaircut: 0 }),
    ...['USDC', 'DAI'].map((asset) => assetOf(asset, 'value', [[0, null, 1]], { autoExchangeHaircut: 0 })),
    ...Object.entries(haircuts).map(([asset, h]) => assetOf(asset, 'value', [[0, null, '0.9']], { autoExchangeHaircut: h })),
  ],
  { autoExchangeThresholds: { any: dec(0) } },
); // every negative wallet balance triggers

/** A decimal string with up to `scale` fractional digits, from 1 to 10^9. */
const amount = (scale: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: scale }))
    .map(([n, k]) => dec(n).div(dec(10).pow(k)).toString());

const sourcesArb = fc.uniqueArray(fc.record({ asset: fc.constantFrom(...Object.keys(haircuts)), amount: amount(6), price: amount(4) }), {
  minLength: 1,
  maxLength: 4,
  selector: (s) => s.asset,
});

describe('autoExchange (properties)', () => {
  it('covers the deficit exactly and sells each source in proportion to its value', () => {
    fc.assert(
      fc.property(sourcesArb, fc.integer({ min: 1, max: 999 }), (sources, percent) => {
        const balances: Balance[] = sources.map((s) => bal(s.asset, s.amount, s.price));
        const capacity = sources.reduce(
          (sum, s) =>
            sum.plus(
              dec(s.amount)
                .times(s.price)
                .times(dec(1).minus(haircuts[s.asset as keyof typeof haircuts])),
            ),
          dec(0),
        );
        // A deficit strictly inside what the sources can cover.
        const deficit = capacity.times(percent).div(1000).toDecimalPlaces(8, 1);
        fc.pre(deficit.gt(0));
        balances.push(bal('USDT', deficit.neg().toString(), 1));
        const result = autoExchange(preset, balances, { hasPositions: true });
        const covered = result.conversions.reduce((sum, c) => sum.plus(c.amountCovered), dec(0));
        expect(covered.toString()).toBe(deficit.toString());
        expect(result.uncovered.toString()).toBe('0');
        // Every source sells the same share of its market value; the last row absorbs rounding (60 digits),
        // so the check allows a deviation far below a unit in the 40th digit of the whole sale.
        const valueOf = (asset: string) => {
          const source = sources.find((s) => s.asset === asset);
          if (!source) throw new Error(`conversion from an unknown source ${asset}`);
          return dec(source.amount).times(source.price);
        };
        const [first] = result.conversions;
        if (!first) throw new Error('expected at least one conversion');
        const share = first.valueSold.div(valueOf(first.fromAsset));
        const total = result.conversions.reduce((sum, c) => sum.plus(c.valueSold), dec(0));
        for (const c of result.conversions) {
          expect(
            c.valueSold
              .minus(share.times(valueOf(c.fromAsset)))
              .abs()
              .lte(total.times('1e-40')),
          ).toBe(true);
        }
      }),
      {
        numRuns: 200,
        // A huge source next to a tiny one: the last row's rounding must stay negligible.
        examples: [
          [
            [
              { asset: 'BTC', amount: '2284', price: '433701334' },
              { asset: 'SOL', amount: '0.0001', price: '0.0001' },
            ],
            1,
          ],
        ],
      },
    );
  });

  it('covers each of several liabilities exactly, in at most sources + liabilities − 1 rows', () => {
    const liabilitiesArb = fc.uniqueArray(fc.record({ asset: fc.constantFrom('USDT', 'USDC', 'DAI'), amount: amount(8) }), {
      minLength: 1,
      maxLength: 3,
      selector: (l) => l.asset,
    });
    fc.assert(
      fc.property(sourcesArb, liabilitiesArb, (sources, liabilities) => {
        const balances: Balance[] = [
          ...sources.map((s) => bal(s.asset, s.amount, s.price)),
          ...liabilities.map((l) => bal(l.asset, dec(l.amount).neg().toString(), 1)),
        ];
        const result = autoExchange(preset, balances, { hasPositions: true });
        expect(result.conversions.length).toBeLessThanOrEqual(sources.length + liabilities.length - 1);
        const capacity = sources.reduce(
          (sum, s) =>
            sum.plus(
              dec(s.amount)
                .times(s.price)
                .times(dec(1).minus(haircuts[s.asset as keyof typeof haircuts])),
            ),
          dec(0),
        );
        const total = liabilities.reduce((sum, l) => sum.plus(l.amount), dec(0));
        if (capacity.lte(total)) {
          expect(result.uncovered.toString()).toBe(total.minus(capacity).toString());
          return;
        }
        expect(result.uncovered.toString()).toBe('0');
        for (const l of liabilities) {
          const covered = result.conversions.filter((c) => c.toAsset === l.asset).reduce((sum, c) => sum.plus(c.amountCovered), dec(0));
          expect(covered.toString()).toBe(dec(l.amount).toString());
        }
      }),
      { numRuns: 200 },
    );
  });
});
