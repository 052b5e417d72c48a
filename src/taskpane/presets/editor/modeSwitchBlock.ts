import { MODE_SWITCH_WORDS } from '../../../presets/presetJson';
import { RULE_WORDS } from '../../modeSwitch/modeSwitchModel';
import { el, uniqueDomId } from '../../ui/dom';
import { type EditorKit, type EditorState, errorSlot } from './editorKit';
import { getField, setField } from './presetDraft';

export const DIRECTIONS = [
  ['toMulti', 'Switching to multi-asset mode'],
  ['toSingle', 'Switching to single-asset mode'],
] as const;

type Direction = (typeof DIRECTIONS)[number][0];

/** The maintenance-rate limit among a direction's rules, as text; blank when it has none. */
function limitOf(rules: readonly unknown[]): string {
  const rule = rules.find(
    (r): r is { maintenanceRateBelow: unknown } => typeof r === 'object' && r !== null && 'maintenanceRateBelow' in r,
  );
  return rule === undefined ? '' : String(rule.maintenanceRateBelow);
}

/** A direction's rules as the block edits them: the checked words and the limit's text. */
interface RuleChoice {
  readonly words: Set<string>;
  limit: string;
}

function ruleBoxes(choice: RuleChoice, store: () => void): HTMLElement[] {
  return MODE_SWITCH_WORDS.map((word) => {
    const box = el('input', { type: 'checkbox', id: uniqueDomId('rule'), 'data-rule': word, checked: choice.words.has(word) });
    box.addEventListener('change', () => {
      if (box.checked) choice.words.add(word);
      else choice.words.delete(word);
      store();
    });
    return el('label', { class: 'check' }, [box, ` ${RULE_WORDS[word]}`]);
  });
}

function limitField(path: string, choice: RuleChoice, store: () => void): HTMLElement {
  const limitId = uniqueDomId('rate-below');
  const limitInput = el('input', {
    id: limitId,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-path': `${path}[maintenanceRateBelow]`,
  });
  limitInput.value = choice.limit;
  limitInput.addEventListener('input', () => {
    choice.limit = limitInput.value;
    store();
  });
  return el('div', { class: 'field' }, [el('label', { for: limitId }, ['Maintenance margin rate below (blank: no limit)']), limitInput]);
}

/** Mode-switch rules: a check box per rule of the vocabulary and the maintenance-rate limit, per direction. */
export function modeSwitchBlock(kit: EditorKit, state: EditorState, direction: Direction, title: string): HTMLElement {
  const path = `rules.modeSwitch.${direction}`;
  const value = getField(state.draft, path);
  const listed = Array.isArray(value) ? (value as unknown[]) : [];
  const choice: RuleChoice = { words: new Set(listed.filter((r): r is string => typeof r === 'string')), limit: limitOf(listed) };
  const store = (): void => {
    const rules: unknown[] = MODE_SWITCH_WORDS.filter((w) => choice.words.has(w));
    if (choice.limit.trim() !== '') rules.push({ maintenanceRateBelow: choice.limit.trim() });
    state.draft = setField(state.draft, path, rules.length === 0 ? undefined : rules);
    kit.validate(state);
  };
  return el('fieldset', { class: 'rules-edit', 'data-direction': direction }, [
    el('legend', {}, [title]),
    ...ruleBoxes(choice, store),
    limitField(path, choice, store),
    errorSlot(path),
  ]);
}
