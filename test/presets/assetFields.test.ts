import { readFileSync } from 'fs';
import { join } from 'path';
import { ASSET_NUMBER_FIELDS, type AssetNumberField, type AssetNumberRange } from '../../src/engine/model';
import { diffPresets, parsePreset, presetToJson } from '../../src/presets';

const EXAMPLE = JSON.parse(readFileSync(join(__dirname, '../../examples/presets/desk-example.json'), 'utf8')) as {
  assets: { BTC: Record<string, unknown> };
};

/** For each range: a value inside it and one just outside. */
const VALUES: Readonly<Record<AssetNumberRange, readonly [string, string]>> = {
  atLeastOne: ['1.5', '0.999'],
  haircut: ['0.5', '1'],
  nonNegative: ['2', '-0.001'],
  positive: ['3', '0'],
};

const withBtc = (key: string, value: unknown) => {
  const doc = structuredClone(EXAMPLE);
  if (value === undefined) delete doc.assets.BTC[key];
  else doc.assets.BTC[key] = value;
  return doc;
};

const FIELDS = Object.entries(ASSET_NUMBER_FIELDS) as [AssetNumberField, (typeof ASSET_NUMBER_FIELDS)[AssetNumberField]][];

describe('the asset field table', () => {
  it.each(FIELDS)('drives reading, writing and comparing %s', (key, entry) => {
    const [inside] = VALUES[entry.range];
    const without = parsePreset(withBtc(key, undefined));
    const withIt = parsePreset(withBtc(key, inside));
    expect(withIt.assets.BTC?.[key]?.toString()).toBe(inside);
    expect(presetToJson(withIt).assets.BTC?.[key]).toBe(inside);
    const absent = 'absent' in entry ? entry.absent : undefined;
    expect(without.assets.BTC?.[key]?.toString()).toBe(absent);
    const changes = diffPresets(without, withIt).filter((c) => c.field === key);
    expect(changes).toEqual(entry.compared ? [{ asset: 'BTC', field: key, before: absent ?? null, after: inside }] : []);
  });

  it.each(FIELDS)('refuses %s outside its range, naming the field', (key, entry) => {
    const [, outside] = VALUES[entry.range];
    expect(() => parsePreset(withBtc(key, outside))).toThrow(
      expect.objectContaining({
        code: 'INVALID_PRESET',
        message: expect.stringMatching(new RegExp(`^preset assets\\.BTC\\.${key}: expected .*, got ${outside.replace('.', '\\.')}$`)),
      }),
    );
  });
});
