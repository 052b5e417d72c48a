import type { Preset } from '../../../engine/model';
import { parsePreset, presetToJson } from '../../../presets';
import { messageOf } from '../../ui/outcome';

/**
 * A custom preset being edited: its JSON document (the preset format, README "Presets") as plain data. Every edit returns a
 * new draft; fields are addressed by the same JSON paths that parsePreset names in its messages
 * (`assets.BTC.tiers[1].ratio`), so a message can be shown next to the field it is about.
 */
export type Draft = Readonly<Record<string, unknown>>;

export type DraftCheck =
  { readonly ok: true; readonly preset: Preset } | { readonly ok: false; readonly message: string; readonly path: string };

type Segment = string | number;

/** `assets` + `BTC` → `assets.BTC`; keys that are not identifiers are quoted, as parsePreset quotes them. */
export function fieldPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function itemPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Splits `assets["a b"].tiers[0].cap` into `['assets', 'a b', 'tiers', 0, 'cap']`. */
export function pathSegments(path: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.matchAll(pattern)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else if (m[3] !== undefined) segments.push(JSON.parse(m[3]) as string);
  }
  return segments;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The object or list at `segments`, created on the way when missing (a rules field the preset did not have). */
function containerAt(root: Record<string, unknown>, segments: readonly Segment[]): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  segments.forEach((s, i) => {
    const next = node[s];
    if (typeof next === 'object' && next !== null) {
      node = next as Record<string | number, unknown>;
      return;
    }
    const created: Record<string | number, unknown> = typeof segments[i + 1] === 'number' ? ([] as unknown as Record<number, unknown>) : {};
    node[s] = created;
    node = created;
  });
  return node;
}

/** The draft with the field at `path` set to `value`; `undefined` removes an optional field. */
export function setField(draft: Draft, path: string, value: unknown): Draft {
  const next = copy(draft) as Record<string, unknown>;
  const segments = pathSegments(path);
  const last = segments[segments.length - 1];
  if (last === undefined) return next;
  const parent = containerAt(next, segments.slice(0, -1));
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return next;
}

/** The value at `path`, or `undefined`. */
export function getField(draft: Draft, path: string): unknown {
  let node: unknown = draft;
  for (const s of pathSegments(path)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

/** The draft of an existing preset, ready to edit. */
export function draftOf(preset: Preset): Draft {
  return copy(presetToJson(preset)) as unknown as Draft;
}

/** The first id `base`, `base-2`, `base-3`, … that no preset uses yet (ids compare case-insensitively). */
export function uniqueId(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  let n = 2;
  while (used.has(`${base}-${n}`.toLowerCase())) n += 1;
  return `${base}-${n}`;
}

/**
 * A custom copy of `preset` under a new id: status `custom`, dated `today`, its source kept and a note saying
 * where the figures come from (so an illustrative table copied stays recognisable as such).
 */
export function cloneDraft(preset: Preset, taken: readonly string[], today: string): Draft {
  const json = presetToJson(preset);
  const id = uniqueId(`${preset.id}-custom`.slice(0, 60), taken);
  const origin = `Copied from ${preset.name} (${preset.status}, as of ${preset.asOf}).`;
  return copy({
    ...json,
    id,
    name: `${preset.name} (custom)`,
    asOf: today,
    status: 'custom',
    notes: [origin, ...(json.notes ?? [])],
  }) as unknown as Draft;
}

/** The path parsePreset names in an INVALID_PRESET message (`preset assets.BTC.tiers[1].ratio: …`), or ''. */
export function errorPath(message: string): string {
  const m = /^preset ([^\s:]+(?:\["(?:[^"\\]|\\.)*"\][^\s:]*)?): /.exec(message);
  return m?.[1] ?? '';
}

/** Validates the draft as a custom preset: the preset, or the first message with the field it is about. */
export function checkDraft(draft: Draft): DraftCheck {
  try {
    const preset = parsePreset(draft);
    if (preset.status !== 'custom') {
      return { ok: false, message: 'preset status: a preset edited here is saved as "custom"', path: 'status' };
    }
    return { ok: true, preset };
  } catch (error) {
    const message = messageOf(error);
    return { ok: false, message, path: errorPath(message) };
  }
}

/** The draft with one more tier on `asset`, starting at the last cap (or 0), open-ended. */
export function addTier(draft: Draft, asset: string): Draft {
  const tiersPath = fieldPath(fieldPath('assets', asset), 'tiers');
  const tiers = (getField(draft, tiersPath) as { cap: unknown }[] | undefined) ?? [];
  const last = tiers[tiers.length - 1];
  const floor = last === undefined ? '0' : (last.cap ?? '');
  return setField(draft, itemPath(tiersPath, tiers.length), { floor, cap: null, ratio: '' });
}

/** The draft without tier `index` of `asset`. */
export function removeTier(draft: Draft, asset: string, index: number): Draft {
  const tiersPath = fieldPath(fieldPath('assets', asset), 'tiers');
  const tiers = (getField(draft, tiersPath) as unknown[] | undefined) ?? [];
  return setField(
    draft,
    tiersPath,
    tiers.filter((_, i) => i !== index),
  );
}

/** The draft with a new asset (upper-cased) valued by value tiers, with one open tier to fill in. */
export function addAsset(draft: Draft, asset: string): Draft {
  const name = asset.trim().toUpperCase();
  return setField(draft, fieldPath('assets', name), { tierUnit: 'value', tiers: [{ floor: '0', cap: null, ratio: '' }] });
}

export function removeAsset(draft: Draft, asset: string): Draft {
  return setField(draft, fieldPath('assets', asset), undefined);
}
