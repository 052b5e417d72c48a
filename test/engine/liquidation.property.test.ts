import fc from 'fast-check';
import { dec } from '../../src/engine';
import { assetOf, BITGET_BTC_TIERS, bal, checkedBtcLiquidation, pos, presetOf } from './fixtures';

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

describe('liquidationPrice (properties)', () => {
  it('returns a price where the margin ratio is 1, with no liquidation between it and the current price', () => {
    let solved = 0;
    fc.assert(
      fc.property(accountArb, (account) => {
        const p0 = dec(60000);
        const balances = [bal('BTC', account.btc, 60000), bal('USDT', account.usdt, 1), bal('ETH', account.eth, 3000)];
        const positions = [...account.btcPositions, ...account.ethPositions];
        if (checkedBtcLiquidation(preset, balances, positions, p0, ['ALREADY_LIQUIDATED', 'NO_LIQUIDATION_PRICE'])) solved += 1;
      }),
      { numRuns: 300 },
    );
    // About a third of random accounts have a liquidation price; the rest are already liquidated or never are.
    expect(solved).toBeGreaterThan(50);
  });
});
