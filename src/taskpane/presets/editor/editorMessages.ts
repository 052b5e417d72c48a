import type { PaneElements } from '../../context/elements';
import { el, replaceChildren, say } from '../../ui/dom';
import { type DraftProblem, draftProblems, draftWarnings } from './draftProblems';
import type { EditorState } from './editorKit';
import { pathSegments } from './presetDraft';

/** A `[data-…="…"]` selector's value, quoted. */
export function cssEscape(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

function showLines(slot: HTMLElement, lines: readonly string[]): void {
  replaceChildren(
    slot,
    lines.flatMap((line, i) => (i === 0 ? [line] : [el('br'), line])),
  );
  slot.hidden = lines.length === 0;
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
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

/** Shows every problem under the field it names (or the nearest enclosing slot), and the warnings beside them. */
export function showProblems(els: PaneElements, state: EditorState): boolean {
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
