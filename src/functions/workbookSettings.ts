// Modules, not the presets barrel: the functions bundle Excel loads at start carries no importers.
import { BUILTIN_PRESETS } from '../presets/builtin';
import { presetToJson } from '../presets/presetToJson';
import { PresetRegistry } from '../presets/registry';
import { applyStoredSettings, CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING } from '../presets/storedSettings';
import type { StoredSettingsReport } from '../presets/storedSettings';

export { CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING };

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

/** What starts every console warning about the workbook's settings. */
export const WARNING_PREFIX = 'Multi-Asset Margin:';

/**
 * What else reads its settings from the workbook when it opens (the live-price settings, read by the task pane's
 * bundle: the functions bundle carries only this hook). The same page runs both bundles, so they are registered
 * before the workbook is ready; one registered later is called at once with the workbook already opened.
 */
const openListeners: ((host: WorkbookHost) => void)[] = [];
let openedHost: WorkbookHost | null = null;

/** Calls `listener` with the workbook once it has opened in Excel (at once if it already has); never outside Excel. */
export function whenWorkbookOpens(listener: (host: WorkbookHost) => void): void {
  if (openedHost) listener(openedHost);
  else openListeners.push(listener);
}

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

async function persist(host: WorkbookHost): Promise<void> {
  await saveSettings(host);
  await host.recalculate();
}

/**
 * Saves the workbook's settings as they are now set (`host.settings.set`), with no recalculation: for settings
 * that no formula recomputes with, such as the live-price settings, which streaming cells read as they go.
 */
export async function saveSettings(host: WorkbookHost): Promise<void> {
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
 * Loads the workbook's presets once Office is ready (inside Excel only), tells the {@link whenWorkbookOpens}
 * listeners (the live-price settings), and recalculates when the workbook asks for more than the built-in
 * presets, since cells may have been computed before the presets were read. Streaming cells need no
 * recalculation: they read the hub's settings as they go.
 */
export function loadWhenReady(): void {
  if (typeof Office === 'undefined') return;
  Office.onReady()
    .then(async (info) => {
      if (info.host !== Office.HostType.Excel) return;
      const host = officeWorkbookHost();
      const changed = loadFromWorkbook(host).changed;
      openedHost = host;
      // The listeners warn about what they cannot read; none throws.
      if (host) for (const listener of openListeners.splice(0)) listener(host);
      if (changed) await host?.recalculate();
    })
    .catch((error: unknown) => {
      console.warn(`${WARNING_PREFIX} the workbook's presets could not be loaded:`, error);
    });
}
