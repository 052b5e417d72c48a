import fc from 'fast-check';
import type { Preset } from '../../../src/engine/model';
import type { CellArg, CellGrid, CellResult, CellScalar } from '../../../src/functions/core';
import { ArgList, FAST_HANDLERS, FUNCTION_SPECS, invoke, toCellError } from '../../../src/functions/core';
import { HANDLERS } from '../../../src/functions/core/handlers';
import { BINANCE_PRESET, PresetRegistry } from '../../../src/presets';
import { BRACKETS_PRESET, OKX_SIZE_BRACKETS_PRESET } from '../../support/bracketPreset';

/** Binance's preset with both bracket tables of the tests: BTCUSDT by notional, BTC-USDT-SWAP by contracts. */
const MIXED: Preset = {
  ...BINANCE_PRESET,
  id: 'mixed-brackets',
  brackets: { ...BRACKETS_PRESET.brackets, ...OKX_SIZE_BRACKETS_PRESET.brackets },
};
const registry = new PresetRegistry();
registry.upsertCustom(MIXED);
const ctx = { registry };

const decimalPath = (args: readonly CellArg[]): CellResult => {
  try {
    return HANDLERS.LIQUIDATION_PRICE(ArgList.of('LIQUIDATION_PRICE', FUNCTION_SPECS.LIQUIDATION_PRICE, args), ctx);
  } catch (error) {
    return toCellError(error);
  }
};
const numberPath = (args: readonly CellArg[]): number =>
  FAST_HANDLERS.LIQUIDATION_PRICE!(ArgList.of('LIQUIDATION_PRICE', FUNCTION_SPECS.LIQUIDATION_PRICE, args), ctx);

const HEADER = ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'];

describe('LIQUIDATION_PRICE by the number path', () => {
  it('sums the positions that do not move with the asset and solves the rest: the worked example across a bracket bound', () => {
    // 12,000 USDT behind 1 BTC long at 60,000 on Bitget's documented brackets, beside an ETH short that stays put:
    // the ETH position's uPnL (−500) and margin (3,000 × 2 × 0.01 = 60) are summed, not modelled.
    const positions: CellGrid = [
      HEADER,
      ['BTCUSDT', 'LONG', 1, 60000, 60000, null, null, null, 'cross'],
      ['ETHUSDT', 'SHORT', 2, 2750, 3000, 0.01, 0, null, 'cross'],
    ];
    const args = [[['USDT', 12000, 1]], positions, 'BTC', 'mixed-brackets'];
    const fast = numberPath(args);
    expect(fast).toBe(decimalPath(args));
    // 11,500 + p − 60,000 = 0.004 p + 60, below 50,000 of notional: p = 48,560 / 0.996
    expect(fast).toBe(Number('48755.02008032128514056224899598393574297188755020080321285140562249'));
  });

  const price = fc.integer({ min: 2000, max: 140000 }).map((x) => x / 2);
  const size = fc.oneof(
    fc.integer({ min: 1, max: 3000 }).map((x) => x / 1000),
    fc.integer({ min: 1, max: 300 }).map((x) => x / 100),
  );
  const rates = fc.oneof(
    { weight: 4, arbitrary: fc.constant<[CellScalar, CellScalar]>([null, null]) },
    { weight: 4, arbitrary: fc.constantFrom<[CellScalar, CellScalar]>([0.004, 0], [0.01, 0], [0.0123456789, 0], [0.05, 0.25]) },
  );
  const row = fc
    .tuple(
      fc.constantFrom('BTCUSDT', 'BTC-USDT-SWAP', 'BTCUSDC', 'ETHUSDT', 'ETHUSDC', 'BNBUSDT'),
      fc.constantFrom('LONG', 'SHORT'),
      size,
      price,
      price,
      rates,
      fc.constantFrom('cross', 'cross', 'cross', 'isolated'),
    )
    .map(([symbol, side, s, entry, mark, [mmr, cum], mode]): CellScalar[] => {
      // Brackets exist for BTCUSDT and BTC-USDT-SWAP only; other rows type their rates.
      const typed = mmr === null && !['BTCUSDT', 'BTC-USDT-SWAP'].includes(symbol) ? [0.006, 0] : [mmr, cum];
      const scale = symbol.startsWith('BTC') ? 1 : 1 / 20;
      return [symbol, side, s, entry * scale, mark * scale, typed[0] ?? null, typed[1] ?? null, null, mode];
    });
  const balances = fc
    .tuple(fc.integer({ min: -20000, max: 60000 }), fc.integer({ min: 0, max: 300000 }), fc.integer({ min: 0, max: 300 }), price)
    .map(([usdt, usdc, btc, btcPrice]): CellGrid => [
      ['asset', 'amount', 'price'],
      ['USDT', usdt, 1],
      ['USDC', usdc / 10, 0.9998],
      ['BTC', btc / 100, btcPrice],
    ]);

  it('gives the Decimal handler’s result on random books in two quote assets, with brackets by notional and by contracts', () => {
    let taken = 0;
    let priced = 0;
    fc.assert(
      fc.property(
        balances,
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('BTC', 'BTC', 'ETH', 'USDC'),
        (b, rows, asset) => {
          const args = [b, [HEADER, ...rows], asset, 'mixed-brackets'];
          const expected = decimalPath(args);
          const fast = numberPath(args);
          if (fast === fast) {
            taken += 1;
            expect(fast).toBe(expected);
          }
          if (typeof expected === 'number') priced += 1;
          expect(invoke('LIQUIDATION_PRICE', args, ctx)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
    // Most books have a liquidation price, and the number path gives every one of them.
    expect(priced).toBeGreaterThan(100);
    expect(taken).toBe(priced);
  });

  it('leaves the extremes to the Decimal engine, which reports the digits lost', () => {
    const positions: CellGrid = [
      HEADER,
      ['BTCUSDT', 'LONG', 1, 60000, 60000, 0.004, 0, null, 'cross'],
      ['SOLUSDT', 'LONG', 1e15, 1, 1, 0.5, 0, null, 'cross'],
    ];
    const args = [[['USDT', 1e300, 1]], positions, 'BTC', 'mixed-brackets'];
    expect(invoke('LIQUIDATION_PRICE', args, ctx)).toEqual(decimalPath(args));
  });
});
