import type { Preset } from '../engine/model';
import { parsePreset } from './parsePreset';
import type { PresetRegistry } from './registry';

/** Workbook setting: the id of the preset a formula uses when it names no exchange. */
export const DEFAULT_PRESET_SETTING = 'multiasset.defaultPreset';
/** Workbook setting: the workbook's custom presets, as an array of preset documents (DESIGN "Presets"). */
export const CUSTOM_PRESETS_SETTING = 'multiasset.customPresets';

/** What {@link applyStoredSettings} found. `changed`: the workbook asks for more than the built-in default. */
export interface StoredSettingsReport {
  readonly defaultId: string;
  readonly customIds: readonly string[];
  readonly warnings: readonly string[];
  readonly changed: boolean;
}

/**
 * Applies a workbook's stored presets to `registry`, as the add-in does when the workbook opens (and as
 * `multiasset recalc` does with a saved workbook): custom presets first, then the default preset. A malformed
 * stored preset, one that reuses a built-in id or repeats an earlier id is skipped with a warning, and an
 * unknown default keeps the current one: no stored value makes it throw.
 */
export function applyStoredSettings(read: (name: string) => unknown, registry: PresetRegistry): StoredSettingsReport {
  const warnings: string[] = [];
  const customs = storedPresets(read(CUSTOM_PRESETS_SETTING), registry, warnings);
  registry.replaceCustoms(customs);
  const before = registry.defaultId;
  applyStoredDefault(read(DEFAULT_PRESET_SETTING), registry, warnings);
  return {
    defaultId: registry.defaultId,
    customIds: customs.map((p) => p.id),
    warnings,
    changed: customs.length > 0 || registry.defaultId !== before,
  };
}

function storedPresets(stored: unknown, registry: PresetRegistry, warnings: string[]): Preset[] {
  const kept: Preset[] = [];
  storedArray(stored, warnings).forEach((document, index) => {
    const preset = parseStored(document, index, warnings);
    if (!preset) return;
    if (registry.isBuiltin(preset.id)) {
      warnings.push(`stored preset ${index + 1} ("${preset.id}") reuses a built-in id; skipped`);
    } else if (kept.some((p) => p.id.toLowerCase() === preset.id.toLowerCase())) {
      warnings.push(`stored preset ${index + 1} ("${preset.id}") repeats an earlier id; skipped`);
    } else {
      kept.push(preset);
    }
  });
  return kept;
}

/** The stored list: an array, or (as an older save or another tool may leave it) the array's JSON text. */
function storedArray(stored: unknown, warnings: string[]): unknown[] {
  if (stored === null || stored === undefined || stored === '') return [];
  let value = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      warnings.push(`setting ${CUSTOM_PRESETS_SETTING} is not valid JSON; no custom presets loaded`);
      return [];
    }
  }
  if (Array.isArray(value)) return value;
  warnings.push(`setting ${CUSTOM_PRESETS_SETTING} is not a list of presets; no custom presets loaded`);
  return [];
}

function parseStored(document: unknown, index: number, warnings: string[]): Preset | null {
  try {
    return parsePreset(document);
  } catch (error) {
    warnings.push(`stored preset ${index + 1} skipped: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function applyStoredDefault(stored: unknown, registry: PresetRegistry, warnings: string[]): void {
  if (stored === null || stored === undefined || stored === '') return;
  if (typeof stored === 'string' && registry.has(stored)) {
    registry.setDefault(stored);
    return;
  }
  warnings.push(
    `setting ${DEFAULT_PRESET_SETTING} names no known preset (${JSON.stringify(stored)}); using "${registry.defaultId}"`,
  );
}
