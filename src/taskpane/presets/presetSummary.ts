import type { Preset, PresetStatus } from '../../engine/model';

/** A note shown with a preset; `warning` ones carry a caveat the user must not miss. */
export interface NoteView {
  readonly text: string;
  readonly warning: boolean;
}

export interface PresetSummary {
  readonly id: string;
  readonly name: string;
  readonly asOf: string;
  readonly source: string;
  /** The source as a link target when it is an http(s) URL; `null` shows it as plain text. */
  readonly sourceHref: string | null;
  readonly status: PresetStatus;
  readonly quote: string;
  readonly notes: readonly NoteView[];
  readonly assets: readonly string[];
  /** Assets whose tiers are empty or stop at a cap. */
  readonly unpublishedAssets: readonly string[];
}

const STATUS_CAVEATS: Readonly<Record<PresetStatus, string | null>> = {
  documented: null,
  illustrative: 'Illustrative: sample figures, not the exchange’s current table. Import the live table before relying on it.',
  imported: null,
  custom: null,
};

const CAVEAT_WORDS = /illustrat|unpublished|superseded|sample|not published|unofficial/i;

/** The http(s) URL in `source`, or `null`: any other scheme (javascript:, data:) is never made a link. */
export function sourceLink(source: string): string | null {
  try {
    const url = new URL(source.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function notesOf(preset: Preset): NoteView[] {
  const statusCaveat = STATUS_CAVEATS[preset.status];
  const notes: NoteView[] = statusCaveat === null ? [] : [{ text: statusCaveat, warning: true }];
  for (const text of preset.notes ?? []) notes.push({ text, warning: CAVEAT_WORDS.test(text) });
  return notes;
}

function hasUnpublishedTiers(preset: Preset, asset: string): boolean {
  const tiers = preset.assets[asset]?.tiers ?? [];
  const last = tiers[tiers.length - 1];
  return last === undefined || last.cap !== null;
}

/** What the Presets section shows about one preset, as plain strings (set into the page as text only). */
export function presetSummary(preset: Preset): PresetSummary {
  const assets = Object.keys(preset.assets);
  return {
    id: preset.id,
    name: preset.name,
    asOf: preset.asOf,
    source: preset.source,
    sourceHref: sourceLink(preset.source),
    status: preset.status,
    quote: preset.quote,
    notes: notesOf(preset),
    assets,
    unpublishedAssets: assets.filter((a) => hasUnpublishedTiers(preset, a)),
  };
}
