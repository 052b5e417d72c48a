import { readFileSync } from 'fs';
import { join } from 'path';
import { dec } from '../../src/engine/decimal';
import { collateralValue } from '../../src/engine';
import { isMarginError } from '../../src/engine/errors';
import type { AssetSpec, Preset } from '../../src/engine/model';
import {
  BINANCE_PRESET,
  BITGET_PRESET,
  BYBIT_PRESET,
  IMPORT_ENDPOINTS,
  importExchangeTable,
  OKX_PRESET,
  parsePreset,
  presetToJson,
  PresetRegistry,
} from '../../src/presets';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/api', name), 'utf8'));

function spec(preset: Preset, asset: string): AssetSpec {
  const s = preset.assets[asset];
  if (s === undefined) throw new Error(`${preset.id} has no ${asset}`);
  return s;
}

const rows = (s: AssetSpec): (string | null)[][] =>
  s.tiers.map((t) => [t.floor.toString(), t.cap === null ? null : t.cap.toString(), t.ratio.toString()]);

function refusal(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isMarginError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a MarginError');
}

const refusedAt = (f: () => unknown): string => {
  const { code, message } = refusal(f);
  expect(code).toBe('INVALID_PRESET');
  return message;
};

describe('importExchangeTable: Binance assetIndex', () => {
  const imported = importExchangeTable('binance', fixture('binance-assetIndex.json'));

  it('makes an imported preset sourced from the endpoint and dated by the newest row time', () => {
    expect(imported.id).toBe('binance-imported');
    expect(imported.status).toBe('imported');
    expect(imported.source).toBe('https://fapi.binance.com/fapi/v1/assetIndex');
    expect(imported.asOf).toBe('2026-11-21');
    expect(imported.name).toBe('Binance USDⓈ-M Multi-Assets Mode (imported 2026-11-21)');
    expect(imported.quote).toBe('USDT');
  });

  it('reproduces the ADAUSD check of the assetIndex docs: bidRate 1.73661633 and askRate 2.12253107 (docs/RULES.md §2)', () => {
    // One ADA at index 1.92957370 is worth index × (1 − bidBuffer) held, and index × (1 + askBuffer) owed.
    expect(collateralValue(imported, 'ADA', dec(1), dec('1.92957370')).toString()).toBe('1.73661633');
    expect(collateralValue(imported, 'ADA', dec(-1), dec('1.92957370')).toString()).toBe('-2.12253107');
  });

  it('values ADA at 1 − bidBuffer = 0.9 and its liabilities at 1 + askBuffer = 1.1', () => {
    const ada = spec(imported, 'ADA');
    expect(ada.tierUnit).toBe('value');
    expect(rows(ada)).toEqual([['0', null, '0.9']]);
    expect(ada.liabilityRate.toString()).toBe('1.1');
    expect(ada.autoExchangeHaircut?.toString()).toBe('0.05');
    expect(ada.indexPrice?.toString()).toBe('1.9295737');
  });

  it('reproduces the published bid and ask rates of every row (index × ratio, index × liability rate)', () => {
    for (const row of fixture('binance-assetIndex.json') as Record<string, string>[]) {
      const s = spec(imported, row.symbol!.replace(/USD$/, ''));
      const index = dec(row.index!);
      expect(index.times(s.tiers[0]!.ratio).toDecimalPlaces(8).toFixed(8)).toBe(row.bidRate);
      expect(index.times(s.liabilityRate).toDecimalPlaces(8).toFixed(8)).toBe(row.askRate);
    }
  });

  it('replaces the snapshot values of the assets in the response and drops their snapshot notes', () => {
    expect(rows(spec(imported, 'BTC'))).toEqual([['0', null, '0.95']]);
    expect(spec(imported, 'BTC').liabilityRate.toString()).toBe('1.05');
    expect(spec(imported, 'BTC').autoExchangeHaircut?.toString()).toBe('0.025');
    expect(rows(spec(imported, 'USDT'))).toEqual([['0', null, '0.9999']]);
    expect(spec(imported, 'USDT').note).toBeUndefined();
    expect(rows(spec(imported, 'FDUSD'))).toEqual([['0', null, '0.989']]);
  });

  it('keeps an asset missing from the response, saying so', () => {
    const usdc = spec(imported, 'USDC');
    expect(rows(usdc)).toEqual([['0', null, '1']]);
    expect(usdc.note).toBe(
      'published as near 100%; valued at par in this snapshot; import assetIndex for the live buffer; not in the imported table; kept from preset binance (2026-11-21)',
    );
    expect(imported.notes).toContain('Not in the imported table, kept from preset binance: USDC.');
  });

  it('keeps the base assets in order and appends new ones', () => {
    expect(Object.keys(imported.assets)).toEqual(['USDT', 'USDC', 'FDUSD', 'BTC', 'ETH', 'BNB', 'ADA']);
  });

  it('keeps the rules of the base preset', () => {
    expect(presetToJson(imported).rules).toEqual(presetToJson(BINANCE_PRESET).rules);
    expect(imported.notes?.some((n) => n.startsWith('Rules (risk bands') && n.includes('binance as of 2026-11-21'))).toBe(true);
  });

  it('accepts the single object answered for one symbol', () => {
    const one = importExchangeTable('binance', fixture('binance-assetIndex-single.json'));
    expect(rows(spec(one, 'ADA'))).toEqual([['0', null, '0.9']]);
    expect(spec(one, 'BTC').note).toMatch(/not in the imported table/);
  });

  it('refuses a symbol that does not end in USD, naming the row', () => {
    expect(refusedAt(() => importExchangeTable('binance', fixture('binance-assetIndex-bad-symbol.json')))).toBe(
      'preset response[1].symbol: expected an asset symbol ending in "USD" (e.g. "BTCUSD"), got "BTCUSDT"',
    );
  });

  it('refuses a bid buffer above 1', () => {
    expect(refusedAt(() => importExchangeTable('binance', fixture('binance-assetIndex-bad-buffer.json')))).toBe(
      'preset response[0].bidBuffer: expected a ratio from 0 to 1, got 1.1',
    );
  });

  it('refuses an error answer with the exchange message', () => {
    expect(refusedAt(() => importExchangeTable('binance', fixture('binance-error.json')))).toBe(
      'preset response.code: the exchange refused the request: Invalid symbol. (code -1121)',
    );
  });

  it('refuses a row missing a field it needs', () => {
    const row = { ...(fixture('binance-assetIndex-single.json') as object), askBuffer: undefined };
    expect(refusedAt(() => importExchangeTable('binance', [row]))).toBe('preset response[0].askBuffer: required, but missing');
  });

  it('refuses a nonsense row time', () => {
    const row = { ...(fixture('binance-assetIndex-single.json') as object), time: 'yesterday' };
    expect(refusedAt(() => importExchangeTable('binance', row))).toMatch(/^preset response\.time: expected a time in milliseconds/);
  });
});

describe('importExchangeTable: Bitget discount-rate', () => {
  const imported = importExchangeTable('bitget', fixture('bitget-discount-rate.json'));

  it('reads the BTC value tiers equal to the built-in ones, with the limits', () => {
    const btc = spec(imported, 'BTC');
    expect(btc.tierUnit).toBe('value');
    expect(rows(btc)).toEqual(rows(spec(BITGET_PRESET, 'BTC')));
    expect(btc.individualLimit?.toString()).toBe('100');
    expect(btc.platformLimit?.toString()).toBe('5000');
  });

  it('leaves out limits the response gives as empty', () => {
    expect(spec(imported, 'USDT').individualLimit).toBeUndefined();
    expect(spec(imported, 'USDT').platformLimit).toBeUndefined();
  });

  it('dates the preset by requestTime and sources it from the endpoint', () => {
    expect(imported.asOf).toBe('2026-11-21');
    expect(imported.source).toBe(IMPORT_ENDPOINTS.bitget);
    expect(imported.status).toBe('imported');
    expect(presetToJson(imported).rules).toEqual(presetToJson(BITGET_PRESET).rules);
  });

  it('keeps the coins the response lacks with their unpublished tiers', () => {
    for (const asset of ['ETH', 'SOL', 'XRP', 'PEPE', 'USDC', 'BGB']) {
      expect(spec(imported, asset).tiers).toEqual([]);
      expect(spec(imported, asset).note).toBe('not in the imported table; kept from preset bitget (2026-11-21)');
    }
  });

  it('accepts the bare data list, dated by the date passed in', () => {
    const bare = (fixture('bitget-discount-rate.json') as { data: unknown }).data;
    const p = importExchangeTable('bitget', bare, undefined, { asOf: '2026-11-19' });
    expect(p.asOf).toBe('2026-11-19');
    expect(rows(spec(p, 'BTC'))).toEqual(rows(spec(BITGET_PRESET, 'BTC')));
  });

  it('refuses tiers with a gap, naming the response field', () => {
    expect(refusedAt(() => importExchangeTable('bitget', fixture('bitget-discount-rate-gap.json')))).toBe(
      "preset response.data[1].discountRateList[2].minAmount: expected 500000 (the previous tier's cap: tiers must be contiguous), got 600000",
    );
  });

  it('refuses a discount rate of 1e-40000000 at once, naming the response field', () => {
    const text = readFileSync(join(__dirname, '../fixtures/api/bitget-discount-rate.json'), 'utf8');
    const hostile = JSON.parse(text.replace('"discountRate": "0.975"', '"discountRate": "1e-40000000"')) as unknown;
    expect(refusedAt(() => importExchangeTable('bitget', hostile))).toBe(
      'preset response.data[1].discountRateList[0].discountRate: expected zero or a number a spreadsheet can hold (magnitude at least 2.2e-308), got "1e-40000000"',
    );
  });

  it('refuses an error answer with the exchange code and message', () => {
    expect(refusedAt(() => importExchangeTable('bitget', fixture('bitget-discount-rate-error.json')))).toBe(
      'preset response.code: expected "00000" (success), got "40034" (Parameter does not exist): the exchange refused the request',
    );
  });
});

describe('importExchangeTable: OKX discount-rate-interest-free-quota', () => {
  const imported = importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota.json'), undefined, { asOf: '2026-11-20' });

  it('reads quantity tiers, an empty maxAmt as no cap, and the interest-free quota', () => {
    expect(spec(imported, 'BTC').tierUnit).toBe('quantity');
    expect(rows(spec(imported, 'BTC'))).toEqual([
      ['0', '20', '0.98'],
      ['20', '25', '0.9775'],
      // minDiscountRate: the rate OKX applies beyond the last maxAmt
      ['25', null, '0'],
    ]);
    expect(spec(imported, 'BTC').interestFree?.toString()).toBe('0');
    expect(rows(spec(imported, 'USDT'))).toEqual([['0', null, '1']]);
    expect(spec(imported, 'USDT').interestFree?.toString()).toBe('200000');
    expect(rows(spec(imported, 'ETH'))).toEqual([
      ['0', '500', '0.98'],
      ['500', '1000', '0.97'],
      ['1000', null, '0.5'],
    ]);
    expect(spec(imported, 'ETH').liabilityRate.toString()).toBe('1');
  });

  it('takes the date passed in, since the response has no time', () => {
    expect(imported.asOf).toBe('2026-11-20');
    expect(imported.id).toBe('okx-imported');
    expect(imported.name).toBe('OKX Multi-currency margin (imported 2026-11-20)');
  });

  it('dates the preset today (UTC) when no date is passed', () => {
    const before = new Date().toISOString().slice(0, 10);
    const p = importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota.json'));
    const after = new Date().toISOString().slice(0, 10);
    expect([before, after]).toContain(p.asOf);
  });

  it('refuses a discount rate above 1', () => {
    expect(refusedAt(() => importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota-bad-rate.json')))).toBe(
      'preset response.data[0].details[1].discountRate: expected a ratio from 0 to 1, got 1.5',
    );
  });

  it('refuses a row without its currency', () => {
    expect(refusedAt(() => importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota-no-ccy.json')))).toBe(
      'preset response.data[2].ccy: required, but missing',
    );
  });

  it('refuses a response whose code is not 0', () => {
    expect(refusedAt(() => importExchangeTable('okx', { code: '50011', msg: 'Too Many Requests', data: [] }))).toMatch(
      /^preset response\.code: expected "0" \(success\), got "50011" \(Too Many Requests\)/,
    );
  });
});

describe('importExchangeTable: Bybit collateral', () => {
  const imported = importExchangeTable('bybit', fixture('bybit-collateral.json'));

  it('reads quantity tiers equal to the help-page ones for BTC, an empty maxQty as no cap', () => {
    expect(rows(spec(imported, 'BTC'))).toEqual(rows(spec(BYBIT_PRESET, 'BTC')));
    expect(rows(spec(imported, 'SOL'))).toEqual([
      ['0', '5000', '0.95'],
      ['5000', null, '0.9'],
    ]);
    expect(spec(imported, 'SOL').tierUnit).toBe('quantity');
  });

  it('counts liabilities at 100% and dates the preset by the response time', () => {
    for (const s of Object.values(imported.assets)) expect(s.liabilityRate.toString()).toBe('1');
    expect(imported.asOf).toBe('2026-11-21');
    expect(imported.source).toBe(IMPORT_ENDPOINTS.bybit);
  });

  it('accepts the bare list', () => {
    const list = (fixture('bybit-collateral.json') as { result: { list: unknown } }).result.list;
    expect(Object.keys(importExchangeTable('bybit', list, undefined, { asOf: '2026-11-21' }).assets)).toEqual(['USDT', 'BTC', 'SOL']);
  });

  it('refuses an open-ended tier before the last', () => {
    expect(refusedAt(() => importExchangeTable('bybit', fixture('bybit-collateral-open-tier.json')))).toBe(
      'preset response.result.list[0].collateralRatioList[0].maxQty: expected a cap: only the last tier may have no cap (null)',
    );
  });

  it('refuses an error answer', () => {
    expect(refusedAt(() => importExchangeTable('bybit', fixture('bybit-error.json')))).toBe(
      'preset response.retCode: expected 0 (success), got 10001 (params error): the exchange refused the request',
    );
  });
});

describe('importExchangeTable: any exchange', () => {
  it('refuses an exchange it cannot import', () => {
    const e = refusal(() => importExchangeTable('kraken' as 'okx', []));
    expect(e.code).toBe('BAD_CHOICE');
    expect(e.message).toBe('exchange: expected one of binance, bitget, okx, bybit, got kraken');
  });

  it.each([
    ['text', 'preset response: expected an object, got "text"'],
    [[], 'preset response: expected at least one asset, got an empty list'],
    [{ code: '0', msg: '', data: {} }, 'preset response.data: expected a list, got an object'],
  ])('refuses the response %p', (response, message) => {
    expect(refusedAt(() => importExchangeTable('okx', response))).toBe(message);
  });

  it('refuses the same asset twice in one response', () => {
    const data = (fixture('okx-discount-rate-interest-free-quota.json') as { data: { ccy: string }[] }).data;
    const twice = [...data, { ...data[0]!, ccy: 'btc' }];
    expect(refusedAt(() => importExchangeTable('okx', twice, undefined, { asOf: '2026-11-21' }))).toBe(
      'preset response[3]: asset BTC appears twice in the response',
    );
  });

  it('imports into a custom base, keeping its rules and its id suffix', () => {
    const base = parsePreset({
      ...presetToJson(OKX_PRESET),
      id: 'desk-okx',
      status: 'custom',
      rules: { riskBands: { warning: '0.4', danger: '0.7' } },
    });
    const once = importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota.json'), base, { asOf: '2026-11-21' });
    expect(once.id).toBe('desk-okx-imported');
    expect(once.rules.riskBands.warning.toString()).toBe('0.4');
    const twice = importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota.json'), once, { asOf: '2026-11-22' });
    expect(twice.id).toBe('desk-okx-imported');
    expect(twice.name).toBe('OKX Multi-currency margin (imported 2026-11-22)');
  });

  it('takes the id and name given', () => {
    const p = importExchangeTable('bybit', fixture('bybit-collateral.json'), undefined, { id: 'bybit-live', name: 'Bybit live' });
    expect([p.id, p.name]).toEqual(['bybit-live', 'Bybit live']);
  });

  it('gives presets a registry accepts and that round-trip through JSON', () => {
    const registry = new PresetRegistry();
    const presets = [
      importExchangeTable('binance', fixture('binance-assetIndex.json')),
      importExchangeTable('bitget', fixture('bitget-discount-rate.json')),
      importExchangeTable('okx', fixture('okx-discount-rate-interest-free-quota.json'), undefined, { asOf: '2026-11-21' }),
      importExchangeTable('bybit', fixture('bybit-collateral.json')),
    ];
    for (const p of presets) {
      registry.upsertCustom(p);
      expect(presetToJson(parsePreset(JSON.parse(JSON.stringify(presetToJson(p)))))).toEqual(presetToJson(p));
    }
    expect(registry.customs().map((p) => p.id)).toEqual(['binance-imported', 'bitget-imported', 'okx-imported', 'bybit-imported']);
  });

  it('matches the imported example file', () => {
    const example = JSON.parse(readFileSync(join(__dirname, '../../examples/presets/bitget-imported.json'), 'utf8'));
    expect(example).toEqual(presetToJson(importExchangeTable('bitget', fixture('bitget-discount-rate.json'))));
  });
});
