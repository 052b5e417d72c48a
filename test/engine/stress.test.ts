import { dec, marginRatio, shockAccount, stressMarginRatio } from '../../src/engine';
import { BINANCE_PRESET } from '../../src/presets';
import { bal, binance, bitget, caught, pos } from './fixtures';

const long = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 60000, mark: 60000, mmr: '0.01' });
const balances = [bal('USDT', 10000, 1)];

describe('stressMarginRatio', () => {
  it('moves the marks of positions based on the shocked asset', () => {
    const ratio = stressMarginRatio(binance, balances, [long], [{ asset: 'btc', change: dec('-0.1') }]);
    // equity 10,000 − 6,000 = 4,000; MM 54,000 × 0.01 = 540
    expect(ratio.toString()).toBe(dec(540).div(4000).toString());
  });

  it('moves the price of a shocked balance', () => {
    const ratio = stressMarginRatio(bitget, [bal('BTC', 10, 60000), bal('USDT', -500000, 1)], [], [{ asset: 'BTC', change: dec('0.5') }]);
    // 10 BTC at 90,000 = 900,000 → 97,500 + 388,000 + 0.965 × 400,000 = 871,500; MM 0.05 × 500,000
    expect(ratio.toString()).toBe(dec(25000).div(371500).toString());
  });

  it('equals the plain margin ratio with no shocks', () => {
    expect(stressMarginRatio(binance, balances, [long], []).toString()).toBe(marginRatio(binance, balances, [long]).toString());
  });

  it('reports a shock at or below −100%, naming its row', () => {
    const error = caught(() => stressMarginRatio(binance, balances, [long], [{ asset: 'BTC', change: dec(-1) }]));
    expect(error.code).toBe('BAD_SHOCK');
    expect(error.message).toBe('shocks, row 1: expected a relative change above -1 for BTC, got -1');
  });

  it('reports a shock on an asset the account neither holds nor trades', () => {
    const error = caught(() =>
      stressMarginRatio(
        binance,
        balances,
        [long],
        [
          { asset: 'BTC', change: dec('0.1') },
          { asset: 'SOL', change: dec('0.1') },
        ],
      ),
    );
    expect(error.code).toBe('SHOCK_UNMATCHED');
    expect(error.message).toContain('shocks, row 2: SOL');
  });

  it('reports the same asset shocked twice', () => {
    const twice = [
      { asset: 'BTC', change: dec('0.1') },
      { asset: 'btc', change: dec('0.2') },
    ];
    expect(caught(() => stressMarginRatio(binance, balances, [long], twice)).code).toBe('DUPLICATE_ASSET');
  });

  it('reports a shock that wipes out the equity', () => {
    expect(caught(() => stressMarginRatio(binance, balances, [long], [{ asset: 'BTC', change: dec('-0.5') }])).code).toBe(
      'EQUITY_NOT_POSITIVE',
    );
  });
});

describe('shockAccount', () => {
  const held = [bal('BTC', 1, 60000), bal('USDT', 100, 1), bal('USDC', 100, 1)];
  const eth = pos({ symbol: 'ETHUSDT', side: 'LONG', size: 1, entry: 3000, mark: 3000, mmr: '0.005' });

  it('moves balance prices and the marks of positions on the shocked base', () => {
    const shocks = [
      { asset: 'ETH', change: dec('0.2') },
      { asset: 'BTC', change: dec('-0.5') },
    ];
    const shocked = shockAccount(BINANCE_PRESET, held, [eth], shocks);
    expect(shocked.balances.map((b) => b.price.toString())).toEqual(['30000', '1', '1']);
    expect(shocked.positions[0]?.mark.toString()).toBe('3600');
  });

  it('adds a zero row for a shocked quote asset that only positions mention, at its moved price', () => {
    const shocked = shockAccount(binance, [bal('BTC', 1, 60000)], [long], [{ asset: 'usdt', change: dec('0.01') }]);
    expect(shocked.balances.map((b) => [b.asset, b.amount.toString(), b.price.toString()])).toEqual([
      ['BTC', '1', '60000'],
      ['USDT', '0', '1.01'],
    ]);
    expect(shocked.positions[0]?.mark.toString()).toBe('60000');
  });

  it('gives the account back as it is with no shocks, and never changes its input', () => {
    const before = JSON.stringify(held);
    expect(shockAccount(binance, held, [eth], [])).toEqual({ balances: held, positions: [eth] });
    shockAccount(binance, held, [eth], [{ asset: 'BTC', change: dec('0.1') }]);
    expect(JSON.stringify(held)).toBe(before);
  });

  it('refuses what stressMarginRatio refuses: an unmatched asset, a twice-shocked one, a change of −100%', () => {
    expect(caught(() => shockAccount(binance, held, [eth], [{ asset: 'SOL', change: dec('0.1') }])).code).toBe('SHOCK_UNMATCHED');
    const twice = [
      { asset: 'BTC', change: dec('0.1') },
      { asset: ' btc', change: dec('0.1') },
    ];
    expect(caught(() => shockAccount(binance, held, [eth], twice)).code).toBe('DUPLICATE_ASSET');
    expect(caught(() => shockAccount(binance, held, [eth], [{ asset: 'BTC', change: dec(-1) }])).code).toBe('BAD_SHOCK');
  });
});
