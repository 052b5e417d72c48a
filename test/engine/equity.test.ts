import { accountEquity, assetEquities, dec } from '../../src/engine';
import { bal, binance, bitget, caught, pos } from './fixtures';

describe('assetEquities', () => {
  it('adds a cross position uPnL to its quote asset and values every asset', () => {
    const rows = assetEquities(
      bitget,
      [bal('BTC', 10, 60000), bal('USDT', 1000, 1)],
      [pos({ symbol: 'BTCUSDT', side: 'SHORT', size: 2, entry: 61000, mark: 60000, mmr: '0.004' })],
    );
    expect(rows.map((r) => [r.asset, r.equity.toString(), r.price.toString(), r.value.toString()])).toEqual([
      ['BTC', '10', '60000', '582000'],
      ['USDT', '3000', '1', '3000'],
    ]);
  });

  it('adds a row for a quote asset that only positions mention, priced at 1 for the preset quote', () => {
    const rows = assetEquities(
      bitget,
      [bal('BTC', 1, 1000)],
      [pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 900, mark: 1000, mmr: '0.01' })],
    );
    expect(rows.map((r) => [r.asset, r.value.toString()])).toEqual([
      ['BTC', '975'],
      ['USDT', '100'],
    ]);
  });

  it('leaves isolated positions out of account equity', () => {
    const isolated = pos({ symbol: 'BTCUSDT', size: 1, entry: 900, mark: 1000, mmr: '0.01', marginMode: 'isolated' });
    expect(accountEquity(bitget, [bal('USDT', 100, 1)], [isolated]).toString()).toBe('100');
  });

  it('signs BOTH positions by their size', () => {
    const short = pos({ symbol: 'BTCUSDT', side: 'BOTH', size: -1, entry: 900, mark: 1000, mmr: '0.01' });
    expect(accountEquity(bitget, [bal('USDT', 500, 1)], [short]).toString()).toBe('400');
  });

  it('counts a balances upnl column', () => {
    expect(accountEquity(bitget, [bal('USDT', 500, 1, -50)]).toString()).toBe('450');
  });

  it('values liabilities with their markup', () => {
    // 1 BNB at 1000 → 950; −100 USDT at liabilityRate 1 → −100
    expect(accountEquity(binance, [bal('BNB', 1, 1000), bal('USDT', -100, 1)]).toString()).toBe('850');
    expect(accountEquity(binance, [bal('BTC', -1, 100)]).toString()).toBe('-105');
  });

  it('refuses an upnl given both in balances and by positions settling in that asset', () => {
    const error = caught(() =>
      assetEquities(bitget, [bal('USDT', 100, 1, 5)], [pos({ symbol: 'BTCUSDT', size: 1, entry: 1, mark: 1, mmr: '0.01' })]),
    );
    expect(error.code).toBe('DUPLICATE_UPNL');
    expect(error.message).toContain('balances: USDT');
  });

  it('refuses an asset listed twice', () => {
    const error = caught(() => accountEquity(bitget, [bal('USDT', 1, 1), bal('usdt', 2, 1)]));
    expect(error.code).toBe('DUPLICATE_ASSET');
    expect(error.message).toBe('balances: USDT appears in more than one row');
  });

  it('asks for the price of a non-preset quote asset that only positions mention', () => {
    const error = caught(() =>
      accountEquity(binance, [bal('USDT', 100, 1)], [pos({ symbol: 'BTCUSDC', size: 1, entry: 1, mark: 2, mmr: '0.01' })]),
    );
    expect(error.code).toBe('PRICE_NEEDED');
    expect(error.message).toContain('balances: a price for USDC');
  });

  it('reports an unknown asset with a non-zero balance', () => {
    expect(caught(() => accountEquity(bitget, [bal('DOGE', 1, 1)])).code).toBe('UNKNOWN_ASSET');
    expect(accountEquity(bitget, [bal('DOGE', 0, 1), bal('USDT', 1, 1)]).toString()).toBe('1');
  });

  it('returns exactly zero for an empty account', () => {
    expect(accountEquity(bitget, []).eq(dec(0))).toBe(true);
  });
});
