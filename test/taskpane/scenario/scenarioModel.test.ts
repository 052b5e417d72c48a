import { dec } from '../../../src/engine/decimal';
import { stressMarginRatio } from '../../../src/engine';
import { BINANCE_PRESET, BITGET_PRESET } from '../../../src/presets';
import { scenarioView, riskBand } from '../../../src/taskpane/scenario/scenarioModel';
import { EMPTY_POSITION, type PositionRow } from '../../../src/taskpane/scenario/scenarioRows';
import { NO_SHOCKS } from '../../../src/taskpane/scenario/shocks';

const btc = { asset: 'BTC', amount: '10', price: '60000', upnl: '' };
const long: PositionRow = { ...EMPTY_POSITION, symbol: 'BTCUSDT', side: 'LONG', size: '1', entry: '60000', mark: '60000', mmr: '0.004' };

describe('scenarioView', () => {
  it('shows the docs/RULES.md example: 10 BTC at 60,000 on Bitget is 582,000 USDT of equity', () => {
    const view = scenarioView(BITGET_PRESET, { balances: [btc], positions: [], shocks: NO_SHOCKS });
    const equity = view.results?.equity;
    expect(equity?.ok && equity.value.value.toString()).toBe('582000');
    expect(equity?.ok && equity.value.text).toBe('582,000.00');
  });

  it('shows the margin ratio of the example account with a BTCUSDT position, and its risk band', () => {
    const view = scenarioView(BITGET_PRESET, { balances: [btc], positions: [long], shocks: NO_SHOCKS });
    // docs/RULES.md: equity = 100,000×0.975 + 400,000×0.97 + 100,000×0.965; MM = size × mark × mmr − cum, quote at 1.
    const equity = dec(100000).times('0.975').plus(dec(400000).times('0.97')).plus(dec(100000).times('0.965'));
    const mm = dec(1).times(60000).times('0.004');
    const ratio = view.results?.marginRatio;
    expect(ratio?.ok && ratio.value.value.toString()).toBe(mm.div(equity).toString());
    expect(ratio?.ok && ratio.value.text).toBe('0.04%');
    const risk = view.results?.risk;
    expect(risk?.ok && risk.value).toEqual({ level: 'SAFE', band: 'green' });
  });

  it('shows an unpublished-tiers message in place and still computes what it can', () => {
    const eth = { asset: 'ETH', amount: '1', price: '3000', upnl: '' };
    const view = scenarioView(BITGET_PRESET, { balances: [btc, eth], positions: [], shocks: NO_SHOCKS });
    const equity = view.results?.equity;
    expect(equity?.ok).toBe(false);
    expect(!equity?.ok && equity?.message).toContain('ETH haircut tiers of preset bitget are unpublished');
    const liq = view.results?.liquidation.map((l) => l.asset);
    expect(liq).toEqual(['BTC', 'ETH']);
  });

  it('reports a row that cannot be read instead of any figure', () => {
    const view = scenarioView(BITGET_PRESET, { balances: [{ ...btc, price: 'abc' }], positions: [], shocks: NO_SHOCKS });
    expect(view.inputError).toBe('balances, row 1: price: expected a number, got "abc"');
    expect(view.results).toBeNull();
  });

  it('shows nothing to compute while both grids are empty', () => {
    const view = scenarioView(BITGET_PRESET, {
      balances: [{ asset: '', amount: '', price: '', upnl: '' }],
      positions: [],
      shocks: NO_SHOCKS,
    });
    expect(view.inputError).toBeNull();
    expect(view.results).toBeNull();
  });

  it('moves every figure with the price shock: −20% on BTC values 10 BTC at 48,000', () => {
    const shocks = { all: 0, perAsset: { BTC: -20 } };
    const view = scenarioView(BITGET_PRESET, { balances: [btc], positions: [], shocks });
    const expected = dec(100000).times('0.975').plus(dec(380000).times('0.97'));
    const equity = view.results?.equity;
    expect(equity?.ok && equity.value.value.toString()).toBe(expected.toString());
    expect(view.shocks.map((s) => [s.asset, s.change.toString(), s.text])).toEqual([['BTC', '-0.2', '−20%']]);
  });

  it('shocks agree with the engine stress margin ratio', () => {
    const usdt = { asset: 'USDT', amount: '-200000', price: '1', upnl: '' };
    const shocks = { all: -30, perAsset: {} };
    const view = scenarioView(BINANCE_PRESET, { balances: [btc, usdt], positions: [long], shocks });
    const stressed = stressMarginRatio(
      BINANCE_PRESET,
      [
        { asset: 'BTC', amount: dec(10), price: dec(60000) },
        { asset: 'USDT', amount: dec(-200000), price: dec(1) },
      ],
      [
        {
          symbol: 'BTCUSDT',
          side: 'LONG',
          size: dec(1),
          entry: dec(60000),
          mark: dec(60000),
          mmr: dec('0.004'),
          cum: dec(0),
          marginMode: 'cross',
        },
      ],
      [{ asset: 'BTC', change: dec('-0.3') }],
    );
    const ratio = view.results?.marginRatio;
    expect(ratio?.ok && ratio.value.value.toString()).toBe(stressed.toString());
  });

  it('gives a liquidation price per non-stable asset with the move to reach it', () => {
    const usdt = { asset: 'USDT', amount: '-500000', price: '1', upnl: '' };
    const view = scenarioView(BINANCE_PRESET, { balances: [btc, usdt], positions: [long], shocks: NO_SHOCKS });
    const [line] = view.results?.liquidation ?? [];
    expect(line?.asset).toBe('BTC');
    expect(line?.current?.text).toBe('60,000.00');
    const price = line?.price.ok ? line.price.value.value : null;
    const distance = line?.distance.ok ? line.distance.value.value : null;
    expect(price?.lt(60000)).toBe(true);
    expect(distance?.toString()).toBe(price?.div(60000).minus(1).toString());
  });

  it('maps risk levels to the green, yellow and red bands', () => {
    expect(riskBand('SAFE')).toBe('green');
    expect(riskBand('WARNING')).toBe('yellow');
    expect(riskBand('DANGER')).toBe('red');
    expect(riskBand('LIQUIDATION')).toBe('red');
  });

  it('shows the auto-exchange outcome for a liability below the threshold', () => {
    const usdt = { asset: 'USDT', amount: '-6000', price: '1', upnl: '' };
    const view = scenarioView(BINANCE_PRESET, { balances: [btc, usdt], positions: [], shocks: NO_SHOCKS });
    const ae = view.results?.autoExchange;
    expect(ae?.ok && ae.value.fired).toBe(true);
    const conversion = ae?.ok ? ae.value.conversions[0] : undefined;
    expect(conversion?.fromAsset).toBe('BTC');
    expect(conversion?.toAsset).toBe('USDT');
    // 6,000 deficit at BTC's 2.5% haircut: value sold = 6000 / 0.975.
    expect(conversion?.valueSold.value.toString()).toBe(dec(6000).div('0.975').toString());
  });

  it('judges the liquidation trigger on the same equity it shows, position PnL included', () => {
    const usdt = { asset: 'USDT', amount: '-150000', price: '1', upnl: '' };
    const losing: PositionRow = { ...long, size: '2', entry: '58000', mark: '54000' };
    const view = scenarioView(BITGET_PRESET, { balances: [{ ...btc, price: '54000' }, usdt], positions: [losing], shocks: NO_SHOCKS });
    const equity = view.results?.equity;
    const ae = view.results?.autoExchange;
    expect(equity?.ok && equity.value.value.toString()).toBe('366100');
    expect(ae?.ok && ae.value.reason).toContain('account equity 366100 is positive');
  });

  it('applies the chosen user tier’s auto-exchange threshold', () => {
    const usdt = { asset: 'USDT', amount: '-6000', price: '1', upnl: '' };
    const input = { balances: [btc, usdt], positions: [], shocks: NO_SHOCKS };
    const regular = scenarioView(BINANCE_PRESET, { ...input, userTier: 'regular' }).results?.autoExchange;
    const vip = scenarioView(BINANCE_PRESET, { ...input, userTier: 'vip2plus' }).results?.autoExchange;
    expect(regular?.ok && regular.value.fired).toBe(true);
    expect(vip?.ok && vip.value.fired).toBe(false);
  });
});

describe('liquidation lines', () => {
  it('marks "no liquidation price" as none needed rather than as a failure', () => {
    const usdt = { asset: 'USDT', amount: '100000', price: '1', upnl: '' };
    const view = scenarioView(BINANCE_PRESET, { balances: [usdt], positions: [long], shocks: NO_SHOCKS });
    const line = view.results?.liquidation.find((l) => l.asset === 'BTC');
    expect(line?.price.ok).toBe(false);
    expect(line?.noneNeeded).toBe(true);
  });

  it('does not mark an asset that only backs an isolated position as a failure', () => {
    const usdt = { asset: 'USDT', amount: '10000', price: '1', upnl: '' };
    const isolated: PositionRow = { ...long, symbol: 'ETHUSDT', entry: '3000', mark: '3000', marginMode: 'isolated' };
    const view = scenarioView(BINANCE_PRESET, { balances: [usdt], positions: [isolated], shocks: NO_SHOCKS });
    const line = view.results?.liquidation.find((l) => l.asset === 'ETH');
    expect(line !== undefined && !line.price.ok && line.price.message).toBe(
      'no liquidation price for ETH: it is neither in balances nor the base of a cross position',
    );
    expect(line?.noneNeeded).toBe(true);
  });

  it('keeps a real failure (unpublished tiers) marked as one', () => {
    const eth = { asset: 'ETH', amount: '1', price: '3000', upnl: '' };
    const view = scenarioView(BITGET_PRESET, { balances: [btc, eth], positions: [], shocks: NO_SHOCKS });
    const line = view.results?.liquidation.find((l) => l.asset === 'ETH');
    expect(line?.price.ok).toBe(false);
    expect(line?.noneNeeded).toBe(false);
  });
});

describe('scenarioView in words and places', () => {
  const loan = { asset: 'USDT', amount: '-150000', price: '1', upnl: '' };

  it('splits Bitget’s maintenance margin into the positions’ part and 5% of the debt', () => {
    const view = scenarioView(BITGET_PRESET, { balances: [btc, loan], positions: [long], shocks: NO_SHOCKS });
    const parts = view.results?.maintenanceParts;
    // Positions: 1 × 60,000 × 0.004 = 240; liabilities: 150,000 × 5% = 7,500; together the MM the ratio divides.
    expect(parts?.ok && [parts.value.positions.text, parts.value.liabilities.text, parts.value.rate]).toEqual([
      '240.00',
      '7,500.00',
      '5.00%',
    ]);
    const mm = view.results?.maintenanceMargin;
    expect(mm?.ok && mm.value.text).toBe('7,740.00');
    // Binance charges nothing on liabilities: no parts to show.
    expect(
      scenarioView(BINANCE_PRESET, { balances: [btc, loan], positions: [long], shocks: NO_SHOCKS }).results?.maintenanceParts,
    ).toBeNull();
  });

  it('shows each asset’s equity in its own places and a liquidation move with its sign', () => {
    const view = scenarioView(BITGET_PRESET, { balances: [btc, loan], positions: [long], shocks: NO_SHOCKS });
    const assets = view.results?.assets;
    expect(assets?.ok && assets.value.map((a) => [a.asset, a.equity])).toEqual([
      ['BTC', '10'],
      ['USDT', '−150,000.00'],
    ]);
    const move = view.results?.liquidation[0]?.distance;
    expect(move?.ok && move.value.text).toMatch(/^−\d+\.\d\d%$/);
    const short = { ...long, side: 'SHORT', size: '30' };
    const up = scenarioView(BITGET_PRESET, { balances: [btc, loan], positions: [short], shocks: NO_SHOCKS }).results?.liquidation[0]
      ?.distance;
    expect(up?.ok && up.value.text).toMatch(/^\+\d+\.\d\d%$/);
  });
});
