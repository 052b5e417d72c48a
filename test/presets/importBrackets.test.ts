import { readFileSync } from 'fs';
import { join } from 'path';
import { dec } from '../../src/engine/decimal';
import { isMarginError } from '../../src/engine/errors';
import type { Bracket, Preset } from '../../src/engine/model';
import { BITGET_PRESET, importExchangeTable, presetToJson } from '../../src/presets';

/** Response examples of the exchanges' API documentation (sources in test/fixtures/api/README.md). */
/** 1/75 at the engine's precision (initialLeverage 75 publishes no initial rate of its own). */
const ONE_75TH = dec(1).div(75).toString();

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/api', name), 'utf8'));

const rows = (p: Preset, symbol: string): (string | null)[][] =>
  (p.brackets?.[symbol] ?? []).map((b: Bracket) => [
    b.floor.toString(),
    b.cap === null ? null : b.cap.toString(),
    b.mmr.toString(),
    b.cum.toString(),
    b.imr.toString(),
    b.maxLeverage?.toString() ?? null,
  ]);

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isMarginError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('importing leverage brackets from the documented responses', () => {
  it('Binance leverageBracket (list): every number of the ETHUSDT bracket, cum as published', () => {
    const p = importExchangeTable('binance', fixture('binance-leverageBracket-doc.json'), undefined, { asOf: '2026-11-30' });
    expect(rows(p, 'ETHUSDT')).toEqual([['0', '10000', '0.0065', '0', ONE_75TH, '75']]);
    expect(p.source).toBe('https://fapi.binance.com/fapi/v1/leverageBracket');
    expect(p.status).toBe('imported');
    expect(p.asOf).toBe('2026-11-30');
  });

  it('Binance leverageBracket (one symbol asked): the same bracket from the single-object form', () => {
    const p = importExchangeTable('binance', fixture('binance-leverageBracket-single-doc.json'), undefined, { asOf: '2026-11-30' });
    expect(rows(p, 'ETHUSDT')).toEqual([['0', '10000', '0.0065', '0', ONE_75TH, '75']]);
  });

  it('keeps the base preset assets and rules when importing brackets', () => {
    const p = importExchangeTable('bitget', fixture('bitget-query-position-lever-doc.json'));
    expect(presetToJson(p).assets).toEqual(presetToJson(BITGET_PRESET).assets);
    expect(p.rules).toEqual(BITGET_PRESET.rules);
  });

  it('Bitget query-position-lever: both BTCUSDT levels, cum derived as 50000 × 0.001 = 50', () => {
    const p = importExchangeTable('bitget', fixture('bitget-query-position-lever-doc.json'));
    expect(rows(p, 'BTCUSDT')).toEqual([
      ['0', '50000', '0.004', '0', '0.008', '125'],
      ['50000', '200000', '0.005', '50', '0.01', '100'],
    ]);
    expect(p.asOf).toBe('2023-09-27');
    expect(p.source).toBe('https://api.bitget.com/api/v2/mix/market/query-position-lever');
  });

  it('Bybit risk-limit: the documented BTCUSD tier read as published (maintenanceMargin 0.5, initialMargin 1, 100.00×)', () => {
    const p = importExchangeTable('bybit', fixture('bybit-risk-limit-doc.json'));
    expect(rows(p, 'BTCUSD')).toEqual([['0', '150', '0.5', '0', '1', '100']]);
    expect(p.asOf).toBe('2022-12-26');
    expect(p.source).toBe('https://api.bybit.com/v5/market/risk-limit');
  });

  it('OKX position-tiers: the documented example (MARGIN borrowing tiers) is refused with the reason, naming the field', () => {
    // A perpetual's tiers, bounded by contracts, import with its instruments response: test/presets/okxBrackets.test.ts.
    expect(refusal(() => importExchangeTable('okx', fixture('okx-position-tiers-doc.json')))).toBe(
      "preset response.data[0].instFamily: these are OKX's MARGIN borrowing tiers for BTC-USDT (minSz and maxSz are amounts to borrow), not a perpetual's position tiers; request instType=SWAP with instFamily, e.g. https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT",
    );
  });

  it('refuses brackets that are not contiguous, naming the response field', () => {
    const response = fixture('bitget-query-position-lever-doc.json') as { data: { startUnit: string }[] };
    response.data[1]!.startUnit = '60000';
    expect(refusal(() => importExchangeTable('bitget', response))).toBe(
      "preset response.data[1].startUnit: expected 50000 (the previous tier's cap: tiers must be contiguous), got 60000",
    );
  });

  it('refuses a maintenance rate above 1, naming the response field', () => {
    const response = fixture('binance-leverageBracket-doc.json') as { brackets: { maintMarginRatio: number }[] }[];
    response[0]!.brackets[0]!.maintMarginRatio = 1.5;
    expect(refusal(() => importExchangeTable('binance', response))).toBe(
      'preset response[0].brackets[0].maintMarginRatio: expected a ratio from 0 to 1, got 1.5',
    );
  });

  it('refuses a published cum that makes the margin negative at the bracket floor, naming the response field', () => {
    const response = [
      {
        symbol: 'BTCUSDT',
        brackets: [
          { bracket: 1, initialLeverage: 125, notionalCap: 50000, notionalFloor: 0, maintMarginRatio: 0.004, cum: 0 },
          { bracket: 2, initialLeverage: 100, notionalCap: 250000, notionalFloor: 50000, maintMarginRatio: 0.005, cum: 100000 },
        ],
      },
    ];
    expect(refusal(() => importExchangeTable('binance', response))).toBe(
      "preset response[0].brackets[1].cum: expected at most floor × mmr = 250, got 100000: the maintenance margin at the bracket's floor would be negative",
    );
  });

  it('refuses a max leverage whose initial rate is below the maintenance rate, naming the response field', () => {
    const response = fixture('binance-leverageBracket-doc.json') as { brackets: { initialLeverage: number }[] }[];
    response[0]!.brackets[0]!.initialLeverage = 200;
    expect(refusal(() => importExchangeTable('binance', response))).toBe(
      'preset response[0].brackets[0].initialLeverage: expected an initial margin rate of at least the maintenance rate 0.0065, got 0.005',
    );
  });

  it('refuses a Bybit initialMargin below maintenanceMargin and an mmDeduction past the floor, naming each field', () => {
    const low = fixture('bybit-risk-limit-doc.json') as { result: { list: { initialMargin: string }[] } };
    low.result.list[0]!.initialMargin = '0.4';
    expect(refusal(() => importExchangeTable('bybit', low))).toBe(
      'preset response.result.list[0].initialMargin: expected an initial margin rate of at least the maintenance rate 0.5, got 0.4',
    );
    const deduction = fixture('bybit-risk-limit-doc.json') as { result: { list: { mmDeduction?: string }[] } };
    deduction.result.list[0]!.mmDeduction = '1';
    expect(refusal(() => importExchangeTable('bybit', deduction))).toBe(
      "preset response.result.list[0].mmDeduction: expected at most floor × mmr = 0, got 1: the maintenance margin at the bracket's floor would be negative",
    );
  });

  it('replaces only the imported symbols when importing into a preset that has brackets', () => {
    const first = importExchangeTable('binance', fixture('binance-leverageBracket-doc.json'), undefined, { asOf: '2026-11-30' });
    const btc = [
      {
        symbol: 'BTCUSDT',
        brackets: [{ bracket: 1, initialLeverage: 125, notionalCap: 50000, notionalFloor: 0, maintMarginRatio: 0.004, cum: 0 }],
      },
    ];
    const second = importExchangeTable('binance', btc, first, { asOf: '2026-12-01' });
    expect(Object.keys(second.brackets ?? {})).toEqual(['ETHUSDT', 'BTCUSDT']);
    expect(second.asOf).toBe('2026-12-01');
  });
});

describe("Bitget's v3 position tiers (GET /api/v3/market/position-tier)", () => {
  const doc = fixture('bitget-v3-position-tier-doc.json');

  it('are leverage brackets, not a discount-rate table: the documented tier for the symbol of the request', () => {
    const p = importExchangeTable('bitget', doc, undefined, { symbol: 'ETHUSDT' });
    // minTierValue 0 to maxTierValue 100000, mmr 0.004, leverage 125 (imr 1/125); the response's requestTime dates it.
    expect(rows(p, 'ETHUSDT')).toEqual([['0', '100000', '0.004', '0', '0.008', '125']]);
    expect(p.source).toBe('https://api.bitget.com/api/v3/market/position-tier');
    expect(p.asOf).toBe('2024-11-09');
  });

  it('refuse a tier outside its domain with its path', () => {
    const bad = { ...(doc as object), data: [{ tier: '1', minTierValue: '0', maxTierValue: '100000', leverage: '125', mmr: '1.5' }] };
    expect(refusal(() => importExchangeTable('bitget', bad, undefined, { symbol: 'ETHUSDT' }))).toBe(
      'preset response.data[0].mmr: expected a ratio from 0 to 1, got 1.5',
    );
  });

  it('say that margin (borrowing) tiers have no value bounds', () => {
    const margin = { ...(doc as object), data: [{ tier: '1', leverage: '10', mmr: '0.1' }] };
    expect(refusal(() => importExchangeTable('bitget', margin, undefined, { symbol: 'BTCUSDT' }))).toMatch(
      /^preset response\.data\[0\]\.minTierValue: these are Bitget's MARGIN \(borrowing\) tiers/,
    );
  });
});
