import { readFile } from 'node:fs/promises';
import { isMarginError } from '../engine/errors';
import type { PresetRegistry } from '../presets';
import { parsePresetText } from '../presets';
import { flag } from './argv';

/** `--preset FILE`, read by every command. */
export const PRESET_FLAG = flag({
  name: '--preset',
  value: 'FILE',
  repeatable: true,
  help: 'load a preset JSON document (repeatable); it is used where a formula or an option names its id',
});

/** `--exchange ID` of the commands that compute formulas. */
export const EXCHANGE_FLAG = flag({
  name: '--exchange',
  value: 'ID',
  help: 'the default preset for formulas that name no exchange (built-in: binance, bitget, bitmart, okx, bybit)',
});

/** A preset file or `--exchange` the program refuses: printed with its file name, exit code 1. */
export class PresetOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PresetOptionError';
  }
}

/** Loads one preset file; `loaded` maps each id taken so far (lower case) to its file, so no file silently replaces another. */
async function loadPresetFile(file: string, registry: PresetRegistry, loaded: Map<string, string>): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PresetOptionError(`${file}: cannot read the preset file (${error instanceof Error ? error.message : String(error)})`);
  }
  let preset: ReturnType<typeof parsePresetText>;
  try {
    preset = parsePresetText(text);
  } catch (error) {
    if (isMarginError(error)) throw new PresetOptionError(`${file}: ${error.message}`);
    throw error;
  }
  const earlier = loaded.get(preset.id.toLowerCase());
  if (earlier !== undefined) {
    throw new PresetOptionError(`${file}: preset id "${preset.id}" is already given by ${earlier}; each --preset file needs its own id`);
  }
  try {
    registry.upsertCustom(preset);
  } catch (error) {
    if (isMarginError(error)) throw new PresetOptionError(`${file}: ${error.message}`);
    throw error;
  }
  loaded.set(preset.id.toLowerCase(), file);
}

/** Adds the `--preset` files to the registry, in order, then makes `--exchange` the default. */
export async function applyPresetOptions(
  registry: PresetRegistry,
  options: { readonly presets: readonly string[]; readonly exchange: string | null },
): Promise<void> {
  const loaded = new Map<string, string>();
  for (const file of options.presets) await loadPresetFile(file, registry, loaded);
  if (options.exchange === null) return;
  try {
    registry.setDefault(options.exchange);
  } catch (error) {
    if (isMarginError(error)) throw new PresetOptionError(`--exchange: ${error.message}`);
    throw error;
  }
}
