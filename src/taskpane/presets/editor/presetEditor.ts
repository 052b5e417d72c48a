import type { PaneElements } from '../../context/elements';
import type { PaneContext } from '../../context/paneContext';
import { announcerFor, el, replaceChildren, say } from '../../ui/dom';
import { messageOf } from '../../ui/outcome';
import { addAssetControl, assetBlock, draftAssets } from './assetBlocks';
import { type EditorKit, type EditorState, errorSlot } from './editorKit';
import { cssEscape, showProblems } from './editorMessages';
import { generalFields, ruleFieldsBlock } from './fieldBlocks';
import { DIRECTIONS, modeSwitchBlock } from './modeSwitchBlock';
import { checkDraft, type Draft, getField } from './presetDraft';
import { thresholdsBlock } from './thresholdBlock';

/**
 * Rebuilds the form from the draft. The focus goes to the first of `focus` (control keys) that exists, else
 * back to the control that had it; never to the page body.
 */
function renderForm(els: PaneElements, kit: EditorKit, state: EditorState, focus: readonly string[]): void {
  const active = document.activeElement;
  const had = active instanceof HTMLElement && els.editorFields.contains(active) ? active.dataset.focusKey : undefined;
  els.editorTitle.textContent = state.isNew ? 'New custom preset' : `Edit custom preset ${String(getField(state.draft, 'id'))}`;
  replaceChildren(els.editorFields, [
    ...generalFields(kit, state),
    el('h3', {}, ['Assets']),
    ...draftAssets(state).map((a) => assetBlock(kit, state, a)),
    addAssetControl(kit, state),
    errorSlot('assets'),
    ruleFieldsBlock(kit, state),
    thresholdsBlock(kit, state),
    ...DIRECTIONS.map(([direction, title]) => modeSwitchBlock(kit, state, direction, title)),
    errorSlot('rules.modeSwitch'),
  ]);
  kit.validate(state);
  for (const key of had === undefined ? focus : [...focus, had]) {
    const target = els.editorFields.querySelector<HTMLElement>(`[data-focus-key="${cssEscape(key)}"]`);
    if (target !== null) {
      target.focus();
      return;
    }
  }
}

/** Saves a valid draft as a custom preset in the workbook, then closes the editor and returns to the preset list. */
async function saveDraft(ctx: PaneContext, els: PaneElements, state: EditorState, close: () => void): Promise<void> {
  if (!showProblems(els, state)) return;
  const check = checkDraft(state.draft);
  if (!check.ok) return;
  try {
    ctx.registry.upsertCustom(check.preset);
    await ctx.io.saveCustoms();
    await ctx.io.saveDefault(check.preset.id);
    close();
    const where = ctx.io.unavailableReason === null ? 'saved in the workbook; formulas recalculated' : 'kept in memory (not in Excel)';
    say(els.presetStatus, `Custom preset "${check.preset.id}" ${where}.`, 'ok');
    els.presetSelect.focus();
  } catch (error) {
    say(els.editorError, messageOf(error), 'error');
  }
}

/** A field's problem is said when the field is left, not at each key (the messages under the fields are not live). */
function announceProblemsOnLeave(els: PaneElements): void {
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
}

/**
 * The editor of custom presets: one form, opened on a draft, validated as the user types. Its state (the
 * draft being edited) lives in this closure, so two panes in one page could never share it.
 */
export function createPresetEditor(ctx: PaneContext, els: PaneElements): { open(draft: Draft, isNew: boolean): void } {
  let current: EditorState | null = null;
  const close = (): void => {
    els.editor.hidden = true;
    current = null;
  };
  const kit: EditorKit = {
    validate: (state) => showProblems(els, state),
    render: (state, focus = []) => renderForm(els, kit, state, focus),
    isCurrent: (state) => current === state,
  };

  announceProblemsOnLeave(els);
  els.editor.addEventListener('submit', (event) => {
    event.preventDefault();
    if (current) void saveDraft(ctx, els, current, close);
  });
  els.editorCancel.addEventListener('click', () => {
    close();
    els.presetClone.focus();
  });

  return {
    open(draft: Draft, isNew: boolean): void {
      current = { draft, isNew, openAssets: new Set() };
      els.editor.hidden = false;
      kit.render(current);
      els.editor.querySelector<HTMLElement>('input, select, textarea')?.focus();
    },
  };
}
