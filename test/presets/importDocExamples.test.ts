import { readFileSync } from 'fs';
import { join } from 'path';
import { dec } from '../../src/engine/decimal';
import { collateralValue } from '../../src/engine';
import { isMarginError } from '../../src/engine/errors';
import type { AssetSpec, Preset } from '../../src/engine/model';
import { importExchangeTable } from '../../src/presets';

/** The response examples of the exchanges' own API documentation (sources in test/fixtures/api/README.md). */
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/api', name), 'utf8'));

function spec(preset: Preset, asset: string): AssetSpec {
  const s = preset.assets[asset];
  if (s === undefined) throw new Error(`${preset.id} has no ${asset}`);
  return s;
}

const rows = (s: AssetSpec): (string | null)[][] =>
  s.tiers.map((t) => [t.floor.toString(), t.cap === null ? null : t.cap.toString(), t.ratio.toString()]);

function refusalMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isMarginError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a MarginError');
}

describe('Bitget v2 discount-rate, as documented', () => {
  const imported = importExchangeTable('bitget', fixture('bitget-discount-rate-doc.json'));

  it('reads "maxAmount": "-1" as an open top tier and every documented number', () => {
    expect(rows(spec(imported, 'BTC'))).toEqual([
      ['0', '10000', '0.99'],
      ['10000', '100000', '0.95'],
      ['100000', '200000', '0.9'],
      ['200000', null, '0.8'],
    ]);
    expect(rows(spec(imported, 'ETH'))).toEqual([
      ['0', '100', '0.9'],
      ['100', '5000', '0.7'],
      ['5000', null, '0.5'],
    ]);
    expect(spec(imported, 'BTC').tierUnit).toBe('value');
    expect(spec(imported, 'BTC').individualLimit?.toString()).toBe('100');
    expect(spec(imported, 'BTC').platformLimit?.toString()).toBe('1500');
    expect(spec(imported, 'ETH').individualLimit?.toString()).toBe('50000');
    expect(spec(imported, 'ETH').platformLimit?.toString()).toBe('500000000');
  });

  it('dates the preset by requestTime 1725848381845 (2024-09-09 UTC) and names the v2 endpoint', () => {
    expect(imported.asOf).toBe('2024-09-09');
    expect(imported.source).toBe('https://api.bitget.com/api/v2/mix/market/discount-rate');
  });

  it('still refuses -1 on a tier that is not the last', () => {
    const response = fixture('bitget-discount-rate-doc.json') as { data: { discountRateList: { maxAmount: string }[] }[] };
    (response.data[0]!.discountRateList[1] as { maxAmount: string }).maxAmount = '-1';
    expect(refusalMessage(() => importExchangeTable('bitget', response))).toBe(
      'preset response.data[0].discountRateList[1].maxAmount: expected a cap: only the last tier may have no cap (null)',
    );
  });
});

describe('Bitget v3 (unified account) discount-rate, as documented', () => {
  const imported = importExchangeTable('bitget', fixture('bitget-v3-discount-rate-doc.json'));

  it('turns tier start values into contiguous value tiers with every documented number', () => {
    expect(spec(imported, 'ETH').tierUnit).toBe('value');
    expect(rows(spec(imported, 'ETH'))).toEqual([
      ['0', '40000', '0.99'],
      ['40000', null, '0.98'],
    ]);
  });

  it('is sourced from the v3 endpoint and dated by requestTime 1730911874605 (2024-11-06 UTC)', () => {
    expect(imported.source).toBe('https://api.bitget.com/api/v3/market/discount-rate');
    expect(imported.asOf).toBe('2024-11-06');
  });

  it('values 50,000 USDT of ETH as 40,000 × 0.99 + 10,000 × 0.98 = 49,400', () => {
    expect(collateralValue(imported, 'ETH', dec(25), dec(2000)).toString()).toBe('49400');
  });

  it('refuses tier starts that do not rise, naming the row', () => {
    const response = fixture('bitget-v3-discount-rate-doc.json') as { data: { list: { tierStartValue: string }[] }[] };
    response.data[0]!.list[1]!.tierStartValue = '0';
    expect(refusalMessage(() => importExchangeTable('bitget', response))).toBe(
      'preset response.data[0].list[1].tierStartValue: expected a cap above the floor 0, got 0',
    );
  });

  it('refuses a first tier that does not start at 0', () => {
    const response = fixture('bitget-v3-discount-rate-doc.json') as { data: { list: { tierStartValue: string }[] }[] };
    response.data[0]!.list[0]!.tierStartValue = '10';
    expect(refusalMessage(() => importExchangeTable('bitget', response))).toBe(
      'preset response.data[0].list[0].tierStartValue: expected the first tier to start at 0, got 10',
    );
  });
});

describe('OKX discount-rate-interest-free-quota, as documented', () => {
  const imported = importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota-doc.json'), undefined, { asOf: '2026-11-30' });

  it('reads both documented tiers and adds the minDiscountRate tier beyond the last maxAmt', () => {
    expect(spec(imported, 'BTC').tierUnit).toBe('quantity');
    expect(rows(spec(imported, 'BTC'))).toEqual([
      ['0', '20', '0.98'],
      ['20', '25', '0.9775'],
      ['25', null, '0'],
    ]);
    expect(spec(imported, 'BTC').interestFree?.toString()).toBe('0');
  });

  it('values a holding past the last tier at minDiscountRate instead of #N/A: 30 BTC at 100 = 1960 + 488.75 + 0', () => {
    expect(collateralValue(imported, 'BTC', dec(30), dec(100)).toString()).toBe('2448.75');
  });

  it('refuses a minDiscountRate above 1, naming it', () => {
    const response = fixture('okx-discount-rate-interest-free-quota-doc.json') as { data: { minDiscountRate: string }[] };
    response.data[0]!.minDiscountRate = '1.2';
    expect(refusalMessage(() => importExchangeTable('okx', response))).toBe(
      'preset response.data[0].minDiscountRate: expected a ratio from 0 to 1, got 1.2',
    );
  });
});

describe('Bybit spot-margin-trade/collateral, as documented', () => {
  const imported = importExchangeTable('bybit', fixture('bybit-collateral-doc.json'));

  it('accepts retExtInfo written as the string "{}" and reads every documented number', () => {
    expect(spec(imported, 'BTC').tierUnit).toBe('quantity');
    expect(rows(spec(imported, 'BTC'))).toEqual([
      ['0', '1000000', '0.85'],
      ['1000000', null, '0'],
    ]);
    expect(imported.asOf).toBe('2025-02-18');
  });
});
