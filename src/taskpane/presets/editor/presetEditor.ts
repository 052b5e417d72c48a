import { ASSET_NUMBER_FIELDS } from '../../../engine/model';
import { MODE_SWITCH_WORDS } from '../../../presets/presetJson';
import { RULE_WORDS } from '../../modeSwitch/modeSwitchModel';
import { announcerFor, el, replaceChildren, say, uniqueDomId } from '../../ui/dom';
import { type DraftProblem, draftProblems, draftWarnings, fieldLabel } from './draftProblems';
import type { PaneElements } from '../../context/elements';
import { messageOf } from '../../ui/outcome';
import type { PaneContext } from '../../context/paneContext';
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

/** How a field's text becomes JSON in the draft: as typed; blank removed (optional fields); blank as `null` (a tier's cap: no cap). */
type FieldKind = 'text' | 'optional' | 'cap';

interface EditorState {
  draft: Draft;
  readonly isNew: boolean;
  /** Assets whose block is expanded, kept across re-renders (adding a tier must not fold it away). */
  readonly openAssets: Set<string>;
}

const TIER_PARTS = ['floor', 'cap', 'ratio'] as const;

/** Rule fields: path, what to add to the field's label (its label itself comes from fieldLabel), kind. */
const RULE_FIELDS: readonly (readonly [string, string, FieldKind])[] = [
  ['rules.riskBands.warning', '', 'text'],
  ['rules.riskBands.danger', '', 'text'],
  ['rules.ltvTrigger', ' (blank: none)', 'optional'],
  ['rules.liabilityMaintenanceRate', ' (blank: none)', 'optional'],
  ['rules.liabilityInitialRate', ' (blank: none)', 'optional'],
];

/** The asset number fields the editor shows, with their hints: those the field table gives a label. */
const ASSET_FIELDS: readonly (readonly [string, string])[] = Object.entries(ASSET_NUMBER_FIELDS).flatMap(([key, entry]) =>
  'hint' in entry ? [[key, entry.hint] as const] : [],
);

const DIRECTIONS = [
  ['toMulti', 'Switching to multi-asset mode'],
  ['toSingle', 'Switching to single-asset mode'],
] as const;

function fieldText(draft: Draft, path: string): string {
  const value = getField(draft, path);
  return value === undefined || value === null ? '' : String(value);
}

function toValue(text: string, kind: FieldKind): unknown {
  const t = text.trim();
  if (kind === 'text') return text;
  if (kind === 'optional') return t === '' ? undefined : t;
  return t === '' ? null : t;
}

/** Marks a control with the key the editor finds it by after a re-render, to put the focus back on it. */
function keyed<T extends HTMLElement>(node: T, key: string): T {
  node.dataset.focusKey = key;
  return node;
}

function errorSlot(path: string, id?: string): HTMLElement {
  return el('p', { id, class: 'field-error', 'data-error-for': path, hidden: true });
}

/**
 * The editor of custom presets: one form, opened on a draft, validated as the user types. Its state (the
 * draft being edited) lives in this closure, so two panes in one page could never share it.
 */
export function createPresetEditor(ctx: PaneContext, els: PaneElements): { open(draft: Draft, isNew: boolean): void } {
  let current: EditorState | null = null;

  const input = (state: EditorState, path: string, label: string, kind: FieldKind, sharedSlot?: string, focusKey?: string): HTMLElement => {
    const id = uniqueDomId('edit');
    const errorId = sharedSlot ?? `${id}-error`;
    const field = el('input', {
      id,
      type: 'text',
      'data-path': path,
      'data-focus-key': focusKey ?? path,
      'aria-describedby': errorId,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    field.value = fieldText(state.draft, path);
    field.addEventListener('input', () => {
      state.draft = setField(state.draft, path, toValue(field.value, kind));
      validate(state);
    });
    return el('div', { class: 'field' }, [
      el('label', { for: id }, [label]),
      field,
      sharedSlot === undefined ? errorSlot(path, errorId) : null,
    ]);
  };

  const tierRow = (state: EditorState, asset: string, index: number): HTMLElement => {
    const tierPath = itemPath(fieldPath(fieldPath('assets', asset), 'tiers'), index);
    // One message slot under the whole row: a third of a 320 px pane is too narrow for a message.
    const slotId = uniqueDomId('tier-error');
    const cells = TIER_PARTS.map((part) => {
      const path = fieldPath(tierPath, part);
      return input(state, path, `${fieldLabel(path)}${part === 'cap' ? ' (blank: no cap)' : ''}`, part === 'cap' ? 'cap' : 'text', slotId);
    });
    const remove = el('button', { type: 'button', class: 'quiet', 'aria-label': `Remove ${asset} tier ${index + 1}` }, ['Remove']);
    remove.addEventListener('click', () => {
      state.draft = removeTier(state.draft, asset, index);
      // Focus: the tier that took this one's place, else the one above, else the asset's Add tier button.
      render(state, [tierFocus(asset, index), tierFocus(asset, index - 1), `add-tier:${asset}`]);
    });
    return el('div', { class: 'tier-edit' }, [
      ...cells,
      errorSlot(tierPath, slotId),
      el('p', { class: 'warning field-warning', 'data-warning-for': tierPath, hidden: true }),
      remove,
    ]);
  };

  const assetBlock = (state: EditorState, asset: string): HTMLElement => {
    const assetPath = fieldPath('assets', asset);
    const tiers = (getField(state.draft, fieldPath(assetPath, 'tiers')) as unknown[] | undefined) ?? [];
    const unitId = uniqueDomId('unit');
    const unit = el('select', { id: unitId, 'data-path': fieldPath(assetPath, 'tierUnit'), 'data-focus-key': `unit:${asset}` }, [
      el('option', { value: 'value' }, ['value (quote currency)']),
      el('option', { value: 'quantity' }, [`quantity (${asset})`]),
    ]);
    unit.value = String(getField(state.draft, fieldPath(assetPath, 'tierUnit')) ?? 'value');
    unit.addEventListener('change', () => {
      state.draft = setField(state.draft, fieldPath(assetPath, 'tierUnit'), unit.value);
      validate(state);
    });
    const addTierButton = keyed(el('button', { type: 'button' }, [`Add ${asset} tier`]), `add-tier:${asset}`);
    addTierButton.addEventListener('click', () => {
      state.openAssets.add(asset);
      state.draft = addTier(state.draft, asset);
      render(state, [tierFocus(asset, tiers.length)]);
    });
    const removeButton = el('button', { type: 'button', class: 'quiet' }, [`Remove ${asset}`]);
    removeButton.addEventListener('click', () => {
      const assets = Object.keys((getField(state.draft, 'assets') as Record<string, unknown> | undefined) ?? {});
      const at = assets.indexOf(asset);
      state.draft = removeAsset(state.draft, asset);
      // Focus: the asset that took this one's place, else the one above, else the New asset field.
      render(state, [`asset:${assets[at + 1] ?? ''}`, `asset:${assets[at - 1] ?? ''}`, 'new-asset']);
    });
    const block = el('details', { class: 'asset-edit', 'data-asset': asset, open: state.openAssets.has(asset) }, [
      el('summary', { 'data-focus-key': `asset:${asset}` }, [
        el('span', { class: 'asset-name' }, [asset]),
        ' ',
        el('span', { class: 'muted' }, [`${tiers.length} tier${tiers.length === 1 ? '' : 's'}`]),
      ]),
      el('div', { class: 'field' }, [el('label', { for: unitId }, [`${asset} tier unit`]), unit]),
      errorSlot(fieldPath(assetPath, 'tiers')),
      ...tiers.map((_, i) => tierRow(state, asset, i)),
      ...ASSET_FIELDS.map(([key, hint]) =>
        input(state, fieldPath(assetPath, key), `${fieldLabel(fieldPath(assetPath, key))}${hint}`, 'optional'),
      ),
      el('div', { class: 'actions' }, [addTierButton, removeButton]),
      errorSlot(assetPath),
    ]);
    block.addEventListener('toggle', () => {
      if (block.open) state.openAssets.add(asset);
      else state.openAssets.delete(asset);
    });
    return block;
  };

  const addAssetControl = (state: EditorState): HTMLElement => {
    const id = uniqueDomId('new-asset');
    const name = el('input', {
      id,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'coin symbol',
      'data-focus-key': 'new-asset',
    });
    const add = keyed(el('button', { type: 'button' }, ['Add asset']), 'add-asset');
    add.addEventListener('click', () => {
      if (name.value.trim() === '') {
        name.focus();
        return;
      }
      const asset = name.value.trim().toUpperCase();
      state.openAssets.add(asset);
      state.draft = addAsset(state.draft, name.value);
      // Focus: the new asset's first field, its tier unit.
      render(state, [`unit:${asset}`, `asset:${asset}`]);
    });
    return el('div', { class: 'inline-add' }, [el('div', { class: 'field' }, [el('label', { for: id }, ['New asset']), name]), add]);
  };

  /** Auto-exchange thresholds: one row (user tier, threshold) per tier, kept in order as typed. */
  const thresholdsBlock = (state: EditorState): HTMLElement => {
    const path = 'rules.autoExchangeThresholds';
    const stored = getField(state.draft, path);
    const rows = Object.entries(typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}).map(
      ([tier, v]) => ({ tier, value: String(v) }),
    );
    const store = (): void => {
      state.draft = setField(state.draft, path, rows.length === 0 ? undefined : Object.fromEntries(rows.map((r) => [r.tier, r.value])));
    };
    const list = rows.map((row, i) => {
      const name = el('input', {
        id: uniqueDomId('tier-name'),
        type: 'text',
        autocomplete: 'off',
        spellcheck: 'false',
        'data-path': fieldPath(path, row.tier),
        'data-focus-key': `user-tier:${i}`,
      });
      name.value = row.tier;
      const nameError = el('p', { id: `${name.id}-error`, class: 'field-error', hidden: true });
      name.setAttribute('aria-describedby', nameError.id);
      name.addEventListener('change', () => {
        const wanted = name.value.trim();
        // Two tiers of one name would collapse into one in the preset: refuse the name here, where it is typed.
        const clash =
          wanted === ''
            ? 'a user tier needs a name'
            : rows.some((r, j) => j !== i && r.tier.toLowerCase() === wanted.toLowerCase())
              ? `user tier "${wanted}" already exists (names are case-insensitive)`
              : null;
        if (clash !== null) {
          say(nameError, `User tier ${i + 1} name: ${clash}`, 'error');
          name.setAttribute('aria-invalid', 'true');
          return;
        }
        row.tier = wanted;
        store();
        // Rebuilt once the focus has moved on (Tab out of the field), and the focus kept where it went.
        setTimeout(() => {
          if (current === state) render(state);
        }, 0);
      });
      const value = input(
        state,
        fieldPath(path, row.tier),
        `${fieldLabel(fieldPath(path, row.tier))} (${String(getField(state.draft, 'quote') ?? '')}, ≤ 0)`,
        'text',
        undefined,
        `user-tier-value:${i}`,
      );
      const remove = el('button', { type: 'button', class: 'quiet', 'aria-label': `Remove user tier ${row.tier}` }, ['Remove']);
      remove.addEventListener('click', () => {
        rows.splice(i, 1);
        store();
        // Focus: the user tier that took this one's place, else the one above, else Add user tier.
        render(state, [`user-tier:${i}`, `user-tier:${i - 1}`, 'add-user-tier']);
      });
      return el('div', { class: 'threshold-edit' }, [
        el('div', { class: 'field' }, [el('label', { for: name.id }, [`User tier ${i + 1} name`]), name]),
        value,
        nameError,
        remove,
      ]);
    });
    const add = keyed(el('button', { type: 'button' }, ['Add user tier']), 'add-user-tier');
    add.addEventListener('click', () => {
      let n = rows.length + 1;
      while (rows.some((r) => r.tier === `tier${n}`)) n += 1;
      rows.push({ tier: `tier${n}`, value: '0' });
      store();
      // Focus: the new tier's name, to type it.
      render(state, [`user-tier:${rows.length - 1}`]);
    });
    return el('fieldset', { class: 'rules-edit' }, [
      el('legend', {}, ['Auto-exchange thresholds per user tier']),
      el('p', { class: 'hint' }, [
        'An asset whose wallet balance falls below its tier’s threshold is auto-exchanged. No rows: the preset has no threshold.',
      ]),
      ...list,
      el('div', { class: 'actions' }, [add]),
      errorSlot(path),
      errorSlot('rules.defaultUserTier'),
    ]);
  };

  /** Mode-switch rules: a check box per rule of the vocabulary and the maintenance-rate limit, per direction. */
  const modeSwitchBlock = (state: EditorState, direction: 'toMulti' | 'toSingle', title: string): HTMLElement => {
    const path = `rules.modeSwitch.${direction}`;
    const listed = (): unknown[] => {
      const value = getField(state.draft, path);
      return Array.isArray(value) ? value : [];
    };
    const limitOf = (rules: readonly unknown[]): string => {
      const rule = rules.find(
        (r): r is { maintenanceRateBelow: unknown } => typeof r === 'object' && r !== null && 'maintenanceRateBelow' in r,
      );
      return rule === undefined ? '' : String(rule.maintenanceRateBelow);
    };
    const words = new Set(listed().filter((r): r is string => typeof r === 'string'));
    let limit = limitOf(listed());
    const store = (): void => {
      const rules: unknown[] = MODE_SWITCH_WORDS.filter((w) => words.has(w));
      if (limit.trim() !== '') rules.push({ maintenanceRateBelow: limit.trim() });
      state.draft = setField(state.draft, path, rules.length === 0 ? undefined : rules);
      validate(state);
    };
    const boxes = MODE_SWITCH_WORDS.map((word) => {
      const box = el('input', { type: 'checkbox', id: uniqueDomId('rule'), 'data-rule': word, checked: words.has(word) });
      box.addEventListener('change', () => {
        if (box.checked) words.add(word);
        else words.delete(word);
        store();
      });
      return el('label', { class: 'check' }, [box, ` ${RULE_WORDS[word]}`]);
    });
    const limitId = uniqueDomId('rate-below');
    const limitInput = el('input', {
      id: limitId,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-path': `${path}[maintenanceRateBelow]`,
    });
    limitInput.value = limit;
    limitInput.addEventListener('input', () => {
      limit = limitInput.value;
      store();
    });
    return el('fieldset', { class: 'rules-edit', 'data-direction': direction }, [
      el('legend', {}, [title]),
      ...boxes,
      el('div', { class: 'field' }, [el('label', { for: limitId }, ['Maintenance margin rate below (blank: no limit)']), limitInput]),
      errorSlot(path),
    ]);
  };

  const generalFields = (state: EditorState): HTMLElement[] => {
    const general: [string, string][] = [
      ['name', ''],
      ['asOf', ' (YYYY-MM-DD)'],
      ['source', ''],
      ['quote', ''],
    ];
    if (state.isNew) general.unshift(['id', ' (letters, digits, - or _)']);
    return general.map(([path, hint]) => input(state, path, `${fieldLabel(path)}${hint}`, 'text'));
  };

  function showLines(slot: HTMLElement, lines: readonly string[]): void {
    replaceChildren(
      slot,
      lines.flatMap((line, i) => (i === 0 ? [line] : [el('br'), line])),
    );
    slot.hidden = lines.length === 0;
  }

  /** Shows every problem under the field it names (or the nearest enclosing slot), and the warnings beside them. */
  function validate(state: EditorState): boolean {
    const form = els.editor;
    const problems = draftProblems(state.draft);
    const bySlot = new Map<HTMLElement, string[]>();
    for (const slot of form.querySelectorAll<HTMLElement>('p[data-error-for], p[data-warning-for]')) showLines(slot, []);
    for (const f of form.querySelectorAll<HTMLElement>('[data-path]')) f.removeAttribute('aria-invalid');
    for (const problem of problems) {
      const slot = nearestSlot(form, problem.path, 'errorFor') ?? els.editorError;
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), problem.message]);
      form.querySelector<HTMLElement>(`[data-path="${cssEscape(problem.path)}"]`)?.setAttribute('aria-invalid', 'true');
      unfold(state, slot);
    }
    const summary =
      problems.length === 0 ? null : `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix, each shown under its field.`;
    say(els.editorError, summary, 'error');
    for (const [slot, lines] of bySlot) {
      if (slot === els.editorError) showLines(slot, [summary ?? '', ...lines]);
      else showLines(slot, lines);
    }
    showWarnings(form, draftWarnings(state.draft));
    els.editorSave.disabled = problems.length > 0;
    return problems.length === 0;
  }

  function showWarnings(form: HTMLElement, warnings: readonly DraftProblem[]): void {
    const bySlot = new Map<HTMLElement, string[]>();
    for (const w of warnings) {
      const slot = nearestSlot(form, w.path, 'warningFor');
      if (slot) bySlot.set(slot, [...(bySlot.get(slot) ?? []), `⚠ ${w.message}`]);
    }
    for (const [slot, lines] of bySlot) showLines(slot, lines);
  }

  function unfold(state: EditorState, slot: HTMLElement): void {
    // A message inside a folded asset would be invisible: unfold it.
    const block = slot.closest('details');
    if (block instanceof HTMLDetailsElement && !block.open) {
      block.open = true;
      state.openAssets.add(block.dataset.asset ?? '');
    }
  }

  /**
   * Rebuilds the form from the draft. The focus goes to the first of `focus` (control keys) that exists, else
   * back to the control that had it; never to the page body.
   */
  function render(state: EditorState, focus: readonly string[] = []): void {
    const active = document.activeElement;
    const had = active instanceof HTMLElement && els.editorFields.contains(active) ? active.dataset.focusKey : undefined;
    const assets = Object.keys((getField(state.draft, 'assets') as Record<string, unknown> | undefined) ?? {});
    els.editorTitle.textContent = state.isNew ? 'New custom preset' : `Edit custom preset ${String(getField(state.draft, 'id'))}`;
    replaceChildren(els.editorFields, [
      ...generalFields(state),
      el('h3', {}, ['Assets']),
      ...assets.map((a) => assetBlock(state, a)),
      addAssetControl(state),
      errorSlot('assets'),
      el('fieldset', { class: 'rules-edit' }, [
        el('legend', {}, ['Rules']),
        ...RULE_FIELDS.map(([path, hint, kind]) => input(state, path, `${fieldLabel(path)}${hint}`, kind)),
        errorSlot('rules.riskBands'),
        errorSlot('rules'),
      ]),
      thresholdsBlock(state),
      ...DIRECTIONS.map(([direction, title]) => modeSwitchBlock(state, direction, title)),
      errorSlot('rules.modeSwitch'),
    ]);
    validate(state);
    for (const key of had === undefined ? focus : [...focus, had]) {
      const target = els.editorFields.querySelector<HTMLElement>(`[data-focus-key="${cssEscape(key)}"]`);
      if (target !== null) {
        target.focus();
        return;
      }
    }
  }

  async function save(state: EditorState): Promise<void> {
    if (!validate(state)) return;
    const check = checkDraft(state.draft);
    if (!check.ok) return;
    try {
      ctx.registry.upsertCustom(check.preset);
      await ctx.io.saveCustoms();
      await ctx.io.saveDefault(check.preset.id);
      els.editor.hidden = true;
      current = null;
      const where = ctx.io.unavailableReason === null ? 'saved in the workbook; formulas recalculated' : 'kept in memory (not in Excel)';
      say(els.presetStatus, `Custom preset "${check.preset.id}" ${where}.`, 'ok');
      els.presetSelect.focus();
    } catch (error) {
      say(els.editorError, messageOf(error), 'error');
    }
  }

  // A field's problem is said when the field is left, not at each key (the messages under the fields are not live).
  const announcer = announcerFor(els.announcer);
  let said = '';
  els.editor.addEventListener('focusout', (event) => {
    const left = event.target;
    if (!(left instanceof HTMLElement) || left.getAttribute('aria-invalid') !== 'true') return;
    const slot = document.getElementById(left.getAttribute('aria-describedby') ?? '');
    const lines = slot === null ? [] : [...slot.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '');
    const text = lines.filter((l) => l !== '').join('; ');
    if (text === '' || text === said) return;
    said = text;
    announcer.now(text);
  });

  els.editor.addEventListener('submit', (event) => {
    event.preventDefault();
    if (current) void save(current);
  });
  els.editorCancel.addEventListener('click', () => {
    els.editor.hidden = true;
    current = null;
    els.presetClone.focus();
  });

  return {
    open(draft: Draft, isNew: boolean): void {
      current = { draft, isNew, openAssets: new Set() };
      els.editor.hidden = false;
      render(current);
      els.editor.querySelector<HTMLElement>('input, select, textarea')?.focus();
    },
  };
}

/** The focus key of a tier row's first field (its floor). */
function tierFocus(asset: string, index: number): string {
  return fieldPath(itemPath(fieldPath(fieldPath('assets', asset), 'tiers'), index), 'floor');
}

function cssEscape(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

function nearestSlot(form: HTMLElement, path: string, kind: 'errorFor' | 'warningFor'): HTMLElement | null {
  const segments = pathSegments(path);
  const selector = kind === 'errorFor' ? 'p[data-error-for]' : 'p[data-warning-for]';
  const slots = [...form.querySelectorAll<HTMLElement>(selector)];
  for (let n = segments.length; n > 0; n -= 1) {
    const prefix = segments.slice(0, n);
    const slot = slots.find((s) => samePath(pathSegments(s.dataset[kind] ?? ''), prefix));
    if (slot) return slot;
  }
  return null;
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
