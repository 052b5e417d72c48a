import JSZip from 'jszip';
import type { PresetRegistry } from '../presets';
import { applyStoredSettings } from '../presets';

/** The add-in's workbook settings (src/functions/workbookSettings.ts writes them inside Excel). */
export { CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING } from '../presets';

/** Office keeps an add-in's settings as `<we:property name=… value=…/>` in these parts of the package. */
const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/;
const PROPERTY = /<(?:[\w-]+:)?property\b([^>]*?)\/?>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A stored setting that could not be read, kept by name so that applying the settings warns about it. */
export class UnreadableSetting {
  constructor(readonly reason: string) {}
}

class BadCharacter extends Error {}

/** A character reference as XML allows it: a Unicode scalar value (no surrogates, nothing beyond U+10FFFF). */
function codePoint(digits: string, radix: number, entity: string): string {
  const n = parseInt(digits, radix);
  if (!Number.isSafeInteger(n) || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) || n === 0) {
    throw new BadCharacter(`it holds the character reference &${entity};, which is no Unicode character`);
  }
  return String.fromCodePoint(n);
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|lt|gt|amp);/gi, (_m, entity: string) => {
    const named: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return codePoint(lower.slice(2), 16, entity);
    if (lower.startsWith('#')) return codePoint(lower.slice(1), 10, entity);
    return named[lower] ?? '';
  });
}

function attributes(text: string): Map<string, string | UnreadableSetting> {
  const found = new Map<string, string | UnreadableSetting>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    try {
      found.set(m[1] ?? '', decodeXml(m[2] ?? m[3] ?? ''));
    } catch (error) {
      if (!(error instanceof BadCharacter)) throw error;
      found.set(m[1] ?? '', new UnreadableSetting(error.message));
    }
  }
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
      if (typeof name !== 'string' || value === undefined) continue;
      settings.set(name, value instanceof UnreadableSetting ? value : settingValue(value));
    }
  }
  return settings;
}

/**
 * Applies a workbook's stored presets as the add-in does when the workbook opens: custom presets first (a bad
 * one is skipped with a warning naming it and the field), then the default preset (an unknown id is a warning,
 * the default stays; a refused one stays the default, so formulas naming no exchange answer #N/A). A setting
 * that could not be read at all is skipped with a warning.
 */
export function applyAddinSettings(
  settings: ReadonlyMap<string, unknown>,
  registry: PresetRegistry,
  warn: (message: string) => void,
): void {
  for (const [name, value] of settings) {
    if (value instanceof UnreadableSetting) warn(`setting ${name} skipped: ${value.reason}`);
  }
  const read = (name: string): unknown => {
    const value = settings.get(name);
    return value instanceof UnreadableSetting ? undefined : value;
  };
  applyStoredSettings(read, registry).warnings.forEach((warning) => warn(warning));
}
