import { BINANCE_JSON, PresetRegistry, parsePreset, type PresetJson } from '../../src/presets';
import { CUSTOM_FUNCTIONS } from '../../src/functions/customFunctions';
import {
  CUSTOM_PRESETS_SETTING,
  DEFAULT_PRESET_SETTING,
  loadFromWorkbook,
  saveCustomPresets,
  saveDefault,
  sharedRegistry,
  type SaveResult,
  type SettingsStore,
  type WorkbookHost,
} from '../../src/functions/workbookSettings';
import { LIVE_PRICES_SETTING, PriceHub } from '../../src/prices';
import { loadPriceSettings, savePriceSettings } from '../../src/taskpane/workbook/livePricesSettings';
import { installCustomFunctions, shown } from './customFunctionsStub';

/** The function Excel calls for MARGIN.COLLATERAL_VALUE. */
const collateralValue = CUSTOM_FUNCTIONS.COLLATERAL_VALUE;

installCustomFunctions();
// office.js defines these statuses as strings at run time; only the enum's values are read here.
Object.assign(globalThis, { Office: { AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' } } });

/** The README's complete custom preset example (examples/presets/desk-example.json). */
const DESK: PresetJson = {
  id: 'desk-example',
  name: 'Desk example',
  asOf: '2026-11-21',
  source: 'internal risk policy',
  status: 'custom',
  quote: 'USDT',
  assets: {
    USDT: { tierUnit: 'value', tiers: [{ floor: 0, cap: null, ratio: 1 }] },
    BTC: {
      tierUnit: 'value',
      tiers: [
        { floor: 0, cap: 100000, ratio: '0.975' },
        { floor: 100000, cap: null, ratio: '0.95' },
      ],
      liabilityRate: '1.005',
      autoExchangeHaircut: '0.025',
      hourlyInterestRate: '0.00001',
      individualLimit: 100,
      platformLimit: 5000,
    },
  },
  rules: {
    riskBands: { warning: 0.5, danger: 0.8 },
    ltvTrigger: '0.995',
    autoExchangeThresholds: { regular: -5000, vip: -10000 },
    modeSwitch: {
      toMulti: ['crossOnly', 'noOpenOrders', 'noNegativeBalance', 'marginSufficient'],
      toSingle: ['noOpenOrders', 'quoteCoversMargin', { maintenanceRateBelow: 0.8 }],
    },
  },
};

/** Office.Settings kept in memory: values pass through JSON as the workbook stores them. */
class MemorySettings implements SettingsStore {
  readonly values = new Map<string, unknown>();
  saves = 0;
  failure: string | null = null;

  get(name: string): unknown {
    return this.values.has(name) ? this.values.get(name) : null;
  }

  set(name: string, value: unknown): void {
    this.values.set(name, JSON.parse(JSON.stringify(value)));
  }

  saveAsync(callback: (result: SaveResult) => void): void {
    this.saves += 1;
    const status = (this.failure ? 'failed' : 'succeeded') as unknown as Office.AsyncResultStatus;
    callback(this.failure ? { status, error: { message: this.failure } } : { status });
  }
}

function workbook(stored: Record<string, unknown> = {}): WorkbookHost & { settings: MemorySettings; recalculations: number } {
  const settings = new MemorySettings();
  for (const [key, value] of Object.entries(stored)) settings.set(key, value);
  const host = {
    settings,
    recalculations: 0,
    recalculate: async () => {
      host.recalculations += 1;
    },
  };
  return host;
}

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  sharedRegistry.replaceCustoms([]);
  sharedRegistry.setDefault('binance');
});

describe('loadFromWorkbook', () => {
  it('leaves the built-ins and the Binance default alone outside Office', () => {
    const registry = new PresetRegistry();
    expect(loadFromWorkbook(null, registry)).toEqual({ defaultId: 'binance', customIds: [], warnings: [], changed: false });
  });

  it('reports no change for a workbook that stores nothing', () => {
    const registry = new PresetRegistry();
    expect(loadFromWorkbook(workbook(), registry).changed).toBe(false);
    expect(registry.customs()).toEqual([]);
  });

  it('reads the default preset and the custom presets, customs first so the default may name one', () => {
    const registry = new PresetRegistry();
    const report = loadFromWorkbook(workbook({ [DEFAULT_PRESET_SETTING]: 'desk-example', [CUSTOM_PRESETS_SETTING]: [DESK] }), registry);
    expect(report).toEqual({ defaultId: 'desk-example', customIds: ['desk-example'], warnings: [], changed: true });
    expect(registry.resolve(null).name).toBe('Desk example');
  });

  it('accepts the custom presets stored as JSON text', () => {
    const registry = new PresetRegistry();
    loadFromWorkbook(workbook({ [CUSTOM_PRESETS_SETTING]: JSON.stringify([DESK]) }), registry);
    expect(registry.customs().map((p) => p.id)).toEqual(['desk-example']);
  });

  it('skips a malformed preset, a built-in id and a repeated id, keeps the rest, and warns about each', () => {
    const registry = new PresetRegistry();
    const broken = { ...DESK, id: 'broken', quote: 42 };
    const builtinCopy = { ...BINANCE_JSON, status: 'custom' };
    const repeated = { ...DESK, id: 'DESK-EXAMPLE', name: 'Second desk' };
    const other = { ...DESK, id: 'desk-two', name: 'Desk two' };
    const report = loadFromWorkbook(workbook({ [CUSTOM_PRESETS_SETTING]: [DESK, broken, builtinCopy, repeated, other] }), registry);
    expect(report.customIds).toEqual(['desk-example', 'desk-two']);
    expect(report.warnings).toHaveLength(3);
    expect(report.warnings[0]).toMatch(/^stored preset 2 skipped: preset quote/);
    expect(report.warnings[1]).toMatch(/stored preset 3 \("binance"\) reuses a built-in id/);
    expect(report.warnings[2]).toMatch(/stored preset 4 \("DESK-EXAMPLE"\) repeats an earlier id/);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['not a list', { id: 'desk-example' }, /not a list of presets/],
  ])('loads no custom presets, without throwing, when the stored value is %s', (_what, stored, message) => {
    const registry = new PresetRegistry();
    const report = loadFromWorkbook(workbook({ [CUSTOM_PRESETS_SETTING]: stored }), registry);
    expect(report.customIds).toEqual([]);
    expect(report.warnings[0]).toMatch(message);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('loads every other stored preset when one holds a "__proto__" user tier, and names it and the field', () => {
    const registry = new PresetRegistry();
    const hostile = JSON.parse(JSON.stringify({ ...DESK, id: 'desk-proto' }).replace('"vip":-10000', '"__proto__":-5000')) as PresetJson;
    const other = { ...DESK, id: 'desk-two', name: 'Desk two' };
    const report = loadFromWorkbook(workbook({ [CUSTOM_PRESETS_SETTING]: [DESK, hostile, other] }), registry);
    expect(report.customIds).toEqual(['desk-example', 'desk-two']);
    expect(registry.customs().map((p) => p.id)).toEqual(['desk-example', 'desk-two']);
    expect(report.warnings).toEqual([
      'stored preset 2 skipped: preset rules.autoExchangeThresholds.__proto__: expected a user tier name, got "__proto__", which is reserved (preset "desk-proto" is not loaded; the other presets are)',
    ]);
    expect(registry.refused().map((r) => [r.id, r.position])).toEqual([['desk-proto', 2]]);
  });

  it.each([
    ['a cap beyond the largest number a cell holds', '1e309'],
    ['a cap of 1e400000000', '1e400000000'],
  ])('refuses a stored preset with %s, keeps the rest, and never switches the default to another exchange', (_what, cap) => {
    const registry = new PresetRegistry();
    const hostile = JSON.parse(JSON.stringify({ ...DESK, id: 'desk-cap' }).replace('"cap":100000', `"cap":"${cap}"`)) as PresetJson;
    const report = loadFromWorkbook(
      workbook({ [DEFAULT_PRESET_SETTING]: 'desk-cap', [CUSTOM_PRESETS_SETTING]: [hostile, DESK] }),
      registry,
    );
    expect(report.customIds).toEqual(['desk-example']);
    expect(report.defaultId).toBe('desk-cap');
    expect(report.changed).toBe(true);
    expect(report.warnings).toEqual([
      `stored preset 1 skipped: preset assets.BTC.tiers[0].cap: expected a number a spreadsheet can hold (magnitude at most 1.8e308), got "${cap}" (preset "desk-cap" is not loaded; the other presets are)`,
      `the workbook's default preset "desk-cap" was refused (stored preset 1); formulas that name no exchange answer #N/A until it is corrected or another default is chosen`,
    ]);
    expect(registry.defaultRefused).toBe(true);
    expect(registry.resolve('desk-example').name).toBe('Desk example');
  });

  it('keeps a refused stored preset in the workbook when the presets are saved again', async () => {
    const registry = new PresetRegistry();
    const hostile = { ...DESK, id: 'desk-bad', rules: { ...DESK.rules, ltvTrigger: '1e400000000' } };
    const host = workbook({ [DEFAULT_PRESET_SETTING]: 'desk-bad', [CUSTOM_PRESETS_SETTING]: [hostile, DESK] });
    loadFromWorkbook(host, registry);
    await saveCustomPresets(host, registry);
    const saved = host.settings.get(CUSTOM_PRESETS_SETTING) as PresetJson[];
    expect(saved.map((p) => p.id)).toEqual(['desk-example', 'desk-bad']);
    expect(saved[1]).toEqual(hostile);
    expect(host.settings.get(DEFAULT_PRESET_SETTING)).toBe('desk-bad');
  });

  it('keeps a stored preset that reuses a built-in id or repeats an id in the workbook, unused, when saving again', async () => {
    const registry = new PresetRegistry();
    const builtinCopy = { ...BINANCE_JSON, status: 'custom' };
    const repeated = { ...DESK, id: 'DESK-EXAMPLE', name: 'Second desk' };
    const host = workbook({ [CUSTOM_PRESETS_SETTING]: [DESK, builtinCopy, repeated] });
    loadFromWorkbook(host, registry);
    expect(registry.resolve('binance').status).toBe('documented');
    expect(registry.resolve('desk-example').name).toBe('Desk example');
    await saveCustomPresets(host, registry);
    const saved = host.settings.get(CUSTOM_PRESETS_SETTING) as PresetJson[];
    expect(saved.map((p) => [p.id, p.name])).toEqual([
      ['desk-example', 'Desk example'],
      ['binance', BINANCE_JSON.name],
      ['DESK-EXAMPLE', 'Second desk'],
    ]);
  });

  it('keeps the Binance default and warns when the stored default names no known preset', () => {
    const registry = new PresetRegistry();
    const report = loadFromWorkbook(workbook({ [DEFAULT_PRESET_SETTING]: 'gone' }), registry);
    expect(report.defaultId).toBe('binance');
    expect(report.changed).toBe(false);
    expect(report.warnings[0]).toContain('"gone"');
  });
});

describe('saveDefault', () => {
  it('stores the default in the workbook, saves and recalculates once', async () => {
    const registry = new PresetRegistry();
    const host = workbook();
    await saveDefault('BITGET', host, registry);
    expect(registry.defaultId).toBe('bitget');
    expect(host.settings.get(DEFAULT_PRESET_SETTING)).toBe('bitget');
    expect([host.settings.saves, host.recalculations]).toEqual([1, 1]);
  });

  it('rejects an unknown id and changes, saves and recalculates nothing', async () => {
    const registry = new PresetRegistry();
    const host = workbook();
    await expect(saveDefault('nowhere', host, registry)).rejects.toThrow(/exchange: unknown preset "nowhere"/);
    expect(registry.defaultId).toBe('binance');
    expect(host.settings.get(DEFAULT_PRESET_SETTING)).toBeNull();
    expect([host.settings.saves, host.recalculations]).toEqual([0, 0]);
  });

  it('changes only the registry outside Office', async () => {
    const registry = new PresetRegistry();
    await saveDefault('okx', null, registry);
    expect(registry.defaultId).toBe('okx');
  });

  it('rejects with the reason when the workbook cannot save, and does not recalculate', async () => {
    const host = workbook();
    host.settings.failure = 'the document is read-only';
    await expect(saveDefault('bybit', host, new PresetRegistry())).rejects.toThrow(/could not be saved: the document is read-only/);
    expect(host.recalculations).toBe(0);
  });
});

describe('saveCustomPresets', () => {
  it('stores presets that a fresh load reads back unchanged, with the default', async () => {
    const registry = new PresetRegistry();
    registry.upsertCustom(parsePreset(DESK));
    registry.setDefault('desk-example');
    const host = workbook();
    await saveCustomPresets(host, registry);
    expect([host.settings.saves, host.recalculations]).toEqual([1, 1]);

    const reopened = new PresetRegistry();
    const report = loadFromWorkbook(host, reopened);
    expect(report.warnings).toEqual([]);
    expect(reopened.defaultId).toBe('desk-example');
    expect(reopened.customs()).toEqual(registry.customs());
  });

  it('stores the fallback default after the default custom preset is removed', async () => {
    const registry = new PresetRegistry();
    registry.upsertCustom(parsePreset(DESK));
    registry.setDefault('desk-example');
    registry.removeCustom('desk-example');
    const host = workbook();
    await saveCustomPresets(host, registry);
    expect(host.settings.get(CUSTOM_PRESETS_SETTING)).toEqual([]);
    expect(host.settings.get(DEFAULT_PRESET_SETTING)).toBe('binance');
  });
});

describe('the custom functions and the workbook presets', () => {
  it('answer #N/A naming the refused default preset, instead of computing on Binance', () => {
    const hostile = JSON.parse(JSON.stringify(DESK).replace('"vip":-10000', '"__proto__":-5000')) as PresetJson;
    loadFromWorkbook(workbook({ [DEFAULT_PRESET_SETTING]: 'desk-example', [CUSTOM_PRESETS_SETTING]: [hostile] }));
    expect(shown(() => collateralValue('BTC', 2, 60000))).toEqual({
      error: '#N/A',
      message:
        'exchange: the workbook\'s default preset "desk-example" is stored in this workbook but was refused when the workbook was read (stored preset 1: preset rules.autoExchangeThresholds.__proto__: expected a user tier name, got "__proto__", which is reserved); choose another preset or save a corrected one under that id',
    });
    expect(shown(() => collateralValue('BTC', 2, 60000, 'desk-example'))).toMatchObject({ error: '#N/A' });
    expect(shown(() => collateralValue('BTC', 2, 60000, 'binance'))).toEqual({ value: 114000 }); // 2 × 60,000 × 0.95
  });

  it('compute with the workbook default custom preset: 2 BTC at 60,000 = 100,000 × 0.975 + 20,000 × 0.95', () => {
    loadFromWorkbook(workbook({ [DEFAULT_PRESET_SETTING]: 'desk-example', [CUSTOM_PRESETS_SETTING]: [DESK] }));
    expect(collateralValue('BTC', 2, 60000)).toBe(116500);
  });
});

describe('loading a workbook whose default preset is refused', () => {
  it('finishes the load and warns when a view of the presets fails on the refused default', () => {
    const registry = new PresetRegistry();
    registry.onChange(() => registry.resolve());
    const hostile = { ...DESK, rules: { ...DESK.rules, ltvTrigger: '1e400000000' } };
    const report = loadFromWorkbook(workbook({ [DEFAULT_PRESET_SETTING]: 'desk-example', [CUSTOM_PRESETS_SETTING]: [hostile] }), registry);
    expect(report.changed).toBe(true);
    expect(report.defaultId).toBe('desk-example');
    expect(report.warnings).toHaveLength(3);
    expect(report.warnings[2]).toMatch(
      /^a view of the presets failed to refresh: exchange: the workbook's default preset "desk-example" is stored/,
    );
  });
});

/** A real price hub; nothing here streams, so it never opens a socket. */
const priceHub = (): PriceHub =>
  new PriceHub({
    connect: () => {
      throw new Error('no cell streams in this test');
    },
  });

describe('the live-price settings stored in the workbook', () => {
  it('configure the price hub when the workbook opens, next to the presets', () => {
    const hub = priceHub();
    const registry = new PresetRegistry();
    const host = workbook({
      [LIVE_PRICES_SETTING]: { intervalSeconds: 2.5, maxAgeSeconds: 90 },
      [DEFAULT_PRESET_SETTING]: 'desk-example',
      [CUSTOM_PRESETS_SETTING]: [DESK],
    });
    expect(loadPriceSettings(host, hub)).toEqual([]);
    expect(hub.settings).toEqual({ intervalMs: 2500, maxAgeMs: 90000 });
    expect(loadFromWorkbook(host, registry).defaultId).toBe('desk-example');
    expect(warn).not.toHaveBeenCalled();
  });

  it('leave the hub at 1 s and 30 s in a workbook that stores none', () => {
    const hub = priceHub();
    expect(loadPriceSettings(workbook(), hub)).toEqual([]);
    expect(hub.settings).toEqual({ intervalMs: 1000, maxAgeMs: 30000 });
  });

  it('skip a malformed field with a console warning naming the setting, apply the other and lose no preset', () => {
    const hub = priceHub();
    const registry = new PresetRegistry();
    const host = workbook({
      [LIVE_PRICES_SETTING]: { intervalSeconds: '1e400000000', maxAgeSeconds: 12 },
      [CUSTOM_PRESETS_SETTING]: [DESK],
    });
    const expected = `setting multiasset.livePrices: intervalSeconds (the interval) expected a number of seconds from 0.1 to 60, got "1e400000000"; skipped`;
    expect(loadPriceSettings(host, hub)).toEqual([expected]);
    expect(hub.settings).toEqual({ intervalMs: 1000, maxAgeMs: 12000 });
    expect(warn).toHaveBeenCalledWith(`Multi-Asset Margin: ${expected}`);
    expect(loadFromWorkbook(host, registry).customIds).toEqual(['desk-example']);
  });

  it('never throw, whatever is stored', () => {
    const hub = priceHub();
    for (const stored of [42, 'not json', [30], { intervalSeconds: Number.NaN }, { maxAgeSeconds: Number.POSITIVE_INFINITY }]) {
      expect(loadPriceSettings(workbook({ [LIVE_PRICES_SETTING]: stored }), hub)).toHaveLength(1);
    }
    expect(hub.settings).toEqual({ intervalMs: 1000, maxAgeMs: 30000 });
  });

  it('finish loading and warn when a view of the hub fails to refresh, the hub keeping the stored values', () => {
    const hub = priceHub();
    hub.onChange(() => {
      throw new Error('the pane is gone');
    });
    const warnings = loadPriceSettings(workbook({ [LIVE_PRICES_SETTING]: { intervalSeconds: 3 } }), hub);
    expect(warnings).toEqual(['a view of the live prices failed to refresh: the pane is gone']);
    expect(hub.settings.intervalMs).toBe(3000);
  });
});

describe('savePriceSettings', () => {
  it('stores the changed field in seconds and saves once, without recalculating the workbook', async () => {
    const host = workbook();
    await savePriceSettings({ intervalMs: 2500 }, host);
    expect(host.settings.get(LIVE_PRICES_SETTING)).toEqual({ intervalSeconds: 2.5 });
    expect([host.settings.saves, host.recalculations]).toEqual([1, 0]);
  });

  it('keeps the other stored field, and the workbook opened again configures a new hub with both', async () => {
    const host = workbook({ [LIVE_PRICES_SETTING]: { intervalSeconds: 2 } });
    await savePriceSettings({ maxAgeMs: 45000 }, host);
    expect(host.settings.get(LIVE_PRICES_SETTING)).toEqual({ intervalSeconds: 2, maxAgeSeconds: 45 });
    const reopened = priceHub();
    loadPriceSettings(host, reopened);
    expect(reopened.settings).toEqual({ intervalMs: 2000, maxAgeMs: 45000 });
  });

  it('leaves the presets stored in the workbook as they were', async () => {
    const host = workbook({ [DEFAULT_PRESET_SETTING]: 'desk-example', [CUSTOM_PRESETS_SETTING]: [DESK] });
    await savePriceSettings({ intervalMs: 500 }, host);
    expect(host.settings.get(CUSTOM_PRESETS_SETTING)).toEqual([DESK]);
    expect(host.settings.get(DEFAULT_PRESET_SETTING)).toBe('desk-example');
  });

  it('rejects with the reason when the workbook cannot save', async () => {
    const host = workbook();
    host.settings.failure = 'the document is read-only';
    await expect(savePriceSettings({ maxAgeMs: 60000 }, host)).rejects.toThrow(
      'the workbook settings could not be saved: the document is read-only',
    );
  });

  it('does nothing outside Office', async () => {
    await expect(savePriceSettings({ intervalMs: 2000 }, null)).resolves.toBeUndefined();
  });
});
