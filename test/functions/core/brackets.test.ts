import { invoke, type CellArg, type CellGrid, type CellScalar } from '../../../src/functions/core';
import { PresetRegistry } from '../../../src/presets';
import { BRACKETS_PRESET } from '../../support/bracketPreset';

const ctx = () => {
  const registry = new PresetRegistry();
  registry.upsertCustom(BRACKETS_PRESET);
  return { registry };
};
const run = (name: Parameters<typeof invoke>[0], args: CellArg[]) => invoke(name, args, ctx());

/** One BTC long at 60,000 with mmr, cum and imr left blank: notional 60,000 is in the second bracket. */
const BLANK_RATES: CellGrid = [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr'],
  ['BTCUSDT', 'LONG', 1, 60000, 60000, null, '', null],
];

describe('MARGIN.BRACKETS', () => {
  it("spills the symbol's brackets: floor, cap, mmr, cum, imr, max leverage", () => {
    expect(run('BRACKETS', ['BTCUSDT', 'bitget-brackets'])).toEqual([
      ['floor', 'cap', 'mmr', 'cum', 'imr', 'max_leverage'],
      [0, 50000, 0.004, 0, 0.008, 125],
      [50000, 200000, 0.005, 50, 0.01, 100],
    ]);
  });

  it('finds the same brackets for the symbol written the OKX way or in lower case', () => {
    expect(run('BRACKETS', ['BTC-USDT-SWAP', 'bitget-brackets'])).toEqual(run('BRACKETS', ['btcusdt', 'bitget-brackets']));
    expect(run('BRACKETS', ['btcusdt', 'bitget-brackets'])).toEqual(run('BRACKETS', ['BTCUSDT', 'bitget-brackets']));
  });

  it('gives #N/A naming the symbol and how to add brackets when the preset has none', () => {
    expect(run('BRACKETS', ['BTCUSDT', 'binance'])).toEqual({
      error: 'na',
      message:
        'symbol: preset binance has no leverage brackets for BTCUSDT; import the exchange\'s bracket table (`multiasset import EXCHANGE BRACKETS.json --into binance`) or add "brackets": { "BTCUSDT": [...] } to the preset',
    });
  });
});

describe('positions with blank mmr, cum and imr', () => {
  it('MAINT_MARGIN takes the bracket of the notional: 60000 × 0.005 − 50 = 250', () => {
    expect(run('MAINT_MARGIN', [BLANK_RATES, 'bitget-brackets'])).toBe(250);
  });

  it('MARGIN_RATIO: 250 / 10,000 USDT = 0.025', () => {
    expect(run('MARGIN_RATIO', [[['USDT', 10000, 1]], BLANK_RATES, 'bitget-brackets'])).toBe(0.025);
  });

  it('AVAILABLE_FOR_ORDER charges the bracket imr: 10,000 − 60,000 × 0.01 = 9,400', () => {
    expect(run('AVAILABLE_FOR_ORDER', [[['USDT', 10000, 1]], BLANK_RATES, null, 'bitget-brackets'])).toBe(9400);
  });

  it('LIQUIDATION_PRICE is exact across a bracket bound: 12000 + p − 60000 = 0.004 p gives p = 48000 / 0.996', () => {
    // With the second bracket's rates held fixed it would be 47950 / 0.995 = 48190.95…, which is wrong: the
    // notional falls below 50,000 on the way, into the first bracket.
    expect(run('LIQUIDATION_PRICE', [[['USDT', 12000, 1]], BLANK_RATES, 'BTC', 'bitget-brackets'])).toBe(
      Number('48192.77108433734939759036144578313253012048192771084337349397590361'),
    );
  });

  it('LIQUIDATION_PRICE says no price reaches 100% when even a 100% rate past the last bracket would not', () => {
    // Equity at a BTC price of 0 is 100,000 − 60,000 > 0, and no bracket asks more than the notional itself.
    expect(run('LIQUIDATION_PRICE', [[['USDT', 100000, 1]], BLANK_RATES, 'BTC', 'bitget-brackets'])).toEqual({
      error: 'na',
      message:
        'no liquidation price for BTC: the margin ratio stays below 100% at every price of BTC, even past the last leverage bracket at a maintenance rate of 100%',
    });
  });

  it('LIQUIDATION_PRICE names the last bracket cap when the answer may lie past it', () => {
    // A short on 300,000 USDT: 360,000 − p = 0.005 p − 50 only at p ≈ 358,000, past the 200,000 cap.
    const short: CellGrid = [BLANK_RATES[0] as CellScalar[], ['BTCUSDT', 'SHORT', 1, 60000, 60000, null, '', null]];
    expect(run('LIQUIDATION_PRICE', [[['USDT', 300000, 1]], short, 'BTC', 'bitget-brackets'])).toEqual({
      error: 'na',
      message:
        'positions: the BTCUSDT notional 253333.333333333 is above the cap 200000 of its last leverage bracket; no bracket is published for it',
    });
  });

  it('STRESS_MARGIN_RATIO re-picks the bracket after a −20% shock: 48,000 × 0.004 / 10,000 = 0.0192', () => {
    // BTC −20%: mark 48,000, uPnL −12,000 on 22,000 USDT → equity 10,000; MM 48,000 × 0.004 = 192
    expect(run('STRESS_MARGIN_RATIO', [[['USDT', 22000, 1]], BLANK_RATES, [['BTC', -0.2]], 'bitget-brackets'])).toBe(0.0192);
  });

  it('MODE_SWITCH_CHECK reads the bracketed positions like the other functions', () => {
    const table = run('MODE_SWITCH_CHECK', ['single', [['USDT', 10000, 1]], BLANK_RATES, 0, 'bitget-brackets']) as CellGrid;
    expect(Array.isArray(table)).toBe(true);
    expect(table[0]?.[0]).toBe('ELIGIBLE');
  });

  it('gives #N/A naming the symbol, the row and how to add brackets when the preset has none', () => {
    expect(run('MAINT_MARGIN', [BLANK_RATES, 'binance'])).toEqual({
      error: 'na',
      message:
        'positions, row 2: BTCUSDT has no mmr and preset binance has no leverage brackets for it; type the position\'s mmr (and cum), or add brackets for BTCUSDT to the preset (`multiasset import EXCHANGE BRACKETS.json --into binance`, the task pane\'s import, or "brackets": { "BTCUSDT": [...] } in the preset file)',
    });
  });

  it('refuses a typed cum whose mmr is blank, rather than replace it silently', () => {
    const row: CellGrid = [['BTCUSDT', 'LONG', 1, 60000, 60000, null, 50]];
    expect(run('MAINT_MARGIN', [row, 'bitget-brackets'])).toEqual({
      error: 'value',
      message: "positions, row 1: cum is given but mmr is blank; give both, or leave both blank to take them from the preset's brackets",
    });
  });

  it('keeps typed rates where they are given, even when the preset has brackets', () => {
    const typed: CellGrid = [['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 0]];
    expect(run('MAINT_MARGIN', [typed, 'bitget-brackets'])).toBe(600);
  });
});

describe('MAX_ORDER_SIZE with brackets and open positions', () => {
  it('re-margins the open position at the bracket the order takes it to', () => {
    // 1,000 USDT; 0.8 BTC open at 60,000 (48,000, 0.8%). The whole position at 100× may be 100,000: 0.8666… more.
    // Reading only the order at the new rate gave 1.0266… BTC and left AVAILABLE_FOR_ORDER at −96.
    const open: CellGrid = [BLANK_RATES[0] as CellScalar[], ['BTCUSDT', 'LONG', 0.8, 60000, 60000, null, '', null]];
    expect(run('MAX_ORDER_SIZE', [[['USDT', 1000, 1]], open, 'BTCUSDT', 60000, null, 'bitget-brackets'])).toBe(0.8666666666666666);
  });

  it('says that open positions disagree on imr, rather than that none gives one', () => {
    const two: CellGrid = [
      ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 0, 0.05],
      ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 0, 0.1],
    ];
    expect(run('MAX_ORDER_SIZE', [[['USDT', 1000, 1]], two, 'BTCUSDT', 60000, null, 'binance'])).toEqual({
      error: 'value',
      message:
        "imr: the open BTCUSDT positions disagree on the initial margin rate (0.05 and 0.1), and an exchange sets one leverage per symbol; give the order's imr (e.g. 0.05 for 20x)",
    });
  });

  it('refuses an imr argument above 1, as a positions row does', () => {
    const one: CellGrid = [['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 0, 0.05]];
    expect(run('MAX_ORDER_SIZE', [[['USDT', 1000, 1]], one, 'BTCUSDT', 60000, 2, 'binance'])).toEqual({
      error: 'value',
      message: 'imr: expected a rate from 0 to 1, got 2',
    });
    const row: CellGrid = [['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 0, 2]];
    expect(run('MAX_ORDER_SIZE', [[['USDT', 1000, 1]], row, 'BTCUSDT', 60000, 0.05, 'binance'])).toEqual({
      error: 'value',
      message: 'positions, row 1, imr: expected a rate from 0 to 1, got 2',
    });
  });
});

describe('COMPARE with positions that leave mmr, cum and imr blank', () => {
  const account = [['USDT', 10000, 1]];

  it("values each preset with that preset's own brackets, as MARGIN_RATIO does", () => {
    const table = run('COMPARE', [account, BLANK_RATES, 'bitget-brackets']) as CellGrid;
    // MM 60,000 × 0.005 − 50 = 250; IM 60,000 × 0.01 = 600 (the second bracket's 100×)
    expect(table[1]).toEqual(['bitget-brackets', 10000, 250, 0.025, 'SAFE', 0, 9400]);
    expect(table[1]?.[3]).toBe(run('MARGIN_RATIO', [account, BLANK_RATES, 'bitget-brackets']));
  });

  it('gives a preset without brackets for the symbol its message in its own row, naming that preset', () => {
    const table = run('COMPARE', [account, BLANK_RATES, 'binance,bitget-brackets']) as CellGrid;
    expect(table[1]).toEqual([
      'binance',
      'positions, row 2: BTCUSDT has no mmr and preset binance has no leverage brackets for it; type the position\'s mmr (and cum), or add brackets for BTCUSDT to the preset (`multiasset import EXCHANGE BRACKETS.json --into binance`, the task pane\'s import, or "brackets": { "BTCUSDT": [...] } in the preset file)',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(table[2]).toEqual(['bitget-brackets', 10000, 250, 0.025, 'SAFE', 0, 9400]);
  });

  it('goes the Decimal way for a row the number path declines, with the same figures per preset', () => {
    // Text in a size cell: the number path declines the range, and each preset reads it again with its brackets.
    const texty: CellGrid = [BLANK_RATES[0] as CellScalar[], ['BTCUSDT', 'LONG', '1', 60000, 60000, null, '', null]];
    const table = run('COMPARE', [account, texty, 'binance,bitget-brackets']) as CellGrid;
    expect(table[1]?.[1]).toContain('preset binance has no leverage brackets');
    expect(table[2]).toEqual(['bitget-brackets', 10000, 250, 0.025, 'SAFE', 0, 9400]);
  });
});
