import { availableForOrder, dec } from '../../src/engine';
import { bal, binance, caught, pos } from './fixtures';

const long = pos({ symbol: 'BTCUSDT', size: 1, entry: 1000, mark: 1000, mmr: '0.01', imr: '0.1' });

describe('availableForOrder', () => {
  it('is account equity minus initial margin in quote currency', () => {
    // 1 BNB at 1000 → 950, plus 100 USDT; IM 100
    expect(availableForOrder(binance, [bal('BNB', 1, 1000), bal('USDT', 100, 1)], [long]).toString()).toBe('950');
  });

  it('converts to an asset at its price × liabilityRate (Binance askRate)', () => {
    const inBnb = availableForOrder(binance, [bal('BNB', 1, 1000), bal('USDT', 100, 1)], [long], 'bnb');
    expect(inBnb.toString()).toBe(dec(950).div(1050).toString());
  });

  it('treats a blank asset as the quote currency', () => {
    expect(availableForOrder(binance, [bal('USDT', 100, 1)], [long], ' ').toString()).toBe('0');
  });

  it('asks for the price of an asset the balances do not list, and refuses an unknown one', () => {
    expect(caught(() => availableForOrder(binance, [bal('USDT', 100, 1)], [long], 'BNB')).code).toBe('PRICE_NEEDED');
    expect(caught(() => availableForOrder(binance, [bal('USDT', 100, 1)], [long], 'DOGE')).code).toBe('UNKNOWN_ASSET');
  });

  it('refuses to convert into an asset priced at zero', () => {
    const error = caught(() => availableForOrder(binance, [bal('USDT', 100, 1), bal('BNB', 0, 0)], [long], 'BNB'));
    expect(error.code).toBe('NOT_POSITIVE');
    expect(error.message).toContain('asset (BNB price × liabilityRate)');
  });
});
