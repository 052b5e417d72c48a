import { readFileSync } from 'fs';
import { join } from 'path';
import { isMarginError } from '../../src/engine/errors';
import type { Bracket } from '../../src/engine/model';
import { importExchangeTable, parseBrackets, parsePreset, PresetRegistry, presetToJson, previewImportText } from '../../src/presets';
import { OKX_SIZE_BRACKETS_PRESET } from '../support/bracketPreset';

const text = (name: string): string => readFileSync(join(__dirname, '../fixtures/api', name), 'utf8');
const fixture = (name: string): unknown => JSON.parse(text(name));

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isMarginError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

const rows = (brackets: readonly Bracket[] | undefined) =>
  (brackets ?? []).map((b) => [
    b.floor.toString(),
    b.cap === null ? null : b.cap.toString(),
    b.mmr.toString(),
    b.cum.toString(),
    b.imr.toString(),
    b.maxLeverage?.toString() ?? null,
    b.contractValue?.toString() ?? null,
  ]);

const TIERS = [
  ['0', '2000', '0.004', '0', '0.01', '100', '0.01'],
  ['2000', '4000', '0.008', '0', '0.02', '50', '0.01'],
  ['4000', '8000', '0.02', '0', '0.05', '20', '0.01'],
];

describe('OKX position-tiers: brackets bounded by contracts', () => {
  it('imports every tier for each instrument of the family, bounds in contracts of ctVal 0.01 BTC, no maintenance amount', () => {
    expect(Object.keys(OKX_SIZE_BRACKETS_PRESET.brackets ?? {})).toEqual(['BTC-USDT-SWAP']);
    expect(rows(OKX_SIZE_BRACKETS_PRESET.brackets?.['BTC-USDT-SWAP'])).toEqual(TIERS);
    expect(OKX_SIZE_BRACKETS_PRESET.source).toBe('https://www.okx.com/api/v5/public/position-tiers');
    expect(OKX_SIZE_BRACKETS_PRESET.asOf).toBe('2026-11-30');
    expect(OKX_SIZE_BRACKETS_PRESET.status).toBe('imported');
  });

  it('reads the two responses pasted one after the other, as the pane and `multiasset import` get them', () => {
    const registry = new PresetRegistry();
    const both = `${text('okx-position-tiers-swap.json')}\n${text('okx-instruments-swap.json')}`;
    const preview = previewImportText(registry, 'okx', both, '2026-11-30');
    expect(rows(preview.imported.brackets?.['BTC-USDT-SWAP'])).toEqual(TIERS);
    expect(preview.lines.map((l) => l.what)).toContain('brackets.BTC-USDT-SWAP');
    expect(preview.lines.find((l) => l.what === 'brackets.BTC-USDT-SWAP')?.after).toBe(
      '0 to 2000 contracts of 0.01: mmr 0.004, cum 0, 100×; 2000 to 4000 contracts of 0.01: mmr 0.008, cum 0, 50×; 4000 to 8000 contracts of 0.01: mmr 0.02, cum 0, 20×',
    );
  });

  it('keeps contractValue on every bracket through the preset document and back', () => {
    const json = presetToJson(OKX_SIZE_BRACKETS_PRESET);
    expect(json.brackets?.['BTC-USDT-SWAP']?.[1]).toEqual({
      floor: '2000',
      cap: '4000',
      mmr: '0.008',
      cum: '0',
      maxLeverage: '50',
      contractValue: '0.01',
    });
    expect(rows(parsePreset(json).brackets?.['BTC-USDT-SWAP'])).toEqual(TIERS);
  });

  it('refuses the documented example, which is MARGIN borrowing tiers, saying which request gives a perpetual its tiers', () => {
    expect(refusal(() => importExchangeTable('okx', fixture('okx-position-tiers-doc.json')))).toBe(
      "preset response.data[0].instFamily: these are OKX's MARGIN borrowing tiers for BTC-USDT (minSz and maxSz are amounts to borrow), not a perpetual's position tiers; request instType=SWAP with instFamily, e.g. https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT",
    );
  });

  it('refuses the tiers alone, naming the instruments response that gives the contract value and how to give it', () => {
    expect(refusal(() => importExchangeTable('okx', fixture('okx-position-tiers-swap.json')))).toBe(
      "preset response.data[0].maxSz: OKX position tiers count contracts; give OKX's instruments response for BTC-USDT after this one (the task pane: paste it below; the command line: --instruments FILE|URL), e.g. https://www.okx.com/api/v5/public/instruments?instType=SWAP&instFamily=BTC-USDT, so that each instrument's contract value (ctVal) turns contracts into coin",
    );
  });

  it("refuses instruments without the tiers' family: the documented instruments example is a spot pair", () => {
    const message = refusal(() =>
      importExchangeTable('okx', fixture('okx-position-tiers-swap.json'), undefined, { companions: [fixture('okx-instruments-doc.json')] }),
    );
    expect(message).toBe(
      'preset response.data[0].instFamily: the instruments response has no instrument of family BTC-USDT, so its contract value is unknown; fetch https://www.okx.com/api/v5/public/instruments?instType=SWAP&instFamily=BTC-USDT',
    );
  });

  it("uses the instruments of the tiers' family, ignores the others (an inverse one too) and says how many", () => {
    const instruments = fixture('okx-instruments-swap.json') as { data: Record<string, string>[] };
    const btc = instruments.data[0] as Record<string, string>;
    const spanning = {
      ...instruments,
      data: [
        { ...btc, instId: 'ETH-USDT-SWAP', instFamily: 'ETH-USDT', uly: 'ETH-USDT', ctVal: '0.1', ctValCcy: 'ETH' },
        btc,
        { ...btc, instId: 'BTC-USD-SWAP', instFamily: 'BTC-USD', uly: 'BTC-USD', ctType: 'inverse', ctVal: '100', ctValCcy: 'USD' },
        ...(fixture('okx-instruments-doc.json') as { data: unknown[] }).data,
      ],
    };
    const p = importExchangeTable('okx', fixture('okx-position-tiers-swap.json'), undefined, { companions: [spanning] });
    expect(Object.keys(p.brackets ?? {})).toEqual(['BTC-USDT-SWAP']);
    expect(rows(p.brackets?.['BTC-USDT-SWAP'])).toEqual(TIERS);
    expect(
      p.notes?.some((n) => n.endsWith('The instruments response also lists 3 instrument(s) of other families (or none), ignored.')),
    ).toBe(true);
  });

  it('refuses an inverse contract, which multi-asset margin does not cover', () => {
    const instruments = fixture('okx-instruments-swap.json') as { data: Record<string, string>[] };
    Object.assign(instruments.data[0]!, { ctType: 'inverse' });
    expect(
      refusal(() => importExchangeTable('okx', fixture('okx-position-tiers-swap.json'), undefined, { companions: [instruments] })),
    ).toBe(
      'preset response.data[0].ctType: BTC-USDT-SWAP is an inverse (coin-margined) contract; multi-asset margin covers USDⓈ-margined (linear) contracts only',
    );
  });

  it('refuses a tier starting more than one contract past the previous maxSz, or inside the previous tier', () => {
    for (const [minSz, got] of [
      ['2002', '2002'],
      ['1999', '1999'],
    ] as const) {
      const tiers = fixture('okx-position-tiers-swap.json') as { data: Record<string, string>[] };
      tiers.data[1]!.minSz = minSz;
      expect(refusal(() => importExchangeTable('okx', tiers, undefined, { companions: [fixture('okx-instruments-swap.json')] }))).toBe(
        `preset response.data[1].minSz: expected the previous tier's maxSz 2000 (or one contract above it: tiers must follow each other), got ${got}`,
      );
    }
  });

  it('refuses a second document after any other response', () => {
    const registry = new PresetRegistry();
    const twice = `${text('bitget-query-position-lever-doc.json')}\n${text('bitget-query-position-lever-doc.json')}`;
    expect(refusal(() => previewImportText(registry, 'bitget', twice, '2026-11-30'))).toBe(
      'preset response: expected one response, got 2 JSON documents one after another (only OKX position tiers take a second: its instruments response)',
    );
  });
});

describe('preset brackets bounded by contracts', () => {
  const row = (extra: Record<string, string>) => ({ floor: '0', cap: '10', mmr: '0.01', maxLeverage: '50', ...extra });

  it('refuses a bracket without the contractValue of the first, or with another', () => {
    expect(refusal(() => parseBrackets({ X: [row({ contractValue: '0.01' }), { ...row({}), floor: '10', cap: null }] }))).toBe(
      'preset brackets.X[1].contractValue: expected 0.01 as on the first bracket, got none',
    );
    expect(
      refusal(() => parseBrackets({ X: [row({ contractValue: '0.01' }), { ...row({ contractValue: '0.1' }), floor: '10', cap: null }] })),
    ).toBe('preset brackets.X[1].contractValue: expected 0.01 as on the first bracket, got 0.1');
    expect(refusal(() => parseBrackets({ X: [row({}), { ...row({ contractValue: '0.1' }), floor: '10', cap: null }] }))).toBe(
      'preset brackets.X[1].contractValue: expected none as on the first bracket, got 0.1',
    );
  });

  it('refuses a maintenance amount on a bracket bounded by contracts', () => {
    expect(refusal(() => parseBrackets({ X: [row({ contractValue: '0.01', cum: '5' })] }))).toBe(
      'preset brackets.X[0].cum: expected 0: a bracket bounded by contracts has its mmr on the whole position, got 5',
    );
  });

  it('refuses a contract value that is not positive', () => {
    expect(refusal(() => parseBrackets({ X: [row({ contractValue: '0' })] }))).toBe(
      'preset brackets.X[0].contractValue: expected a positive number, got 0',
    );
  });
});
