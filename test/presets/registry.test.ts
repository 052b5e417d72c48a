import type { Preset } from '../../src/engine/model';
import { isMarginError } from '../../src/engine/errors';
import { BITGET_PRESET, BUILTIN_PRESETS, parsePreset, presetToJson, PresetRegistry } from '../../src/presets';

function custom(id: string, ratio = '0.9'): Preset {
  return parsePreset({
    id,
    name: `Custom ${id}`,
    asOf: '2026-11-21',
    source: 'internal risk policy',
    status: 'custom',
    quote: 'USDT',
    assets: {
      USDT: { tierUnit: 'value', tiers: [{ floor: 0, cap: null, ratio: 1 }] },
      BTC: { tierUnit: 'value', tiers: [{ floor: 0, cap: null, ratio }] },
    },
    rules: { riskBands: { warning: 0.5, danger: 0.8 } },
  });
}

function errorOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isMarginError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a MarginError');
}

/** Everything a caller can observe, to check that a refused change changed nothing. */
function snapshot(r: PresetRegistry): string {
  return JSON.stringify({ d: r.defaultId, l: r.list().map(presetToJson) });
}

describe('PresetRegistry', () => {
  it('starts with the built-in presets and binance as the default', () => {
    const r = new PresetRegistry();
    expect(r.list().map((p) => p.id)).toEqual(BUILTIN_PRESETS.map((p) => p.id));
    expect(r.customs()).toEqual([]);
    expect(r.defaultId).toBe('binance');
    expect(r.resolve().id).toBe('binance');
    expect(r.resolve(null).id).toBe('binance');
    expect(r.resolve('').id).toBe('binance');
    expect(r.resolve('  ').id).toBe('binance');
  });

  it('resolves ids case-insensitively', () => {
    const r = new PresetRegistry();
    expect(r.resolve('BitGet')).toBe(BITGET_PRESET);
    expect(r.resolve(' OKX ').id).toBe('okx');
  });

  it('names the unknown id and every known id', () => {
    const r = new PresetRegistry();
    r.upsertCustom(custom('desk'));
    const e = errorOf(() => r.resolve('kraken'));
    expect(e.code).toBe('UNKNOWN_EXCHANGE');
    expect(e.message).toBe('exchange: unknown preset "kraken"; known: binance, bitget, bitmart, okx, bybit, desk');
  });

  it('changes the default to a known id, keeping its canonical spelling', () => {
    const r = new PresetRegistry();
    r.setDefault('BYBIT');
    expect(r.defaultId).toBe('bybit');
    expect(r.resolve().id).toBe('bybit');
  });

  it('refuses an unknown or blank default and keeps the old one', () => {
    const r = new PresetRegistry();
    expect(errorOf(() => r.setDefault('kraken')).code).toBe('UNKNOWN_EXCHANGE');
    expect(errorOf(() => r.setDefault('')).code).toBe('UNKNOWN_EXCHANGE');
    expect(r.defaultId).toBe('binance');
  });

  it('adds custom presets after the built-ins and replaces one with the same id in place', () => {
    const r = new PresetRegistry();
    r.upsertCustom(custom('desk-a'));
    r.upsertCustom(custom('desk-b'));
    r.upsertCustom(custom('DESK-A', '0.8'));
    expect(r.list().map((p) => p.id)).toEqual([...BUILTIN_PRESETS.map((p) => p.id), 'DESK-A', 'desk-b']);
    expect(r.resolve('desk-a').assets.BTC?.tiers[0]?.ratio.toString()).toBe('0.8');
  });

  it('refuses a custom preset with a built-in id and changes nothing', () => {
    const r = new PresetRegistry();
    r.upsertCustom(custom('desk'));
    const before = snapshot(r);
    const e = errorOf(() => r.upsertCustom(custom('Binance')));
    expect(e.code).toBe('INVALID_PRESET');
    expect(e.message).toContain('built-in preset id');
    expect(snapshot(r)).toBe(before);
  });

  it('re-validates a preset built by hand and refuses a bad one without changing anything', () => {
    const r = new PresetRegistry();
    r.upsertCustom(custom('desk'));
    r.setDefault('desk');
    const before = snapshot(r);
    const good = custom('desk', '0.7');
    const broken = { ...good, assets: { ...good.assets, BTC: { ...good.assets.BTC!, tiers: [] } }, quote: 'EUR' } as Preset;
    const e = errorOf(() => r.upsertCustom(broken));
    expect(e.code).toBe('INVALID_PRESET');
    expect(e.message).toMatch(/^preset quote:/);
    expect(snapshot(r)).toBe(before);
  });

  it('does not keep a reference to the preset it was given', () => {
    const r = new PresetRegistry();
    const p = custom('desk');
    const mutable = JSON.parse(JSON.stringify(presetToJson(p)));
    r.upsertCustom(parsePreset(mutable));
    mutable.name = 'changed';
    expect(r.resolve('desk').name).toBe('Custom desk');
  });

  it('removes a custom preset and falls back to binance when it was the default', () => {
    const r = new PresetRegistry();
    r.upsertCustom(custom('desk'));
    r.setDefault('desk');
    r.removeCustom('DESK');
    expect(r.customs()).toEqual([]);
    expect(r.defaultId).toBe('binance');
  });

  it('refuses to remove a built-in or an unknown preset', () => {
    const r = new PresetRegistry();
    expect(errorOf(() => r.removeCustom('okx')).code).toBe('INVALID_PRESET');
    expect(errorOf(() => r.removeCustom('desk')).code).toBe('UNKNOWN_EXCHANGE');
    expect(r.list()).toHaveLength(BUILTIN_PRESETS.length);
  });

  it('replaces all customs at once, keeping a default that still exists', () => {
    const r = new PresetRegistry();
    r.upsertCustom(custom('old'));
    r.upsertCustom(custom('kept'));
    r.setDefault('kept');
    r.replaceCustoms([custom('kept'), custom('new')]);
    expect(r.customs().map((p) => p.id)).toEqual(['kept', 'new']);
    expect(r.defaultId).toBe('kept');
    r.replaceCustoms([]);
    expect(r.defaultId).toBe('binance');
  });

  it('refuses a whole list of customs when one is bad or two share an id, keeping the current ones', () => {
    const r = new PresetRegistry();
    r.upsertCustom(custom('desk'));
    const before = snapshot(r);
    expect(errorOf(() => r.replaceCustoms([custom('a'), custom('A')])).message).toContain('appears twice');
    expect(errorOf(() => r.replaceCustoms([custom('a'), custom('bitmart')])).code).toBe('INVALID_PRESET');
    expect(snapshot(r)).toBe(before);
  });

  it('keeps a refused stored preset as the default and answers PRESET_REFUSED (#N/A) for it, never another preset', () => {
    const r = new PresetRegistry();
    const refused = { id: 'desk-bad', position: 2, reason: 'preset rules.ltvTrigger: expected …', document: { id: 'desk-bad' } };
    r.replaceCustoms([custom('desk')], [refused]);
    r.setDefault('DESK-BAD');
    expect(r.defaultId).toBe('desk-bad');
    expect(r.defaultRefused).toBe(true);
    const byDefault = errorOf(() => r.resolve(null));
    expect(byDefault.code).toBe('PRESET_REFUSED');
    expect(byDefault.message).toBe(
      'exchange: the workbook\'s default preset "desk-bad" is stored in this workbook but was refused when the workbook was read (stored preset 2: preset rules.ltvTrigger: expected …); choose another preset or save a corrected one under that id',
    );
    expect(errorOf(() => r.resolve('desk-bad')).message).toMatch(/^exchange: preset "desk-bad" is stored in this workbook but was refused/);
    expect(r.resolve('desk').id).toBe('desk');
    r.replaceCustoms([custom('desk')], [refused]);
    expect(r.defaultId).toBe('desk-bad');
  });

  it('discards a refused stored preset on removal, falling back to binance when it was the default', () => {
    const r = new PresetRegistry();
    r.replaceCustoms([], [{ id: 'desk-bad', position: 1, reason: 'bad', document: {} }]);
    r.setDefault('desk-bad');
    r.removeCustom('desk-bad');
    expect(r.refused()).toEqual([]);
    expect(r.defaultId).toBe('binance');
    expect(errorOf(() => r.resolve('desk-bad')).code).toBe('UNKNOWN_EXCHANGE');
  });

  it('tells listeners about every change until they unsubscribe', () => {
    const r = new PresetRegistry();
    const calls: string[] = [];
    const stop = r.onChange(() => calls.push(r.defaultId));
    r.upsertCustom(custom('desk'));
    r.setDefault('desk');
    r.setDefault('desk');
    r.removeCustom('desk');
    r.replaceCustoms([]);
    stop();
    r.setDefault('okx');
    expect(calls).toEqual(['binance', 'desk', 'binance', 'binance']);
  });

  it('does not tell listeners about a refused change', () => {
    const r = new PresetRegistry();
    let calls = 0;
    r.onChange(() => (calls += 1));
    expect(() => r.upsertCustom(custom('okx'))).toThrow();
    expect(() => r.setDefault('nope')).toThrow();
    expect(calls).toBe(0);
  });

  it('calls every listener even when one throws, then reports the error', () => {
    const r = new PresetRegistry();
    let second = 0;
    r.onChange(() => {
      throw new Error('listener failed');
    });
    r.onChange(() => (second += 1));
    expect(() => r.setDefault('okx')).toThrow('listener failed');
    expect(second).toBe(1);
    expect(r.defaultId).toBe('okx');
  });

  it('takes its own built-ins, defaulting to the first when binance is not among them', () => {
    const r = new PresetRegistry([custom('alpha'), custom('beta')]);
    expect(r.defaultId).toBe('alpha');
    expect(errorOf(() => r.upsertCustom(custom('BETA'))).code).toBe('INVALID_PRESET');
    expect(errorOf(() => new PresetRegistry([custom('x'), custom('X')])).code).toBe('INVALID_PRESET');
  });
});
