import fc from 'fast-check';
import type { ErrorKind } from '../../../src/engine/errors';
import type { CellArg, CellGrid, CellResult, FunctionName } from '../../../src/functions/core';
import type { LiveAccounts } from '../../../src/functions/core/types';
import { accountTable } from '../../../src/live/stream';
import { importAccountSnapshot } from '../../../src/presets/account';
import { FUNCTION_NAMES, FUNCTION_SPECS, invoke, isCellError } from '../../../src/functions/core';
import { parsePresetText, PresetRegistry } from '../../../src/presets';
import { SnapshotPrices } from '../../../src/prices';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRACKETS_PRESET } from '../../support/bracketPreset';

/**
 * PRICE outside Excel reads REST snapshots: here Binance's documented premiumIndex answer
 * (test/fixtures/prices), read once before the tests.
 */
const livePrices = new SnapshotPrices(
  async () => new Response(readFileSync(join(__dirname, '../../fixtures/prices/binance-rest-premiumIndex.json'))),
);
beforeAll(async () => {
  invoke('PRICE', ['BTC', 'binance', null], { registry: new PresetRegistry(), livePrices });
  await livePrices.fetchWanted();
});

/** ACCOUNT outside Excel: Binance's documented account and positionRisk responses, read as a pasted snapshot. */
const liveAccounts: LiveAccounts = {
  table: (exchange, part) => {
    const docs = ['binance-account-v2.json', 'binance-positionRisk-v2.json'].map((f) =>
      JSON.parse(readFileSync(join(__dirname, '../../fixtures/account', f), 'utf8')),
    );
    return accountTable(importAccountSnapshot(exchange, docs), part, 0);
  },
};

const ctx = () => {
  const registry = new PresetRegistry();
  registry.upsertCustom(BRACKETS_PRESET);
  return { registry, livePrices, liveAccounts };
};

const BALANCES: CellGrid = [
  ['asset', 'amount', 'price'],
  ['USDT', 10000, 1],
  ['BTC', 1, 60000],
];
const POSITIONS: CellGrid = [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr'],
  ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 0, 0.05],
];
const SHOCKS: CellGrid = [['BTC', -0.2]];

/** A valid call of every function (Binance), the base the bad-input table changes one argument of. */
const VALID: Record<FunctionName, CellArg[]> = {
  COLLATERAL_VALUE: ['BTC', 1, 60000, 'binance'],
  COLLATERAL_RATIO: ['BTC', 1, 60000, 'binance'],
  COLLATERAL_TIERS: ['BTC', 'binance'],
  PRESETS: [],
  ACCOUNT_EQUITY: [BALANCES, 'binance'],
  MULTIASSET_LTV: [BALANCES, 'binance'],
  MAINT_MARGIN: [POSITIONS, 'binance'],
  MARGIN_RATIO: [BALANCES, POSITIONS, 'binance'],
  RISK_LEVEL: [0.3, 'binance'],
  AVAILABLE_FOR_ORDER: [BALANCES, POSITIONS, 'BTC', 'binance'],
  AUTO_EXCHANGE: [BALANCES, 'binance', 'regular', true],
  LIABILITY_INTEREST: [-5000, 0.00001, 24, 1000],
  LIQUIDATION_PRICE: [BALANCES, POSITIONS, 'BTC', 'binance'],
  STRESS_MARGIN_RATIO: [BALANCES, POSITIONS, SHOCKS, 'binance'],
  MODE_SWITCH_CHECK: ['multi', BALANCES, POSITIONS, 0, 'binance'],
  PRICE: ['BTC', 'binance', 'mark'],
  BRACKETS: ['BTCUSDT', 'bitget-brackets'],
  TOPUP_NEEDED: [BALANCES, POSITIONS, 'USDT', 0.5, 'binance'],
  MAX_WITHDRAWABLE: [BALANCES, POSITIONS, 'USDT', 'binance'],
  MAX_ORDER_SIZE: [BALANCES, POSITIONS, 'BTCUSDT', 60000, 0.05, 'binance'],
  COMPARE: [BALANCES, POSITIONS, 'binance,bitget'],
  ACCOUNT: ['binance', 'positions'],
};

function argsWith(name: FunctionName, param: string, value: CellArg): CellArg[] {
  const args = [...VALID[name]];
  const at = FUNCTION_SPECS[name].params.findIndex((p) => p.name === param);
  if (at < 0) throw new Error(`${name} has no parameter ${param}`);
  args[at] = value;
  return args;
}

function expectError(result: CellResult, kind: ErrorKind, mentions: string): void {
  expect(isCellError(result)).toBe(true);
  if (!isCellError(result)) return;
  expect(result.error).toBe(kind);
  expect(result.message).toContain(mentions);
}

describe('every function', () => {
  it.each(FUNCTION_NAMES.map((n) => [n]))('%s gives a result for a valid call', (name) => {
    const result = invoke(name, VALID[name], ctx());
    expect(isCellError(result) ? result.message : 'ok').toBe('ok');
  });

  it('is described by one spec per function, optional parameters last', () => {
    expect(Object.keys(FUNCTION_SPECS).sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const name of FUNCTION_NAMES) {
      const optional = FUNCTION_SPECS[name].params.map((p) => p.optional);
      expect(optional).toEqual([...optional].sort((a, b) => Number(a) - Number(b)));
    }
  });
});

describe('optional arguments', () => {
  const optionalCalls = FUNCTION_NAMES.flatMap((name) =>
    FUNCTION_SPECS[name].params.filter((p) => p.optional).map((p) => [name, p.name] as const),
  );

  it.each(optionalCalls)('%s treats a blank %s (null, 0 or "") as omitted', (name, param) => {
    // The built-in presets carry no leverage brackets, so BRACKETS needs a default preset that has some.
    const context = () => {
      const c = ctx();
      if (name === 'BRACKETS') c.registry.setDefault(BRACKETS_PRESET.id);
      return c;
    };
    const omitted = invoke(name, argsWith(name, param, null), context());
    expect(invoke(name, argsWith(name, param, ''), context())).toEqual(omitted);
    expect(invoke(name, argsWith(name, param, 0), context())).toEqual(omitted);
    expect(isCellError(omitted) ? omitted.message : 'ok').toBe('ok');
  });

  it('uses the registry default preset when exchange is omitted, blank or absent', () => {
    const registry = new PresetRegistry();
    registry.setDefault('bitget');
    const context = { registry };
    expect(invoke('COLLATERAL_VALUE', ['BTC', 10, 60000], context)).toBe(582000);
    expect(invoke('COLLATERAL_VALUE', ['BTC', 10, 60000, null], context)).toBe(582000);
    expect(invoke('COLLATERAL_VALUE', ['BTC', 10, 60000, ''], context)).toBe(582000);
    expect(invoke('COLLATERAL_VALUE', ['BTC', 10, 60000, 0], context)).toBe(582000);
  });

  it('reads a custom preset from the registry by id, case-insensitively', () => {
    const registry = new PresetRegistry();
    const text = readFileSync(join(__dirname, '../../../examples/presets/desk-example.json'), 'utf8');
    registry.upsertCustom(parsePresetText(text));
    // desk-example BTC tiers: 100,000 at 97.5%, the rest at 95%
    expect(invoke('COLLATERAL_VALUE', ['BTC', 2, 100000, 'DESK-EXAMPLE'], { registry })).toBe(192500);
  });

  it('treats has_positions as FALSE when blank, selecting the LTV trigger', () => {
    const balances: CellGrid = [
      ['BTC', 1, 1000],
      ['USDT', -990, 1],
    ];
    const blank = invoke('AUTO_EXCHANGE', [balances, 'binance', null, null], ctx());
    expect(blank).toEqual(invoke('AUTO_EXCHANGE', [balances, 'binance', null, false], ctx()));
    expect(Array.isArray(blank) ? blank[1]?.[5] : blank).toBe('LTV');
  });
});

/** [function, what is wrong, parameter, bad value, kind, text the message must contain] */
const BAD_INPUT: [FunctionName, string, string, CellArg, ErrorKind, string][] = [];
const asset = (name: FunctionName) => BAD_INPUT.push([name, 'unknown asset', 'asset', 'NOPE', 'na', 'asset: NOPE']);
const exchange = (name: FunctionName) =>
  BAD_INPUT.push([name, 'unknown exchange', 'exchange', 'nowhere', 'value', 'exchange: unknown preset "nowhere"']);
const balanceRows = (name: FunctionName) =>
  BAD_INPUT.push(
    [name, 'unknown asset in balances', 'balances', [['NOPE', 1, 2]], 'na', 'balances, row 1: NOPE is not a collateral asset'],
    [name, 'text for an amount', 'balances', [['BTC', 'x', 60000]], 'value', 'balances, row 1, amount: expected a number'],
    [name, 'zero price', 'balances', [['BTC', 1, 0]], 'value', 'balances, row 1, price: expected a positive number'],
    [name, 'negative price', 'balances', [['BTC', 1, -5]], 'value', 'balances, row 1, price: expected a positive number'],
    [name, 'empty range', 'balances', [[null, '', 0]], 'value', 'balances: the range has no data rows'],
    [
      name,
      'malformed row',
      'balances',
      [
        ['BTC', 1, 60000],
        ['ETH', null, 3000],
      ],
      'value',
      'balances, row 2: amount is blank',
    ],
  );
const positionRows = (name: FunctionName) =>
  BAD_INPUT.push(
    [name, 'unknown side', 'positions', [['BTCUSDT', 'UP', 1, 1, 1, 0.01]], 'value', 'positions, row 1, side: expected one of'],
    [
      name,
      'unknown margin mode',
      'positions',
      [POSITIONS[0] ?? [], ['BTCUSDT', 'LONG', 1, 1, 1, 0.01, 0, 0.02]].map((r, i) => (i === 0 ? [...r, 'mode'] : [...r, 'hedge'])),
      'value',
      'positions, row 2, margin_mode: expected one of cross, isolated',
    ],
    [name, 'text for a size', 'positions', [['BTCUSDT', 'LONG', 'one', 1, 1, 0.01]], 'value', 'positions, row 1, size: expected a number'],
    [name, 'zero mark', 'positions', [['BTCUSDT', 'LONG', 1, 1, 0, 0.01]], 'value', 'positions, row 1, mark: expected a positive number'],
    [name, 'empty range', 'positions', [[null, null, null, null, null, null]], 'value', 'positions: the range has no data rows'],
    [name, 'malformed row', 'positions', [['BTCUSDT', 'LONG', 1, 1]], 'value', 'positions: expected 6 to 9 columns'],
  );

for (const name of ['COLLATERAL_VALUE', 'COLLATERAL_RATIO'] as const) {
  asset(name);
  exchange(name);
  BAD_INPUT.push(
    [name, 'text for a number', 'amount', 'ten', 'value', 'amount: expected a number, got "ten"'],
    [name, 'zero price', 'price', 0, 'value', 'price: expected a positive number'],
    [name, 'negative price', 'price', -1, 'value', 'price: expected a positive number'],
    [name, 'blank required asset', 'asset', null, 'value', 'asset: required'],
    [name, 'a range for a cell', 'amount', [[1, 2]], 'value', 'amount: expected a single cell'],
  );
}
asset('COLLATERAL_TIERS');
exchange('COLLATERAL_TIERS');
exchange('BRACKETS');
BAD_INPUT.push(
  ['BRACKETS', 'symbol without brackets', 'symbol', 'ETHUSDT', 'na', 'symbol: preset bitget-brackets has no leverage brackets for ETHUSDT'],
  ['BRACKETS', 'blank symbol', 'symbol', null, 'value', 'symbol: required'],
);
for (const name of ['ACCOUNT_EQUITY', 'MULTIASSET_LTV', 'AUTO_EXCHANGE'] as const) {
  exchange(name);
  balanceRows(name);
}
BAD_INPUT.push(['AUTO_EXCHANGE', 'text for has_positions', 'has_positions', 'maybe', 'value', 'has_positions: expected TRUE or FALSE']);
BAD_INPUT.push(['AUTO_EXCHANGE', 'unknown user tier', 'user_tier', 'gold', 'value', 'user_tier: expected one of']);
exchange('MAINT_MARGIN');
positionRows('MAINT_MARGIN');
for (const name of ['MARGIN_RATIO', 'AVAILABLE_FOR_ORDER', 'LIQUIDATION_PRICE', 'STRESS_MARGIN_RATIO', 'MODE_SWITCH_CHECK'] as const) {
  exchange(name);
  balanceRows(name);
  positionRows(name);
}
asset('AVAILABLE_FOR_ORDER');
// Any asset may move (a position's base need not be collateral): one that nothing holds has no liquidation price.
BAD_INPUT.push(['LIQUIDATION_PRICE', 'unknown asset', 'asset', 'NOPE', 'na', 'no liquidation price for NOPE']);
exchange('RISK_LEVEL');
BAD_INPUT.push(
  ['RISK_LEVEL', 'text for a number', 'margin_ratio', 'high', 'value', 'margin_ratio: expected a number'],
  ['RISK_LEVEL', 'negative ratio', 'margin_ratio', -0.5, 'value', 'margin_ratio: expected zero or a positive number'],
  ['LIABILITY_INTEREST', 'text for a number', 'hourly_rate', 'daily', 'value', 'hourly_rate: expected a number'],
  ['LIABILITY_INTEREST', 'negative rate', 'hourly_rate', -0.1, 'value', 'hourly_rate: expected zero or a positive number'],
  [
    'LIABILITY_INTEREST',
    'negative interest-free amount',
    'interest_free',
    -1,
    'value',
    'interest_free: expected zero or a positive number',
  ],
  ['STRESS_MARGIN_RATIO', 'unknown asset in shocks', 'shocks', [['NOPE', -0.1]], 'value', 'shocks, row 1: NOPE'],
  ['STRESS_MARGIN_RATIO', 'text for a change', 'shocks', [['BTC', 'down']], 'value', 'shocks, row 1, change: expected a number'],
  ['STRESS_MARGIN_RATIO', 'empty range', 'shocks', [[null, null]], 'value', 'shocks: the range has no data rows'],
  ['STRESS_MARGIN_RATIO', 'malformed row', 'shocks', [['BTC', -0.1, 3]], 'value', 'shocks: expected 2 columns'],
  ['MODE_SWITCH_CHECK', 'unknown target mode', 'target_mode', 'both', 'value', 'target_mode: expected one of multi, single'],
  ['MODE_SWITCH_CHECK', 'fractional open orders', 'open_orders', 1.5, 'value', 'open_orders: expected a whole number'],
  ['MODE_SWITCH_CHECK', 'text for open orders', 'open_orders', 'some', 'value', 'open_orders: expected a number'],
);

exchange('PRICE');
BAD_INPUT.push(
  ['ACCOUNT', 'blank exchange', 'exchange', null, 'value', 'exchange: required'],
  [
    'ACCOUNT',
    'an exchange without a private stream',
    'exchange',
    'bitmart',
    'value',
    'exchange: expected one of binance, okx, bybit, bitget, got "bitmart"',
  ],
  ['ACCOUNT', 'unknown part', 'part', 'orders', 'value', 'part: expected one of balances, positions, totals, got "orders"'],
);
BAD_INPUT.push(
  ['PRICE', 'blank symbol', 'symbol_or_asset', null, 'value', 'symbol_or_asset: required'],
  ['PRICE', 'a symbol with a space', 'symbol_or_asset', 'BTC USDT', 'value', 'symbol_or_asset: expected an asset such as BTC'],
  ['PRICE', 'unknown kind', 'kind', 'bid', 'value', 'kind: expected one of mark, index, last, got "bid"'],
  ['PRICE', 'a preset without a live feed', 'exchange', 'bitmart', 'na', 'exchange: live prices are not available for preset bitmart'],
);

for (const name of ['TOPUP_NEEDED', 'MAX_WITHDRAWABLE', 'MAX_ORDER_SIZE'] as const) {
  exchange(name);
  balanceRows(name);
  positionRows(name);
}
positionRows('COMPARE');
BAD_INPUT.push(
  ['TOPUP_NEEDED', 'asset without a balances row', 'asset', 'BNB', 'value', 'asset: BNB needs a row in balances'],
  ['TOPUP_NEEDED', 'zero target', 'target_ratio', 0, 'value', 'target_ratio: expected a positive number'],
  ['TOPUP_NEEDED', 'text target', 'target_ratio', 'safe', 'value', 'target_ratio: expected a number'],
  ['MAX_WITHDRAWABLE', 'asset without a balances row', 'asset', 'ETH', 'value', 'asset: ETH needs a row in balances'],
  ['MAX_ORDER_SIZE', 'zero price', 'price', 0, 'value', 'price: expected a positive number'],
  ['MAX_ORDER_SIZE', 'text imr', 'imr', 'high', 'value', 'imr: expected a number'],
  ['MAX_ORDER_SIZE', 'negative imr', 'imr', -0.05, 'value', 'imr: expected a positive number'],
  ['MAX_ORDER_SIZE', 'symbol without a quote', 'symbol', 'BTCXYZ', 'value', 'cannot tell the quote asset of symbol "BTCXYZ"'],
  ['COMPARE', 'text for an amount', 'balances', [['BTC', 'x', 60000]], 'value', 'balances, row 1, amount: expected a number'],
  ['COMPARE', 'empty range', 'balances', [[null, '', 0]], 'value', 'balances: the range has no data rows'],
);

describe('the desk functions', () => {
  it('MAX_ORDER_SIZE takes a blank imr from the open positions on the symbol, and asks for it when there are none', () => {
    const args = (symbol: string): CellArg[] => [BALANCES, POSITIONS, symbol, 60000, null, 'binance'];
    // 67,000 equity − 3,000 IM = 64,000 free; 64,000 / (60,000 × 0.05)
    expect(invoke('MAX_ORDER_SIZE', args('BTCUSDT'), ctx())).toBe(Number('21.3333333333333333333333333333333333333333333333333333333333'));
    expectError(
      invoke('MAX_ORDER_SIZE', args('ETHUSDT'), ctx()),
      'value',
      'imr: preset binance has no leverage bracket for ETHUSDT, and no open ETHUSDT position gives one',
    );
  });

  it('COMPARE gives an unknown preset id a row with its message and keeps the others', () => {
    const table = invoke('COMPARE', [BALANCES, POSITIONS, [['binance'], ['nowhere']]], ctx());
    expect(Array.isArray(table) && table.map((row) => row.slice(0, 2))).toEqual([
      ['exchange', 'equity'],
      ['binance', 67000],
      ['nowhere', 'exchange: unknown preset "nowhere"; known: binance, bitget, bitmart, okx, bybit, bitget-brackets'],
    ]);
  });
});

describe('bad input', () => {
  it('covers every function', () => {
    const covered = new Set(BAD_INPUT.map(([name]) => name));
    expect(FUNCTION_NAMES.filter((n) => n !== 'PRESETS' && !covered.has(n))).toEqual([]);
  });

  it.each(BAD_INPUT)('%s: %s in %s gives an error naming it', (name, _what, param, value, kind, mentions) => {
    expectError(invoke(name, argsWith(name, param, value), ctx()), kind, mentions);
  });

  it('refuses more arguments than the function has', () => {
    expectError(invoke('PRESETS', [1], ctx()), 'value', 'PRESETS: expected at most 0 arguments, got 1');
    expectError(invoke('RISK_LEVEL', [0.1, 'binance', 3], ctx()), 'value', 'RISK_LEVEL: expected at most 2 arguments');
  });

  it('reports the first bad argument, in the order of the parameters', () => {
    expectError(invoke('COLLATERAL_VALUE', ['BTC', 'x', 0, 'nowhere'], ctx()), 'value', 'amount:');
  });

  it('turns an unexpected exception into a #VALUE! internal error instead of throwing', () => {
    const registry = new PresetRegistry();
    const broken = {
      registry: Object.assign(registry, {
        resolve: () => {
          throw new TypeError('boom');
        },
      }),
    };
    expect(invoke('COLLATERAL_VALUE', ['BTC', 1, 1], broken)).toEqual({ error: 'value', message: 'internal error: boom' });
  });
});

describe('result tables', () => {
  it('say in one row that no auto-exchange trigger fires, and why', () => {
    const result = invoke(
      'AUTO_EXCHANGE',
      [
        [
          ['BTC', 1, 60000],
          ['USDT', -100, 1],
        ],
        'binance',
        null,
        true,
      ],
      ctx(),
    );
    expect(Array.isArray(result)).toBe(true);
    const [header, row, ...rest] = result as CellGrid;
    expect(header).toEqual(['from_asset', 'amount_sold', 'value_sold', 'to_asset', 'amount_covered', 'trigger']);
    expect(row?.slice(0, 5)).toEqual(['NONE', 0, 0, '', 0]);
    expect(String(row?.[5])).toMatch(/^No trigger fires: /);
    expect(rest).toEqual([]);
  });

  it('add an UNCOVERED row when the positive assets run out', () => {
    // 0.01 BTC (600) covers 600 × (1 − 2.5%) = 585 of the 6,000 USDC deficit: 5,415 stays uncovered.
    const result = invoke(
      'AUTO_EXCHANGE',
      [
        [
          ['BTC', 0.01, 60000],
          ['USDC', -6000, 1],
        ],
        'binance',
      ],
      ctx(),
    ) as CellGrid;
    expect(result[1]?.slice(0, 4)).toEqual(['BTC', 0.01, 600, 'USDC']);
    expect(result[2]).toEqual(['UNCOVERED', '', '', '', '', 'deficit worth 5415 USDT left uncovered: no positive assets left to sell']);
  });

  it('list each failing Binance mode-switch rule with its error code', () => {
    const positions: CellGrid = [
      ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'margin_mode'],
      ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 'isolated'],
    ];
    const result = invoke('MODE_SWITCH_CHECK', ['MULTI', [['USDT', 10000, 1]], positions, 2, 'binance'], ctx()) as CellGrid;
    expect(result[0]).toEqual(['BLOCKED', 'multi-asset mode', '2 of 4 rules fail']);
    expect(result.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['crossOnly', 'FAIL'],
      ['noOpenOrders', 'FAIL'],
      ['noNegativeBalance', 'PASS'],
      ['marginSufficient', 'PASS'],
    ]);
    expect(result[1]?.[2]).toContain('-4167');
    expect(result[2]?.[2]).toContain('-4170');
  });

  it('are rectangular', () => {
    const grids = FUNCTION_NAMES.filter((n) => FUNCTION_SPECS[n].spills).map((n) => invoke(n, VALID[n], ctx()));
    for (const grid of grids) {
      expect(Array.isArray(grid)).toBe(true);
      const widths = new Set((grid as CellGrid).map((r) => r.length));
      expect(widths.size).toBe(1);
    }
  });
});

/** Every number in a result, tables included. */
const numbersOf = (result: CellResult): number[] =>
  Array.isArray(result) ? result.flat().filter((c): c is number => typeof c === 'number') : typeof result === 'number' ? [result] : [];

describe('results are never NaN, ±Infinity or -0', () => {
  const cell = fc.oneof(
    fc.double({ noNaN: false }),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.constantFrom(null, '', 0, -0, 'x', '1e400', true),
  );

  it('for the scalar functions, whatever the cells', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FUNCTION_NAMES), fc.array(cell, { maxLength: 4 }), (name, cells) => {
        const args = VALID[name].map((v, i) => (Array.isArray(v) ? v : (cells[i] ?? v)));
        for (const n of numbersOf(invoke(name, args, ctx()))) {
          expect(Number.isFinite(n)).toBe(true);
          expect(Object.is(n, -0)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for balances of any amounts and prices', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (amount, price) => {
        const balances: CellGrid = [
          ['BTC', amount, price],
          ['USDT', 1000, 1],
        ];
        for (const name of ['ACCOUNT_EQUITY', 'MULTIASSET_LTV', 'MARGIN_RATIO', 'AVAILABLE_FOR_ORDER'] as const) {
          for (const n of numbersOf(invoke(name, argsWith(name, 'balances', balances), ctx()))) {
            expect(Number.isFinite(n)).toBe(true);
            expect(Object.is(n, -0)).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
