import { saveSettings, WARNING_PREFIX, whenWorkbookOpens, type WorkbookHost } from '../../functions/workbookSettings';
import type { PriceHub, PriceSettings } from '../../prices/priceHub';
import { LIVE_PRICES_SETTING, readStoredPriceSettings, storedPriceSettings } from '../../prices/priceSettings';

/**
 * Applies the workbook's stored live-price settings (interval, maximum age) to `hub`. A refused field is skipped
 * with a console warning naming the setting, and the hub keeps its value for it. Returns the warnings; nothing
 * stored makes it throw.
 */
export function loadPriceSettings(host: WorkbookHost, hub: PriceHub): readonly string[] {
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
 * Configures `hub` with the stored live-price settings when the workbook opens in Excel, with its presets, so
 * MARGIN.PRICE cells use them whether or not the task pane is shown (the pane's page is the add-in's one runtime).
 */
export function loadPriceSettingsWhenOpen(hub: PriceHub): void {
  whenWorkbookOpens((host) => loadPriceSettings(host, hub));
}

/**
 * Saves live-price settings the pane changed in the workbook, keeping the stored fields the change does not
 * touch. The hub is the caller's to configure: it keeps the new value even when saving fails. No recalculation:
 * streaming cells read the hub's settings as they go. Outside Office it does nothing.
 */
export async function savePriceSettings(change: Partial<PriceSettings>, host: WorkbookHost | null): Promise<void> {
  if (!host) return;
  host.settings.set(LIVE_PRICES_SETTING, storedPriceSettings(host.settings.get(LIVE_PRICES_SETTING), change));
  await saveSettings(host);
}
