import { dec, liquidationPrice, marginRatio } from '../../src/engine';
import type { Balance, Position } from '../../src/engine';
import { assetOf, bal, binance, bitget, caught, pos, presetOf } from './fixtures';

/** The margin ratio after moving `asset` to `price` the way liquidationPrice does. */
function ratioAt(preset = bitget, balances: Balance[], positions: Position[], asset: string, p0: string, price: ReturnType<typeof dec>) {
  const moved = balances.map((b) => (b.asset === asset ? { ...b, price } : b));
  const marks = positions.map((p) => (p.symbol.startsWith(asset) ? { ...p, mark: p.mark.times(price).div(p0) } : p));
  return marginRatio(preset, moved, marks);
}

describe('liquidationPrice', () => {
  it('solves a long position against USDT collateral: 1000 + (p − 60000) = 0.004 p', () => {
    const long = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 60000, mark: 60000, mmr: '0.004' });
    const price = liquidationPrice(binance, [bal('USDT', 1000, 1)], [long], 'btc');
    expect(price.toDecimalPlaces(40).toString()).toBe(dec(59000).div('0.996').toDecimalPlaces(40).toString());
  });

  it('solves a short position upward: 1000 − (p − 60000) = 0.004 p', () => {
    const short = pos({ symbol: 'BTCUSDT', side: 'SHORT', size: 1, entry: 60000, mark: 60000, mmr: '0.004' });
    const price = liquidationPrice(binance, [bal('USDT', 1000, 1)], [short], 'BTC');
    expect(price.toDecimalPlaces(40).toString()).toBe(dec(61000).div('1.004').toDecimalPlaces(40).toString());
  });

  it('crosses tier floors of tiered collateral against a liability with maintenance margin (Bitget)', () => {
    // Equity V(10 p) − 500,000 meets MM 0.05 × 500,000 = 25,000 where V = 525,000: in the 0.965 tier.
    const balances = [bal('BTC', 10, 60000), bal('USDT', -500000, 1)];
    const price = liquidationPrice(bitget, balances, [], 'BTC');
    expect(price.toDecimalPlaces(40).toString()).toBe(dec(39500).div('0.965').plus(500000).div(10).toDecimalPlaces(40).toString());
    expect(ratioAt(bitget, balances, [], 'BTC', '60000', price).minus(1).abs().lt('1e-30')).toBe(true);
  });

  it('moves positions of a held asset and the asset together', () => {
    const balances = [bal('BTC', 1, 60000), bal('USDT', 2000, 1)];
    const positions = [pos({ symbol: 'BTCUSDT', side: 'LONG', size: 2, entry: 61000, mark: 60000, mmr: '0.01', cum: 10 })];
    const price = liquidationPrice(bitget, balances, positions, 'BTC');
    expect(price.lt(60000)).toBe(true);
    expect(ratioAt(bitget, balances, positions, 'BTC', '60000', price).minus(1).abs().lt('1e-30')).toBe(true);
  });

  it('reports an account already at or beyond liquidation, naming the asset and ratio', () => {
    const long = pos({ symbol: 'BTCUSDT', size: 1, entry: 60000, mark: 60000, mmr: '0.5' });
    const error = caught(() => liquidationPrice(binance, [bal('USDT', 100, 1)], [long], 'BTC'));
    expect(error.code).toBe('ALREADY_LIQUIDATED');
    expect(error.message).toBe('no liquidation price for BTC: the account is already at or beyond liquidation (margin ratio 300)');
    const broke = caught(() => liquidationPrice(binance, [bal('USDT', -100, 1), bal('BTC', '0.001', 60000)], [long], 'BTC'));
    expect(broke.code).toBe('ALREADY_LIQUIDATED');
    expect(broke.message).toContain('unbounded');
  });

  it('reports no liquidation price when the ratio never reaches 100%', () => {
    const error = caught(() => liquidationPrice(bitget, [bal('BTC', 1, 60000), bal('USDT', 10, 1)], [], 'BTC'));
    expect(error.code).toBe('NO_LIQUIDATION_PRICE');
    expect(error.message).toBe('no liquidation price for BTC: the margin ratio stays below 100% at every price of BTC');
  });

  it('reports an asset that is neither held nor traded', () => {
    const error = caught(() => liquidationPrice(bitget, [bal('USDT', 10, 1)], [], 'ETH'));
    expect(error.code).toBe('NO_LIQUIDATION_PRICE');
    expect(error.message).toContain('ETH: it is neither in balances nor the base of a cross position');
  });

  it('reports unpublished tiers when the answer lies beyond the last published cap', () => {
    const capped = presetOf('capped', [assetOf('USDT', 'value', [[0, null, 1]]), assetOf('BTC', 'value', [[0, 100000, '0.975']])]);
    const short = pos({ symbol: 'BTCUSDT', side: 'SHORT', size: 3, entry: 60000, mark: 60000, mmr: '0.01' });
    // BTC collateral would pass its 100,000 cap (p > 100,000) before the short is liquidated.
    const error = caught(() => liquidationPrice(capped, [bal('BTC', 1, 60000), bal('USDT', 200000, 1)], [short], 'BTC'));
    expect(error.code).toBe('TIERS_UNPUBLISHED_BEYOND');
  });

  it('refuses with #NUM! a balance priced at 1e308, where 60 digits lose the answer (it gave 1e248)', () => {
    const long = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 60000, mark: 60000, mmr: '0.004' });
    const error = caught(() => liquidationPrice(binance, [bal('BTC', 1, '1e308'), bal('USDT', -60000, 1)], [long], 'BTC'));
    expect(error.code).toBe('LIQUIDATION_PRECISION');
    expect(error.kind).toBe('num');
    expect(error.message).toMatch(/^balances: amounts and prices span too many orders of magnitude .* liquidation price of BTC/);
  });

  it('still solves the same account where its terms stay within 60 digits of each other', () => {
    const long = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 60000, mark: 60000, mmr: '0.004' });
    const balances = [bal('BTC', 1, 100000), bal('USDT', -60000, 1)];
    const price = liquidationPrice(binance, balances, [long], 'BTC');
    expect(ratioAt(binance, balances, [long], 'BTC', '100000', price).minus(1).abs().lt('1e-30')).toBe(true);
  });
});
