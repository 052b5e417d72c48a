import { ASSET_NUMBER_FIELDS } from '../engine/model';
import { parseJsonText } from '../presets';
import { byId, el, replaceChildren, say, uniqueDomId } from './dom';
import { messageOf } from './outcome';
import type { PaneContext } from './paneContext';
import {
  addAsset,
  addTier,
  checkDraft,
  type Draft,
  fieldPath,
  getField,
  itemPath,
  pathSegments,
  removeAsset,
  removeTier,
  setField,
} from './presetDraft';

/**
 * How a field's text becomes JSON in the draft: as typed; blank removed (optional fields); blank as `null`
 * (a tier's cap: no cap); or parsed as JSON (nested rules such as the mode-switch lists).
 */
type FieldKind = 'text' | 'optional' | 'cap' | 'json';

interface EditorState {
  draft: Draft;
  readonly isNew: boolean;
  /** Fields whose text is not even JSON: kept out of the draft, reported next to the field. */
  readonly localErrors: Map<string, string>;
  /** Assets whose block is expanded, kept across re-renders (adding a tier must not fold it away). */
  readonly openAssets: Set<string>;
}

const TIER_PARTS = ['floor', 'cap', 'ratio'] as const;

const RULE_FIELDS: readonly (readonly [string, string, FieldKind])[] = [
  ['rules.riskBands.warning', 'Risk band: warning from (margin ratio)', 'text'],
  ['rules.riskBands.danger', 'Risk band: danger above (margin ratio)', 'text'],
  ['rules.ltvTrigger', 'LTV trigger (blank: none)', 'optional'],
  ['rules.liabilityMaintenanceRate', 'Liability maintenance rate (blank: none)', 'optional'],
  ['rules.liabilityInitialRate', 'Liability initial rate (blank: none)', 'optional'],
  ['rules.autoExchangeThresholds', 'Auto-exchange thresholds per user tier (JSON, blank: none)', 'json'],
  ['rules.modeSwitch', 'Mode-switch rules (JSON, blank: none)', 'json'],
];

/** The asset number fields the editor shows: those the field table gives a label. */
const ASSET_FIELDS: readonly (readonly [string, string])[] = Object.entries(ASSET_NUMBER_FIELDS).flatMap(([key, entry]) => {
  const label: string | undefined = 'label' in entry ? entry.label : undefined;
  return label === undefined ? [] : [[key, label] as const];
});

function fieldText(draft: Draft, path: string, kind: FieldKind): string {
  const value = getField(draft, path);
  if (value === undefined || value === null) return '';
  if (kind === 'json') return JSON.stringify(value);
  return String(value);
}

function toJson(text: string, kind: FieldKind): { value: unknown } | { error: string } {
  const t = text.trim();
  if (kind === 'text') return { value: text };
  if (kind === 'optional') return { value: t === '' ? undefined : t };
  if (kind === 'cap') return { value: t === '' ? null : t };
  if (t === '') return { value: undefined };
  try {
    // The same reader as pasted presets and imports: the line and column of an error, and bounded nesting.
    return { value: parseJsonText(t) };
  } catch (error) {
    return { error: `expected JSON (${messageOf(error).replace(/^(Unexpected error|preset): /, '')})` };
  }
}

/** A labelled input bound to `path` in the draft, with the slot its validation message appears in. */
function input(state: EditorState, path: string, label: string, kind: FieldKind, onEdit: () => void, sharedSlot?: string): HTMLElement {
  const id = uniqueDomId('edit');
  const errorId = sharedSlot ?? `${id}-error`;
  const attrs = { id, 'data-path': path, 'aria-describedby': errorId, autocomplete: 'off', spellcheck: 'false' };
  const field = kind === 'json' ? el('textarea', { ...attrs, rows: 2 }) : el('input', { ...attrs, type: 'text' });
  field.value = fieldText(state.draft, path, kind);
  field.addEventListener('input', () => {
    const parsed = toJson(field.value, kind);
    if ('error' in parsed) state.localErrors.set(path, `${path}: ${parsed.error}`);
    else {
      state.localErrors.delete(path);
      state.draft = setField(state.draft, path, parsed.value);
    }
    onEdit();
  });
  return el('div', { class: 'field' }, [
    el('label', { for: id }, [label]),
    field,
    sharedSlot === undefined ? el('p', { id: errorId, class: 'field-error', 'data-error-for': path, hidden: true }) : null,
  ]);
}

function tierRow(state: EditorState, asset: string, index: number, rerender: () => void, validate: () => void): HTMLElement {
  const tierPath = itemPath(fieldPath(fieldPath('assets', asset), 'tiers'), index);
  // One message slot under the whole row: a third of a 320 px pane is too narrow for a message.
  const slotId = uniqueDomId('tier-error');
  const cells = TIER_PARTS.map((part) =>
    input(state, fieldPath(tierPath, part), `${asset} tier ${index + 1} ${part}${part === 'cap' ? ' (blank: no cap)' : ''}`, part === 'cap' ? 'cap' : 'text', validate, slotId),
  );
  const remove = el('button', { type: 'button', class: 'quiet', 'aria-label': `Remove ${asset} tier ${index + 1}` }, ['Remove']);
  remove.addEventListener('click', () => {
    state.draft = removeTier(state.draft, asset, index);
    rerender();
  });
  return el('div', { class: 'tier-edit' }, [
    ...cells,
    el('p', { id: slotId, class: 'field-error', 'data-error-for': tierPath, hidden: true }),
    remove,
  ]);
}

function assetFieldset(state: EditorState, asset: string, rerender: () => void, validate: () => void): HTMLElement {
  const assetPath = fieldPath('assets', asset);
  const tiers = (getField(state.draft, fieldPath(assetPath, 'tiers')) as unknown[] | undefined) ?? [];
  const unitId = uniqueDomId('unit');
  const unit = el('select', { id: unitId, 'data-path': fieldPath(assetPath, 'tierUnit') }, [
    el('option', { value: 'value' }, ['value (quote currency)']),
    el('option', { value: 'quantity' }, [`quantity (${asset})`]),
  ]);
  unit.value = String(getField(state.draft, fieldPath(assetPath, 'tierUnit')) ?? 'value');
  unit.addEventListener('change', () => {
    state.draft = setField(state.draft, fieldPath(assetPath, 'tierUnit'), unit.value);
    validate();
  });
  const addTierButton = el('button', { type: 'button' }, [`Add ${asset} tier`]);
  addTierButton.addEventListener('click', () => {
    state.openAssets.add(asset);
    state.draft = addTier(state.draft, asset);
    rerender();
  });
  const removeButton = el('button', { type: 'button', class: 'quiet' }, [`Remove ${asset}`]);
  removeButton.addEventListener('click', () => {
    state.draft = removeAsset(state.draft, asset);
    rerender();
  });
  const block = el('details', { class: 'asset-edit', 'data-asset': asset, open: state.openAssets.has(asset) }, [
    el('summary', {}, [el('span', { class: 'asset-name' }, [asset]), ' ', el('span', { class: 'muted' }, [`${tiers.length} tier${tiers.length === 1 ? '' : 's'}`])]),
    el('div', { class: 'field' }, [el('label', { for: unitId }, [`${asset} tier unit`]), unit]),
    el('p', { class: 'field-error', 'data-error-for': fieldPath(assetPath, 'tiers'), hidden: true }),
    ...tiers.map((_, i) => tierRow(state, asset, i, rerender, validate)),
    ...ASSET_FIELDS.map(([key, label]) => input(state, fieldPath(assetPath, key), `${asset} ${label.charAt(0).toLowerCase()}${label.slice(1)}`, 'optional', validate)),
    el('div', { class: 'actions' }, [addTierButton, removeButton]),
    el('p', { class: 'field-error', 'data-error-for': assetPath, hidden: true }),
  ]);
  block.addEventListener('toggle', () => {
    if (block.open) state.openAssets.add(asset);
    else state.openAssets.delete(asset);
  });
  return block;
}

function addAssetControl(state: EditorState, rerender: () => void): HTMLElement {
  const id = uniqueDomId('new-asset');
  const name = el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. ETH' });
  const add = el('button', { type: 'button' }, ['Add asset']);
  add.addEventListener('click', () => {
    if (name.value.trim() === '') return;
    state.openAssets.add(name.value.trim().toUpperCase());
    state.draft = addAsset(state.draft, name.value);
    rerender();
  });
  return el('div', { class: 'inline-add' }, [el('div', { class: 'field' }, [el('label', { for: id }, ['New asset']), name]), add]);
}

function generalFields(state: EditorState, validate: () => void): HTMLElement[] {
  const general: [string, string][] = [
    ['name', 'Name'],
    ['asOf', 'As of (YYYY-MM-DD)'],
    ['source', 'Source'],
    ['quote', 'Quote asset'],
  ];
  if (state.isNew) general.unshift(['id', 'Id (letters, digits, - or _)']);
  return general.map(([path, label]) => input(state, path, label, 'text', validate));
}

/** Shows the first problem next to the field it names (or the nearest enclosing one) and on top of the form. */
function showProblems(form: HTMLElement, state: EditorState): boolean {
  for (const slot of form.querySelectorAll<HTMLElement>('p[data-error-for]')) say(slot, null);
  for (const f of form.querySelectorAll<HTMLElement>('[data-path]')) f.removeAttribute('aria-invalid');
  const local = [...state.localErrors.entries()][0];
  const check = checkDraft(state.draft);
  const problem = local !== undefined ? { path: local[0], message: local[1] } : check.ok ? null : check;
  say(byId('editor-error', HTMLElement), problem === null ? null : problem.message, 'error');
  byId('editor-save', HTMLButtonElement).disabled = problem !== null;
  if (problem === null) return true;
  const slot = nearestSlot(form, problem.path);
  if (slot) {
    say(slot, problem.message, 'error');
    // A message inside a folded asset would be invisible: unfold it.
    const block = slot.closest('details');
    if (block instanceof HTMLDetailsElement && !block.open) {
      block.open = true;
      state.openAssets.add(block.dataset.asset ?? '');
    }
  }
  form.querySelector<HTMLElement>(`[data-path="${cssEscape(problem.path)}"]`)?.setAttribute('aria-invalid', 'true');
  return false;
}

function cssEscape(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

function nearestSlot(form: HTMLElement, path: string): HTMLElement | null {
  const segments = pathSegments(path);
  const slots = [...form.querySelectorAll<HTMLElement>('p[data-error-for]')];
  for (let n = segments.length; n > 0; n -= 1) {
    const prefix = segments.slice(0, n);
    const slot = slots.find((s) => samePath(pathSegments(s.dataset.errorFor ?? ''), prefix));
    if (slot) return slot;
  }
  return null;
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function renderEditor(ctx: PaneContext, state: EditorState): void {
  const form = byId('preset-editor', HTMLFormElement);
  const rerender = (): void => renderEditor(ctx, state);
  const validate = (): void => void showProblems(form, state);
  const assets = Object.keys((getField(state.draft, 'assets') as Record<string, unknown> | undefined) ?? {});
  byId('editor-title', HTMLElement).textContent = state.isNew ? 'New custom preset' : `Edit custom preset ${String(getField(state.draft, 'id'))}`;
  replaceChildren(byId('editor-fields', HTMLElement), [
    ...generalFields(state, validate),
    el('h3', {}, ['Assets']),
    ...assets.map((a) => assetFieldset(state, a, rerender, validate)),
    addAssetControl(state, rerender),
    el('p', { class: 'field-error', 'data-error-for': 'assets', hidden: true }),
    el('fieldset', { class: 'rules-edit' }, [
      el('legend', {}, ['Rules']),
      ...RULE_FIELDS.map(([path, label, kind]) => input(state, path, label, kind, validate)),
      el('p', { class: 'field-error', 'data-error-for': 'rules', hidden: true }),
    ]),
  ]);
  validate();
}

async function save(ctx: PaneContext, state: EditorState): Promise<void> {
  const form = byId('preset-editor', HTMLFormElement);
  if (!showProblems(form, state)) return;
  const check = checkDraft(state.draft);
  if (!check.ok) return;
  try {
    ctx.registry.upsertCustom(check.preset);
    await ctx.io.saveCustoms();
    await ctx.io.saveDefault(check.preset.id);
    form.hidden = true;
    const where = ctx.io.unavailableReason === null ? 'saved in the workbook; formulas recalculated' : 'kept in memory (not in Excel)';
    say(byId('preset-status', HTMLElement), `Custom preset "${check.preset.id}" ${where}.`, 'ok');
    byId('preset-select', HTMLSelectElement).focus();
  } catch (error) {
    say(byId('editor-error', HTMLElement), messageOf(error), 'error');
  }
}

let current: EditorState | null = null;
let wired = false;

function wireOnce(ctx: PaneContext): void {
  if (wired) return;
  wired = true;
  const form = byId('preset-editor', HTMLFormElement);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (current) void save(ctx, current);
  });
  byId('editor-cancel', HTMLButtonElement).addEventListener('click', () => {
    form.hidden = true;
    current = null;
    byId('preset-clone', HTMLButtonElement).focus();
  });
}

/** Opens the editor on `draft` (a clone not yet saved when `isNew`), validating as the user types. */
export function openPresetEditor(ctx: PaneContext, draft: Draft, isNew: boolean): void {
  wireOnce(ctx);
  current = { draft, isNew, localErrors: new Map(), openAssets: new Set() };
  const form = byId('preset-editor', HTMLFormElement);
  form.hidden = false;
  renderEditor(ctx, current);
  form.querySelector<HTMLElement>('input, select, textarea')?.focus();
}
