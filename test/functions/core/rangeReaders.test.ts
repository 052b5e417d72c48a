import { isMarginError } from '../../../src/engine/errors';
import type { Balance, Position } from '../../../src/engine';
import { marginRatio } from '../../../src/engine';
import type { CellGrid } from '../../../src/functions/core';
import { invoke, readBalances, readPositions } from '../../../src/functions/core';
import { BALANCES_TABLE, POSITIONS_TABLE } from '../../../src/functions/core/columns';
import { BUILTIN_PRESETS, PresetRegistry } from '../../../src/presets';
import { BALANCE_COLUMNS, POSITION_COLUMNS } from '../../../src/taskpane/context/scenarioState';
import { parseBalanceRows, parsePositionRows } from '../../../src/taskpane/scenario/scenarioRows';
import { readSelection } from '../../../src/taskpane/scenario/selectionGrid';

/**
 * One table of cases, each run through both kinds of reader of balances and positions ranges: the functions'
 * (what MARGIN_RATIO and the others read) and the task pane's (Read selection, then the typed rows). They
 * must agree on every case: the same rows, or both refuse.
 */

type Kind = 'balances' | 'positions';
type Outcome = { readonly rows: readonly (string | null)[][] } | { readonly refused: RegExp };

interface Case {
  readonly title: string;
  readonly kind: Kind;
  readonly grid: CellGrid;
  readonly outcome: Outcome;
}

const plainBalance = (b: Balance) => [b.asset.toUpperCase(), b.amount.toString(), b.price.toString(), b.upnl?.toString() ?? null];
const plainPosition = (p: Position) => [
  p.symbol.toUpperCase(),
  p.side,
  p.size.toString(),
  p.entry.toString(),
  p.mark.toString(),
  p.mmr.toString(),
  p.cum.toString(),
  p.imr?.toString() ?? null,
  p.marginMode,
];

const POSITION_HEADER = ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum'];

const CASES: readonly Case[] = [
  {
    title: 'a positions header of exchange words (contract, avg price, mark price, maint margin ratio)',
    kind: 'positions',
    grid: [
      ['contract', 'side', 'size', 'avg price', 'mark price', 'maint margin ratio'],
      ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.004],
    ],
    outcome: { rows: [['BTCUSDT', 'LONG', '1', '60000', '60000', '0.004', '0', null, 'cross']] },
  },
  {
    title: 'a balances header naming the amount "wallet"',
    kind: 'balances',
    grid: [
      ['asset', 'wallet', 'price'],
      ['USDT', 100, 1],
    ],
    outcome: { rows: [['USDT', '100', '1', null]] },
  },
  {
    title: 'headers with units and exchange spellings (Index Price (USDT), walletBalance, unRealizedProfit)',
    kind: 'balances',
    grid: [
      ['coin', 'walletBalance', 'Index Price (USDT)', 'unRealizedProfit'],
      ['BTC', 2, 60000, -5],
    ],
    outcome: { rows: [['BTC', '2', '60000', '-5']] },
  },
  {
    title: 'a negative cum',
    kind: 'positions',
    grid: [POSITION_HEADER, ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, -5]],
    outcome: { refused: /cum: expected zero or a positive number, got -5$/ },
  },
  {
    title: 'a cum beyond the notional margin',
    kind: 'positions',
    grid: [POSITION_HEADER, ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 300]],
    outcome: { refused: /cum 300 is larger than the notional's margin \|size\| × mark × mmr = 240/ },
  },
  {
    title: 'an mmr above 1',
    kind: 'positions',
    grid: [POSITION_HEADER, ['BTCUSDT', 'LONG', 1, 60000, 60000, 1.5, 0]],
    outcome: { refused: /mmr: expected a rate from 0 to 1, got 1\.5$/ },
  },
  {
    title: 'an imr above 1',
    kind: 'positions',
    grid: [
      [...POSITION_HEADER, 'imr'],
      ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, 5],
    ],
    outcome: { refused: /imr: expected a rate from 0 to 1, got 5$/ },
  },
  {
    title: 'number text with grouping commas in threes and a typographic minus',
    kind: 'balances',
    grid: [
      ['asset', 'amount', 'price'],
      ['BTC', '1,250.5', '60,000'],
      ['USDT', '\u22125,000', '1'],
    ],
    outcome: {
      rows: [
        ['BTC', '1250.5', '60000', null],
        ['USDT', '-5000', '1', null],
      ],
    },
  },
  {
    title: 'grouping commas not in threes',
    kind: 'balances',
    grid: [
      ['asset', 'amount', 'price'],
      ['BTC', 1, '60,00'],
    ],
    outcome: { refused: /price: expected a number, got "60,00"$/ },
  },
  {
    title: 'a price beyond what a cell holds',
    kind: 'balances',
    grid: [
      ['asset', 'amount', 'price'],
      ['BTC', 1, '1e99999999999999999'],
    ],
    outcome: { refused: /price: expected a number a spreadsheet can hold \(magnitude at most 1\.8e308\), got "1e99999999999999999"$/ },
  },
  {
    title: 'a side that is a prototype word',
    kind: 'positions',
    grid: [POSITION_HEADER, ['BTCUSDT', '__proto__', 1, 60000, 60000, 0.004, 0]],
    outcome: { refused: /side: expected .*got "__proto__"$/ },
  },
  {
    title: 'a margin mode that is a prototype word',
    kind: 'positions',
    grid: [
      [...POSITION_HEADER, 'margin_mode'],
      ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, 'constructor'],
    ],
    outcome: { refused: /margin_mode: expected .*got "constructor"$/ },
  },
];

type Read = { readonly rows: readonly (string | null)[][] } | { readonly message: string };

function outcomeOf(read: () => readonly (string | null)[][]): Read {
  try {
    return { rows: read() };
  } catch (error) {
    if (isMarginError(error)) return { message: error.message };
    throw error;
  }
}

function functionsRead(c: Case) {
  return outcomeOf(() =>
    c.kind === 'balances' ? readBalances(c.grid, 'balances').map(plainBalance) : readPositions(c.grid, 'positions').map(plainPosition),
  );
}

function paneRead(c: Case) {
  return outcomeOf(() => {
    const content = readSelection(c.grid);
    expect(content.kind).toBe(c.kind);
    return content.kind === 'balances'
      ? parseBalanceRows(content.rows).map(plainBalance)
      : parsePositionRows(content.rows).map(plainPosition);
  });
}

function expectOutcome(actual: Read, expected: Outcome): void {
  if ('rows' in expected) {
    expect(actual).toEqual(expected);
  } else {
    expect('message' in actual ? actual.message : `read ${JSON.stringify(actual)}`).toMatch(expected.refused);
  }
}

describe.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
  it('reads the same through the functions', () => expectOutcome(functionsRead(c), c.outcome));
  it('reads the same through the task pane', () => expectOutcome(paneRead(c), c.outcome));
});

describe('the readers share one column table', () => {
  it('gives MARGIN_RATIO 0.024 for an exchange-worded positions range, in the functions and the pane alike', () => {
    const balances: CellGrid = [
      ['asset', 'amount', 'price'],
      ['USDT', 10000, 1],
    ];
    const positions = CASES[0]?.grid as CellGrid;
    const registry = new PresetRegistry(BUILTIN_PRESETS);
    // 1 × 60000 × 0.004 = 240 maintenance over 10000 equity.
    expect(invoke('MARGIN_RATIO', [balances, positions, 'binance'], { registry })).toBe(0.024);
    const pane = readSelection(positions);
    const paneBalances = readSelection(balances);
    if (pane.kind !== 'positions' || paneBalances.kind !== 'balances') throw new Error('not recognised');
    const ratio = marginRatio(registry.resolve('binance'), parseBalanceRows(paneBalances.rows), parsePositionRows(pane.rows));
    expect(ratio.toString()).toBe('0.024');
  });

  it("names the pane's grid columns as the table does, in its positional order", () => {
    expect(BALANCES_TABLE.columns.map((c) => c.name)).toEqual([...BALANCE_COLUMNS]);
    expect(POSITIONS_TABLE.columns.map((c) => c.name)).toEqual([...POSITION_COLUMNS]);
  });
});
