import { el, say, uniqueDomId } from '../../ui/dom';
import { fieldLabel } from './draftProblems';
import { type EditorKit, type EditorState, errorSlot, keyed, textField } from './editorKit';
import { fieldPath, getField, setField } from './presetDraft';

const PATH = 'rules.autoExchangeThresholds';

/** One user tier's row as typed: its name and its threshold's text. */
interface ThresholdRow {
  tier: string;
  readonly value: string;
}

/** The rows of the block and how they are written back into the draft. */
interface Thresholds {
  readonly rows: ThresholdRow[];
  store(): void;
}

/** Why the name typed for row `index` cannot be kept, or null: two tiers of one name would collapse into one. */
function nameClash(rows: readonly ThresholdRow[], index: number, wanted: string): string | null {
  if (wanted === '') return 'a user tier needs a name';
  return rows.some((r, j) => j !== index && r.tier.toLowerCase() === wanted.toLowerCase())
    ? `user tier "${wanted}" already exists (names are case-insensitive)`
    : null;
}

/** The name field of row `index`, which refuses a clashing name where it is typed, and its message slot. */
function nameField(
  kit: EditorKit,
  state: EditorState,
  t: Thresholds,
  row: ThresholdRow,
  index: number,
): { field: HTMLElement; error: HTMLElement } {
  const name = el('input', {
    id: uniqueDomId('tier-name'),
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-path': fieldPath(PATH, row.tier),
    'data-focus-key': `user-tier:${index}`,
  });
  name.value = row.tier;
  const nameError = el('p', { id: `${name.id}-error`, class: 'field-error', hidden: true });
  name.setAttribute('aria-describedby', nameError.id);
  name.addEventListener('change', () => {
    const wanted = name.value.trim();
    const clash = nameClash(t.rows, index, wanted);
    if (clash !== null) {
      say(nameError, `User tier ${index + 1} name: ${clash}`, 'error');
      name.setAttribute('aria-invalid', 'true');
      return;
    }
    row.tier = wanted;
    t.store();
    // Rebuilt once the focus has moved on (Tab out of the field), and the focus kept where it went.
    setTimeout(() => {
      if (kit.isCurrent(state)) kit.render(state);
    }, 0);
  });
  const field = el('div', { class: 'field' }, [el('label', { for: name.id }, [`User tier ${index + 1} name`]), name]);
  return { field, error: nameError };
}

function thresholdRow(kit: EditorKit, state: EditorState, t: Thresholds, row: ThresholdRow, index: number): HTMLElement {
  const name = nameField(kit, state, t, row, index);
  const valuePath = fieldPath(PATH, row.tier);
  const label = `${fieldLabel(valuePath)} (${String(getField(state.draft, 'quote') ?? '')}, ≤ 0)`;
  const value = textField(kit, state, valuePath, label, 'text', { focusKey: `user-tier-value:${index}` });
  const remove = el('button', { type: 'button', class: 'quiet', 'aria-label': `Remove user tier ${row.tier}` }, ['Remove']);
  remove.addEventListener('click', () => {
    t.rows.splice(index, 1);
    t.store();
    // Focus: the user tier that took this one's place, else the one above, else Add user tier.
    kit.render(state, [`user-tier:${index}`, `user-tier:${index - 1}`, 'add-user-tier']);
  });
  return el('div', { class: 'threshold-edit' }, [name.field, value, name.error, remove]);
}

/** Auto-exchange thresholds: one row (user tier, threshold) per tier, kept in order as typed. */
export function thresholdsBlock(kit: EditorKit, state: EditorState): HTMLElement {
  const stored = getField(state.draft, PATH);
  const rows = Object.entries(typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}).map(
    ([tier, v]): ThresholdRow => ({ tier, value: String(v) }),
  );
  const t: Thresholds = {
    rows,
    store: () => {
      state.draft = setField(state.draft, PATH, rows.length === 0 ? undefined : Object.fromEntries(rows.map((r) => [r.tier, r.value])));
    },
  };
  const list = rows.map((row, i) => thresholdRow(kit, state, t, row, i));
  const add = keyed(el('button', { type: 'button' }, ['Add user tier']), 'add-user-tier');
  add.addEventListener('click', () => {
    let n = rows.length + 1;
    while (rows.some((r) => r.tier === `tier${n}`)) n += 1;
    rows.push({ tier: `tier${n}`, value: '0' });
    t.store();
    // Focus: the new tier's name, to type it.
    kit.render(state, [`user-tier:${rows.length - 1}`]);
  });
  return el('fieldset', { class: 'rules-edit' }, [
    el('legend', {}, ['Auto-exchange thresholds per user tier']),
    el('p', { class: 'hint' }, [
      'An asset whose wallet balance falls below its tier’s threshold is auto-exchanged. No rows: the preset has no threshold.',
    ]),
    ...list,
    el('div', { class: 'actions' }, [add]),
    errorSlot(PATH),
    errorSlot('rules.defaultUserTier'),
  ]);
}
