import { autoExchange, dec } from '../../src/engine';
import { assetOf, bal, binance, bitmart, caught, presetOf } from './fixtures';

/** BitMart's 1% auto-exchange haircut, with every negative wallet balance triggering and ETH tiers filled in. */
const onePercent = presetOf(
  'one-percent',
  [
    assetOf('USDT', 'value', [[0, null, 1]], { autoExchangeHaircut: '0.01' }),
    assetOf('BTC', 'quantity', [[0, null, '0.95']], { autoExchangeHaircut: '0.01' }),
    assetOf('ETH', 'quantity', [[0, null, '0.95']], { autoExchangeHaircut: '0.01' }),
  ],
  { autoExchangeThresholds: { any: dec(0) } },
);

/** The same with USDC, so that two liabilities can draw on the same sources. */
const twoLiabilities = presetOf(
  'two-liabilities',
  [...Object.values(onePercent.assets), assetOf('USDC', 'value', [[0, null, 1]], { autoExchangeHaircut: '0.01' })],
  { autoExchangeThresholds: { any: dec(0) } },
);

const rows = (result: ReturnType<typeof autoExchange>) =>
  result.conversions.map((c) => [
    c.fromAsset,
    c.amountSold.toString(),
    c.valueSold.toString(),
    c.toAsset,
    c.amountCovered.toString(),
    c.trigger,
  ]);

describe('autoExchange', () => {
  it('covers −5,000 USDC with BTC at a 2.5% haircut by selling BTC worth 5000 / 0.975 (docs/RULES.md §1)', () => {
    // 0.052 BTC at 100,000: equity 4,940 − 5,000 < 0 with positions → LIQUIDATION
    const result = autoExchange(binance, [bal('USDC', -5000, 1), bal('BTC', '0.052', 100000)], { hasPositions: true });
    const valueSold = dec(5000).div('0.975');
    expect(result.fired).toBe(true);
    expect(rows(result)).toEqual([['BTC', valueSold.div(100000).toString(), valueSold.toString(), 'USDC', '5000', 'LIQUIDATION']]);
    expect(result.uncovered.toString()).toBe('0');
    expect(result.reason).toContain('LIQUIDATION: the account holds positions and its equity -60 is zero or negative');
  });

  it('applies the threshold per asset: −9,000 USDT and −9,000 USDC at −10,000 do not trigger', () => {
    const result = autoExchange(binance, [bal('USDT', -9000, 1), bal('USDC', -9000, 1), bal('BTC', 1, 100000)], {
      userTier: 'VIP2',
      hasPositions: true,
    });
    expect(result.fired).toBe(false);
    expect(result.conversions).toEqual([]);
    expect(result.reason).toBe(
      'No trigger fires: every wallet balance value is at or above the vip2 threshold -10000 (lowest: USDT -9000); account equity 77000 is positive, so no liquidation forces an exchange.',
    );
  });

  it('fires the threshold trigger for −10,001 USDC only, selling BTC to cover it', () => {
    const result = autoExchange(binance, [bal('USDT', -9000, 1), bal('USDC', -10001, 1), bal('BTC', 1, 100000)], {
      userTier: 'vip2',
      hasPositions: true,
    });
    const valueSold = dec(10001).div('0.975');
    expect(result.fired).toBe(true);
    expect(rows(result)).toEqual([['BTC', valueSold.div(100000).toString(), valueSold.toString(), 'USDC', '10001', 'THRESHOLD']]);
    expect(result.reason).toBe('THRESHOLD: USDC wallet balance value -10001 is below the vip2 threshold -10000.');
  });

  it('uses the default user tier when none is given', () => {
    const result = autoExchange(binance, [bal('USDC', -5001, 1), bal('BTC', 1, 100000)], { hasPositions: true });
    expect(result.reason).toContain('below the regular threshold -5000');
  });

  it('fires the LTV trigger at LTV 0.995 without positions, and not just below', () => {
    // collateral 1 BTC × 10,000 × 0.95 = 9,500; 9,452.5 / 9,500 = 0.995
    const at = autoExchange(binance, [bal('USDC', '-9452.5', 1), bal('BTC', 1, 10000)], { userTier: 'vip2', hasPositions: false });
    expect(at.fired).toBe(true);
    expect(at.reason).toContain('LTV: no positions, and LTV 0.995 is at or above the trigger 0.995');
    expect(at.conversions.map((c) => c.trigger)).toEqual(['LTV']);
    const below = autoExchange(binance, [bal('USDC', -9452, 1), bal('BTC', 1, 10000)], { userTier: 'vip2', hasPositions: false });
    expect(below.fired).toBe(false);
    // 9452 / 9500 = 0.99494736842105263157…; messages print at most 15 significant digits.
    expect(below.reason).toContain('LTV 0.994947368421053 is below the trigger 0.995');
  });

  it('fires the LTV trigger when liabilities have no collateral, leaving the deficit uncovered', () => {
    const result = autoExchange(binance, [bal('USDC', -100, 1)], { userTier: 'vip2', hasPositions: false });
    expect(result.fired).toBe(true);
    expect(result.uncovered.toString()).toBe('100');
    expect(result.reason).toContain('LTV is unbounded');
    expect(result.reason).toContain('100 of deficit value stays uncovered');
  });

  it('converts proportionally to value from several sources, after a 1% haircut', () => {
    // BTC worth 3,000 and ETH worth 1,000 cover 1,980 USDT: share s with 4,000 × s × 0.99 = 1,980 → s = 0.5
    const result = autoExchange(onePercent, [bal('USDT', -1980, 1), bal('BTC', '0.03', 100000), bal('ETH', '0.5', 2000)], {
      hasPositions: true,
    });
    expect(rows(result)).toEqual([
      ['BTC', '0.015', '1500', 'USDT', '1485', 'THRESHOLD'],
      ['ETH', '0.25', '500', 'USDT', '495', 'THRESHOLD'],
    ]);
  });

  it('matches the sales to several liabilities in order, each source selling the same share of its value', () => {
    // Deficits 990 USDT and 990 USDC; BTC worth 3,000 and ETH worth 1,000 sell half: BTC covers 1,485, ETH 495.
    const result = autoExchange(
      twoLiabilities,
      [bal('USDT', -990, 1), bal('USDC', -990, 1), bal('BTC', '0.03', 100000), bal('ETH', '0.5', 2000)],
      { hasPositions: true },
    );
    expect(rows(result)).toEqual([
      ['BTC', '0.01', '1000', 'USDT', '990', 'THRESHOLD'],
      ['BTC', '0.005', '500', 'USDC', '495', 'THRESHOLD'],
      ['ETH', '0.25', '500', 'USDC', '495', 'THRESHOLD'],
    ]);
    expect(result.uncovered.toString()).toBe('0');
  });

  it('covers liabilities in order when the sources run out, leaving the later ones uncovered', () => {
    // BTC worth 1,000 covers 990: all of it to USDT's −500, the remaining 490 to USDC's −1,000.
    const result = autoExchange(twoLiabilities, [bal('USDT', -500, 1), bal('USDC', -1000, 1), bal('BTC', '0.01', 100000)], {
      hasPositions: true,
    });
    expect(rows(result)).toEqual([
      ['BTC', dec(500).div('0.99').div(100000).toString(), dec(500).div('0.99').toString(), 'USDT', '500', 'THRESHOLD'],
      [
        'BTC',
        dec('0.01').minus(dec(500).div('0.99').div(100000)).toString(),
        dec(1000).minus(dec(500).div('0.99')).toString(),
        'USDC',
        '490',
        'THRESHOLD',
      ],
    ]);
    expect(result.uncovered.toString()).toBe('510');
  });

  it('sells everything and reports the uncovered rest when the sources run out', () => {
    const result = autoExchange(bitmart, [bal('USDT', -5000, 1), bal('BTC', '0.01', 100000)], { hasPositions: true });
    expect(rows(result)).toEqual([['BTC', '0.01', '1000', 'USDT', '990', 'LIQUIDATION']]);
    expect(result.uncovered.toString()).toBe('4010');
  });

  it('says that the threshold and LTV triggers do not apply when the preset publishes neither', () => {
    const result = autoExchange(bitmart, [bal('USDT', -5000, 1), bal('BTC', 1, 100000)], { userTier: 'vip', hasPositions: false });
    expect(result.fired).toBe(false);
    expect(result.reason).toBe(
      'No trigger fires: the preset publishes no auto-exchange thresholds, so the THRESHOLD trigger does not apply (user tier "vip" is not used); the preset publishes no LTV trigger, so the LTV trigger does not apply.',
    );
  });

  it('reports an unknown user tier, listing the valid tiers', () => {
    const error = caught(() => autoExchange(binance, [bal('USDT', 1, 1)], { userTier: 'gold', hasPositions: false }));
    expect(error.code).toBe('UNKNOWN_USER_TIER');
    expect(error.message).toBe('user_tier: expected one of regular, vip1, vip2, got gold');
  });

  it('reports a source whose auto-exchange haircut is unpublished', () => {
    const error = caught(() => autoExchange(binance, [bal('USDC', -6000, 1), bal('BNB', 10, 1000)], { hasPositions: true }));
    expect(error.code).toBe('HAIRCUT_UNPUBLISHED');
    expect(error.message).toContain('haircut of BNB in preset binance');
  });
});
