import fc from 'fast-check';
import { availableForOrder, dec, isMarginError, marginRatio, maxWithdrawable, toCellNumberDirected, topUpNeeded } from '../../src/engine';
import type { Balance, Dec } from '../../src/engine';
import { assetOf, BITGET_BTC_TIERS, bal, pos, presetOf } from './fixtures';

/** Value tiers (BTC), quantity tiers (ETH), liability markups and liability margin rates together. */
const preset = presetOf(
  'solver-props',
  [
    assetOf('USDT', 'value', [[0, null, 1]], { liabilityRate: '1.0001' }),
    assetOf('BTC', 'value', BITGET_BTC_TIERS, { liabilityRate: '1.005' }),
    assetOf(
      'ETH',
      'quantity',
      [
        [0, 100, '0.95'],
        [100, 200, '0.9'],
        [200, null, '0.5'],
      ],
      { liabilityRate: '1.005' },
    ),
  ],
  { liabilityMaintenanceRate: dec('0.05'), liabilityInitialRate: dec('0.1') },
);

const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min: min * 10 ** scale, max: max * 10 ** scale }).map((n) =>
    dec(n)
      .div(10 ** scale)
      .toString(),
  );

const positionArb = fc
  .record({
    asset: fc.constantFrom('BTC', 'ETH'),
    size: decimal(-40, 40, 3),
    entryShift: decimal(-10, 10, 2),
    mmr: fc.constantFrom('0.004', '0.01', '0.05'),
    imr: fc.constantFrom('0.01', '0.02', '0.1'),
  })
  .map((r) => {
    const p0 = r.asset === 'BTC' ? 60000 : 3000;
    const entry = dec(p0)
      .times(dec(1).plus(dec(r.entryShift).div(100)))
      .toString();
    return pos({ symbol: `${r.asset}USDT`, size: r.size, entry, mark: p0, mmr: r.mmr, imr: r.imr });
  });

const accountArb = fc.record({
  btc: decimal(-3, 30, 4),
  usdt: decimal(-200000, 200000, 2),
  eth: decimal(0, 250, 3),
  positions: fc.array(positionArb, { minLength: 1, maxLength: 4 }),
  asset: fc.constantFrom('BTC', 'USDT', 'ETH'),
  target: fc.constantFrom('0.05', '0.3', '0.5', '0.8'),
});

const balancesOf = (a: { btc: string; usdt: string; eth: string }): Balance[] => [
  bal('BTC', a.btc, 60000),
  bal('USDT', a.usdt, 1),
  bal('ETH', a.eth, 3000),
];

function shifted(balances: readonly Balance[], asset: string, by: Dec): Balance[] {
  return balances.map((b) => (b.asset === asset ? { ...b, amount: b.amount.plus(by) } : b));
}

/** A hair: far above the engine's 60-digit rounding, far below anything a cell shows. */
const hair = (x: Dec): Dec => x.abs().times('1e-30').plus('1e-30');
/**
 * The engine computes to 60 significant digits, and MARGIN_RATIO sums in another order than the solver, so
 * "at most the target" holds to within rounding in the last digits: a slack 15 orders of magnitude below a hair.
 */
const SLACK = dec('1e-45');

/** Margin ratio, or Infinity when equity is not positive (the account is in liquidation). */
function ratioOf(balances: Balance[], positions: Parameters<typeof marginRatio>[2]): Dec {
  try {
    return marginRatio(preset, balances, positions);
  } catch (error) {
    if (isMarginError(error) && error.code === 'EQUITY_NOT_POSITIVE') return dec(Infinity);
    throw error;
  }
}

describe('topUpNeeded (properties)', () => {
  it('brings the margin ratio to the target or under, and a hair less would not', () => {
    let solved = 0;
    fc.assert(
      fc.property(accountArb, (a) => {
        const balances = balancesOf(a);
        const target = dec(a.target);
        let x: Dec;
        try {
          x = topUpNeeded(preset, balances, a.positions, a.asset, target);
        } catch (error) {
          if (isMarginError(error) && error.code === 'NO_TOPUP') return;
          throw error;
        }
        expect(x.isNeg()).toBe(false);
        expect(ratioOf(shifted(balances, a.asset, x), a.positions).lte(target.plus(SLACK))).toBe(true);
        if (x.isZero()) return;
        solved += 1;
        expect(ratioOf(shifted(balances, a.asset, x.minus(hair(x))), a.positions).gt(target)).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(solved).toBeGreaterThan(40);
  });
});

describe('maxWithdrawable (properties)', () => {
  it('keeps the available margin at zero or above, and a hair more would not (unless capped at the balance)', () => {
    let bound = 0;
    fc.assert(
      fc.property(accountArb, (a) => {
        const balances = balancesOf(a);
        const w = maxWithdrawable(preset, balances, a.positions, a.asset);
        const amount = balances.find((b) => b.asset === a.asset)?.amount ?? dec(0);
        expect(w.isNeg()).toBe(false);
        expect(w.lte(atLeastZero(amount))).toBe(true);
        const before = availableForOrder(preset, balances, a.positions);
        if (before.isNeg()) {
          expect(w.isZero()).toBe(true);
          return;
        }
        expect(availableForOrder(preset, shifted(balances, a.asset, w.neg()), a.positions).gte(SLACK.neg())).toBe(true);
        if (w.eq(atLeastZero(amount))) return;
        bound += 1;
        expect(availableForOrder(preset, shifted(balances, a.asset, w.plus(hair(w)).neg()), a.positions).isNeg()).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(bound).toBeGreaterThan(20);
  });
});

describe("the solvers' cells stay on the safe side (properties)", () => {
  it("TOPUP_NEEDED's double, deposited, brings the ratio to the target; MAX_WITHDRAWABLE's, withdrawn, keeps available ≥ 0", () => {
    let rounded = 0;
    fc.assert(
      fc.property(accountArb, (a) => {
        const balances = balancesOf(a);
        const target = dec(a.target);
        try {
          const x = topUpNeeded(preset, balances, a.positions, a.asset, target);
          // The cell's double, read back as a cell is read: at least the exact answer, so the deposit is enough.
          const cell = dec(toCellNumberDirected(x, 'up'));
          expect(cell.gte(x)).toBe(true);
          if (!cell.eq(x)) rounded += 1;
          expect(ratioOf(shifted(balances, a.asset, cell), a.positions).lte(target.plus(SLACK))).toBe(true);
        } catch (error) {
          if (!isMarginError(error) || error.code !== 'NO_TOPUP') throw error;
        }
        const w = maxWithdrawable(preset, balances, a.positions, a.asset);
        const out = dec(toCellNumberDirected(w, 'down'));
        expect(out.lte(w)).toBe(true);
        if (!availableForOrder(preset, balances, a.positions).isNeg()) {
          expect(availableForOrder(preset, shifted(balances, a.asset, out.neg()), a.positions).gte(SLACK.neg())).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // Many answers are not doubles (about 40 of 300 runs): the rounding direction was exercised.
    expect(rounded).toBeGreaterThan(10);
  });
});

function atLeastZero(x: Dec): Dec {
  return x.isNeg() ? dec(0) : x;
}
