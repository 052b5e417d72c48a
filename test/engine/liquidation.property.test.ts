import fc from 'fast-check';
import { dec, isMarginError, liquidationPrice, marginRatio } from '../../src/engine';
import type { Balance, Dec, Position } from '../../src/engine';
import { assetOf, BITGET_BTC_TIERS, bal, pos, presetOf } from './fixtures';

const preset = presetOf(
  'liq-props',
  [
    assetOf('USDT', 'value', [[0, null, 1]], { liabilityRate: '1.0001' }),
    assetOf('BTC', 'value', BITGET_BTC_TIERS, { liabilityRate: '1.005' }),
    assetOf(
      'ETH',
      'quantity',
      [
        [0, 100, '0.95'],
        [100, null, '0.9'],
      ],
      { liabilityRate: '1.005' },
    ),
  ],
  { liabilityMaintenanceRate: dec('0.05') },
);

const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min: min * 10 ** scale, max: max * 10 ** scale }).map((n) =>
    dec(n)
      .div(10 ** scale)
      .toString(),
  );

const positionArb = (asset: string, p0: number) =>
  fc
    .record({
      side: fc.constantFrom('LONG' as const, 'SHORT' as const, 'BOTH' as const),
      size: decimal(-5, 5, 3),
      entry: decimal(Math.round(p0 * 0.8), Math.round(p0 * 1.2), 2),
      markShift: decimal(-2, 2, 3),
      mmr: fc.constantFrom('0.004', '0.005', '0.01', '0.025'),
      cum: decimal(0, 50, 2),
    })
    .map((r) =>
      pos({
        symbol: `${asset}USDT`,
        side: r.side,
        size: r.size,
        entry: r.entry,
        mark: dec(p0)
          .times(dec(1).plus(dec(r.markShift).div(100)))
          .toString(),
        mmr: r.mmr,
        cum: r.cum,
      }),
    );

const accountArb = fc.record({
  btc: decimal(-2, 20, 4),
  usdt: decimal(-300000, 300000, 2),
  eth: decimal(0, 150, 3),
  btcPositions: fc.array(positionArb('BTC', 60000), { minLength: 0, maxLength: 3 }),
  ethPositions: fc.array(positionArb('ETH', 3000), { minLength: 0, maxLength: 2 }),
});

function moveTo(balances: Balance[], positions: Position[], p0: Dec, price: Dec): [Balance[], Position[]] {
  return [
    balances.map((b) => (b.asset === 'BTC' ? { ...b, price } : b)),
    positions.map((p) => (p.symbol.startsWith('BTC') ? { ...p, mark: p.mark.times(price).div(p0) } : p)),
  ];
}

describe('liquidationPrice (properties)', () => {
  it('returns a price where the margin ratio is 1, with no liquidation between it and the current price', () => {
    let solved = 0;
    fc.assert(
      fc.property(accountArb, (account) => {
        const p0 = dec(60000);
        const balances = [bal('BTC', account.btc, 60000), bal('USDT', account.usdt, 1), bal('ETH', account.eth, 3000)];
        const positions = [...account.btcPositions, ...account.ethPositions];
        let price: Dec;
        try {
          price = liquidationPrice(preset, balances, positions, 'BTC');
        } catch (error) {
          if (isMarginError(error) && ['ALREADY_LIQUIDATED', 'NO_LIQUIDATION_PRICE'].includes(error.code)) return;
          throw error;
        }
        solved += 1;
        const ratio = marginRatio(preset, ...moveTo(balances, positions, p0, price));
        expect(ratio.minus(1).abs().lt('1e-30')).toBe(true);
        for (const s of ['0.1', '0.5', '0.9', '0.999']) {
          const between = p0.plus(price.minus(p0).times(s));
          expect(marginRatio(preset, ...moveTo(balances, positions, p0, between)).lt(1)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // About a third of random accounts have a liquidation price; the rest are already liquidated or never are.
    expect(solved).toBeGreaterThan(50);
  });
});
