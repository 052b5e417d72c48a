import { dec, initialMargin, maintenanceMargin, marginRatio, riskLevel } from '../../src/engine';
import { bal, binance, bitget, caught, pos } from './fixtures';

const btcLong = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: '205.7', mark: '205.7', mmr: '0.004', imr: '0.05' });

describe('maintenanceMargin', () => {
  it('is notional × mmr − cum for a cross position', () => {
    expect(maintenanceMargin(binance, [btcLong]).toString()).toBe('0.8228');
    const withCum = pos({ symbol: 'BTCUSDT', size: 10, entry: 60000, mark: 60000, mmr: '0.005', cum: 50 });
    expect(maintenanceMargin(binance, [withCum]).toString()).toBe('2950');
  });

  it('converts margin of a non-preset quote at price × liabilityRate', () => {
    const usdc = pos({ symbol: 'BTCUSDC', size: 1, entry: 1000, mark: 1000, mmr: '0.01' });
    // 10 USDC at price 0.99 × liabilityRate 1
    expect(maintenanceMargin(binance, [usdc], [bal('USDC', 0, '0.99')]).toString()).toBe('9.9');
  });

  it('ignores isolated positions', () => {
    const isolated = pos({ symbol: 'BTCUSDT', size: 1, entry: 1000, mark: 1000, mmr: '0.01', marginMode: 'isolated' });
    expect(maintenanceMargin(binance, [isolated]).toString()).toBe('0');
  });

  it('charges the liability maintenance rate on liabilities when balances are given (Bitget 0.05)', () => {
    // 1 BTC at 100,000 → 97,500 collateral; −10,000 USDT liability × 0.05 = 500
    expect(maintenanceMargin(bitget, [], [bal('BTC', 1, 100000), bal('USDT', -10000, 1)]).toString()).toBe('500');
  });
});

describe('initialMargin', () => {
  it('is notional × imr, plus the liability initial rate on liabilities', () => {
    expect(initialMargin(binance, [btcLong]).toString()).toBe('10.285');
    expect(initialMargin(bitget, [], [bal('BTC', 1, 100000), bal('USDT', -10000, 1)]).toString()).toBe('1000');
  });

  it('counts maintenance margin for a position without imr', () => {
    const noImr = pos({ symbol: 'BTCUSDT', size: 1, entry: 1000, mark: 1000, mmr: '0.01' });
    expect(initialMargin(binance, [noImr]).toString()).toBe('10');
  });
});

describe('marginRatio', () => {
  it('reproduces the risk-rate example of the Binance guide: 0.8228 / 121.7, safe', () => {
    const ratio = marginRatio(binance, [bal('USDT', '121.7', 1)], [btcLong]);
    expect(ratio.toString()).toBe(dec('0.8228').div('121.7').toString());
    expect(ratio.toDecimalPlaces(4).toString()).toBe('0.0068');
    expect(riskLevel(binance, ratio)).toBe('SAFE');
  });

  it('reports a margin ratio with no positive equity, naming the equity', () => {
    const error = caught(() => marginRatio(binance, [bal('USDT', -1, 1)], [btcLong]));
    expect(error.code).toBe('EQUITY_NOT_POSITIVE');
    expect(error.kind).toBe('na');
    expect(error.message).toContain('account equity is -1 (zero or negative)');
    expect(caught(() => marginRatio(binance, [], [])).code).toBe('EQUITY_NOT_POSITIVE');
  });
});

describe('riskLevel', () => {
  it('places ratios in the bands 0.5 / 0.8 / 1', () => {
    const level = (r: string) => riskLevel(binance, dec(r));
    expect([level('0'), level('0.4999'), level('0.5'), level('0.8'), level('0.8001'), level('0.9999'), level('1'), level('3')]).toEqual([
      'SAFE',
      'SAFE',
      'WARNING',
      'WARNING',
      'DANGER',
      'DANGER',
      'LIQUIDATION',
      'LIQUIDATION',
    ]);
  });

  it('refuses a negative ratio, naming the argument', () => {
    const error = caught(() => riskLevel(binance, dec('-0.1')));
    expect(error.code).toBe('NEGATIVE');
    expect(error.message).toContain('margin_ratio:');
  });
});
