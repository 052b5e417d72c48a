import { invoke, type CellArg, type CellResult } from '../../src/functions/core';
import { sharedRegistry } from '../../src/functions/workbookSettings';
import { BRACKETS_PRESET } from '../support/bracketPreset';
import { installCustomFunctions } from './customFunctionsStub';
import { call, CELL_FUNCTION_NAMES } from './excelFunctions';
import type { CellFunctionName } from './excelFunctions';

installCustomFunctions();
sharedRegistry.upsertCustom(BRACKETS_PRESET);

const BALANCES = [
  ['BTC', 1, 60000],
  ['USDT', -5000, 1],
];
const ACCOUNT = [['USDT', 10000, 1]];
const POSITIONS = [['BTCUSDT', 'LONG', 1, 60000, 61000, 0.004, 0, 0.05]];
const DEFICIT = [
  ['BTC', 1, 60000],
  ['USDT', -6000, 1],
];
const LEVERED = [
  ['BTC', 1, 60000],
  ['USDT', -20000, 1],
];

/** A valid call of every function, on the built-in presets. */
const VALID_CALLS: Record<CellFunctionName, unknown[]> = {
  COLLATERAL_VALUE: ['BTC', 10, 60000, null],
  COLLATERAL_RATIO: ['BNB', 3, 600, null],
  COLLATERAL_TIERS: ['BTC', null],
  PRESETS: [],
  ACCOUNT_EQUITY: [BALANCES, null],
  MULTIASSET_LTV: [BALANCES, null],
  MAINT_MARGIN: [POSITIONS, null],
  MARGIN_RATIO: [ACCOUNT, POSITIONS, null],
  RISK_LEVEL: [0.6, null],
  AVAILABLE_FOR_ORDER: [ACCOUNT, POSITIONS, null, null],
  AUTO_EXCHANGE: [DEFICIT, null, null, null],
  LIABILITY_INTEREST: [-1000, 0.0001, 24, null],
  LIQUIDATION_PRICE: [LEVERED, [['BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0]], 'BTC', null],
  STRESS_MARGIN_RATIO: [ACCOUNT, POSITIONS, [['BTC', -0.1]], null],
  MODE_SWITCH_CHECK: ['multi', ACCOUNT, POSITIONS, null, null],
  BRACKETS: ['BTCUSDT', 'bitget-brackets'],
  TOPUP_NEEDED: [ACCOUNT, POSITIONS, 'USDT', 0.01, null],
  MAX_WITHDRAWABLE: [ACCOUNT, POSITIONS, 'USDT', null],
  MAX_ORDER_SIZE: [ACCOUNT, POSITIONS, 'BTCUSDT', 60000, 0.05, null],
  COMPARE: [ACCOUNT, POSITIONS, null],
};

const SHAPE: Record<CellFunctionName, 'number' | 'string' | 'table'> = {
  COLLATERAL_VALUE: 'number',
  COLLATERAL_RATIO: 'number',
  COLLATERAL_TIERS: 'table',
  PRESETS: 'table',
  ACCOUNT_EQUITY: 'number',
  MULTIASSET_LTV: 'number',
  MAINT_MARGIN: 'number',
  MARGIN_RATIO: 'number',
  RISK_LEVEL: 'string',
  AVAILABLE_FOR_ORDER: 'number',
  AUTO_EXCHANGE: 'table',
  LIABILITY_INTEREST: 'number',
  LIQUIDATION_PRICE: 'number',
  STRESS_MARGIN_RATIO: 'number',
  MODE_SWITCH_CHECK: 'table',
  BRACKETS: 'table',
  TOPUP_NEEDED: 'number',
  MAX_WITHDRAWABLE: 'number',
  MAX_ORDER_SIZE: 'number',
  COMPARE: 'table',
};

const shapeOf = (value: unknown): string => (Array.isArray(value) ? 'table' : typeof value);

/** What the cell shows for the same call made through the shared adapter layer directly. */
function expectedCell(id: CellFunctionName, args: unknown[]): unknown {
  const result: CellResult = invoke(id, args as CellArg[], { registry: sharedRegistry });
  if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
    return {
      error: { value: '#VALUE!', na: '#N/A', num: '#NUM!' }[result.error],
      message: result.error === 'num' ? undefined : result.message,
    };
  }
  return { value: result };
}

afterEach(() => {
  sharedRegistry.setDefault('binance');
});

describe('every MARGIN function through its Excel adapter', () => {
  it.each([...CELL_FUNCTION_NAMES])('%s returns what the adapter layer computes, in the declared shape', (id) => {
    const args = VALID_CALLS[id];
    const cell = call(id, ...args);
    expect(cell).toEqual(expectedCell(id, args));
    expect('value' in cell && shapeOf(cell.value)).toBe(SHAPE[id]);
  });

  it('values a holding at the preset haircut: 10 BTC at 60,000 on Binance (95%) is 570,000', () => {
    expect(call('COLLATERAL_VALUE', 'BTC', 10, 60000)).toEqual({ value: 570000 });
  });

  it('values a liability at par where the preset has no markup', () => {
    expect(call('COLLATERAL_VALUE', 'BTC', -1, 60000)).toEqual({ value: -60000 });
  });

  it('gives the effective ratio of a single-tier asset', () => {
    expect(call('COLLATERAL_RATIO', 'BNB', 3, 600)).toEqual({ value: 0.95 });
  });

  it('sums haircut collateral and liabilities into account equity', () => {
    expect(call('ACCOUNT_EQUITY', BALANCES)).toEqual({ value: 57000 - 5000 });
  });

  it('divides liabilities by haircut collateral for LTV', () => {
    expect(call('MULTIASSET_LTV', BALANCES)).toEqual({ value: 5000 / 57000 });
  });

  it('charges size × mark × mmr − cum as maintenance margin', () => {
    expect(call('MAINT_MARGIN', POSITIONS)).toEqual({ value: 244 });
  });

  it('divides maintenance margin by equity including the position uPnL', () => {
    expect(call('MARGIN_RATIO', ACCOUNT, POSITIONS)).toEqual({ value: 244 / 11000 });
  });

  it.each([
    [0.3, 'SAFE'],
    [0.6, 'WARNING'],
    [0.9, 'DANGER'],
    [1, 'LIQUIDATION'],
  ])('puts margin ratio %p in the %s band of the Binance preset', (ratio, band) => {
    expect(call('RISK_LEVEL', ratio)).toEqual({ value: band });
  });

  it('computes simple liability interest, less the interest-free amount', () => {
    expect(call('LIABILITY_INTEREST', -1000, 0.0001, 24)).toEqual({ value: 2.4 });
    expect(call('LIABILITY_INTEREST', -1000, 0.0001, 24, 400)).toEqual({ value: 1.44 });
  });

  it('spills the tier table with a header row', () => {
    expect(call('COLLATERAL_TIERS', 'BTC')).toEqual({
      value: [
        ['floor', 'cap', 'ratio', 'unit'],
        [0, '', 0.95, 'value'],
      ],
    });
  });

  it('spills every built-in preset', () => {
    const cell = call('PRESETS');
    const ids = 'value' in cell ? (cell.value as unknown[][]).slice(1).map((row) => row[0]) : [];
    expect(ids).toEqual(expect.arrayContaining(['binance', 'bitget', 'bitmart', 'okx', 'bybit']));
  });

  it('spills the auto-exchange header and the conversion a threshold breach forces', () => {
    const cell = call('AUTO_EXCHANGE', DEFICIT);
    const rows = 'value' in cell ? (cell.value as unknown[][]) : [];
    expect(rows[0]).toEqual(['from_asset', 'amount_sold', 'value_sold', 'to_asset', 'amount_covered', 'trigger']);
    expect(rows[1]?.[0]).toBe('BTC');
    expect(rows[1]?.[3]).toBe('USDT');
    expect(rows[1]?.[4]).toBe(6000);
    expect(rows[1]?.[5]).toBe('THRESHOLD');
  });
});

describe('Excel errors', () => {
  it('shows #VALUE! with a message naming the argument for text where a number belongs', () => {
    const cell = call('COLLATERAL_VALUE', 'BTC', 'ten', 60000);
    expect(cell).toMatchObject({ error: '#VALUE!' });
    expect('message' in cell && cell.message).toMatch(/^amount: /);
  });

  it('shows #N/A with a message for an asset the preset does not know', () => {
    const cell = call('COLLATERAL_VALUE', 'XYZ', 1, 1);
    expect(cell).toMatchObject({ error: '#N/A' });
    expect('message' in cell && cell.message).toContain('XYZ');
  });

  it('shows #VALUE! naming the exchange argument for an unknown preset id', () => {
    const cell = call('COLLATERAL_VALUE', 'BTC', 1, 60000, 'nowhere');
    expect(cell).toMatchObject({ error: '#VALUE!' });
    expect('message' in cell && cell.message).toMatch(/^exchange: .*nowhere/);
  });

  it('shows #N/A with the reason when the account has no equity to divide by', () => {
    const cell = call('MARGIN_RATIO', [['USDT', -2000, 1]], POSITIONS); // equity −2000 + uPnL 1000 < 0
    expect(cell).toMatchObject({ error: '#N/A' });
    expect('message' in cell && cell.message).toContain('equity');
  });

  it('shows #NUM! without a message for a result beyond the range of a cell number', () => {
    expect(call('COLLATERAL_VALUE', 'USDT', 1e300, 1e300)).toEqual({ error: '#NUM!', message: undefined });
  });

  it.each([null, ''])('shows #VALUE! for a blank required cell (%p)', (blank) => {
    const cell = call('COLLATERAL_VALUE', blank, 1, 60000);
    expect(cell).toMatchObject({ error: '#VALUE!' });
    expect('message' in cell && cell.message).toMatch(/^asset: /);
  });

  it('never lets NaN, Infinity or -0 reach a cell', () => {
    for (const id of CELL_FUNCTION_NAMES) {
      const cell = call(id, ...VALID_CALLS[id]);
      const values = 'value' in cell ? [cell.value].flat(2) : [];
      for (const v of values) {
        if (typeof v === 'number') expect([id, Number.isFinite(v), Object.is(v, -0)]).toEqual([id, true, false]);
      }
    }
  });
});

describe('cells as Excel hands them over', () => {
  it.each([undefined, null, '', 0])('treats an omitted or blank exchange (%p) as the workbook default', (blank) => {
    expect(call('COLLATERAL_VALUE', 'BTC', 10, 60000, blank)).toEqual(call('COLLATERAL_VALUE', 'BTC', 10, 60000, 'binance'));
    sharedRegistry.setDefault('bitget');
    expect(call('COLLATERAL_VALUE', 'BTC', 10, 60000, blank)).toEqual(call('COLLATERAL_VALUE', 'BTC', 10, 60000, 'bitget'));
  });

  it('follows the workbook default preset, which differs between exchanges', () => {
    const binance = call('COLLATERAL_VALUE', 'BTC', 10, 60000);
    sharedRegistry.setDefault('bitget');
    expect(call('COLLATERAL_VALUE', 'BTC', 10, 60000)).not.toEqual(binance);
  });

  it('matches exchange ids case-insensitively', () => {
    expect(call('COLLATERAL_VALUE', 'btc', 10, 60000, 'BiNaNcE')).toEqual({ value: 570000 });
  });

  it.each([undefined, null, '', 0])('treats a blank optional flag or count (%p) as FALSE or 0', (blank) => {
    expect(call('AUTO_EXCHANGE', DEFICIT, null, null, blank)).toEqual(call('AUTO_EXCHANGE', DEFICIT, null, null, false));
    expect(call('MODE_SWITCH_CHECK', 'multi', ACCOUNT, POSITIONS, blank)).toEqual(
      call('MODE_SWITCH_CHECK', 'multi', ACCOUNT, POSITIONS, 0),
    );
  });

  it('skips blank rows of a range whether their cells arrive as null, "" or 0', () => {
    const withBlanks = [
      ['BTC', 1, 60000],
      [null, null, null],
      ['', '', ''],
      [0, 0, 0],
      ['USDT', -5000, 1],
    ];
    expect(call('ACCOUNT_EQUITY', withBlanks)).toEqual({ value: 52000 });
  });

  it('reads a header row and matches its columns by name, in any order and case', () => {
    const headed = [
      ['Price', 'ASSET', 'amount'],
      [60000, 'BTC', 1],
      [1, 'USDT', -5000],
    ];
    expect(call('ACCOUNT_EQUITY', headed)).toEqual({ value: 52000 });
    const positions = [['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr'], ...POSITIONS];
    expect(call('MARGIN_RATIO', ACCOUNT, positions)).toEqual(call('MARGIN_RATIO', ACCOUNT, POSITIONS));
  });

  it('takes a one-cell range where a cell is expected', () => {
    expect(call('COLLATERAL_VALUE', [['BTC']], [[10]], [[60000]])).toEqual({ value: 570000 });
  });

  it('reads data-type cells (formatted numbers, entities) by their basic value', () => {
    const formatted = { type: 'FormattedNumber', basicValue: 10, numberFormat: '0.00' };
    const text = { type: 'String', basicValue: 'BTC' };
    expect(call('COLLATERAL_VALUE', text, formatted, 60000)).toEqual({ value: 570000 });
    expect(
      call('ACCOUNT_EQUITY', [
        [text, { type: 'Double', basicValue: 1 }, 60000],
        ['USDT', -5000, 1],
      ]),
    ).toEqual({
      value: 52000,
    });
  });
});
