import { dec, multiAssetLtv } from '../../src/engine';
import { bal, binance, caught } from './fixtures';

describe('multiAssetLtv', () => {
  it('divides marked-up liabilities by haircut collateral', () => {
    // |−1 BTC × 100 × 1.05| / (1 BNB × 1000 × 0.95)
    expect(multiAssetLtv(binance, [bal('BNB', 1, 1000), bal('BTC', -1, 100)]).toString()).toBe(dec(105).div(950).toString());
  });

  it('is zero without liabilities', () => {
    expect(multiAssetLtv(binance, [bal('BNB', 1, 1000)]).toString()).toBe('0');
  });

  it('reports an unbounded LTV when liabilities have no collateral', () => {
    const error = caught(() => multiAssetLtv(binance, [bal('USDT', -5, 1)]));
    expect(error.code).toBe('LTV_UNBOUNDED');
    expect(error.kind).toBe('na');
    expect(error.message).toContain('no positive collateral');
  });
});
