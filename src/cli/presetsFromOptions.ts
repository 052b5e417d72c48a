import { readFile } from 'node:fs/promises';
import { isMarginError } from '../engine/errors';
import type { PresetRegistry } from '../presets';
import { parsePresetText } from '../presets';

/** A preset file or `--exchange` the program refuses: printed with its file name, exit code 1. */
export class PresetOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PresetOptionError';
  }
}

async function loadPresetFile(file: string, registry: PresetRegistry): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PresetOptionError(`${file}: cannot read the preset file (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    registry.upsertCustom(parsePresetText(text));
  } catch (error) {
    if (isMarginError(error)) throw new PresetOptionError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Adds the `--preset` files to the registry, in order, then makes `--exchange` the default. */
export async function applyPresetOptions(
  registry: PresetRegistry,
  options: { readonly presets: readonly string[]; readonly exchange: string | null },
): Promise<void> {
  for (const file of options.presets) await loadPresetFile(file, registry);
  if (options.exchange === null) return;
  try {
    registry.setDefault(options.exchange);
  } catch (error) {
    if (isMarginError(error)) throw new PresetOptionError(`--exchange: ${error.message}`);
    throw error;
  }
}
