import type { PresetRegistry } from '../../presets';

/** What the Presets section says about stored presets that were refused: a heading and one line per preset. */
export interface RefusedPresetsNotice {
  readonly heading: string;
  readonly items: readonly string[];
}

/**
 * The banner for the workbook's refused presets, or null when every stored preset loaded. Each line names the
 * preset and the field that refused it; when the default is among them it says that formulas naming no
 * exchange answer #N/A, because that is what a colleague opening the shared workbook sees.
 *
 * @example
 * refusedPresetsNotice(registry)?.items[0]; // 'Stored preset 2 ("desk-x"): preset rules.ltvTrigger: expected …'
 */
export function refusedPresetsNotice(
  registry: Pick<PresetRegistry, 'refused' | 'defaultRefused' | 'defaultId'>,
): RefusedPresetsNotice | null {
  const refused = registry.refused();
  if (refused.length === 0) return null;
  const items = refused.map((r) => `Stored preset ${r.position}${r.id === null ? '' : ` ("${r.id}")`}: ${r.reason}`);
  const heading = registry.defaultRefused
    ? `The workbook's default preset "${registry.defaultId}" was refused, so formulas that name no exchange answer #N/A. Choose another default, or save a corrected preset under that id. Not loaded:`
    : `Not loaded from this workbook (the other presets are; the workbook keeps these as stored):`;
  return { heading, items };
}
