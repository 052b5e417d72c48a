import { el, uniqueDomId } from '../../ui/dom';
import { type Draft, fieldPath, getField, itemPath, setField } from './presetDraft';

/** How a field's text becomes JSON in the draft: as typed; blank removed (optional fields); blank as `null` (a tier's cap: no cap). */
export type FieldKind = 'text' | 'optional' | 'cap';

export interface EditorState {
  draft: Draft;
  readonly isNew: boolean;
  /** Assets whose block is expanded, kept across re-renders (adding a tier must not fold it away). */
  readonly openAssets: Set<string>;
}

/** What each block of the editor reacts to a change with: the editor's own validation and re-render. */
export interface EditorKit {
  /** Shows the draft's problems under their fields; true when there are none. */
  validate(state: EditorState): boolean;
  /** Rebuilds the form; the focus goes to the first of `focus` (control keys) that exists, else stays where it was. */
  render(state: EditorState, focus?: readonly string[]): void;
  /** Whether `state` is still the draft open in the editor. */
  isCurrent(state: EditorState): boolean;
}

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
export function keyed<T extends HTMLElement>(node: T, key: string): T {
  node.dataset.focusKey = key;
  return node;
}

export function errorSlot(path: string, id?: string): HTMLElement {
  return el('p', { id, class: 'field-error', 'data-error-for': path, hidden: true });
}

/** The text fields every block uses: what they are optional over. */
export interface FieldOptions {
  /** The id of a message slot the field shares with its row, in place of its own. */
  readonly sharedSlot?: string;
  /** The key the focus finds the field by; its path when not given. */
  readonly focusKey?: string;
}

/** A labelled text field bound to the draft at `path`, validated as the user types. */
export function textField(
  kit: EditorKit,
  state: EditorState,
  path: string,
  label: string,
  kind: FieldKind,
  options: FieldOptions = {},
): HTMLElement {
  const id = uniqueDomId('edit');
  const errorId = options.sharedSlot ?? `${id}-error`;
  const field = el('input', {
    id,
    type: 'text',
    'data-path': path,
    'data-focus-key': options.focusKey ?? path,
    'aria-describedby': errorId,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  field.value = fieldText(state.draft, path);
  field.addEventListener('input', () => {
    state.draft = setField(state.draft, path, toValue(field.value, kind));
    kit.validate(state);
  });
  return el('div', { class: 'field' }, [
    el('label', { for: id }, [label]),
    field,
    options.sharedSlot === undefined ? errorSlot(path, errorId) : null,
  ]);
}

/** The focus key of a tier row's first field (its floor). */
export function tierFocus(asset: string, index: number): string {
  return fieldPath(itemPath(fieldPath(fieldPath('assets', asset), 'tiers'), index), 'floor');
}
