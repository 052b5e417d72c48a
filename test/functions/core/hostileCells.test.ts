import { dec } from '../../../src/engine';
import type { CellArg, CellGrid, CellResult, FunctionName } from '../../../src/functions/core';
import { invoke, isCellError } from '../../../src/functions/core';
import { BUILTIN_PRESETS, PresetRegistry } from '../../../src/presets';

const ctx = () => ({ registry: new PresetRegistry(BUILTIN_PRESETS) });
const call = (name: FunctionName, args: readonly CellArg[]): CellResult => invoke(name, args, ctx());
const messageOf = (result: CellResult): string =>
  isCellError(result) ? `#${result.error} ${result.message}` : `no error: ${JSON.stringify(result)}`;

const BALANCES: CellGrid = [
  ['asset', 'amount', 'price'],
  ['USDT', 10000, 1],
];
const positions = (...row: CellArg[]): CellGrid => [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
  row as CellGrid[number],
];

describe('a maintenance margin is never negative', () => {
  // |size| × mark × mmr = 1 × 60000 × 0.004 = 240; a cum of 300 would make it −60.
  const beyond = positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 300, '', '');
  const refusal =
    "#value positions, row 2: cum 300 is larger than the notional's margin |size| × mark × mmr = 240, which would make the maintenance margin negative";

  it.each<[FunctionName, CellArg[]]>([
    ['MARGIN_RATIO', [BALANCES, beyond, 'binance']],
    ['MAINT_MARGIN', [beyond, 'binance']],
    ['MODE_SWITCH_CHECK', ['single', BALANCES, beyond, 0, 'bitget']],
    ['AVAILABLE_FOR_ORDER', [BALANCES, beyond, 'USDT', 'binance']],
  ])('%s refuses a cum beyond the notional margin, naming the row and the bound', (name, args) => {
    expect(messageOf(call(name, args))).toBe(refusal);
  });

  it('accepts a cum equal to the notional margin (a maintenance margin of zero)', () => {
    expect(call('MAINT_MARGIN', [positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 240, '', ''), 'binance'])).toBe(0);
  });

  it('refuses an mmr or an imr above 1', () => {
    expect(messageOf(call('MARGIN_RATIO', [BALANCES, positions('BTCUSDT', 'LONG', 1, 60000, 60000, 1.5, '', '', ''), 'binance']))).toBe(
      '#value positions, row 2, mmr: expected a rate from 0 to 1, got 1.5',
    );
    expect(
      messageOf(
        call('MODE_SWITCH_CHECK', ['single', BALANCES, positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, 5, ''), 0, 'bitget']),
      ),
    ).toBe('#value positions, row 2, imr: expected a rate from 0 to 1, got 5');
  });

  it('takes rates of exactly 0 and 1', () => {
    expect(call('MAINT_MARGIN', [positions('BTCUSDT', 'LONG', 1, 60000, 60000, 1, 0, 1, ''), 'binance'])).toBe(60000);
    expect(call('MAINT_MARGIN', [positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0, 0, 0, ''), 'binance'])).toBe(0);
  });
});

describe('number text beyond what a cell holds', () => {
  const huge = '1e99999999999999999';
  const expected = (where: string, got: string) =>
    `#value ${where}: expected a number a spreadsheet can hold (magnitude at most 1.8e308), got "${got}"`;
  const hugeBalances: CellGrid = [
    ['asset', 'amount', 'price'],
    ['BTC', 1, huge],
  ];

  it.each<[FunctionName, CellArg[], string]>([
    ['MARGIN_RATIO', [hugeBalances, positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, '', ''), 'binance'], 'balances, row 2, price'],
    [
      'MODE_SWITCH_CHECK',
      ['single', hugeBalances, positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, '', ''), 0, 'bitget'],
      'balances, row 2, price',
    ],
    ['AUTO_EXCHANGE', [hugeBalances, 'binance', null, null], 'balances, row 2, price'],
    ['MARGIN_RATIO', [BALANCES, positions('BTCUSDT', 'LONG', 1, 60000, huge, 0.004, 0, '', ''), 'binance'], 'positions, row 2, mark'],
    ['COLLATERAL_VALUE', ['BTC', 1, huge, 'binance'], 'price'],
    ['LIABILITY_INTEREST', [`-${huge}`, 0.0001, 24, null], 'amount'],
  ])('%s answers #VALUE! naming the argument (case %#)', (name, args, where) => {
    const given = args.flat(2).find((cell) => typeof cell === 'string' && cell.includes(huge));
    expect(messageOf(call(name, args))).toBe(expected(where, String(given)));
  });

  it('refuses a magnitude below what a cell holds rather than reading it as zero', () => {
    expect(messageOf(call('COLLATERAL_VALUE', ['BTC', '1e-99999999999999999', 60000, 'binance']))).toBe(
      '#value amount: expected zero or a number a spreadsheet can hold (magnitude at least 2.2e-308), got "1e-99999999999999999"',
    );
  });
});

describe('plain numbers below what a cell holds', () => {
  it('are refused by the number paths as by the Decimal path', () => {
    const tiny = Number.MIN_VALUE;
    const refused = (where: string) =>
      `#value ${where}: expected zero or a number a spreadsheet can hold (magnitude at least 2.2e-308), got 5e-324`;
    expect(messageOf(call('COLLATERAL_VALUE', ['BTC', tiny, 60000, 'binance']))).toBe(refused('amount'));
    expect(messageOf(call('ACCOUNT_EQUITY', [[['BTC', tiny, 60000]], 'binance']))).toBe(refused('balances, row 1, amount'));
    expect(messageOf(call('MARGIN_RATIO', [BALANCES, positions('BTCUSDT', 'LONG', tiny, 60000, 60000, 0.004, 0, '', ''), 'binance']))).toBe(
      refused('positions, row 2, size'),
    );
  });
});

describe('choice words are only their own words', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('MODE_SWITCH_CHECK refuses the target mode %s', (word) => {
    expect(
      messageOf(call('MODE_SWITCH_CHECK', [word, BALANCES, positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, '', ''), 0, 'bitget'])),
    ).toBe(`#value target_mode: expected one of multi, single, got "${word}"`);
  });

  it.each(['constructor', '__proto__', 'toString'])('MARGIN_RATIO refuses %s as a side and as a margin mode', (word) => {
    expect(messageOf(call('MARGIN_RATIO', [BALANCES, positions('BTCUSDT', word, 1, 60000, 60000, 0.004, 0, '', ''), 'binance']))).toBe(
      `#value positions, row 2, side: expected one of LONG, SHORT, BOTH, got "${word}"`,
    );
    expect(messageOf(call('MARGIN_RATIO', [BALANCES, positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, '', word), 'binance']))).toBe(
      `#value positions, row 2, margin_mode: expected one of cross, isolated, got "${word}"`,
    );
  });

  it.each(['constructor', '__proto__', 'toString'])('refuses %s as a user tier, an exchange and an asset', (word) => {
    expect(messageOf(call('AUTO_EXCHANGE', [BALANCES, 'binance', word, null]))).toBe(
      `#value user_tier: expected one of regular, vip1, vip2plus, got ${word}`,
    );
    expect(messageOf(call('COLLATERAL_VALUE', ['BTC', 1, 60000, word]))).toMatch(new RegExp(`^#value exchange: unknown preset "${word}"`));
    expect(messageOf(call('COLLATERAL_VALUE', [word, 1, 60000, 'binance']))).toBe(
      `#na asset: ${word.toUpperCase()} is not a collateral asset of preset binance`,
    );
  });
});

describe('MAINT_MARGIN prices settlement assets through its own argument', () => {
  const usdc = positions('ETHUSDC', 'LONG', 1, 3000, 3000, 0.005, 0, '', '');

  it('says that `prices` needs the settlement asset, naming only its own arguments', () => {
    expect(messageOf(call('MAINT_MARGIN', [usdc, 'binance']))).toBe('#value prices: a price for USDC is needed (positions settle in it)');
  });

  it('takes asset | price rows, with or without a header', () => {
    // 1 × 3000 × 0.005 = 15 USDC, at 0.9998 USDT each (USDC liability rate 1 in the Binance preset).
    const expected = dec(15).times('0.9998').toNumber();
    expect(call('MAINT_MARGIN', [usdc, 'binance', [['USDC', 0.9998]]])).toBe(expected);
    expect(
      call('MAINT_MARGIN', [
        usdc,
        'binance',
        [
          ['asset', 'price'],
          ['USDC', '0.9998'],
        ],
      ]),
    ).toBe(expected);
  });

  it('takes a balances range, using its prices and not its amounts', () => {
    const balances: CellGrid = [
      ['asset', 'amount', 'price'],
      ['USDC', -50000, 0.9998],
      ['USDT', 10, 1],
    ];
    expect(call('MAINT_MARGIN', [usdc, 'binance', balances])).toBe(dec(15).times('0.9998').toNumber());
  });

  it('keeps a formula without prices working, and refuses an asset priced twice', () => {
    expect(call('MAINT_MARGIN', [positions('BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, '', ''), 'binance', null])).toBe(240);
    expect(
      messageOf(
        call('MAINT_MARGIN', [
          usdc,
          'binance',
          [
            ['USDC', 1],
            ['usdc', 1],
          ],
        ]),
      ),
    ).toBe('#value prices: USDC appears in more than one row');
  });
});
