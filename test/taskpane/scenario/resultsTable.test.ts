import { BINANCE_PRESET, BITGET_PRESET } from '../../../src/presets';
import { RESULTS_HEADER, resultsTable } from '../../../src/taskpane/scenario/resultsTable';
import { scenarioView } from '../../../src/taskpane/scenario/scenarioModel';
import { NO_SHOCKS } from '../../../src/taskpane/context/scenarioState';

const btc = { asset: 'BTC', amount: '10', price: '60000', upnl: '' };

describe('resultsTable', () => {
  it('writes a header, the preset and each figure as a cell number', () => {
    const table = resultsTable(BITGET_PRESET, scenarioView(BITGET_PRESET, { balances: [btc], positions: [], shocks: NO_SHOCKS }));
    expect(table[0]).toEqual([...RESULTS_HEADER]);
    expect(table[1]).toEqual(['Preset', BITGET_PRESET.name, 'bitget', 'as of 2026-11-21, documented']);
    expect(table.find((r) => r[1] === 'Equity (USDT)')).toEqual(['Account', 'Equity (USDT)', 582000, '']);
  });

  it('writes an unavailable figure as a blank value with its message, never as an error text', () => {
    const eth = { asset: 'ETH', amount: '1', price: '3000', upnl: '' };
    const view = scenarioView(BITGET_PRESET, { balances: [btc, eth], positions: [], shocks: NO_SHOCKS });
    const table = resultsTable(BITGET_PRESET, view);
    const equity = table.find((r) => r[1] === 'Equity (USDT)');
    expect(equity?.[2]).toBe('');
    expect(String(equity?.[3])).toContain('ETH haircut tiers of preset bitget are unpublished');
    expect(table.every((row) => row.every((cell) => !(typeof cell === 'string' && cell.startsWith('#'))))).toBe(true);
  });

  it('lists the applied shocks and every conversion', () => {
    const usdt = { asset: 'USDT', amount: '-6000', price: '1', upnl: '' };
    const view = scenarioView(BINANCE_PRESET, { balances: [btc, usdt], positions: [], shocks: { all: -10, perAsset: {} } });
    const table = resultsTable(BINANCE_PRESET, view);
    expect(table.find((r) => r[0] === 'Shock')).toEqual(['Shock', 'BTC', -0.1, '−10%']);
    expect(table.some((r) => r[0] === 'Auto-exchange' && r[1] === 'BTC → USDT')).toBe(true);
    expect(table.every((r) => r.length === 4)).toBe(true);
  });
});
