import { ASSET_NUMBER_FIELDS } from '../../../engine/model';
import { el, uniqueDomId } from '../../ui/dom';
import { fieldLabel } from './draftProblems';
import { type EditorKit, type EditorState, errorSlot, keyed, textField, tierFocus } from './editorKit';
import { addAsset, addTier, fieldPath, getField, itemPath, removeAsset, removeTier, setField } from './presetDraft';

const TIER_PARTS = ['floor', 'cap', 'ratio'] as const;

/** The asset number fields the editor shows, with their hints: those the field table gives a label. */
const ASSET_FIELDS: readonly (readonly [string, string])[] = Object.entries(ASSET_NUMBER_FIELDS).flatMap(([key, entry]) =>
  'hint' in entry ? [[key, entry.hint] as const] : [],
);

/** The draft's assets, in their order. */
export function draftAssets(state: EditorState): string[] {
  return Object.keys((getField(state.draft, 'assets') as Record<string, unknown> | undefined) ?? {});
}

function tierRow(kit: EditorKit, state: EditorState, asset: string, index: number): HTMLElement {
  const tierPath = itemPath(fieldPath(fieldPath('assets', asset), 'tiers'), index);
  // One message slot under the whole row: a third of a 320 px pane is too narrow for a message.
  const slotId = uniqueDomId('tier-error');
  const cells = TIER_PARTS.map((part) => {
    const path = fieldPath(tierPath, part);
    const label = `${fieldLabel(path)}${part === 'cap' ? ' (blank: no cap)' : ''}`;
    return textField(kit, state, path, label, part === 'cap' ? 'cap' : 'text', { sharedSlot: slotId });
  });
  const remove = el('button', { type: 'button', class: 'quiet', 'aria-label': `Remove ${asset} tier ${index + 1}` }, ['Remove']);
  remove.addEventListener('click', () => {
    state.draft = removeTier(state.draft, asset, index);
    // Focus: the tier that took this one's place, else the one above, else the asset's Add tier button.
    kit.render(state, [tierFocus(asset, index), tierFocus(asset, index - 1), `add-tier:${asset}`]);
  });
  return el('div', { class: 'tier-edit' }, [
    ...cells,
    errorSlot(tierPath, slotId),
    el('p', { class: 'warning field-warning', 'data-warning-for': tierPath, hidden: true }),
    remove,
  ]);
}

/** The asset's tier unit: the tiers' bounds in quote-currency value or in the asset's quantity. */
function unitField(kit: EditorKit, state: EditorState, asset: string): HTMLElement {
  const unitPath = fieldPath(fieldPath('assets', asset), 'tierUnit');
  const unitId = uniqueDomId('unit');
  const unit = el('select', { id: unitId, 'data-path': unitPath, 'data-focus-key': `unit:${asset}` }, [
    el('option', { value: 'value' }, ['value (quote currency)']),
    el('option', { value: 'quantity' }, [`quantity (${asset})`]),
  ]);
  unit.value = String(getField(state.draft, unitPath) ?? 'value');
  unit.addEventListener('change', () => {
    state.draft = setField(state.draft, unitPath, unit.value);
    kit.validate(state);
  });
  return el('div', { class: 'field' }, [el('label', { for: unitId }, [`${asset} tier unit`]), unit]);
}

/** The asset's Add tier and Remove buttons. */
function assetActions(kit: EditorKit, state: EditorState, asset: string, tierCount: number): HTMLElement {
  const addTierButton = keyed(el('button', { type: 'button' }, [`Add ${asset} tier`]), `add-tier:${asset}`);
  addTierButton.addEventListener('click', () => {
    state.openAssets.add(asset);
    state.draft = addTier(state.draft, asset);
    kit.render(state, [tierFocus(asset, tierCount)]);
  });
  const removeButton = el('button', { type: 'button', class: 'quiet' }, [`Remove ${asset}`]);
  removeButton.addEventListener('click', () => {
    const assets = draftAssets(state);
    const at = assets.indexOf(asset);
    state.draft = removeAsset(state.draft, asset);
    // Focus: the asset that took this one's place, else the one above, else the New asset field.
    kit.render(state, [`asset:${assets[at + 1] ?? ''}`, `asset:${assets[at - 1] ?? ''}`, 'new-asset']);
  });
  return el('div', { class: 'actions' }, [addTierButton, removeButton]);
}

/** One asset, folded under its name: tier unit, tiers, the optional number fields, and its buttons. */
export function assetBlock(kit: EditorKit, state: EditorState, asset: string): HTMLElement {
  const assetPath = fieldPath('assets', asset);
  const tiers = (getField(state.draft, fieldPath(assetPath, 'tiers')) as unknown[] | undefined) ?? [];
  const unit = unitField(kit, state, asset);
  const actions = assetActions(kit, state, asset, tiers.length);
  const block = el('details', { class: 'asset-edit', 'data-asset': asset, open: state.openAssets.has(asset) }, [
    el('summary', { 'data-focus-key': `asset:${asset}` }, [
      el('span', { class: 'asset-name' }, [asset]),
      ' ',
      el('span', { class: 'muted' }, [`${tiers.length} tier${tiers.length === 1 ? '' : 's'}`]),
    ]),
    unit,
    errorSlot(fieldPath(assetPath, 'tiers')),
    ...tiers.map((_, i) => tierRow(kit, state, asset, i)),
    ...ASSET_FIELDS.map(([key, hint]) =>
      textField(kit, state, fieldPath(assetPath, key), `${fieldLabel(fieldPath(assetPath, key))}${hint}`, 'optional'),
    ),
    actions,
    errorSlot(assetPath),
  ]);
  block.addEventListener('toggle', () => {
    if (block.open) state.openAssets.add(asset);
    else state.openAssets.delete(asset);
  });
  return block;
}

/** The New asset field and its Add asset button. */
export function addAssetControl(kit: EditorKit, state: EditorState): HTMLElement {
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
    kit.render(state, [`unit:${asset}`, `asset:${asset}`]);
  });
  return el('div', { class: 'inline-add' }, [el('div', { class: 'field' }, [el('label', { for: id }, ['New asset']), name]), add]);
}
