import fc from 'fast-check';
import { compareRowCells, compareRowFromTotals, positionTotals, unvaluedRow } from '../../../src/engine';
import { isMarginError } from '../../../src/engine/errors';
import type { CellArg, CellGrid, CellResult, CellScalar } from '../../../src/functions/core';
import { invoke, readBalances, readPositions, requireListedAssets, toCellError } from '../../../src/functions/core';
import { comparedPresets, compareTable } from '../../../src/functions/core/deskCells';
import type { Preset } from '../../../src/engine/model';
import { BUILTIN_PRESETS, PresetRegistry } from '../../../src/presets';

const registry = new PresetRegistry();
const ctx = { registry };

/** Reads the positions as `preset` would (its brackets for rows that leave mmr blank), or why it cannot. */
function positionsUnder(p: CellArg, preset?: Preset): ReturnType<typeof positionTotals> | string {
  try {
    return positionTotals(readPositions(p, 'positions', preset === undefined ? undefined : () => preset));
  } catch (error) {
    if (isMarginError(error) && (error.code === 'NO_BRACKETS' || error.code === 'BEYOND_BRACKETS')) return error.message;
    throw error;
  }
}

/**
 * COMPARE as the Decimal engine alone gives it: both ranges read into Decimals, each preset valued from them,
 * positions that leave mmr blank with that preset's brackets.
 */
function decimalCompare(b: CellArg, p: CellArg, exchanges: CellArg): CellResult {
  try {
    const balances = readBalances(b, 'balances');
    positionsUnder(p);
    const rows = comparedPresets(registry, exchanges).map((preset) => {
      if (!('assets' in preset)) return unvaluedRow(preset.id, preset.message);
      const totals = positionsUnder(p, preset);
      if (typeof totals === 'string') return unvaluedRow(preset.id, totals);
      try {
        requireListedAssets(preset, balances, 'balances');
      } catch (error) {
        if (!isMarginError(error)) throw error;
        return unvaluedRow(preset.id, error.message);
      }
      return compareRowFromTotals(preset, balances, totals);
    });
    return compareTable(rows);
  } catch (error) {
    return toCellError(error);
  }
}

const shortDecimal = fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 10 })).map(([m, k]) => m / 10 ** k);
/** What a formula leaves in a cell: 17 significant digits, so the number path has to leave the row to Decimal. */
const noisy = shortDecimal.map((x) => x * 0.01 * 3);
const amount = fc.oneof(
  { weight: 5, arbitrary: shortDecimal },
  { weight: 2, arbitrary: shortDecimal.map((x) => -x) },
  { weight: 1, arbitrary: noisy },
  { weight: 1, arbitrary: fc.constantFrom<CellScalar>(0, -0, 1, 1e15, 2 ** 52, null, 'x') },
);
const price = fc.oneof(
  { weight: 5, arbitrary: shortDecimal },
  { weight: 1, arbitrary: fc.double({ min: 1e-9, max: 1e9, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom<CellScalar>(1, 0.9998, 60000, 100000, 0, -5) },
);

const ASSETS = [...new Set(BUILTIN_PRESETS.flatMap((preset) => Object.keys(preset.assets)))];
const asset = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...ASSETS) },
  { weight: 1, arbitrary: fc.constantFrom('usdt', ' btc ', 'NOPE') },
);

const balancesRange = fc
  .array(
    fc.tuple(asset, amount, price, fc.oneof({ weight: 4, arbitrary: fc.constant<CellScalar>(null) }, { weight: 1, arbitrary: amount })),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((rows): CellGrid => [['asset', 'amount', 'price', 'upnl'], ...rows]);

const rate = fc.oneof(
  fc.constantFrom<CellScalar>(0.004, 0.005, 0.01, 0.025, 0.1),
  shortDecimal.map((x) => x / 1e6),
);
const positionsRange = fc
  .array(
    fc.tuple(
      fc.constantFrom('BTCUSDT', 'ETHUSDT', 'BTC-USDC', 'BTCFDUSD', 'BTCUSDT_UMCBL', 'ETHBTC', 'BTC-BGB', '???'),
      fc.constantFrom('LONG', 'SHORT', 'BOTH'),
      amount,
      price,
      price,
      fc.oneof({ weight: 8, arbitrary: rate }, { weight: 1, arbitrary: fc.constant<CellScalar>(null) }),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant<CellScalar>(0) },
        { weight: 1, arbitrary: fc.constant<CellScalar>(null) },
        { weight: 1, arbitrary: shortDecimal },
      ),
      fc.oneof({ weight: 2, arbitrary: fc.constant<CellScalar>(null) }, { weight: 1, arbitrary: rate }),
      fc.constantFrom('cross', 'cross', 'isolated'),
    ),
    { maxLength: 8 },
  )
  .map((rows): CellGrid => [['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'], ...rows]);

const exchanges = fc.oneof(
  fc.constant<CellArg>(null),
  fc.subarray(['binance', 'bitget', 'bitmart', 'okx', 'bybit', 'bitget-brackets', 'nowhere'], { minLength: 1 }).map((ids) => ids.join(',')),
);

describe('COMPARE by the number path', () => {
  it('gives the Decimal engine’s table, cell for cell, on random accounts, presets and bad rows', () => {
    fc.assert(
      fc.property(balancesRange, positionsRange, exchanges, (b, p, ids) => {
        expect(invoke('COMPARE', [b, p, ids], ctx)).toEqual(decimalCompare(b, p, ids));
      }),
      { numRuns: 400 },
    );
  });

  it('values a clean account by the number path under every preset that lists its assets, with the Decimal engine’s exact figures', () => {
    const b: CellGrid = [
      ['asset', 'amount', 'price'],
      ['USDT', 12000.5, 1],
      ['BTC', 1.25, 60000],
      ['ETH', -3, 3000],
    ];
    const p: CellGrid = [
      ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum'],
      ['BTCUSDT', 'LONG', 0.5, 58000, 60000, 0.004, 0],
      ['ETHUSDT', 'SHORT', 2, 3100, 3000, 0.005, 0],
    ];
    const table = invoke('COMPARE', [b, p, null], ctx);
    expect(table).toEqual(decimalCompare(b, p, null));
    expect(Array.isArray(table) && table.length).toBe(registry.list().length + 1);
    // Every preset listing the assets took the number path, and its figures are the Decimal engine's exactly, not only once rounded.
    const balanceCells = { assets: ['USDT', 'BTC', 'ETH'], amounts: [12000.5, 1.25, -3], prices: [1, 60000, 3000], upnls: [0, 0, 0] };
    const positionCells = {
      symbols: ['BTCUSDT', 'ETHUSDT'],
      sizes: [0.5, -2],
      entries: [58000, 3100],
      marks: [60000, 3000],
      mmrs: [0.004, 0.005],
      cums: [0, 0],
      cross: [true, true],
    };
    const totals = positionTotals(readPositions(p, 'positions'));
    // okx and bybit list no ETH: they decline, and their row is the Decimal path's message.
    const listing = registry.list().filter((preset) => 'ETH' in preset.assets);
    expect(listing.map((preset) => preset.id)).toEqual(['binance', 'bitget', 'bitmart']);
    for (const preset of listing) {
      const fast = compareRowCells(preset, balanceCells, positionCells);
      const decimal = compareRowFromTotals(preset, readBalances(b, 'balances'), totals);
      expect(fast).not.toBeNull();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(decimal));
    }
  });
});
