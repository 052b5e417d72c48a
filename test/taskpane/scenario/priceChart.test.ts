import { dec } from '../../../src/engine/decimal';
import type { Balance, Position } from '../../../src/engine/model';
import { BINANCE_PRESET, BITGET_PRESET } from '../../../src/presets';
import { CHART_SAMPLES, priceChartView } from '../../../src/taskpane/scenario/priceChart';

const usdt: Balance = { asset: 'USDT', amount: dec(1000), price: dec(1) };
const long: Position = {
  symbol: 'BTCUSDT',
  side: 'LONG',
  size: dec(1),
  entry: dec(60000),
  mark: dec(60000),
  mmr: dec('0.004'),
  cum: dec(0),
  marginMode: 'cross',
};

describe('priceChartView', () => {
  it('samples the exact margin ratio across ±50% of today’s price when no liquidation lies near', () => {
    const out = priceChartView(BINANCE_PRESET, 'BTC', { balances: [{ ...usdt, amount: dec(100000) }], positions: [long], shocks: [] });
    if (!out.ok) throw new Error(out.message);
    const v = out.value;
    expect(v.minPrice.toString()).toBe('30000');
    expect(v.maxPrice.toString()).toBe('90000');
    expect(v.points.length).toBe(CHART_SAMPLES);
    expect(v.liquidation).toBeNull();
    expect(v.liquidationNote).toMatch(/^no liquidation price for BTC: /);
  });

  it('gives the docs/RULES.md example’s ratio at today’s price, and reaches Bitget’s far liquidation price', () => {
    const out = priceChartView(BITGET_PRESET, 'BTC', {
      balances: [{ asset: 'BTC', amount: dec(10), price: dec(60000) }],
      positions: [long],
      shocks: [],
    });
    if (!out.ok) throw new Error(out.message);
    const v = out.value;
    // docs/RULES.md §3: 582,000 USDT of equity against 60,000 × 0.004 of maintenance margin.
    const today = v.points.find((p) => p.price.eq(60000));
    expect(today?.ratio?.toString()).toBe(dec(240).div(582000).toString());
    expect(v.liquidation?.lt(30000)).toBe(true);
    expect(v.minPrice.lt(v.liquidation ?? 0)).toBe(true);
  });

  it('reaches the liquidation price and samples it exactly (ratio 100%)', () => {
    const out = priceChartView(BINANCE_PRESET, 'BTC', { balances: [usdt], positions: [long], shocks: [] });
    if (!out.ok) throw new Error(out.message);
    const v = out.value;
    expect(v.liquidation).not.toBeNull();
    const at = v.points.find((p) => v.liquidation !== null && p.price.eq(v.liquidation));
    // The price is exact to the engine's precision, so the ratio there is 1 to all but the last digits.
    expect(at?.ratio?.toSignificantDigits(40).toString()).toBe('1');
    expect(v.labels.liquidation).toBe(v.liquidation === null ? null : v.liquidation.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/, ','));
  });

  it('extends the axis beyond −50% to a liquidation price further away', () => {
    const out = priceChartView(BINANCE_PRESET, 'BTC', { balances: [{ ...usdt, amount: dec(45000) }], positions: [long], shocks: [] });
    if (!out.ok) throw new Error(out.message);
    const v = out.value;
    expect(v.liquidation?.lt(30000)).toBe(true);
    expect(v.minPrice.lt(v.liquidation ?? 0)).toBe(true);
    expect(v.maxPrice.toString()).toBe('90000');
  });

  it('moves the scenario marker with the coin’s own shock and the curve with the other coins’ shocks', () => {
    const balances: Balance[] = [
      { asset: 'BTC', amount: dec(1), price: dec(60000) },
      { asset: 'ETH', amount: dec(10), price: dec(3000) },
      usdt,
    ];
    const base = priceChartView(BINANCE_PRESET, 'BTC', { balances, positions: [long], shocks: [] });
    const shocked = priceChartView(BINANCE_PRESET, 'BTC', {
      balances,
      positions: [long],
      shocks: [
        { asset: 'BTC', change: dec('-0.1') },
        { asset: 'ETH', change: dec('-0.5') },
      ],
    });
    if (!base.ok || !shocked.ok) throw new Error('chart failed');
    expect(shocked.value.today.toString()).toBe('60000');
    expect(shocked.value.scenario.toString()).toBe('54000');
    const ratioAt = (v: typeof base.value, price: number) => v.points.find((p) => p.price.eq(price))?.ratio;
    expect(ratioAt(shocked.value, 60000)?.gt(ratioAt(base.value, 60000) ?? 0)).toBe(true);
    expect(shocked.value.scenarioRatio?.toString()).toBe(ratioAt(shocked.value, 54000)?.toString());
  });
});

describe('priceChartView without a price', () => {
  it('says there is no chart for a coin the scenario does not price', () => {
    const out = priceChartView(BINANCE_PRESET, 'ETH', { balances: [usdt], positions: [long], shocks: [] });
    expect(out).toEqual({ ok: false, message: 'No chart for ETH: the scenario gives it no positive price.' });
  });
});
