import { isMarginError } from '../../../src/engine/errors';
import { headerKey, readBalances, readPositions, readRow, readShocks, readTable } from '../../../src/functions/core';
import type { CellGrid, TableSpec } from '../../../src/functions/core';

function failure(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (isMarginError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

const plain = (rows: ReturnType<typeof readBalances>) =>
  rows.map((b) => [b.asset, b.amount.toString(), b.price.toString(), b.upnl?.toString() ?? null]);

describe('balances ranges', () => {
  it('read asset, amount, price and an optional upnl by position', () => {
    const rows = readBalances(
      [
        ['BTC', 10, 60000],
        ['USDT', -5000, 1],
      ],
      'balances',
    );
    expect(plain(rows)).toEqual([
      ['BTC', '10', '60000', null],
      ['USDT', '-5000', '1', null],
    ]);
    expect(plain(readBalances([['USDT', 100, 1, -20]], 'balances'))).toEqual([['USDT', '100', '1', '-20']]);
  });

  it('match header names in any order, case-insensitively, with aliases and units', () => {
    const grid: CellGrid = [
      ['Unrealized PnL', 'Index Price (USDT)', 'COIN', 'wallet_balance'],
      [5, 1, 'USDT', 100],
    ];
    expect(plain(readBalances(grid, 'balances'))).toEqual([['USDT', '100', '1', '5']]);
  });

  it('skip blank rows whether the host blanks are null, 0 or ""', () => {
    const grid: CellGrid = [
      ['asset', 'amount', 'price'],
      [null, null, null],
      ['BTC', 1, 60000],
      [0, 0, 0],
      ['', '', ''],
      ['USDT', 5, 1],
    ];
    const rows = readBalances(grid, 'balances');
    expect(rows.map((r) => [r.asset, r.row])).toEqual([
      ['BTC', 3],
      ['USDT', 6],
    ]);
  });

  it('keep a zero amount inside a row with an asset', () => {
    expect(plain(readBalances([['BTC', 0, 60000]], 'balances'))).toEqual([['BTC', '0', '60000', null]]);
  });

  it('refuse a range with no data rows', () => {
    expect(failure(() => readBalances([[null, null, null]], 'balances'))).toEqual({
      code: 'EMPTY_RANGE',
      message: 'balances: the range has no data rows',
    });
    expect(failure(() => readBalances([['asset', 'amount', 'price']], 'balances')).code).toBe('EMPTY_RANGE');
    expect(failure(() => readBalances(null, 'balances')).code).toBe('EMPTY_RANGE');
    expect(failure(() => readBalances([[null], [''], [0]], 'balances')).code).toBe('EMPTY_RANGE');
  });

  it('name the range, row and column of a bad cell', () => {
    expect(
      failure(() =>
        readBalances(
          [
            ['BTC', 1, 60000],
            ['ETH', 'lots', 3000],
          ],
          'balances',
        ),
      ),
    ).toEqual({
      code: 'NOT_A_NUMBER',
      message: 'balances, row 2, amount: expected a number, got "lots"',
    });
    expect(failure(() => readBalances([['BTC', 1, 0]], 'balances'))).toEqual({
      code: 'NOT_POSITIVE',
      message: 'balances, row 1, price: expected a positive number, got 0',
    });
  });

  it('call a row with a required cell left blank malformed, saying what a row holds', () => {
    expect(failure(() => readBalances([['BTC', 1, null]], 'balances'))).toEqual({
      code: 'BAD_ROW',
      message: 'balances, row 1: price is blank; expected asset, amount, price, [upnl]',
    });
  });

  it('refuse a header-less range of the wrong width', () => {
    expect(failure(() => readBalances([['BTC', 1]], 'balances'))).toEqual({
      code: 'BAD_WIDTH',
      message: 'balances: expected 3 to 4 columns (asset, amount, price, [upnl]), got 2',
    });
    expect(failure(() => readBalances([['BTC', 1, 2, 3, 4]], 'balances')).code).toBe('BAD_WIDTH');
  });

  it('refuse unknown, repeated and missing header columns', () => {
    expect(
      failure(() =>
        readBalances(
          [
            ['asset', 'amnt', 'price'],
            ['BTC', 1, 2],
          ],
          'balances',
        ),
      ).code,
    ).toBe('UNKNOWN_COLUMN');
    expect(
      failure(() =>
        readBalances(
          [
            ['asset', 'coin', 'price'],
            ['BTC', 1, 2],
          ],
          'balances',
        ),
      ).message,
    ).toBe('balances: the header row names column "asset" twice');
    expect(
      failure(() =>
        readBalances(
          [
            ['asset', 'price'],
            ['BTC', 2],
          ],
          'balances',
        ),
      ),
    ).toEqual({
      code: 'MISSING_COLUMN',
      message: 'balances: expected a column "amount" (the header row names asset, amount, price, [upnl])',
    });
  });

  it('take a first row of data, even all text, as data when it names no column', () => {
    expect(plain(readBalances([['BTC', '1', '60000']], 'balances'))).toEqual([['BTC', '1', '60000', null]]);
  });
});

describe('positions ranges', () => {
  const header = ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'];

  it('read every column, with defaults for cum, imr and margin mode', () => {
    const [p] = readPositions([['BTCUSDT', 'long', 1, 60000, 61000, 0.004]], 'positions');
    expect(p).toBeDefined();
    expect([p?.symbol, p?.side, p?.size.toString(), p?.cum.toString(), p?.imr, p?.marginMode]).toEqual([
      'BTCUSDT',
      'LONG',
      '1',
      '0',
      undefined,
      'cross',
    ]);
  });

  it('match a header in another order and read margin modes case-insensitively', () => {
    const grid: CellGrid = [
      ['Margin Mode', 'Mark Price', 'Entry Price', 'Maint Margin Ratio', 'Side', 'Size', 'Symbol'],
      ['ISOLATED', 3100, 3000, 0.005, 'SHORT', 2, 'ETHUSDT'],
      ['crossed', 3100, 3000, 0.005, 'BOTH', -2, 'ETHUSDC'],
    ];
    expect(readPositions(grid, 'positions').map((p) => [p.symbol, p.side, p.marginMode, p.entry.toString()])).toEqual([
      ['ETHUSDT', 'SHORT', 'isolated', '3000'],
      ['ETHUSDC', 'BOTH', 'cross', '3000'],
    ]);
  });

  it('accept a header row with no positions below it as an account without positions', () => {
    expect(readPositions([header, [null, null, null, null, null, null, null, null, null]], 'positions')).toEqual([]);
  });

  it('refuse a range with no rows at all, saying how to describe no positions', () => {
    const { code, message } = failure(() => readPositions([[null, null, null, null, null, null]], 'positions'));
    expect(code).toBe('NO_POSITION_ROWS');
    expect(message).toMatch(/^positions: the range has no data rows; .*header row \(symbol, side/);
  });

  it('refuse an unknown side or margin mode, naming the row', () => {
    expect(failure(() => readPositions([['BTCUSDT', 'UP', 1, 1, 1, 0.01]], 'positions'))).toEqual({
      code: 'BAD_CHOICE',
      message: 'positions, row 1, side: expected one of LONG, SHORT, BOTH, got "UP"',
    });
    expect(failure(() => readPositions([header, ['BTCUSDT', 'LONG', 1, 1, 1, 0.01, 0, 0.02, 'hedged']], 'positions'))).toEqual({
      code: 'BAD_CHOICE',
      message: 'positions, row 2, margin_mode: expected one of cross, isolated, got "hedged"',
    });
  });

  it('refuse a non-positive entry or mark and a negative rate', () => {
    expect(failure(() => readPositions([['BTCUSDT', 'LONG', 1, 0, 1, 0.01]], 'positions')).message).toBe(
      'positions, row 1, entry: expected a positive number, got 0',
    );
    expect(failure(() => readPositions([['BTCUSDT', 'LONG', 1, 1, 1, -0.01]], 'positions')).code).toBe('NEGATIVE');
  });
});

describe('shocks ranges', () => {
  it('read asset and relative change, with or without a header', () => {
    expect(readShocks([['BTC', -0.2]], 'shocks').map((s) => [s.asset, s.change.toString()])).toEqual([['BTC', '-0.2']]);
    expect(
      readShocks(
        [
          ['Change', 'Coin'],
          [0.1, 'ETH'],
        ],
        'shocks',
      ).map((s) => s.asset),
    ).toEqual(['ETH']);
  });

  it('refuse a change of -100% or less, naming the row', () => {
    expect(
      failure(() =>
        readShocks(
          [
            ['BTC', 0.1],
            ['ETH', -1],
          ],
          'shocks',
        ),
      ),
    ).toEqual({
      code: 'BAD_SHOCK',
      message: 'shocks, row 2: expected a relative change above -1 for ETH, got -1',
    });
  });
});

describe('headerKey', () => {
  it('ignores case, separators and a trailing unit', () => {
    expect(headerKey(' Index_Price (USDT) ')).toBe('index price');
    expect(headerKey('margin-mode')).toBe('margin mode');
  });
});

describe('a column optional by a rule', () => {
  // A rate a row may leave blank when another column says where it comes from (as leverage brackets will).
  const spec = {
    columns: [
      { name: 'symbol', aliases: [], required: true, rule: { kind: 'text' } },
      {
        name: 'mmr',
        aliases: [],
        required: true,
        rule: { kind: 'number', sign: 'rate' },
        optionalWhen: { reason: 'the preset has brackets for the symbol', holds: (row: { row: number }) => row.row === 2 },
      },
    ],
  } as const satisfies TableSpec;

  it('needs no header name, and lets a row leave it blank only when the rule holds', () => {
    const { rows } = readTable([['symbol'], ['BTCUSDT'], ['ETHUSDT']], 'positions', spec);
    expect(readRow(rows[0]!, spec, 'positions', (r) => r.cell('mmr'))).toBeNull();
    expect(failure(() => readRow(rows[1]!, spec, 'positions', (r) => r.cell('mmr')))).toEqual({
      code: 'BAD_ROW',
      message: 'positions, row 3: mmr is blank (allowed only when the preset has brackets for the symbol); expected symbol, mmr',
    });
  });
});
