import { el } from '../../ui/dom';
import { fieldLabel } from './draftProblems';
import { type EditorKit, type EditorState, errorSlot, type FieldKind, textField } from './editorKit';

/** Rule fields: path, what to add to the field's label (its label itself comes from fieldLabel), kind. */
const RULE_FIELDS: readonly (readonly [string, string, FieldKind])[] = [
  ['rules.riskBands.warning', '', 'text'],
  ['rules.riskBands.danger', '', 'text'],
  ['rules.ltvTrigger', ' (blank: none)', 'optional'],
  ['rules.liabilityMaintenanceRate', ' (blank: none)', 'optional'],
  ['rules.liabilityInitialRate', ' (blank: none)', 'optional'],
];

/** The preset's own fields: its id (a new preset only), name, date, source and quote currency. */
export function generalFields(kit: EditorKit, state: EditorState): HTMLElement[] {
  const general: [string, string][] = [
    ['name', ''],
    ['asOf', ' (YYYY-MM-DD)'],
    ['source', ''],
    ['quote', ''],
  ];
  if (state.isNew) general.unshift(['id', ' (letters, digits, - or _)']);
  return general.map(([path, hint]) => textField(kit, state, path, `${fieldLabel(path)}${hint}`, 'text'));
}

/** The rules typed as numbers: risk bands, LTV trigger and the liability rates. */
export function ruleFieldsBlock(kit: EditorKit, state: EditorState): HTMLElement {
  return el('fieldset', { class: 'rules-edit' }, [
    el('legend', {}, ['Rules']),
    ...RULE_FIELDS.map(([path, hint, kind]) => textField(kit, state, path, `${fieldLabel(path)}${hint}`, kind)),
    errorSlot('rules.riskBands'),
    errorSlot('rules'),
  ]);
}
