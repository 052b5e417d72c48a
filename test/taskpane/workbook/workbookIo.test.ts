// office-addin-mock reads only the OfficeApp enum from office-addin-manifest, whose dependency chain is ES-module
// only and cannot load under jest on Node 20; the enum is all that is needed from it.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

import { OfficeMockObject } from 'office-addin-mock';
import type { Preset } from '../../../src/engine/model';
import { sharedPriceHub } from '../../../src/functions/livePrices';
import { sharedRegistry } from '../../../src/functions/workbookSettings';
import {
  CUSTOM_PRESETS_SETTING,
  DEFAULT_PRESET_SETTING,
  loadFromWorkbook,
  loadWhenReady,
  officeWorkbookHost,
  whenWorkbookOpens,
  type WorkbookHost,
} from '../../../src/functions/workbookSettings';
import { DEFAULT_PRICE_SETTINGS, LIVE_PRICES_SETTING, PriceHub } from '../../../src/prices';
import { loadPriceSettings, loadPriceSettingsWhenOpen } from '../../../src/taskpane/workbook/livePricesSettings';
import { BITGET_PRESET, PresetRegistry, presetToJson } from '../../../src/presets';
import { checkDraft, cloneDraft } from '../../../src/taskpane/presets/editor/presetDraft';
import { readSelection } from '../../../src/taskpane/scenario/selectionGrid';
import {
  browserWorkbookIo,
  officeWorkbookIo,
  OUTSIDE_EXCEL_REASON,
  RESULTS_SHEET,
  RESULTS_TABLE,
  type WorkbookIo,
} from '../../../src/taskpane/workbook/workbookIo';

type Grid = (string | number)[][];

interface FakeTable {
  name?: string;
  deleted: boolean;
  hasHeaders: boolean;
  delete(): void;
}

/** A worksheet as far as the pane uses it; plain data, so the test can look at what was written. */
function fakeSheet(name: string, tables: FakeTable[] = []) {
  const sheet = {
    name,
    activated: false,
    cleared: false,
    written: null as null | { row: number; column: number; rows: number; columns: number; values: Grid },
    tables: {
      items: tables,
      load: () => undefined,
      add(_range: unknown, hasHeaders: boolean): FakeTable {
        const table: FakeTable = {
          deleted: false,
          hasHeaders,
          delete() {
            this.deleted = true;
          },
        };
        tables.push(table);
        return table;
      },
    },
    getRange: () => ({
      clear: () => {
        sheet.cleared = true;
      },
    }),
    getRangeByIndexes(row: number, column: number, rows: number, columns: number) {
      const range = {
        address: `'${name}'!A1:D${rows}`,
        format: { autofitColumns: () => undefined },
        load: () => undefined,
        set values(values: Grid) {
          sheet.written = { row, column, rows, columns, values };
        },
      };
      return range;
    },
    activate() {
      sheet.activated = true;
    },
  };
  return sheet;
}

type FakeSheet = ReturnType<typeof fakeSheet>;

interface Store {
  values: Record<string, unknown>;
  saves: number;
  calculations: string[];
}

function installOffice(selection: Grid, sheets: FakeSheet[], stored: Record<string, unknown> = {}): Store {
  const store: Store = { values: { ...stored }, saves: 0, calculations: [] };
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        selection: { values: selection },
        getSelectedRange() {
          return this.selection;
        },
        worksheets: {
          items: sheets,
          add(name: string) {
            const sheet = fakeSheet(name);
            sheets.push(sheet);
            return sheet;
          },
        },
        application: {
          calculate(type: string) {
            store.calculations.push(type);
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  });
  const office = new OfficeMockObject({
    context: {
      document: {
        settings: {
          get: (name: string) => store.values[name] ?? null,
          set: (name: string, value: unknown) => {
            store.values[name] = value;
          },
          saveAsync: (callback: (r: { status: string }) => void) => {
            store.saves += 1;
            callback({ status: 'succeeded' });
          },
        },
      },
    },
  });
  // Enums are plain values in office.js, not proxies that need load().
  Object.assign(excel, { CalculationType: { full: 'Full' } });
  Object.assign(office, {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel' }),
  });
  Object.assign(globalThis, { Excel: excel, Office: office });
  return store;
}

function officeIo(registry: PresetRegistry): WorkbookIo {
  const host = officeWorkbookHost();
  if (host === null) throw new Error('the Office mock is not installed');
  return officeWorkbookIo(host, registry);
}

function customPreset(registry: PresetRegistry): Preset {
  const check = checkDraft(
    cloneDraft(
      BITGET_PRESET,
      registry.list().map((p) => p.id),
      '2026-11-21',
    ),
  );
  if (!check.ok) throw new Error(check.message);
  return check.preset;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe('workbookIo in Excel', () => {
  it('reads the selected range and tells it is a balances range', async () => {
    installOffice(
      [
        ['asset', 'amount', 'price'],
        ['BTC', 10, 60000],
      ],
      [],
    );
    const values = await officeIo(new PresetRegistry()).readSelection();
    expect(readSelection(values)).toEqual({ kind: 'balances', rows: [{ asset: 'BTC', amount: '10', price: '60000', upnl: '' }] });
  });

  it('writes the results as a table on a new "Margin results" sheet and shows it', async () => {
    const sheets: FakeSheet[] = [fakeSheet('Sheet1')];
    installOffice([], sheets);
    const table = [
      ['Section', 'Item', 'Value', 'Detail'],
      ['Account', 'Equity (USDT)', 582000, ''],
    ];
    const address = await officeIo(new PresetRegistry()).writeResults(table);
    const sheet = sheets.find((s) => s.name === RESULTS_SHEET);
    expect(sheet?.written).toEqual({ row: 0, column: 0, rows: 2, columns: 4, values: table });
    expect(sheet?.tables.items.map((t) => [t.name, t.hasHeaders])).toEqual([[RESULTS_TABLE, true]]);
    expect(sheet?.activated).toBe(true);
    expect(address).toBe(`'${RESULTS_SHEET}'!A1:D2`);
  });

  it('replaces the previous results on an existing sheet', async () => {
    const old: FakeTable = {
      name: RESULTS_TABLE,
      deleted: false,
      hasHeaders: true,
      delete() {
        this.deleted = true;
      },
    };
    const existing = fakeSheet(RESULTS_SHEET, [old]);
    const sheets = [existing];
    installOffice([], sheets);
    await officeIo(new PresetRegistry()).writeResults([['Section', 'Item', 'Value', 'Detail']]);
    expect(sheets).toHaveLength(1);
    expect(old.deleted).toBe(true);
    expect(existing.cleared).toBe(true);
    expect(existing.written?.rows).toBe(1);
  });

  it('saves the default preset in the workbook settings and recalculates', async () => {
    const store = installOffice([], []);
    const registry = new PresetRegistry();
    await officeIo(registry).saveDefault('BITGET');
    expect(store.values[DEFAULT_PRESET_SETTING]).toBe('bitget');
    expect(registry.defaultId).toBe('bitget');
    expect(store.saves).toBe(1);
    expect(store.calculations).toEqual(['Full']);
  });

  it('saves custom presets so that the workbook loads them back', async () => {
    const store = installOffice([], []);
    const registry = new PresetRegistry();
    const custom = customPreset(registry);
    registry.upsertCustom(custom);
    await officeIo(registry).saveCustoms();
    expect(store.values[CUSTOM_PRESETS_SETTING]).toEqual([presetToJson(custom)]);
    const reopened = new PresetRegistry();
    loadFromWorkbook(officeWorkbookHost(), reopened);
    expect(reopened.customs().map((p) => p.id)).toEqual([custom.id]);
  });
});

describe('the live-price settings in Excel', () => {
  afterEach(() => {
    sharedPriceHub.configure(DEFAULT_PRICE_SETTINGS);
    sharedRegistry.setDefault('binance');
  });

  it('configure the shared price hub when the workbook opens, with its presets, before the pane is shown', async () => {
    const store = installOffice([], [], {
      [LIVE_PRICES_SETTING]: { intervalSeconds: 5, maxAgeSeconds: 120 },
      [DEFAULT_PRESET_SETTING]: 'okx',
    });
    // What the pane's bundle registers as the page loads, before Office is ready.
    loadPriceSettingsWhenOpen(sharedPriceHub);
    expect(sharedPriceHub.settings).toEqual(DEFAULT_PRICE_SETTINGS);
    const opened: WorkbookHost[] = [];
    loadWhenReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sharedPriceHub.settings).toEqual({ intervalMs: 5000, maxAgeMs: 120000 });
    expect(sharedRegistry.defaultId).toBe('okx');
    // Registered after the workbook opened, a listener is called at once with it.
    whenWorkbookOpens((host) => opened.push(host));
    expect(opened.map((host) => host.settings.get(LIVE_PRICES_SETTING))).toEqual([{ intervalSeconds: 5, maxAgeSeconds: 120 }]);
    // One recalculation, for the default preset; streaming cells read the hub as they go and need none.
    expect([store.saves, store.calculations]).toEqual([0, ['Full']]);
  });

  it('are saved by the pane, without a recalculation, and read back when the workbook opens again', async () => {
    const store = installOffice([], [], { [LIVE_PRICES_SETTING]: { maxAgeSeconds: 60 } });
    await officeIo(new PresetRegistry()).savePriceSettings({ intervalMs: 250 });
    expect(store.values[LIVE_PRICES_SETTING]).toEqual({ maxAgeSeconds: 60, intervalSeconds: 0.25 });
    expect([store.saves, store.calculations]).toEqual([1, []]);
    const reopened = new PriceHub({
      connect: () => {
        throw new Error('no cell streams in this test');
      },
    });
    const host = officeWorkbookHost();
    if (host === null) throw new Error('the Office mock is not installed');
    expect(loadPriceSettings(host, reopened)).toEqual([]);
    expect(reopened.settings).toEqual({ intervalMs: 250, maxAgeMs: 60000 });
  });
});

describe('workbookIo outside Office', () => {
  it('says why reading the selection cannot work in a plain browser', async () => {
    const io = browserWorkbookIo(new PresetRegistry());
    expect(io.unavailableReason).toBe(OUTSIDE_EXCEL_REASON);
    await expect(io.readSelection()).rejects.toThrow(
      'Read selection: needs Excel; the task pane is open in a plain browser, so there is no workbook to read the selected range from',
    );
    await expect(io.writeResults([['Section']])).rejects.toThrow('Write results to sheet: needs Excel');
  });

  it('keeps the default preset and custom presets in memory', async () => {
    const registry = new PresetRegistry();
    const io = browserWorkbookIo(registry);
    await io.saveDefault('okx');
    registry.upsertCustom(customPreset(registry));
    await io.saveCustoms();
    expect(registry.defaultId).toBe('okx');
    expect(registry.customs()).toHaveLength(1);
  });

  it('leaves the live-price settings to the price hub, which already holds them', async () => {
    await expect(browserWorkbookIo(new PresetRegistry()).savePriceSettings({ intervalMs: 2000 })).resolves.toBeUndefined();
  });
});
