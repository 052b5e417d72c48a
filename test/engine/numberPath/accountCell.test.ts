import fc from 'fast-check';
import type { Balance, BalanceCells, Position, PositionCells, Preset } from '../../../src/engine';
import { accountEquity, Dec, dec, isMarginError, ltvOf, marginRatio, multiAssetLtv, toCellNumber } from '../../../src/engine';
import type { AccountSums } from '../../../src/engine/numberPath/accountCell';
import { accountSumsCell as sumsOrNaN } from '../../../src/engine/numberPath/accountCell';

/** The sums, or null where the number path declines (every sum NaN). */
const accountSumsCell = (...args: Parameters<typeof sumsOrNaN>): AccountSums | null => {
  const sums = sumsOrNaN(...args);
  return sums.collateral.isNaN() ? null : sums;
};
import { assetOf, binance, bitget, bitmart, bybit, okx, presetOf } from '../fixtures';

/** Fractional floors and long ratios, so rows leave the integer-floor path; a liability rate with many places. */
const awkward = presetOf(
  'awkward',
  [
    assetOf('USDT', 'value', [[0, null, 1]]),
    assetOf(
      'XV',
      'value',
      [
        [0, '1234.5678', '0.987654321'],
        ['1234.5678', '99999.00001', '0.5'],
        ['99999.00001', null, '0.0000001'],
      ],
      { liabilityRate: '1.0123456789' },
    ),
    assetOf('XQ', 'quantity', [
      [0, '0.333', '0.999999'],
      ['0.333', '7.77777', '0.25'],
      ['7.77777', '1000000', '0.125'],
    ]),
  ],
  { liabilityMaintenanceRate: dec('0.0375') },
);

const PRESETS: readonly Preset[] = [bitget, binance, bitmart, bybit, okx, awkward];

/**
 * The number path sums exactly; the Decimal engine carries 60 significant digits, so on sums wider than that
 * its last digit may differ. The two must give the same cell, and agree to within the engine's precision of the
 * largest amount it added (`scale`).
 */
function expectSameFigure(ours: Dec, engineResult: string, scale: Dec): void {
  const theirs = dec(engineResult);
  expect(toCellNumber(ours)).toBe(toCellNumber(theirs));
  if (!ours.eq(theirs)) expect(ours.minus(theirs).abs().lte(scale.abs().times('1e-57'))).toBe(true);
}

/** What the Decimal engine gives, or the code it fails with. */
function engine(action: () => Dec): string {
  try {
    return action().toString();
  } catch (error) {
    if (isMarginError(error)) return `error ${error.code}`;
    throw error;
  }
}

const shortDecimal = fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 10 })).map(([m, k]) => m / 10 ** k);
/** What a formula leaves in a cell: 17 significant digits, so the Decimal path has to take the row. */
const noisy = shortDecimal.map((x) => x * 0.01 * 3);
const amount = fc.oneof(
  { weight: 4, arbitrary: shortDecimal },
  { weight: 2, arbitrary: shortDecimal.map((x) => -x) },
  { weight: 1, arbitrary: noisy },
  { weight: 1, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, 10, 20, 25, 1234.5678, 0.333, 7.77777, 1e15, 1e-12, 2 ** 52) },
);
const price = fc.oneof(
  { weight: 4, arbitrary: shortDecimal },
  { weight: 1, arbitrary: fc.double({ min: 1e-9, max: 1e9, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 0.9998, 60000, 100000, 1e-8) },
);
const upnl = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: amount });

function balanceRows(preset: Preset) {
  const names = fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...Object.keys(preset.assets)) },
    { weight: 1, arbitrary: fc.constantFrom('usdt', ' btc ', 'NOPE') },
  );
  // One row per asset (a repeated asset is an error, checked above).
  return fc.uniqueArray(fc.tuple(names, amount, price, upnl), {
    minLength: 1,
    maxLength: 8,
    selector: (row) => row[0].trim().toUpperCase(),
  });
}

const positionRows = fc.array(
  fc.tuple(
    fc.constantFrom('BTCUSDT', 'ETHUSDT', 'BTC-USDC', 'BTCFDUSD', 'XV/USDT', 'BTCUSDT_UMCBL', '???'),
    fc.constantFrom<Position['side']>('LONG', 'SHORT', 'BOTH'),
    amount,
    price,
    price,
    fc.oneof(
      fc.constantFrom(0, 0.004, 0.005, 0.01, 0.025),
      shortDecimal.map((x) => x / 1e6),
    ),
    fc.oneof(fc.constant(0), shortDecimal),
    fc.boolean(),
  ),
  { maxLength: 8 },
);

type BalanceRow = [string, number, number, number];
type PositionRow = [string, Position['side'], number, number, number, number, number, boolean];

function cells(rows: readonly BalanceRow[]): BalanceCells {
  return {
    assets: rows.map((r) => r[0]),
    amounts: rows.map((r) => r[1]),
    prices: rows.map((r) => r[2]),
    upnls: rows.map((r) => r[3]),
  };
}

function positionCells(rows: readonly PositionRow[]): PositionCells {
  const signed = (side: Position['side'], size: number) => (side === 'LONG' ? Math.abs(size) : side === 'SHORT' ? -Math.abs(size) : size);
  return {
    symbols: rows.map((r) => r[0]),
    sizes: rows.map((r) => signed(r[1], r[2])),
    entries: rows.map((r) => r[3]),
    marks: rows.map((r) => r[4]),
    mmrs: rows.map((r) => r[5]),
    cums: rows.map((r) => r[6]),
    cross: rows.map((r) => r[7]),
  };
}

/** The same rows as the Decimal engine reads them from cells (a cell number is its shortest decimal). */
const balancesOf = (rows: readonly BalanceRow[]): Balance[] =>
  rows.map(([asset, a, p, u]) => ({ asset: asset.trim(), amount: dec(a === 0 ? 0 : a), price: dec(p), upnl: dec(u === 0 ? 0 : u) }));
const positionsOf = (rows: readonly PositionRow[]): Position[] =>
  rows.map(([symbol, side, size, entry, mark, mmr, cum, cross]) => ({
    symbol,
    side,
    size: dec(size === 0 ? 0 : size),
    entry: dec(entry),
    mark: dec(mark),
    mmr: dec(mmr),
    cum: dec(cum),
    marginMode: cross ? 'cross' : 'isolated',
  }));

const account = fc.constantFrom(...PRESETS).chain((preset) => fc.tuple(fc.constant(preset), balanceRows(preset), positionRows));

describe('accountSumsCell', () => {
  it('sums a Bitget account as the engine does', () => {
    const sums = accountSumsCell(
      bitget,
      cells([
        ['BTC', 10, 60000, 0],
        ['USDT', -5000, 1, 0],
      ]),
      null,
    );
    expect(sums?.collateral.toString()).toBe('582000');
    expect(sums?.liabilities.toString()).toBe('5000');
    expect(sums?.maintenance).toBeNull();
  });

  it('adds the maintenance margin of cross positions and of liabilities', () => {
    const positions: PositionRow[] = [['BTCUSDT', 'LONG', 1, 60000, 61000, 0.004, 0, true]];
    const sums = accountSumsCell(
      bitget,
      cells([
        ['USDT', 10000, 1, 0],
        ['BTC', -0.1, 60000, 0],
      ]),
      positionCells(positions),
    );
    // USDT equity 10000 + uPnL 1000; MM = 1 × 61000 × 0.004 + 6000 × 0.05 (Bitget's liability rate)
    expect(sums?.collateral.toString()).toBe('11000');
    expect(sums?.liabilities.toString()).toBe('6000');
    expect(sums?.maintenance?.toString()).toBe('544');
  });

  it('gives up (declines, null here) where the engine reports an error', () => {
    expect(
      accountSumsCell(
        bitget,
        cells([
          ['BTC', 1, 60000, 0],
          ['btc', 1, 60000, 0],
        ]),
        null,
      ),
    ).toBeNull();
    expect(accountSumsCell(bitget, cells([['DOGE', 1, 1, 0]]), null)).toBeNull();
    expect(accountSumsCell(bitget, cells([['ETH', 1, 3000, 0]]), null)).toBeNull();
    const onUsdc: PositionRow[] = [['BTC-USDC', 'LONG', 1, 60000, 60000, 0.01, 0, true]];
    expect(accountSumsCell(bitget, cells([['USDT', 1, 1, 0]]), positionCells(onUsdc))).toBeNull();
  });

  it('stays exact where a sum needs more digits than the Decimal engine carries', () => {
    // A USDC liability of ~1.1e22 at a price of ~8.9e9: the equity has 61 significant digits.
    const rows: BalanceRow[] = [
      ['USDT', 7376407.1403, 2.9487696763251782e-8, 0],
      ['USDC', -1, 8919753080, 0],
      ['BTC', 0.0001, 0.0000016089532528320083, 0],
    ];
    const positions: PositionRow[] = [['BTC-USDC', 'LONG', 12645036029.31, 886598713238, 1e-9, 0, 1, true]];
    const sums = accountSumsCell(binance, cells(rows), positionCells(positions));
    const exact = sums!.collateral.toString() + ' ' + sums!.liabilities.toString();
    expect(exact).toBe('0.2175132571083022024105398031 100000000000050524587930582566813.2511572252');
    const engineEquity = accountEquity(binance, balancesOf(rows), positionsOf(positions));
    expect(engineEquity.toString()).toBe('-100000000000050524587930582566813.033643968091697797589460196');
    expect(toCellNumber(sums!.collateral.minus(sums!.liabilities))).toBe(toCellNumber(engineEquity));
  });

  it('equals the Decimal engine exactly on random accounts, or leaves them to it', () => {
    let taken = 0;
    let valued = 0;
    fc.assert(
      fc.property(account, ([preset, rows, positionRowsIn]) => {
        const balances = balancesOf(rows);
        const positions = positionsOf(positionRowsIn);
        const withPositions = accountSumsCell(preset, cells(rows), positionCells(positionRowsIn));
        const without = accountSumsCell(preset, cells(rows), null);
        const equity = engine(() => accountEquity(preset, balances));
        // Where the engine fails, the number path must leave the call to it.
        if (equity.startsWith('error')) expect(without).toBeNull();
        else valued += 1;
        if (without) {
          taken += 1;
          const scale = Dec.max(without.collateral, without.liabilities);
          expectSameFigure(without.collateral.minus(without.liabilities), equity, scale);
          const ltv = engine(() => multiAssetLtv(preset, balances));
          if (!ltv.startsWith('error')) {
            const ours = ltvOf(without);
            expectSameFigure(ours, ltv, ours);
          }
        }
        const equityWithPositions = engine(() => accountEquity(preset, balances, positions));
        if (equityWithPositions.startsWith('error')) expect(withPositions).toBeNull();
        if (withPositions) {
          const equityWith = withPositions.collateral.minus(withPositions.liabilities);
          expectSameFigure(equityWith, equityWithPositions, Dec.max(withPositions.collateral, withPositions.liabilities));
          const ratio = engine(() => marginRatio(preset, balances, positions));
          if (!ratio.startsWith('error')) {
            const ours = (withPositions.maintenance ?? dec(0)).div(equityWith);
            // Equity may cancel: the engine's error is relative to the amounts it added, not to the equity.
            const scale = Dec.max(withPositions.collateral, withPositions.liabilities).div(equityWith);
            expectSameFigure(ours, ratio, ours.times(scale));
          }
        }
      }),
      { numRuns: 3000 },
    );
    // The comparison above is only worth something if the number path takes most accounts the engine values.
    expect(taken / valued).toBeGreaterThan(0.5);
  });
});
