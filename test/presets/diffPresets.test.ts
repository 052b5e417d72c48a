import { readFileSync } from 'fs';
import { join } from 'path';
import {
  BINANCE_PRESET,
  BITGET_PRESET,
  diffPresets,
  importExchangeTable,
  OKX_PRESET,
  parsePreset,
  presetToJson,
  type PresetJson,
} from '../../src/presets';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/api', name), 'utf8'));
const example = (): PresetJson => JSON.parse(readFileSync(join(__dirname, '../../examples/presets/desk-example.json'), 'utf8'));

describe('diffPresets', () => {
  it('finds nothing between a preset and itself or its JSON round trip', () => {
    expect(diffPresets(BINANCE_PRESET, BINANCE_PRESET)).toEqual([]);
    expect(diffPresets(BINANCE_PRESET, parsePreset(presetToJson(BINANCE_PRESET)))).toEqual([]);
  });

  it('shows only the notes of the kept coins after importing the Bitget table of the built-in tiers', () => {
    const imported = importExchangeTable('bitget', fixture('bitget-discount-rate.json'));
    expect(diffPresets(BITGET_PRESET, imported)).toEqual(
      ['ETH', 'SOL', 'XRP', 'PEPE', 'USDC', 'BGB'].map((asset) => ({
        asset,
        field: 'note',
        before: null,
        after: 'not in the imported table; kept from preset bitget (2026-11-21)',
      })),
    );
  });

  it('lists an added asset, new quotas and a dropped note after an OKX import', () => {
    const imported = importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota.json'), undefined, { asOf: '2026-11-21' });
    expect(diffPresets(OKX_PRESET, imported)).toEqual([
      { asset: 'USDT', field: 'interestFree', before: null, after: '200000' },
      {
        asset: 'USDT',
        field: 'note',
        before: 'quote asset, valued at par in this illustrative preset; import the live table for its discount rate',
        after: null,
      },
      // OKX's minDiscountRate becomes an open tier beyond the last published cap.
      { asset: 'BTC', field: 'tiers[2]', before: null, after: '25 and above at 0' },
      { asset: 'BTC', field: 'interestFree', before: null, after: '0' },
      { asset: 'ETH', field: 'asset', before: null, after: 'quantity tiers: 0 to 500 at 0.98; 500 to 1000 at 0.97; 1000 and above at 0.5' },
    ]);
  });

  it('lists changed, added and removed tiers, units, rates, limits and a removed asset', () => {
    const before = parsePreset(example());
    const json = example() as unknown as { assets: Record<string, Record<string, unknown>> };
    json.assets.BTC = {
      tierUnit: 'quantity',
      tiers: [
        { floor: 0, cap: 100000, ratio: '0.97' },
        { floor: 100000, cap: 200000, ratio: '0.95' },
        { floor: 200000, cap: null, ratio: '0.9' },
      ],
      liabilityRate: '1.005',
      autoExchangeHaircut: '0.03',
      hourlyInterestRate: '0.00001',
      individualLimit: 100,
    };
    json.assets.ETH = { tierUnit: 'value', tiers: [] };
    delete json.assets.USDT;
    (json as unknown as { quote: string }).quote = 'BTC';
    const after = parsePreset(json);
    expect(diffPresets(before, after)).toEqual([
      { asset: 'USDT', field: 'asset', before: 'value tiers: 0 and above at 1', after: null },
      { asset: 'BTC', field: 'tierUnit', before: 'value', after: 'quantity' },
      { asset: 'BTC', field: 'tiers[0]', before: '0 to 100000 at 0.975', after: '0 to 100000 at 0.97' },
      { asset: 'BTC', field: 'tiers[1]', before: '100000 and above at 0.95', after: '100000 to 200000 at 0.95' },
      { asset: 'BTC', field: 'tiers[2]', before: null, after: '200000 and above at 0.9' },
      { asset: 'BTC', field: 'autoExchangeHaircut', before: '0.025', after: '0.03' },
      { asset: 'BTC', field: 'platformLimit', before: '5000', after: null },
      { asset: 'ETH', field: 'asset', before: null, after: 'value tiers: unpublished' },
      { asset: null, field: 'quote', before: 'USDT', after: 'BTC' },
    ]);
  });

  it('shows a table published where it was unpublished as one change', () => {
    const json = presetToJson(BITGET_PRESET);
    const after = parsePreset({
      ...json,
      assets: {
        ...json.assets,
        ETH: {
          tierUnit: 'value',
          tiers: [
            { floor: 0, cap: 50000, ratio: '0.95' },
            { floor: 50000, cap: null, ratio: '0.9' },
          ],
        },
      },
    });
    expect(diffPresets(BITGET_PRESET, after)).toEqual([
      { asset: 'ETH', field: 'tiers', before: 'unpublished', after: '0 to 50000 at 0.95; 50000 and above at 0.9' },
    ]);
  });

  it('lists changed rules', () => {
    const before = parsePreset(example());
    const json = example();
    const after = parsePreset({
      ...json,
      rules: {
        riskBands: { warning: 0.6, danger: 0.8 },
        autoExchangeThresholds: { regular: -5000, vip: -8000, vip2: -10000 },
        defaultUserTier: 'vip',
        modeSwitch: { toMulti: ['crossOnly'], toSingle: [] },
        liabilityMaintenanceRate: '0.05',
      },
    });
    expect(diffPresets(before, after)).toEqual([
      { asset: null, field: 'rules.riskBands.warning', before: '0.5', after: '0.6' },
      { asset: null, field: 'rules.ltvTrigger', before: '0.995', after: null },
      { asset: null, field: 'rules.autoExchangeThresholds.vip', before: '-10000', after: '-8000' },
      { asset: null, field: 'rules.autoExchangeThresholds.vip2', before: null, after: '-10000' },
      { asset: null, field: 'rules.defaultUserTier', before: null, after: 'vip' },
      {
        asset: null,
        field: 'rules.modeSwitch.toMulti',
        before: 'crossOnly, noOpenOrders, noNegativeBalance, marginSufficient',
        after: 'crossOnly',
      },
      {
        asset: null,
        field: 'rules.modeSwitch.toSingle',
        before: 'noOpenOrders, quoteCoversMargin, maintenanceRateBelow 0.8',
        after: '(none)',
      },
      { asset: null, field: 'rules.liabilityMaintenanceRate', before: null, after: '0.05' },
    ]);
  });
});
