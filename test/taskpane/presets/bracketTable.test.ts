import { readFileSync } from 'fs';
import { join } from 'path';
import { BINANCE_PRESET, importExchangeTable, parsePreset, presetToJson } from '../../../src/presets';
import { bracketSymbols, bracketTableView, noBracketsText } from '../../../src/taskpane/presets/bracketTable';
import { BRACKETS_PRESET, OKX_SIZE_BRACKETS_PRESET } from '../../support/bracketPreset';

const cells = (view: ReturnType<typeof bracketTableView>): string[][] =>
  view.rows.map((r) => [r.from, r.to, r.maintenanceRate, r.maintenanceAmount, r.initialRate, r.maxLeverage]);

describe('bracketTableView', () => {
  it('shows Bitget’s documented BTCUSDT brackets by notional: rates as percentages, the amount as money', () => {
    const view = bracketTableView(BRACKETS_PRESET, 'BTCUSDT');
    expect(view.summary).toBe('2 brackets');
    expect(view.caption).toBe('BTCUSDT leverage brackets (notional in USDT)');
    expect(view.headers).toEqual([
      { group: 'Notional', columns: ['from', 'to'] },
      { group: 'Maintenance', columns: ['rate', 'amount'] },
      'Initial rate',
      'Max leverage',
    ]);
    // cum of the second bracket: 50,000 × (0.005 − 0.004) = 50; imr = 1 / leverage.
    expect(cells(view)).toEqual([
      ['0', '50,000', '0.40%', '0.00', '0.80%', '125×'],
      ['50,000', '200,000', '0.50%', '50.00', '1.00%', '100×'],
    ]);
  });

  it('says a position above the last published cap has no bracket', () => {
    expect(bracketTableView(BRACKETS_PRESET, 'BTCUSDT').caveat).toBe(
      'BTCUSDT brackets beyond 200,000 (USDT notional) are unpublished: a larger position has no maintenance rate.',
    );
  });

  it('counts OKX position tiers in contracts, stating the contract value once', () => {
    const view = bracketTableView(OKX_SIZE_BRACKETS_PRESET, 'BTC-USDT-SWAP');
    expect(view.unitLabel).toBe('contracts of 0.01 BTC');
    expect(view.summary).toBe('3 brackets by contracts of 0.01 BTC');
    expect(view.caption).toBe('BTC-USDT-SWAP leverage brackets (bounds in contracts of 0.01 BTC)');
    expect(view.headers[0]).toEqual({ group: 'Contracts', columns: ['from', 'to'] });
    expect(cells(view)).toEqual([
      ['0', '2,000', '0.40%', '0.00', '1.00%', '100×'],
      ['2,000', '4,000', '0.80%', '0.00', '2.00%', '50×'],
      ['4,000', '8,000', '2.00%', '0.00', '5.00%', '20×'],
    ]);
    expect(view.caveat).toBe(
      'BTC-USDT-SWAP brackets beyond 8,000 (contracts of 0.01 BTC) are unpublished: a larger position has no maintenance rate.',
    );
  });

  it('shows an open last cap as "no cap", and a bracket published with an initial rate only without a max leverage', () => {
    const preset = parsePreset({
      ...presetToJson(BINANCE_PRESET),
      id: 'desk',
      status: 'custom',
      brackets: {
        BTCUSDT: [
          { floor: 0, cap: 50000, mmr: '0.004', cum: '0', maxLeverage: 125 },
          { floor: 50000, cap: 200000, mmr: '0.005', maxLeverage: 100 },
          { floor: 200000, cap: null, mmr: '0.01', imr: '0.02' },
        ],
      },
    });
    const view = bracketTableView(preset, 'BTCUSDT');
    expect(cells(view)[2]).toEqual(['200,000', 'no cap', '1.00%', '1,050.00', '2.00%', '—']);
    expect(view.caveat).toBeNull();
  });

  it('marks a derived initial rate that does not end (1 / 75) as rounded, and keeps a published rate exact', () => {
    const response = JSON.parse(readFileSync(join(__dirname, '../../fixtures/api/binance-leverageBracket-doc.json'), 'utf8'));
    const preset = importExchangeTable('binance', response, undefined, { id: 'binance-brackets' });
    expect(cells(bracketTableView(preset, 'ETHUSDT'))).toEqual([['0', '10,000', '0.65%', '0.00', '≈1.33%', '75×']]);
  });
});

describe('bracketSymbols', () => {
  it('lists the symbols with brackets, and none for a built-in preset', () => {
    expect(bracketSymbols(BRACKETS_PRESET)).toEqual(['BTCUSDT']);
    expect(bracketSymbols(OKX_SIZE_BRACKETS_PRESET)).toEqual(['BTC-USDT-SWAP']);
    expect(bracketSymbols(BINANCE_PRESET)).toEqual([]);
  });
});

describe('noBracketsText', () => {
  it('names both ways to add brackets, the command importing into this preset', () => {
    expect(noBracketsText(BINANCE_PRESET)).toEqual({
      text: "This preset has no leverage brackets, so positions need their mmr typed. Add brackets from an exchange's bracket response in the Import section, or with",
      command: 'multiasset import EXCHANGE RESPONSE.json --into binance',
    });
  });
});
