import fc from 'fast-check';
import { dec, maintenanceMargin, stressMarginRatio, availableForOrder } from '../../src/engine';
import type { Bracket, Position } from '../../src/engine';
import { bracketAt, bracketFor } from '../../src/engine/brackets';
import { parseBrackets } from '../../src/presets';
import { assetOf, BITGET_BTC_TIERS, bal, caught, checkedBtcLiquidation, pos, presetOf } from './fixtures';

/** The two brackets of Bitget's query-position-lever documentation example (test/fixtures/api). */
const DOC_BRACKETS = parseBrackets({
  BTCUSDT: [
    { floor: '0', cap: '50000', mmr: '0.004', maxLeverage: '125' },
    { floor: '50000', cap: '200000', mmr: '0.005', maxLeverage: '100' },
  ],
}).BTCUSDT as readonly Bracket[];

const preset = {
  ...presetOf('bracket-props', [
    assetOf('USDT', 'value', [[0, null, 1]], { liabilityRate: '1.0001' }),
    assetOf('BTC', 'value', BITGET_BTC_TIERS, { liabilityRate: '1.005' }),
  ]),
  brackets: { BTCUSDT: DOC_BRACKETS },
};

function bracketed(size: string, mark: string, entry = mark, side: Position['side'] = 'BOTH'): Position {
  const notional = dec(size).abs().times(mark);
  const b = bracketAt(DOC_BRACKETS, notional, 'BTCUSDT');
  return { ...pos({ symbol: 'BTCUSDT', side, size, entry, mark, mmr: b.mmr.toString(), cum: b.cum.toString() }), brackets: DOC_BRACKETS };
}

describe('maintenance margin from leverage brackets', () => {
  it('derives cum = 50000 × (0.005 − 0.004) = 50 for the second bracket and imr = 1/leverage', () => {
    expect(DOC_BRACKETS.map((b) => [b.cum.toString(), b.imr.toString()])).toEqual([
      ['0', '0.008'],
      ['50', '0.01'],
    ]);
  });

  it('uses the bracket of the notional: 0.5 BTC at 60000 (30000) → 120; 1 BTC (60000) → 300 − 50 = 250', () => {
    expect(maintenanceMargin(preset, [bracketed('0.5', '60000')]).toString()).toBe('120.012');
    // × USDT liabilityRate 1.0001: 120 × 1.0001 = 120.012; 250 × 1.0001 = 250.025
    expect(maintenanceMargin(preset, [bracketed('1', '60000')]).toString()).toBe('250.025');
  });

  it('re-picks the bracket when a shock moves the mark across a bound', () => {
    // BTC −20%: mark 48000, uPnL −12000, equity 8000; notional 48000 is in the first bracket: MM 192 × 1.0001
    const ratio = stressMarginRatio(preset, [bal('USDT', 20000, 1)], [bracketed('1', '60000')], [{ asset: 'BTC', change: dec('-0.2') }]);
    expect(ratio.toString()).toBe('0.0240024');
  });

  it('takes the initial margin at the bracket imr for AVAILABLE_FOR_ORDER', () => {
    // 1 BTC at 60000: imr 0.01 → IM 600 × 1.0001 = 600.06; equity 10000 (USDT at par)
    const available = availableForOrder(preset, [bal('USDT', 10000, 1)], [bracketed('1', '60000')]);
    expect(available.toString()).toBe('9399.94');
  });

  it('refuses a notional above the last cap, naming the symbol and the cap', () => {
    const e = caught(() => maintenanceMargin(preset, [{ ...bracketed('1', '60000'), size: dec(4) }]));
    expect(e.code).toBe('BEYOND_BRACKETS');
    expect(e.kind).toBe('na');
    expect(e.message).toBe(
      'positions: the BTCUSDT notional 240000 is above the cap 200000 of its last leverage bracket; no bracket is published for it',
    );
  });
});

const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min: min * 10 ** scale, max: max * 10 ** scale }).map((n) =>
    dec(n)
      .div(10 ** scale)
      .toString(),
  );

describe('liquidationPrice with leverage brackets (properties)', () => {
  it('returns a price where the margin ratio is 1 even when a notional crosses a bracket bound on the way', () => {
    let solved = 0;
    let crossed = 0;
    fc.assert(
      fc.property(
        fc.record({
          usdt: decimal(-20000, 60000, 2),
          btc: decimal(-1, 2, 4),
          positions: fc.array(fc.record({ size: decimal(-3, 3, 3), entry: decimal(50000, 70000, 2) }), { minLength: 1, maxLength: 3 }),
        }),
        (account) => {
          const p0 = dec(60000);
          const balances = [bal('USDT', account.usdt, 1), bal('BTC', account.btc, 60000)];
          const positions = account.positions.filter((p) => !dec(p.size).isZero()).map((p) => bracketed(p.size, '60000', p.entry));
          const price = checkedBtcLiquidation(preset, balances, positions, p0, [
            'ALREADY_LIQUIDATED',
            'NO_LIQUIDATION_PRICE',
            'BEYOND_BRACKETS',
          ]);
          if (price === undefined) return;
          solved += 1;
          const before = positions.map((p) => bracketAt(DOC_BRACKETS, p.size.abs().times(p.mark), p.symbol));
          const after = positions.map((p) => bracketAt(DOC_BRACKETS, p.size.abs().times(price), p.symbol));
          if (before.some((b, i) => b !== after[i])) crossed += 1;
        },
      ),
      { numRuns: 300 },
    );
    expect(solved).toBeGreaterThan(50);
    expect(crossed).toBeGreaterThan(5);
  });
});

/** OKX-style tiers bounded by contracts of 0.01 BTC (test figures): 0–2,000 at 0.004, to 4,000 at 0.008, to 8,000 at 0.02. */
const SIZE_BRACKETS = parseBrackets({
  'BTC-USDT-SWAP': [
    { floor: '0', cap: '2000', mmr: '0.004', maxLeverage: '100', contractValue: '0.01' },
    { floor: '2000', cap: '4000', mmr: '0.008', maxLeverage: '50', contractValue: '0.01' },
    { floor: '4000', cap: '8000', mmr: '0.02', maxLeverage: '20', contractValue: '0.01' },
  ],
})['BTC-USDT-SWAP'] as readonly Bracket[];

const sizePreset = { ...preset, brackets: { BTCUSDT: DOC_BRACKETS, 'BTC-USDT-SWAP': SIZE_BRACKETS } };

function bySize(size: string, mark: string, entry = mark): Position {
  const b = bracketFor(SIZE_BRACKETS, dec(size), dec(mark), 'BTC-USDT-SWAP');
  return { ...pos({ symbol: 'BTC-USDT-SWAP', side: 'BOTH', size, entry, mark, mmr: b.mmr.toString(), cum: '0' }), brackets: SIZE_BRACKETS };
}

describe('liquidationPrice with brackets bounded by contracts (properties)', () => {
  it('returns a price where the margin ratio is 1, the tiers fixed by size beside notional brackets that move', () => {
    let solved = 0;
    fc.assert(
      fc.property(
        fc.record({
          usdt: decimal(-20000, 200000, 2),
          sized: fc.array(fc.record({ size: decimal(-70, 70, 3), entry: decimal(50000, 70000, 2) }), { minLength: 1, maxLength: 3 }),
          notional: fc.array(fc.record({ size: decimal(-3, 3, 3), entry: decimal(50000, 70000, 2) }), { maxLength: 2 }),
        }),
        (account) => {
          const p0 = dec(60000);
          const balances = [bal('USDT', account.usdt, 1)];
          const positions = [
            ...account.sized.filter((p) => !dec(p.size).isZero()).map((p) => bySize(p.size, '60000', p.entry)),
            ...account.notional.filter((p) => !dec(p.size).isZero()).map((p) => bracketed(p.size, '60000', p.entry)),
          ];
          if (positions.length === 0) return;
          const none = ['ALREADY_LIQUIDATED', 'NO_LIQUIDATION_PRICE', 'BEYOND_BRACKETS'];
          if (checkedBtcLiquidation(sizePreset, balances, positions, p0, none)) solved += 1;
        },
      ),
      { numRuns: 200 },
    );
    expect(solved).toBeGreaterThan(50);
  });

  it('keeps the tier of the size whatever the mark: 25 BTC is in the 0.008 tier at 60,000 and at 6,000', () => {
    expect(maintenanceMargin(sizePreset, [bySize('25', '60000')]).toString()).toBe('12001.2'); // 12,000 × 1.0001
    expect(maintenanceMargin(sizePreset, [{ ...bySize('25', '60000'), mark: dec(6000) }]).toString()).toBe('1200.12');
  });
});
