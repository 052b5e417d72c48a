import JSZip from 'jszip';
import type { PresetRegistry } from '../presets';
import { applyStoredSettings } from '../presets';

/** The add-in's workbook settings (src/functions/workbookSettings.ts writes them inside Excel). */
export { CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING } from '../presets';

/** Office keeps an add-in's settings as `<we:property name=… value=…/>` in these parts of the package. */
const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/;
const PROPERTY = /<(?:[\w-]+:)?property\b([^>]*?)\/?>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|lt|gt|amp);/gi, (_m, entity: string) => {
    const named: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return named[lower] ?? '';
  });
}

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) found.set(m[1] ?? '', decodeXml(m[2] ?? m[3] ?? ''));
  return found;
}

/** Office stores each value as JSON; a value that is not JSON is kept as the text it is. */
function settingValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The add-in settings stored in a workbook package (.xlsx bytes), by name. Empty when it has none. */
export async function readAddinSettings(xlsx: Uint8Array): Promise<Map<string, unknown>> {
  const zip = await JSZip.loadAsync(xlsx);
  const settings = new Map<string, unknown>();
  for (const part of zip.file(WEB_EXTENSION_PART)) {
    const xml = await part.async('string');
    for (const m of xml.matchAll(PROPERTY)) {
      const attrs = attributes(m[1] ?? '');
      const name = attrs.get('name');
      const value = attrs.get('value');
      if (name !== undefined && value !== undefined) settings.set(name, settingValue(value));
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
