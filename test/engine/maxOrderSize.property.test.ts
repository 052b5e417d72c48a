import fc from 'fast-check';
import {
  availableForOrder,
  bracketRates,
  bracketSteps,
  dec,
  findBrackets,
  isMarginError,
  maxOrderSize,
  toCellNumberDirected,
} from '../../src/engine';
import type { Balance, Dec, Position, Preset } from '../../src/engine';
import { BRACKETS_PRESET, OKX_SIZE_BRACKETS_PRESET } from '../support/bracketPreset';

/**
 * MAX_ORDER_SIZE against AVAILABLE_FOR_ORDER: after an order of the returned size (the cell's double, read back
 * exactly), the whole position sits in its new bracket and the margin free for new orders is ≥ 0; a hair more
 * and it is negative (or the position is past the last bracket). Brackets by notional (Bitget's documented
 * BTCUSDT table, 0–50,000 at 125×, 50,000–200,000 at 100×) and by contracts (OKX BTC-USDT-SWAP, 0.01 BTC each,
 * 2,000 / 4,000 / 8,000 contracts at 100× / 50× / 20×).
 */
const CASES: readonly { readonly preset: Preset; readonly symbol: string }[] = [
  { preset: BRACKETS_PRESET, symbol: 'BTCUSDT' },
  { preset: OKX_SIZE_BRACKETS_PRESET, symbol: 'BTC-USDT-SWAP' },
];

/** A position on `symbol` that left mmr, cum and imr blank: its rates come from the preset's brackets. */
function bracketed(preset: Preset, symbol: string, size: Dec, price: Dec): Position {
  const rates = bracketRates(preset, findBrackets(preset, symbol), symbol, { size, mark: price }, { arg: 'positions', row: 1 });
  return { symbol, side: 'LONG', size, entry: price, mark: price, marginMode: 'cross', ...rates };
}

/** AVAILABLE_FOR_ORDER with the symbol's position at `size`, or null past the last bracket (no bracket exists). */
function availableAt(preset: Preset, balances: Balance[], others: Position[], symbol: string, size: Dec, price: Dec): Dec | null {
  try {
    const positions = size.isZero() ? others : [...others, bracketed(preset, symbol, size, price)];
    return availableForOrder(preset, balances, positions);
  } catch (error) {
    if (isMarginError(error) && error.code === 'BEYOND_BRACKETS') return null;
    throw error;
  }
}

const decimal = (max: number, scale: number) => fc.integer({ min: 0, max: max * 10 ** scale }).map((n) => dec(n).div(10 ** scale));

const accountArb = fc.record({
  which: fc.constantFrom(0, 1),
  usdt: decimal(150000, 2),
  open: decimal(60, 3),
  price: fc.constantFrom('60000', '30000', '61234.5', '1000'),
  // A second symbol's position with typed rates takes some of the free margin.
  eth: decimal(50, 2),
});

describe('maxOrderSize (properties)', () => {
  it('leaves AVAILABLE_FOR_ORDER ≥ 0 after the returned double, and negative a hair above it', () => {
    let bound = 0;
    fc.assert(
      fc.property(accountArb, (a) => {
        const { preset, symbol } = CASES[a.which] as (typeof CASES)[number];
        const price = dec(a.price);
        const balances = [{ asset: 'USDT', amount: a.usdt, price: dec(1) }];
        const others: Position[] = a.eth.isZero()
          ? []
          : [
              {
                symbol: 'ETHUSDT',
                side: 'SHORT',
                size: a.eth,
                entry: dec(3000),
                mark: dec(3000),
                mmr: dec('0.01'),
                cum: dec(0),
                imr: dec('0.05'),
                marginMode: 'cross',
              },
            ];
        const before = availableAt(preset, balances, others, symbol, a.open, price);
        if (before === null) return;
        const open = a.open.isZero() ? others : [...others, bracketed(preset, symbol, a.open, price)];
        const steps = bracketSteps(findBrackets(preset, symbol) ?? []);
        const q = dec(toCellNumberDirected(maxOrderSize(preset, balances, open, symbol, price, steps), 'down'));
        expect(q.isNeg()).toBe(false);
        const after = availableAt(preset, balances, others, symbol, a.open.plus(q), price);
        if (!q.isZero()) expect(after?.gte(0)).toBe(true);
        const more = availableAt(preset, balances, others, symbol, a.open.plus(q.times('1.000000001')).plus('1e-12'), price);
        if (more !== null) {
          bound += 1;
          expect(more.isNeg()).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    expect(bound).toBeGreaterThan(100);
  });
});
