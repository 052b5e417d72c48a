import JSZip from 'jszip';
import type { PresetRegistry } from '../presets';
import { applyStoredSettings } from '../presets';
import { decodeXml, rawAttributes } from './xmlText';

/** The add-in's workbook settings (src/functions/workbookSettings.ts writes them inside Excel). */
export { CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING } from '../presets';

/** Office keeps an add-in's settings as `<we:property name=… value=…/>` in these parts of the package. */
const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/;
const PROPERTY = /<(?:[\w-]+:)?property\b([^>]*?)\/?>/g;

/** Office stores each value as JSON; a value that is not JSON is kept as the text it is. */
function settingValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The add-in settings stored in a workbook package (.xlsx bytes or an opened package), by name. Empty when
 * it has none. A setting whose text XML cannot hold (e.g. `&#x110000;`) is skipped with a warning naming it.
 */
export async function readAddinSettings(
  xlsx: Uint8Array | JSZip,
  warn: (message: string) => void = () => undefined,
): Promise<Map<string, unknown>> {
  const zip = xlsx instanceof JSZip ? xlsx : await JSZip.loadAsync(xlsx);
  const settings = new Map<string, unknown>();
  for (const part of zip.file(WEB_EXTENSION_PART)) {
    const xml = await part.async('string');
    for (const m of xml.matchAll(PROPERTY)) {
      const attrs = rawAttributes(m[1] ?? '');
      const rawName = attrs.get('name');
      const rawValue = attrs.get('value');
      if (rawName === undefined || rawValue === undefined) continue;
      try {
        settings.set(decodeXml(rawName), settingValue(decodeXml(rawValue)));
      } catch (error) {
        warn(`setting ${rawName} in ${part.name} skipped: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return settings;
}

/**
 * Applies a workbook's stored presets as the add-in does when the workbook opens: custom presets first (a bad
 * one is skipped with a warning), then the default preset (an unknown id is a warning, the default stays).
 */
export function applyAddinSettings(
  settings: ReadonlyMap<string, unknown>,
  registry: PresetRegistry,
  warn: (message: string) => void,
): void {
  applyStoredSettings((name) => settings.get(name), registry).warnings.forEach((warning) => warn(warning));
}
