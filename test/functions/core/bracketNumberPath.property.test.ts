import fc from 'fast-check';
import { dec, toCellNumber } from '../../../src/engine';
import type { Preset } from '../../../src/engine/model';
import type { CellArg, CellGrid, CellResult, CellScalar, FunctionName } from '../../../src/functions/core';
import { ArgList, FAST_HANDLERS, FUNCTION_SPECS, invoke, toCellError } from '../../../src/functions/core';
import { HANDLERS } from '../../../src/functions/core/handlers';
import { PresetRegistry } from '../../../src/presets';
import { parseBrackets } from '../../../src/presets/bracketsJson';
import { BRACKETS_PRESET, OKX_SIZE_BRACKETS_PRESET } from '../../support/bracketPreset';

/**
 * Synthetic brackets (test data, no exchange's): a fractional bound and a long mmr, so that rows leave the
 * integer bracket pick and go through Decimal.
 */
const FRACTIONAL: Preset = {
  ...BRACKETS_PRESET,
  id: 'fractional-brackets',
  brackets: parseBrackets({
    BTCUSDT: [
      { floor: '0', cap: '12345.5', mmr: '0.004', maxLeverage: '125' },
      { floor: '12345.5', cap: '200000', mmr: '0.0051234', maxLeverage: '100' },
    ],
  }),
};

/** The documented brackets beside OKX-style tiers bounded by contracts (BTC-USDT-SWAP, 0.01 BTC a contract). */
const WITH_CONTRACTS: Preset = {
  ...BRACKETS_PRESET,
  id: 'contract-brackets',
  brackets: { ...BRACKETS_PRESET.brackets, ...OKX_SIZE_BRACKETS_PRESET.brackets },
};

const registry = new PresetRegistry();
registry.upsertCustom(BRACKETS_PRESET);
registry.upsertCustom(FRACTIONAL);
registry.upsertCustom(WITH_CONTRACTS);
const ctx = { registry };

/** The function by its Decimal handler alone. */
function decimalPath(name: FunctionName, args: readonly CellArg[]): CellResult {
  try {
    return HANDLERS[name](ArgList.of(name, FUNCTION_SPECS[name], args), ctx);
  } catch (error) {
    return toCellError(error);
  }
}

/** What the number path gives (NaN where it declines). */
const numberPath = (name: FunctionName, args: readonly CellArg[]): number =>
  (FAST_HANDLERS[name] as NonNullable<(typeof FAST_HANDLERS)[FunctionName]>)(ArgList.of(name, FUNCTION_SPECS[name], args), ctx);

const HEADER = ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'];
const BALANCES: CellGrid = [
  ['asset', 'amount', 'price'],
  ['USDT', 40000, 1],
  ['BTC', 1.5, 60000],
];

describe('the number path on bracketed positions', () => {
  it('takes a row with mmr and cum blank at the bracket of its notional: 2 × 30,000 = 60,000 → 60,000 × 0.5% − 50 = 250', () => {
    const positions: CellGrid = [HEADER, ['BTCUSDT', 'LONG', 2, 29000, 30000, null, null, null, 'cross']];
    const args = [BALANCES, positions, 'bitget-brackets'];
    // Equity: 40,000 + 1.5 × 60,000 × 0.975 (Bitget's first BTC tier) + uPnL 2 × 1,000 = 129,750.
    expect(numberPath('MARGIN_RATIO', args)).toBe(toCellNumber(dec(250).div(129750)));
    expect(invoke('MARGIN_RATIO', args, ctx)).toBe(decimalPath('MARGIN_RATIO', args));
    // Initial margin at the bracket's 1 / 100: 600; 129,750 − 600.
    expect(numberPath('AVAILABLE_FOR_ORDER', [BALANCES, positions, null, 'bitget-brackets'])).toBe(129150);
  });

  it('picks the bracket again at the shocked mark: −25% takes 60,000 to 45,000, in the first bracket', () => {
    const positions: CellGrid = [HEADER, ['BTCUSDT', 'LONG', 2, 30000, 30000, null, null, null, 'cross']];
    const shocks: CellGrid = [
      ['asset', 'change'],
      ['BTC', -0.25],
    ];
    const args = [BALANCES, positions, shocks, 'bitget-brackets'];
    // MM 45,000 × 0.4% = 180; equity 40,000 + 1.5 × 45,000 × 0.975 − 2 × 7,500 = 90,812.5.
    expect(numberPath('STRESS_MARGIN_RATIO', args)).toBe(toCellNumber(dec(180).div('90812.5')));
    expect(invoke('STRESS_MARGIN_RATIO', args, ctx)).toBe(decimalPath('STRESS_MARGIN_RATIO', args));
  });

  it('declines where the readers refuse the row: no brackets for the symbol, beyond the last cap, a cum without its mmr', () => {
    const row = (...cells: CellScalar[]): CellGrid => [HEADER, cells];
    for (const positions of [
      row('ETHUSDT', 'LONG', 1, 3000, 3000, null, null, null, 'isolated'),
      row('BTCUSDT', 'LONG', 4, 60000, 60000, null, null, null, 'isolated'),
      row('BTCUSDT', 'LONG', 1, 60000, 60000, null, 10, null, 'cross'),
    ]) {
      const args = [BALANCES, positions, 'bitget-brackets'];
      expect(numberPath('MARGIN_RATIO', args)).toBeNaN();
      expect(invoke('MARGIN_RATIO', args, ctx)).toEqual(decimalPath('MARGIN_RATIO', args));
    }
  });

  const shortDecimal = fc.tuple(fc.integer({ min: 1, max: 2 ** 36 }), fc.integer({ min: 0, max: 8 })).map(([m, k]) => m / 10 ** k);
  const noisy = shortDecimal.map((x) => x * 0.01 * 3);
  const size = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: 0.001, max: 5, noNaN: true }).map((x) => Math.round(x * 1000) / 1000 || 0.001) },
    { weight: 1, arbitrary: noisy },
  );
  const mark = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 100, max: 100000 }).map((x) => x / 2) },
    { weight: 1, arbitrary: noisy },
    { weight: 1, arbitrary: fc.constantFrom(25000, 50000, 100000) },
  );
  const rates = fc.oneof(
    { weight: 6, arbitrary: fc.constant<[CellScalar, CellScalar]>([null, null]) },
    { weight: 4, arbitrary: fc.constantFrom<[CellScalar, CellScalar]>([0.004, 0], [0.005, 50], [0.01, 0]) },
    { weight: 1, arbitrary: fc.constant<[CellScalar, CellScalar]>([null, 5]) },
  );
  const positionRow = fc
    .tuple(
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom('BTCUSDT', 'BTC-USDT', 'BTC-USDT-SWAP') },
        { weight: 1, arbitrary: fc.constant('ETHUSDT') },
      ),
      fc.constantFrom('LONG', 'SHORT'),
      size,
      mark,
      mark,
      rates,
      fc.oneof({ weight: 3, arbitrary: fc.constant<CellScalar>(null) }, { weight: 1, arbitrary: fc.constantFrom(0.008, 0.02) }),
      fc.constantFrom('cross', 'cross', 'cross', 'isolated'),
    )
    .map(([symbol, side, s, entry, m, [mmr, cum], imr, mode]): CellScalar[] => [symbol, side, s, entry, m, mmr, cum, imr, mode]);
  const account = fc.tuple(
    fc.constantFrom('bitget-brackets', 'fractional-brackets', 'contract-brackets'),
    fc.array(positionRow, { minLength: 1, maxLength: 6 }),
    fc.constantFrom(-0.5, -0.2, 0.1, 0.3, 1),
  );

  it('gives the Decimal handlers’ results on random bracketed books: MARGIN_RATIO, AVAILABLE_FOR_ORDER, STRESS_MARGIN_RATIO', () => {
    let taken = 0;
    fc.assert(
      fc.property(account, ([id, rows, change]) => {
        const positions: CellGrid = [HEADER, ...rows];
        const shocks: CellGrid = [
          ['asset', 'change'],
          ['BTC', change],
        ];
        const calls: [FunctionName, CellArg[]][] = [
          ['MARGIN_RATIO', [BALANCES, positions, id]],
          ['AVAILABLE_FOR_ORDER', [BALANCES, positions, null, id]],
          ['STRESS_MARGIN_RATIO', [BALANCES, positions, shocks, id]],
        ];
        for (const [name, args] of calls) {
          const fast = numberPath(name, args);
          if (fast === fast) taken += 1;
          expect(invoke(name, args, ctx)).toEqual(decimalPath(name, args));
        }
      }),
      { numRuns: 300 },
    );
    // The number path answered a good share of the calls (the rest it left to Decimal).
    expect(taken).toBeGreaterThan(150);
  });
});
