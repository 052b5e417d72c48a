import { autoExchange, dec } from '../../../src/engine';
import { invoke } from '../../../src/functions/core';
import { PresetRegistry } from '../../../src/presets';
import { assetOf, bal, presetOf } from '../../engine/fixtures';

/** 8,000 balance rows, every 20th a liability; every asset may be sold at a 2% haircut and every deficit triggers. */
function largeAccount() {
  const names = Array.from({ length: 8000 }, (_, i) => `A${i}`);
  const preset = presetOf(
    'large',
    [
      assetOf('USDT', 'value', [[0, null, 1]], { autoExchangeHaircut: 0 }),
      ...names.map((asset) => assetOf(asset, 'value', [[0, null, '0.9']], { autoExchangeHaircut: '0.02' })),
    ],
    { autoExchangeThresholds: { any: dec(0) } },
  );
  const rows = names.map((asset, i) => (i % 20 === 0 ? [asset, -(i + 1), 2] : [asset, 1000 + (i % 7), 3]));
  return { preset, range: [['asset', 'amount', 'price'], ...rows] };
}

describe('AUTO_EXCHANGE on a large account', () => {
  it('spills rows linear in the assets: at most sources + liabilities − 1 conversions', () => {
    const { preset, range } = largeAccount();
    const registry = new PresetRegistry();
    registry.upsertCustom(preset);
    const table = invoke('AUTO_EXCHANGE', [range, 'large', null, true], { registry });
    if (!Array.isArray(table)) throw new Error(`expected a table, got ${JSON.stringify(table)}`);
    const liabilities = 400;
    const sources = 7600;
    expect(table[0]).toEqual(['from_asset', 'amount_sold', 'value_sold', 'to_asset', 'amount_covered', 'trigger']);
    expect(table.length - 1).toBeLessThanOrEqual(sources + liabilities - 1);
    const liabilityRows = new Set(table.slice(1).map((row) => row[3]));
    expect(liabilityRows.size).toBe(liabilities);
    // The engine's exact rows behind the cells: each liability is covered exactly (A0 owes 1, A7980 owes 7981).
    const balances = range.slice(1).map(([asset, amount, price]) => bal(String(asset), String(amount), String(price)));
    const exact = autoExchange(preset, balances, { hasPositions: true });
    expect(exact.conversions.length).toBe(table.length - 1);
    const covered = (asset: string) =>
      exact.conversions
        .filter((c) => c.toAsset === asset)
        .reduce((sum, c) => sum.plus(c.amountCovered), dec(0))
        .toString();
    expect(covered('A0')).toBe('1');
    expect(covered('A7980')).toBe('7981');
  });
});
