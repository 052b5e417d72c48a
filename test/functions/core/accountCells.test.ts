import fc from 'fast-check';
import type { Dec } from '../../../src/engine';
import { accountEquity, availableForOrder, marginRatio, multiAssetLtv } from '../../../src/engine';
import type { AccountFigure, CellArg, CellGrid, CellResult, CellScalar } from '../../../src/functions/core';
import {
  accountFigureCell,
  ArgList,
  FUNCTION_SPECS,
  invoke,
  numberCell,
  readBalances,
  readPositions,
  requireListedAssets,
  toCellError,
} from '../../../src/functions/core';
import { BUILTIN_PRESETS, PresetRegistry } from '../../../src/presets';

const registry = new PresetRegistry();
const ctx = { registry };
/** The figures whose arguments are balances, positions and exchange (STRESS_MARGIN_RATIO has its own test). */
type Figure = Exclude<AccountFigure, 'stress'>;
const NAMES = { equity: 'ACCOUNT_EQUITY', ltv: 'MULTIASSET_LTV', ratio: 'MARGIN_RATIO', available: 'AVAILABLE_FOR_ORDER' } as const;

/** The call with ranges read row by row into Decimals, as the handlers read them when the number path declines. */
function fullPath(kind: Figure, balances: CellArg, positions: CellArg, exchange: string): CellResult {
  try {
    const rows = readBalances(balances, 'balances');
    const book = kind === 'ratio' || kind === 'available' ? readPositions(positions, 'positions', () => registry.resolve(exchange)) : [];
    const preset = registry.resolve(exchange);
    requireListedAssets(preset, rows, 'balances');
    const value: Dec =
      kind === 'equity'
        ? accountEquity(preset, rows)
        : kind === 'ltv'
          ? multiAssetLtv(preset, rows)
          : kind === 'ratio'
            ? marginRatio(preset, rows, book)
            : availableForOrder(preset, rows, book);
    return numberCell(value);
  } catch (error) {
    return toCellError(error);
  }
}

function argsOf(kind: Figure, balances: CellArg, positions: CellArg, exchange: string): CellArg[] {
  if (kind === 'available') return [balances, positions, null, exchange];
  return kind === 'ratio' ? [balances, positions, exchange] : [balances, exchange];
}

const call = (kind: Figure, balances: CellArg, positions: CellArg, exchange: string) =>
  invoke(NAMES[kind], argsOf(kind, balances, positions, exchange), ctx);

/** The number path's figure, or null where it declines (NaN). */
const numberPath = (kind: Figure, balances: CellArg, positions: CellArg, exchange: string): number | null => {
  const value = accountFigureCell(
    ArgList.of(NAMES[kind], FUNCTION_SPECS[NAMES[kind]], argsOf(kind, balances, positions, exchange)),
    ctx,
    kind,
  );
  return Number.isNaN(value) ? null : value;
};

const BALANCES: CellGrid = [
  ['Coin', 'Wallet Balance', 'Index Price (USDT)'],
  ['USDT', 10000, 1],
  [null, null, null],
  ['btc', 1.5, 60000],
  ['ETH', -2, 3000],
];
const POSITIONS: CellGrid = [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
  ['BTCUSDT', 'LONG', 1, 60000, 61000, 0.004, 0, '', ''],
  ['ETHUSDT', 'short', 10, 3000, 2900, 0.005, 1.5, 0.01, 'Isolated'],
];

describe('the number path of the account functions', () => {
  it('takes plain ranges (header, blank row, lower-case asset) and gives the full path’s figures', () => {
    for (const kind of ['equity', 'ltv', 'ratio'] as const) {
      const fast = numberPath(kind, BALANCES, POSITIONS, 'binance');
      expect(fast).not.toBeNull();
      expect(call(kind, BALANCES, POSITIONS, 'binance')).toBe(fast);
      expect(fast).toBe(fullPath(kind, BALANCES, POSITIONS, 'binance'));
    }
    // Binance (no positions in ACCOUNT_EQUITY): USDT 10000, BTC 1.5 × 60000 × 0.95, ETH −2 × 3000 at par
    expect(call('equity', BALANCES, POSITIONS, 'binance')).toBe(10000 + 85500 - 6000);
  });

  it('gives AVAILABLE_FOR_ORDER in the quote currency by the number path, a blank imr counting the maintenance margin', () => {
    const fast = numberPath('available', BALANCES, POSITIONS, 'binance');
    expect(fast).not.toBeNull();
    expect(call('available', BALANCES, POSITIONS, 'binance')).toBe(fast);
    expect(fast).toBe(fullPath('available', BALANCES, POSITIONS, 'binance'));
    // In BTC units the call goes the Decimal way: (equity − IM) / (60000 × BTC's liability rate).
    const inBtc = invoke('AVAILABLE_FOR_ORDER', [BALANCES, POSITIONS, 'BTC', 'binance'], ctx);
    const rows = readBalances(BALANCES, 'balances');
    const book = readPositions(POSITIONS, 'positions');
    expect(inBtc).toBe(numberCell(availableForOrder(registry.resolve('binance'), rows, book, 'BTC')));
  });

  it('declines numeric text, bad cells and refused accounts, which the full path reports', () => {
    const text: CellGrid = [['USDT', '10000', 1]];
    expect(numberPath('equity', text, null, 'binance')).toBeNull();
    expect(call('equity', text, null, 'binance')).toBe(10000);
    const duplicate: CellGrid = [
      ['BTC', 1, 60000],
      ['btc', 1, 60000],
    ];
    expect(numberPath('equity', duplicate, null, 'binance')).toBeNull();
    expect(call('equity', duplicate, null, 'binance')).toEqual(fullPath('equity', duplicate, null, 'binance'));
    const badPrice: CellGrid = [['BTC', 1, 0]];
    expect(numberPath('ltv', badPrice, null, 'binance')).toBeNull();
    expect(call('ltv', badPrice, null, 'binance')).toEqual({ error: 'value', message: expect.stringContaining('balances, row 1, price') });
    const noCollateral: CellGrid = [['USDT', -5, 1]];
    expect(call('ltv', noCollateral, null, 'binance')).toEqual(fullPath('ltv', noCollateral, null, 'binance'));
    const badSide: CellGrid = [['BTCUSDT', 'UP', 1, 60000, 60000, 0.004]];
    expect(numberPath('ratio', BALANCES, badSide, 'binance')).toBeNull();
    expect(call('ratio', BALANCES, badSide, 'binance')).toEqual(fullPath('ratio', BALANCES, badSide, 'binance'));
  });

  it('gives the full path’s result for random ranges of any shape', () => {
    const presetIds = BUILTIN_PRESETS.map((p) => p.id);
    const shortDecimal = fc.tuple(fc.integer({ min: 1, max: 2 ** 36 }), fc.integer({ min: 0, max: 8 })).map(([m, k]) => m / 10 ** k);
    const num = fc.oneof(
      { weight: 6, arbitrary: shortDecimal },
      { weight: 2, arbitrary: shortDecimal.map((x) => -x) },
      { weight: 1, arbitrary: shortDecimal.map((x) => x * 0.01 * 3) },
    );
    const odd: fc.Arbitrary<CellScalar> = fc.constantFrom(null, '', '  ', 'abc', '12.5', true, 0, -1, Number.NaN);
    const cell = (good: fc.Arbitrary<CellScalar>) => fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: odd });
    const assets = fc.constantFrom('USDT', 'BTC', 'ETH', 'USDC', 'BNB', 'FDUSD', 'btc', 'SOL', 'XRP');
    const balanceRow = fc.tuple(cell(assets), cell(num), cell(shortDecimal), cell(fc.oneof(fc.constant(null), num)));
    const positionRow = fc.tuple(
      cell(fc.constantFrom('BTCUSDT', 'ETHUSDT', 'BTC-USDC', 'SOLUSDT')),
      cell(fc.constantFrom('LONG', 'SHORT', 'BOTH', 'long')),
      cell(num),
      cell(shortDecimal),
      cell(shortDecimal),
      cell(fc.constantFrom(0.004, 0.005, 0.01)),
      cell(fc.constantFrom(null, 0, 25, 1.5)),
      cell(fc.constantFrom(null, 0, 0.02, 0.1)),
    );
    let taken = 0;
    let valued = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<Figure>('equity', 'ltv', 'ratio', 'available'),
        fc.constantFrom(...presetIds),
        fc.boolean(),
        fc.array(balanceRow, { minLength: 1, maxLength: 6 }),
        fc.array(positionRow, { maxLength: 4 }),
        (kind, exchange, header, rows, positionRows) => {
          const balances: CellGrid = header ? [['asset', 'amount', 'price', 'upnl'], ...rows] : rows;
          const positions: CellGrid = [['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr'], ...positionRows];
          const expected = fullPath(kind, balances, positions, exchange);
          expect(call(kind, balances, positions, exchange)).toEqual(expected);
          if (typeof expected === 'number') {
            valued += 1;
            if (numberPath(kind, balances, positions, exchange) !== null) taken += 1;
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(taken / valued).toBeGreaterThan(0.5);
  });
});
