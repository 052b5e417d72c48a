// Modules, not the presets barrel: the functions bundle Excel loads at start carries no importers.
import { BUILTIN_PRESETS } from '../presets/builtin';
import { presetToJson } from '../presets/presetToJson';
import { PresetRegistry } from '../presets/registry';
import { applyStoredSettings, CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING } from '../presets/storedSettings';
import type { StoredSettingsReport } from '../presets/storedSettings';
import type { PriceHub, PriceSettings } from '../prices/priceHub';
import { LIVE_PRICES_SETTING, readStoredPriceSettings, storedPriceSettings } from '../prices/priceSettings';
import { sharedPriceHub } from './livePrices';

export { CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING, LIVE_PRICES_SETTING };

/**
 * The presets of this workbook. One instance per JavaScript runtime: with the shared runtime the custom
 * functions and the task pane run in the same page, so what the task pane changes is what the next
 * recalculation uses.
 */
export const sharedRegistry = new PresetRegistry(BUILTIN_PRESETS);

/** The outcome of one `Office.Settings.saveAsync`, reduced to what is read here. */
export interface SaveResult {
  readonly status: Office.AsyncResultStatus;
  readonly error?: { readonly message: string };
}

/** The part of `Office.context.document.settings` this module uses (Office.Settings satisfies it). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: (result: SaveResult) => void): void;
}

/** Where the presets live and how the workbook is told to recompute. Absent outside Office. */
export interface WorkbookHost {
  readonly settings: SettingsStore;
  recalculate(): Promise<void>;
}

/** What {@link loadFromWorkbook} found. `changed`: the workbook asks for more than the built-in default. */
export type LoadReport = StoredSettingsReport;

const WARNING_PREFIX = 'Multi-Asset Margin:';

/** The workbook behind the current Office runtime, or null when this page runs outside Excel. */
export function officeWorkbookHost(): WorkbookHost | null {
  if (typeof Office === 'undefined' || typeof Excel === 'undefined') return null;
  const settings = Office.context?.document?.settings;
  if (!settings) return null;
  return { settings, recalculate: recalculateWorkbook };
}

/** Asks Excel to recompute every formula, so cells that used the previous presets pick up the new ones. */
async function recalculateWorkbook(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

/**
 * Reads the workbook's default preset and custom presets into `registry`. A malformed stored preset, one that
 * reuses a built-in id or repeats an earlier id is skipped with a console warning (the task pane shows the
 * refused ones from `registry.refused()`): no stored value makes it throw.
 */
export function loadFromWorkbook(host: WorkbookHost | null = officeWorkbookHost(), registry: PresetRegistry = sharedRegistry): LoadReport {
  if (!host) return { defaultId: registry.defaultId, customIds: [], warnings: [], changed: false };
  const report = applyStoredSettings((name) => host.settings.get(name), registry);
  for (const warning of report.warnings) console.warn(`${WARNING_PREFIX} ${warning}`);
  return report;
}

/**
 * Makes `id` the workbook's default preset, saves it in the workbook and recalculates. Rejects with
 * UNKNOWN_EXCHANGE (and changes nothing) when no preset has that id. Outside Office only the registry changes.
 */
export async function saveDefault(
  id: string,
  host: WorkbookHost | null = officeWorkbookHost(),
  registry: PresetRegistry = sharedRegistry,
): Promise<void> {
  registry.setDefault(id);
  if (!host) return;
  host.settings.set(DEFAULT_PRESET_SETTING, registry.defaultId);
  await persist(host);
}

/**
 * Saves the registry's custom presets (and the default, which removing a custom preset may have changed) in
 * the workbook and recalculates. Stored presets that were refused when the workbook was read are written back
 * as they were stored, after the others: saving never loses them. Outside Office it does nothing: the registry
 * already holds the presets.
 */
export async function saveCustomPresets(
  host: WorkbookHost | null = officeWorkbookHost(),
  registry: PresetRegistry = sharedRegistry,
): Promise<void> {
  if (!host) return;
  host.settings.set(CUSTOM_PRESETS_SETTING, [
    ...registry.customs().map((preset) => presetToJson(preset)),
    ...registry.refused().map((r) => r.document),
  ]);
  host.settings.set(DEFAULT_PRESET_SETTING, registry.defaultId);
  await persist(host);
}

/**
 * Applies the workbook's stored live-price settings (interval, maximum age) to `hub`, so MARGIN.PRICE cells use
 * them before the task pane is ever opened. A refused field is skipped with a console warning naming the
 * setting; the hub keeps its value for it. Returns the warnings; nothing stored makes it throw.
 */
export function loadPriceSettings(host: WorkbookHost | null = officeWorkbookHost(), hub: PriceHub = sharedPriceHub): readonly string[] {
  if (!host) return [];
  const { settings, warnings } = readStoredPriceSettings(host.settings.get(LIVE_PRICES_SETTING));
  const all = [...warnings];
  if (Object.keys(settings).length > 0) {
    try {
      hub.configure(settings);
    } catch (error) {
      // The hub holds the settings before it tells its listeners; a failing view must not stop the load.
      all.push(`a view of the live prices failed to refresh: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const warning of all) console.warn(`${WARNING_PREFIX} ${warning}`);
  return all;
}

/**
 * Saves live-price settings the pane changed in the workbook, keeping the stored fields the change does not
 * touch. The hub is the caller's to configure: it keeps the new value even when saving fails. No recalculation:
 * streaming cells read the hub's settings as they go. Outside Office it does nothing.
 */
export async function savePriceSettings(change: Partial<PriceSettings>, host: WorkbookHost | null = officeWorkbookHost()): Promise<void> {
  if (!host) return;
  host.settings.set(LIVE_PRICES_SETTING, storedPriceSettings(host.settings.get(LIVE_PRICES_SETTING), change));
  await saveSettings(host);
}

async function persist(host: WorkbookHost): Promise<void> {
  await saveSettings(host);
  await host.recalculate();
}

async function saveSettings(host: WorkbookHost): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    host.settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`the workbook settings could not be saved: ${result.error?.message ?? 'unknown reason'}`));
      } else {
        resolve();
      }
    });
  });
}

/**
 * Loads the workbook's live-price settings and presets once Office is ready (inside Excel only) and recalculates
 * when the workbook asks for more than the built-in presets, since cells may have been computed before the
 * presets were read (streaming cells need no recalculation: they read the hub's settings as they go).
 */
export function loadWhenReady(): void {
  if (typeof Office === 'undefined') return;
  Office.onReady()
    .then(async (info) => {
      if (info.host !== Office.HostType.Excel) return;
      const host = officeWorkbookHost();
      loadPriceSettings(host);
      if (loadFromWorkbook(host).changed) await host?.recalculate();
    })
    .catch((error: unknown) => {
      console.warn(`${WARNING_PREFIX} the workbook's presets could not be loaded:`, error);
    });
}
