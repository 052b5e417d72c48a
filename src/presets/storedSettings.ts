import type { Preset } from '../engine/model';
import { parsePreset } from './parsePreset';
import type { PresetRegistry, RefusedPreset } from './registry';

/** Workbook setting: the id of the preset a formula uses when it names no exchange. */
export const DEFAULT_PRESET_SETTING = 'multiasset.defaultPreset';
/** Workbook setting: the workbook's custom presets, as an array of preset documents (README "Presets"). */
export const CUSTOM_PRESETS_SETTING = 'multiasset.customPresets';

/**
 * What {@link applyStoredSettings} found. `changed`: the workbook asks for more than the built-in default.
 * The stored presets that were not loaded are then in the registry's `refused()`, each with its reason.
 */
export interface StoredSettingsReport {
  readonly defaultId: string;
  readonly customIds: readonly string[];
  readonly warnings: readonly string[];
  readonly changed: boolean;
}

/**
 * Applies a workbook's stored presets to `registry`, as the add-in does when the workbook opens (and as
 * `multiasset recalc` does with a saved workbook): custom presets first, then the default preset. Each stored
 * preset is read and checked on its own: a refused one is skipped with a warning naming it and the field, and
 * the others load. A refused preset that is the default stays the default, so formulas that name no exchange
 * answer #N/A (PRESET_REFUSED) instead of computing on another exchange. One that reuses a built-in id or
 * repeats an earlier id is skipped with a warning, and an unknown default keeps the current one: no stored
 * value makes it throw.
 */
export function applyStoredSettings(read: (name: string) => unknown, registry: PresetRegistry): StoredSettingsReport {
  const warnings: string[] = [];
  const refused: RefusedPreset[] = [];
  const customs = storedPresets(read(CUSTOM_PRESETS_SETTING), registry, warnings, refused);
  afterChange(() => registry.replaceCustoms(customs, refused), warnings);
  const before = registry.defaultId;
  afterChange(() => applyStoredDefault(read(DEFAULT_PRESET_SETTING), registry, warnings), warnings);
  return {
    defaultId: registry.defaultId,
    customIds: customs.map((p) => p.id),
    warnings,
    changed: customs.length > 0 || registry.defaultId !== before || registry.defaultRefused,
  };
}

/**
 * Runs a registry change whose refusals were ruled out before (every preset checked, ids unique, the default
 * known). What still throws is a listener (a view of the presets) failing after the change was made: a
 * warning, so that the load goes on and the caller still recalculates.
 */
function afterChange(change: () => void, warnings: string[]): void {
  try {
    change();
  } catch (error) {
    warnings.push(`a view of the presets failed to refresh: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function storedPresets(stored: unknown, registry: PresetRegistry, warnings: string[], refused: RefusedPreset[]): Preset[] {
  const kept: Preset[] = [];
  storedArray(stored, warnings).forEach((document, index) => {
    const preset = parseStored(document, index, registry, warnings, refused);
    if (!preset) return;
    // Kept without an id, so that saving does not lose it and it never stands in for the preset it clashes with.
    const skip = (reason: string): void => {
      warnings.push(`stored preset ${index + 1} ("${preset.id}") ${reason}; skipped`);
      refused.push({ id: null, position: index + 1, reason: `"${preset.id}" ${reason}`, document });
    };
    if (registry.isBuiltin(preset.id)) {
      skip('reuses a built-in id');
    } else if (kept.some((p) => p.id.toLowerCase() === preset.id.toLowerCase())) {
      skip('repeats an earlier id');
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

/** The id a stored document gives itself, when it gives one as text, to name it in a warning. */
function storedId(document: unknown): string | null {
  if (typeof document !== 'object' || document === null || !Object.prototype.hasOwnProperty.call(document, 'id')) return null;
  const id: unknown = (document as { id: unknown }).id;
  return typeof id === 'string' && id.trim() !== '' ? id.trim().slice(0, 64) : null;
}

/** One stored preset, read and checked as the registry will hold it; null (with a warning) when refused. */
function parseStored(
  document: unknown,
  index: number,
  registry: PresetRegistry,
  warnings: string[],
  refused: RefusedPreset[],
): Preset | null {
  const parsed = tryParse(document, registry);
  if (!('reason' in parsed)) return parsed.preset;
  const id = storedId(document);
  // A document named like a built-in is reported as reusing that id below, once it is valid; refused here, it
  // must not shadow the built-in.
  const kept = id !== null && registry.isBuiltin(id) ? null : id;
  refused.push({ id: kept, position: index + 1, reason: parsed.reason, document });
  const named = id === null ? 'it names no id' : `preset "${id}" is not loaded; the other presets are`;
  warnings.push(`stored preset ${index + 1} skipped: ${parsed.reason} (${named})`);
  return null;
}

function tryParse(document: unknown, registry: PresetRegistry): { preset: Preset } | { reason: string } {
  try {
    const preset = parsePreset(document);
    // The registry re-checks what it holds through the preset's document; a preset that reads but does not
    // survive that re-check is refused here, on its own, instead of refusing the whole list there.
    return { preset: registry.isBuiltin(preset.id) ? preset : registry.checkCustom(preset) };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

function applyStoredDefault(stored: unknown, registry: PresetRegistry, warnings: string[]): void {
  if (stored === null || stored === undefined || stored === '') return;
  if (typeof stored === 'string' && registry.has(stored)) {
    registry.setDefault(stored);
    return;
  }
  const refused =
    typeof stored === 'string' ? registry.refused().find((r) => r.id?.toLowerCase() === stored.trim().toLowerCase()) : undefined;
  if (refused !== undefined) {
    warnings.push(
      `the workbook's default preset "${refused.id ?? ''}" was refused (stored preset ${refused.position}); formulas that name no exchange answer #N/A until it is corrected or another default is chosen`,
    );
    registry.setDefault(stored as string);
    return;
  }
  warnings.push(`setting ${DEFAULT_PRESET_SETTING} names no known preset (${JSON.stringify(stored)}); using "${registry.defaultId}"`);
}
