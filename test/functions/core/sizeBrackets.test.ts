import { ArgList, FAST_HANDLERS, FUNCTION_SPECS, invoke, type CellArg, type CellGrid } from '../../../src/functions/core';
import { PresetRegistry } from '../../../src/presets';
import { OKX_SIZE_BRACKETS_PRESET } from '../../support/bracketPreset';

/** OKX position tiers for BTC-USDT-SWAP: 0–2,000 contracts of 0.01 BTC at mmr 0.004 (100×), to 4,000 at 0.008 (50×), to 8,000 at 0.02 (20×). */
const ctx = () => {
  const registry = new PresetRegistry();
  registry.upsertCustom(OKX_SIZE_BRACKETS_PRESET);
  return { registry };
};
const run = (name: Parameters<typeof invoke>[0], args: CellArg[]) => invoke(name, args, ctx());
const ID = 'okx-size-brackets';

/** A long of `size` BTC at entry and mark 60,000 with mmr, cum and imr left blank. */
const long = (size: number, symbol = 'BTC-USDT-SWAP'): CellGrid => [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr'],
  [symbol, 'LONG', size, 60000, 60000, null, null, null],
];

describe('positions on brackets bounded by contracts (OKX position tiers)', () => {
  it('MARGIN.BRACKETS spills the tiers in contracts, with the contract value', () => {
    expect(run('BRACKETS', ['BTC-USDT-SWAP', ID])).toEqual([
      ['floor_contracts', 'cap_contracts', 'mmr', 'cum', 'imr', 'max_leverage', 'contract_value'],
      [0, 2000, 0.004, 0, 0.01, 100, 0.01],
      [2000, 4000, 0.008, 0, 0.02, 50, 0.01],
      [4000, 8000, 0.02, 0, 0.05, 20, 0.01],
    ]);
  });

  it('MAINT_MARGIN picks the tier by contracts and applies its mmr to the whole position: 15 BTC = 1,500 contracts → 900,000 × 0.004', () => {
    expect(run('MAINT_MARGIN', [long(15), ID])).toBe(3600);
  });

  it('a position of exactly maxSz stays in its tier (20 BTC = 2,000 contracts → 0.004); one lot more is in the next (0.008)', () => {
    expect(run('MAINT_MARGIN', [long(20), ID])).toBe(4800);
    expect(run('MAINT_MARGIN', [long(20.001), ID])).toBe(9600.48);
  });

  it('finds the tiers for the symbol written the Binance way', () => {
    expect(run('MAINT_MARGIN', [long(15, 'BTCUSDT'), ID])).toBe(3600);
  });

  it('gives #N/A in contracts past the last tier', () => {
    expect(run('MAINT_MARGIN', [long(80.001), ID])).toEqual({
      error: 'na',
      message:
        'positions: the BTC-USDT-SWAP position of 8000.1 contracts of 0.01 is above the cap 8000 contracts of its last leverage bracket; no bracket is published for it',
    });
  });

  it('STRESS_MARGIN_RATIO keeps the tier when the mark moves: 25 BTC at 30,000 → 750,000 × 0.008 / 50,000', () => {
    // 800,000 USDT − 25 × 30,000 of uPnL = 50,000 of equity; MM 25 × 30,000 × 0.008 = 6,000
    expect(run('STRESS_MARGIN_RATIO', [[['USDT', 800000, 1]], long(25), [['BTC', -0.5]], ID])).toBe(0.12);
  });

  it('LIQUIDATION_PRICE with the tier fixed by size: 100,000 + 25 (p − 60,000) = 25 p × 0.008 gives p = 1,400,000 / 24.8', () => {
    expect(run('LIQUIDATION_PRICE', [[['USDT', 100000, 1]], long(25), 'BTC', ID])).toBe(
      Number('56451.612903225806451612903225806451612903225806451612903225806'),
    );
  });

  it("AVAILABLE_FOR_ORDER charges the tier's imr: 100,000 − 900,000 × 0.01", () => {
    expect(run('AVAILABLE_FOR_ORDER', [[['USDT', 100000, 1]], long(15), null, ID])).toBe(91000);
  });

  it("MAX_ORDER_SIZE takes the rate of the tier the order ends in, with the tier's bounds at the order price", () => {
    // 15,000 free: 15,000 / (60,000 × 1%) = 25 BTC is past tier 1's 2,000 contracts (20 BTC), and tier 2's 2% fits 12.5
    const none: CellGrid = [long(1)[0]!, Array(8).fill(null)];
    expect(run('MAX_ORDER_SIZE', [[['USDT', 15000, 1]], none, 'BTC-USDT-SWAP', 60000, null, ID])).toBe(20);
    // 30,000 free: 30,000 / (60,000 × 2%) = 25 BTC, 2,500 contracts, within tier 2
    expect(run('MAX_ORDER_SIZE', [[['USDT', 30000, 1]], none, 'BTC-USDT-SWAP', 60000, null, ID])).toBe(25);
  });

  it('is taken by the number path (no Decimal per row): MARGIN_RATIO 4,800 / 100,000 and LIQUIDATION_PRICE', () => {
    const fast = (name: 'MARGIN_RATIO' | 'LIQUIDATION_PRICE', args: CellArg[]) =>
      FAST_HANDLERS[name]!(ArgList.of(name, FUNCTION_SPECS[name], args), ctx());
    expect(fast('MARGIN_RATIO', [[['USDT', 100000, 1]], long(20), ID])).toBe(0.048);
    const liquidation = [[['USDT', 100000, 1]], long(25), 'BTC', ID];
    expect(fast('LIQUIDATION_PRICE', liquidation)).toBe(run('LIQUIDATION_PRICE', liquidation));
    expect(fast('LIQUIDATION_PRICE', liquidation)).toBe(Number('56451.612903225806451612903225806451612903225806451612903225806'));
  });
});
