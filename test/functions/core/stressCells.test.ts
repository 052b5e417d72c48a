import fc from 'fast-check';
import { stressMarginRatio } from '../../../src/engine';
import type { CellArg, CellGrid, CellResult, CellScalar } from '../../../src/functions/core';
import {
  accountFigureCell,
  ArgList,
  FUNCTION_SPECS,
  invoke,
  numberCell,
  readBalances,
  readPositions,
  readShocks,
  requireListedAssets,
  toCellError,
} from '../../../src/functions/core';
import { BUILTIN_PRESETS, PresetRegistry } from '../../../src/presets';

const registry = new PresetRegistry();
const ctx = { registry };

/** STRESS_MARGIN_RATIO with every range read into Decimals, as its handler does when the number path declines. */
function fullPath(balances: CellArg, positions: CellArg, shocks: CellArg, exchange: string): CellResult {
  try {
    const rows = readBalances(balances, 'balances');
    const book = readPositions(positions, 'positions', () => registry.resolve(exchange));
    const moves = readShocks(shocks, 'shocks');
    const preset = registry.resolve(exchange);
    requireListedAssets(preset, rows, 'balances');
    return numberCell(stressMarginRatio(preset, rows, book, moves));
  } catch (error) {
    return toCellError(error);
  }
}

/** The number path's figure, or null where it declines (NaN). */
function numberPath(balances: CellArg, positions: CellArg, shocks: CellArg, exchange: string): number | null {
  const args = ArgList.of('STRESS_MARGIN_RATIO', FUNCTION_SPECS.STRESS_MARGIN_RATIO, [balances, positions, shocks, exchange]);
  const value = accountFigureCell(args, ctx, 'stress');
  return Number.isNaN(value) ? null : value;
}

const BALANCES: CellGrid = [
  ['asset', 'amount', 'price'],
  ['USDT', 10000, 1],
  ['BTC', 1.5, 60000],
  ['ETH', -2, 3000],
];
const POSITIONS: CellGrid = [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum'],
  ['BTCUSDT', 'LONG', 1, 60000, 61000, 0.004, 0],
  ['ETHUSDT', 'SHORT', 10, 3000, 2900, 0.005, 1.5],
];

describe('the number path of STRESS_MARGIN_RATIO', () => {
  it('moves balance prices and marks by the shocks and gives the full path’s ratio', () => {
    const shocks: CellGrid = [
      ['asset', 'change'],
      ['BTC', -0.2],
      ['eth', 0.15],
    ];
    const fast = numberPath(BALANCES, POSITIONS, shocks, 'binance');
    expect(fast).not.toBeNull();
    expect(fast).toBe(fullPath(BALANCES, POSITIONS, shocks, 'binance'));
    expect(invoke('STRESS_MARGIN_RATIO', [BALANCES, POSITIONS, shocks, 'binance'], ctx)).toBe(fast);
  });

  it('declines shocks the engine refuses, which the full path reports', () => {
    for (const shocks of [
      [['BTC', -1]],
      [['DOGE', -0.1]],
      [
        ['BTC', -0.1],
        ['btc', 0.1],
      ],
      [['BTC', '-0.1']],
    ] as CellGrid[]) {
      expect(numberPath(BALANCES, POSITIONS, shocks, 'binance')).toBeNull();
      expect(invoke('STRESS_MARGIN_RATIO', [BALANCES, POSITIONS, shocks, 'binance'], ctx)).toEqual(
        fullPath(BALANCES, POSITIONS, shocks, 'binance'),
      );
    }
  });

  it('gives the full path’s result for random accounts and shocks', () => {
    const presetIds = BUILTIN_PRESETS.map((p) => p.id);
    const shortDecimal = fc.tuple(fc.integer({ min: 1, max: 2 ** 36 }), fc.integer({ min: 0, max: 8 })).map(([m, k]) => m / 10 ** k);
    const num = fc.oneof({ weight: 6, arbitrary: shortDecimal }, { weight: 2, arbitrary: shortDecimal.map((x) => -x) });
    const odd: fc.Arbitrary<CellScalar> = fc.constantFrom(null, '', 'abc', '12.5', true, 0, -1);
    const cell = (good: fc.Arbitrary<CellScalar>) => fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: odd });
    const assets = fc.constantFrom('USDT', 'BTC', 'ETH', 'USDC', 'BNB', 'btc', 'SOL');
    const balanceRow = fc.tuple(cell(assets), cell(num), cell(shortDecimal));
    const positionRow = fc.tuple(
      cell(fc.constantFrom('BTCUSDT', 'ETHUSDT', 'BTC-USDC', 'SOLUSDT')),
      cell(fc.constantFrom('LONG', 'SHORT', 'BOTH')),
      cell(num),
      cell(shortDecimal),
      cell(shortDecimal),
      cell(fc.constantFrom(0.004, 0.005, 0.01)),
      cell(fc.constantFrom(null, 0, 25)),
    );
    const change = fc.oneof(
      fc.integer({ min: -99, max: 300 }).map((n) => n / 100),
      fc.constantFrom(-1, -0.123456789, 0),
    );
    const shockRow = fc.tuple(cell(fc.constantFrom('BTC', 'ETH', 'USDT', 'USDC', 'SOL', 'DOGE')), cell(change));
    let taken = 0;
    let valued = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...presetIds),
        fc.array(balanceRow, { minLength: 1, maxLength: 5 }),
        fc.array(positionRow, { maxLength: 4 }),
        fc.array(shockRow, { minLength: 1, maxLength: 3 }),
        (exchange, rows, positionRows, shockRows) => {
          const balances: CellGrid = [['asset', 'amount', 'price'], ...rows];
          const positions: CellGrid = [['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum'], ...positionRows];
          const shocks: CellGrid = [['asset', 'change'], ...shockRows];
          const expected = fullPath(balances, positions, shocks, exchange);
          expect(invoke('STRESS_MARGIN_RATIO', [balances, positions, shocks, exchange], ctx)).toEqual(expected);
          if (typeof expected === 'number') {
            valued += 1;
            if (numberPath(balances, positions, shocks, exchange) !== null) taken += 1;
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(taken / valued).toBeGreaterThan(0.5);
  });
});
