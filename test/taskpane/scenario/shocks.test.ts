import fc from 'fast-check';
import { dec } from '../../../src/engine/decimal';
import { BINANCE_PRESET } from '../../../src/presets';
import {
  effectiveShocks,
  isStable,
  shockableAssets,
  shockBalances,
  shockedMarkText,
  shockPositions,
} from '../../../src/taskpane/scenario/shocks';

const balances = [
  { asset: 'BTC', amount: dec(1), price: dec(60000) },
  { asset: 'USDT', amount: dec(100), price: dec(1) },
  { asset: 'USDC', amount: dec(100), price: dec(1) },
];
const position = {
  symbol: 'ETHUSDT',
  side: 'LONG' as const,
  size: dec(1),
  entry: dec(3000),
  mark: dec(3000),
  mmr: dec('0.005'),
  cum: dec(0),
  marginMode: 'cross' as const,
};

describe('shocks', () => {
  it('offers a slider for every non-stable asset of balances and position bases', () => {
    expect(shockableAssets(BINANCE_PRESET, balances, [position])).toEqual(['BTC', 'ETH']);
  });

  it('treats the preset quote and pegged coins as stable', () => {
    expect(isStable(BINANCE_PRESET, 'usdt')).toBe(true);
    expect(isStable(BINANCE_PRESET, 'FDUSD')).toBe(true);
    expect(isStable(BINANCE_PRESET, 'BNB')).toBe(false);
  });

  it('compounds the all-assets shock with an asset’s own', () => {
    const shocks = effectiveShocks(['BTC', 'ETH'], { all: -10, perAsset: { BTC: -50 } });
    expect(shocks.map((s) => [s.asset, s.change.toString()])).toEqual([
      ['BTC', '-0.55'],
      ['ETH', '-0.1'],
    ]);
  });

  it('clamps slider values to −50%…+50%', () => {
    expect(effectiveShocks(['BTC'], { all: -90, perAsset: {} })[0]?.change.toString()).toBe('-0.5');
    expect(effectiveShocks(['BTC'], { all: Number.NaN, perAsset: {} })).toEqual([]);
  });

  it('moves balance prices and the marks of positions on the shocked base', () => {
    const shocks = [
      { asset: 'ETH', change: dec('0.2') },
      { asset: 'BTC', change: dec('-0.5') },
    ];
    expect(shockBalances(balances, shocks).map((b) => b.price.toString())).toEqual(['30000', '1', '1']);
    expect(shockPositions(BINANCE_PRESET, [position], shocks)[0]?.mark.toString()).toBe('3600');
  });

  it('never drives a price to zero or below, whatever the sliders say', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 200 }), fc.integer({ min: -200, max: 200 }), (all, own) => {
        const [shock] = effectiveShocks(['BTC'], { all, perAsset: { BTC: own } });
        return shock === undefined || shock.change.gt(-1);
      }),
    );
  });
});

describe('shockedMarkText', () => {
  it('says the mark a shock moves a typed position to, and nothing when none moves it', () => {
    const shocks = [{ asset: 'BTC', change: dec('-0.1') }];
    expect(shockedMarkText(BINANCE_PRESET, 'BTCUSDT', '60000', shocks)).toBe('54,000');
    expect(shockedMarkText(BINANCE_PRESET, 'btcusdt', ' 60000.5 ', shocks)).toBe('54,000.45');
    expect(shockedMarkText(BINANCE_PRESET, 'ETHUSDT', '3000', shocks)).toBeNull();
    expect(shockedMarkText(BINANCE_PRESET, 'BTCUSDT', 'lots', shocks)).toBeNull();
    expect(shockedMarkText(BINANCE_PRESET, '', '60000', shocks)).toBeNull();
  });
});
