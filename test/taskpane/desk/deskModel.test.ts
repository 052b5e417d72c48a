import { BINANCE_PRESET, BITGET_PRESET, BITMART_PRESET } from '../../../src/presets';
import { deskView, rowMessage } from '../../../src/taskpane/desk/deskModel';
import { EMPTY_POSITION, type PositionGridRow } from '../../../src/taskpane/context/scenarioState';
import { NO_SHOCKS } from '../../../src/taskpane/context/scenarioState';
import { BRACKETS_PRESET } from '../../support/bracketPreset';

const usdt = { asset: 'USDT', amount: '1000', price: '1', upnl: '' };
const btc = { asset: 'BTC', amount: '1', price: '60000', upnl: '' };
/** MM 600 (1%), IM 3,000 (5%). */
const long: PositionGridRow = {
  ...EMPTY_POSITION,
  symbol: 'BTCUSDT',
  side: 'LONG',
  size: '1',
  entry: '60000',
  mark: '60000',
  mmr: '0.01',
  imr: '0.05',
};

describe('deskView', () => {
  it('compares the scenario on each preset, marking the default and keeping a preset that cannot value it', () => {
    const view = deskView([BINANCE_PRESET, BITGET_PRESET, BITMART_PRESET], BINANCE_PRESET, {
      balances: [usdt, btc, { asset: 'USDC', amount: '500', price: '1', upnl: '' }],
      positions: [long],
      shocks: NO_SHOCKS,
    });
    expect(view.compare.map((l) => [l.exchange, l.current, l.equity, l.maintenance, l.ratio, l.risk, l.available])).toEqual([
      // 1,000 + 500 + 57,000 (BTC at 95%); 600 / 58,500
      ['binance', true, '58,500.00', '600.00', '1.03%', 'SAFE', '55,500.00'],
      ['bitget', false, '', '', '', '', ''],
      ['bitmart', false, '', '', '', '', ''],
    ]);
    // Each message names the row of the balances grid, as MARGIN.COMPARE does.
    expect(view.compare[1]?.error).toMatch(/^balances, row 3: the USDC haircut tiers of preset bitget are unpublished/);
    expect(view.compare[2]?.error).toBe('balances, row 3: USDC is not a collateral asset of preset bitmart');
    const noUsdc = deskView([BITGET_PRESET], BINANCE_PRESET, { balances: [usdt, btc], positions: [long], shocks: NO_SHOCKS });
    // 1,000 + 58,500 (BTC at 97.5%); 600 / 59,500
    expect(noUsdc.compare.map((l) => [l.equity, l.ratio, l.available])).toEqual([['59,500.00', '1.01%', '56,500.00']]);
  });

  it('solves the top-up to the warning band, the withdrawals and the order size on the default preset', () => {
    const view = deskView([BINANCE_PRESET], BINANCE_PRESET, { balances: [usdt], positions: [long], shocks: NO_SHOCKS });
    // 600 / 0.5 = 1,200 of equity: 200 USDT more. Nothing can leave: 1,000 < 3,000 of IM. Nothing is free to order.
    expect(view.solvers?.topUps).toEqual([
      { label: 'USDT to bring the margin ratio to 50.00%', result: { ok: true, value: '200.00 USDT' } },
    ]);
    expect(view.solvers?.withdrawals).toEqual([{ label: 'USDT that can leave', result: { ok: true, value: '0.00 USDT' } }]);
    expect(view.solvers?.orders).toEqual([{ label: 'BTCUSDT at 60,000.00 (imr 5.00%)', result: { ok: true, value: '0 BTC' } }]);
  });

  it('solves on the shocked account the scenario shows', () => {
    const view = deskView([BINANCE_PRESET], BINANCE_PRESET, {
      balances: [{ ...usdt, amount: '10000' }],
      positions: [long],
      shocks: { all: 0, perAsset: { BTC: -10 } },
    });
    // BTC at 54,000: PnL −6,000, equity 4,000; IM 2,700: 1,300 USDT can leave
    expect(view.solvers?.withdrawals[0]?.result).toEqual({ ok: true, value: '1,300.00 USDT' });
  });

  it('says in words when no top-up is needed, and rounds a top-up up and what may leave down', () => {
    const calm = deskView([BINANCE_PRESET], BINANCE_PRESET, {
      balances: [{ ...usdt, amount: '10000' }],
      positions: [long],
      shocks: NO_SHOCKS,
    });
    // 600 / 10,000 = 6%: already below the 50% warning band.
    expect(calm.solvers?.topUps[0]?.result).toEqual({ ok: true, value: 'none needed: the margin ratio is already at or below 50.00%' });
    // 1,000.006 USDT: 600 / 0.5 = 1,200 of equity, 199.994 more: shown as 200.00 (up), never 199.99.
    const cents = deskView([BINANCE_PRESET], BINANCE_PRESET, {
      balances: [{ ...usdt, amount: '1000.006' }],
      positions: [long],
      shocks: NO_SHOCKS,
    });
    expect(cents.solvers?.topUps[0]?.result).toEqual({ ok: true, value: '200.00 USDT' });
    // Equity 10,000.009 − IM 3,000 = 7,000.009 may leave: shown as 7,000.00 (down), never 7,000.01.
    const spare = deskView([BINANCE_PRESET], BINANCE_PRESET, {
      balances: [{ ...usdt, amount: '10000.009' }],
      positions: [long],
      shocks: NO_SHOCKS,
    });
    expect(spare.solvers?.withdrawals[0]?.result).toEqual({ ok: true, value: '7,000.00 USDT' });
  });

  it('shows nothing for an empty scenario, and the input error for a bad row', () => {
    expect(deskView([BINANCE_PRESET], BINANCE_PRESET, { balances: [], positions: [], shocks: NO_SHOCKS })).toEqual({
      inputError: null,
      compare: [],
      solvers: null,
      solverError: null,
    });
    const bad = deskView([BINANCE_PRESET], BINANCE_PRESET, { balances: [{ ...usdt, amount: 'lots' }], positions: [], shocks: NO_SHOCKS });
    expect(bad.inputError).toMatch(/amount/);
  });
});

describe("deskView with positions that leave mmr, cum and imr blank: each preset's own brackets", () => {
  const account = [{ ...usdt, amount: '10000' }];
  const blank: PositionGridRow = { ...long, mmr: '', imr: '' };
  const noBrackets =
    'positions, row 1: BTCUSDT has no mmr and preset binance has no leverage brackets for it; type the position\'s mmr (and cum), or add brackets for BTCUSDT to the preset (`multiasset import EXCHANGE BRACKETS.json --into binance`, the task pane\'s import, or "brackets": { "BTCUSDT": [...] } in the preset file)';

  it('values each preset with its own brackets, and gives a preset without them its message in its own card', () => {
    const view = deskView([BINANCE_PRESET, BRACKETS_PRESET], BRACKETS_PRESET, { balances: account, positions: [blank], shocks: NO_SHOCKS });
    expect(view.inputError).toBeNull();
    expect(view.compare.map((l) => [l.exchange, l.current, l.error, l.equity, l.maintenance, l.ratio, l.risk, l.available])).toEqual([
      ['binance', false, noBrackets, '', '', '', '', ''],
      // MM 60,000 × 0.005 − 50 = 250; IM 60,000 × 0.01 = 600 (the second bracket's 100×), as MARGIN.COMPARE gives
      ['bitget-brackets', true, null, '10,000.00', '250.00', '2.50%', 'SAFE', '9,400.00'],
    ]);
  });

  it("keeps the other presets' cards when the default preset has no brackets, and says why there are no solvers", () => {
    const view = deskView([BINANCE_PRESET, BRACKETS_PRESET], BINANCE_PRESET, { balances: account, positions: [blank], shocks: NO_SHOCKS });
    expect(view.inputError).toBeNull();
    expect(view.compare.map((l) => [l.exchange, l.current, l.error, l.maintenance])).toEqual([
      ['binance', true, noBrackets, ''],
      ['bitget-brackets', false, null, '250.00'],
    ]);
    expect(view.solvers).toBeNull();
    expect(view.solverError).toBe(noBrackets);
  });

  it("shocks each preset's reading alike: BTC −10% moves the mark and the bracket", () => {
    const view = deskView([BRACKETS_PRESET], BRACKETS_PRESET, {
      balances: account,
      positions: [blank],
      shocks: { all: 0, perAsset: { BTC: -10 } },
    });
    // Mark 54,000: PnL −6,000, equity 4,000; notional 54,000 is in the second bracket: MM 54,000 × 0.005 − 50 = 220
    expect(view.compare.map((l) => [l.equity, l.maintenance])).toEqual([['4,000.00', '220.00']]);
  });
});

describe('rowMessage', () => {
  const rows = [usdt, { ...btc }, { asset: ' usdc ', amount: '500', price: '1', upnl: '' }];

  it('names the balances row an asset message is about, as MARGIN.COMPARE does', () => {
    expect(rowMessage('asset: USDC is not a collateral asset of preset bitmart', rows)).toBe(
      'balances, row 3: USDC is not a collateral asset of preset bitmart',
    );
    expect(rowMessage('balances: the BTC haircut tiers of preset x are unpublished', rows)).toBe(
      'balances, row 2: the BTC haircut tiers of preset x are unpublished',
    );
  });

  it('leaves other messages as they are', () => {
    expect(rowMessage('asset: DOGE is not a collateral asset of preset bitmart', rows)).toBe(
      'asset: DOGE is not a collateral asset of preset bitmart',
    );
    expect(rowMessage('equity: not positive', rows)).toBe('equity: not positive');
  });
});
