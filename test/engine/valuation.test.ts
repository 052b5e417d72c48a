import { collateralRatio, collateralValue, dec, valueHolding } from '../../src/engine';
import { binance, bitget, bitmart, bybit, caught, okx } from './fixtures';

describe('collateralValue', () => {
  it('values 10 BTC at 60,000 on Bitget at 582,000 USDT, slice by slice (docs/RULES.md §3)', () => {
    expect(collateralValue(bitget, 'BTC', dec(10), dec(60000)).toString()).toBe('582000');
  });

  it('values BTC worth 1,000 USD at 950 on BitMart (docs/RULES.md §4)', () => {
    expect(collateralValue(bitmart, 'BTC', dec('0.01'), dec(100000)).toString()).toBe('950');
  });

  it('values the BitMart slice between 10 and 20 BTC at 92.5%', () => {
    // 10 × 0.95 + 5 × 0.925 = 14.125 BTC of margin, at 100 each
    expect(collateralValue(bitmart, 'BTC', dec(15), dec(100)).toString()).toBe('1412.5');
    expect(collateralValue(bitmart, 'BTC', dec(20), dec(100)).toString()).toBe('1875');
  });

  it('refuses a BitMart holding beyond 20 BTC, where tiers are unpublished', () => {
    const error = caught(() => collateralValue(bitmart, 'BTC', dec('20.0001'), dec(100)));
    expect(error.code).toBe('TIERS_UNPUBLISHED_BEYOND');
    expect(error.kind).toBe('na');
    expect(error.message).toContain('amount:');
    expect(error.message).toContain('up to 20 (BTC quantity)');
    expect(error.message).toContain('20.0001');
  });

  it('values BNB worth $1,000 at $950 and FDUSD worth $1,000 at $989 on Binance (docs/RULES.md §2)', () => {
    expect(collateralValue(binance, 'BNB', dec(1), dec(1000)).toString()).toBe('950');
    expect(collateralValue(binance, 'FDUSD', dec(1000), dec(1)).toString()).toBe('989');
  });

  it('values a liability at amount × price × liabilityRate', () => {
    expect(collateralValue(binance, 'BTC', dec(-1), dec(1000)).toString()).toBe('-1050');
    expect(collateralValue(bitmart, 'ETH', dec(-1), dec(2000)).toString()).toBe('-2000');
  });

  it('values the Bybit illustration slice by slice, with nothing above 50 BTC', () => {
    // 10 × (0.98 + 0.95 + 0.9 + 0.85 + 0.8) + 10 × 0 = 44.8 BTC
    expect(collateralValue(bybit, 'BTC', dec(60), dec(10)).toString()).toBe('448');
  });

  it('values the OKX sample tiers and refuses holdings beyond 25 BTC', () => {
    // 20 × 0.98 + 2 × 0.9775 = 21.555 BTC
    expect(collateralValue(okx, 'BTC', dec(22), dec(100)).toString()).toBe('2155.5');
    expect(caught(() => collateralValue(okx, 'BTC', dec(26), dec(100))).code).toBe('TIERS_UNPUBLISHED_BEYOND');
  });

  it('looks assets up case-insensitively', () => {
    expect(collateralValue(bitget, ' btc ', dec(10), dec(60000)).toString()).toBe('582000');
  });

  it('returns exactly zero for a zero holding, even at a zero price', () => {
    expect(collateralValue(bitget, 'BTC', dec(0), dec(60000)).toString()).toBe('0');
    expect(collateralValue(binance, 'BTC', dec(-1), dec(0)).isNeg()).toBe(false);
  });

  it('reports an unknown asset naming the asset and the preset', () => {
    const error = caught(() => collateralValue(bitget, 'doge', dec(1), dec(1)));
    expect(error.code).toBe('UNKNOWN_ASSET');
    expect(error.kind).toBe('na');
    expect(error.message).toBe('asset: DOGE is not a collateral asset of preset bitget');
  });

  it('reports unpublished tiers for a positive holding of an asset without tiers', () => {
    const error = caught(() => collateralValue(bitget, 'ETH', dec(1), dec(3000)));
    expect(error.code).toBe('TIERS_UNPUBLISHED');
    expect(error.message).toContain('asset: the ETH haircut tiers of preset bitget are unpublished');
  });

  it('refuses a negative price, naming the argument', () => {
    const error = caught(() => collateralValue(bitget, 'BTC', dec(1), dec(-1)));
    expect(error.code).toBe('NEGATIVE');
    expect(error.message).toContain('price:');
  });

  it('prices a holding through valueHolding with the spec object directly', () => {
    const spec = bitget.assets.BTC;
    if (!spec) throw new Error('fixture lacks BTC');
    expect(valueHolding(bitget, spec, dec(1), dec(100000)).toString()).toBe('97500');
  });
});

describe('collateralRatio', () => {
  it('gives the effective ratio of a tiered holding', () => {
    expect(collateralRatio(bitget, 'BTC', dec(10), dec(60000)).toString()).toBe('0.97');
  });

  it('gives the first tier ratio for a zero amount', () => {
    expect(collateralRatio(bitget, 'BTC', dec(0), dec(60000)).toString()).toBe('0.975');
  });

  it('gives the liability rate for a negative amount', () => {
    expect(collateralRatio(binance, 'BTC', dec(-2), dec(60000)).toString()).toBe('1.05');
  });

  it('gives quantity-tier ratios independent of price, even at price zero', () => {
    expect(collateralRatio(bitmart, 'BTC', dec(15), dec(0)).toString()).toBe(dec('14.125').div(15).toString());
  });

  it('reports unpublished tiers for a zero amount of an asset without tiers', () => {
    expect(caught(() => collateralRatio(bitget, 'ETH', dec(0), dec(1))).code).toBe('TIERS_UNPUBLISHED');
  });
});
