import type { PaneElements } from '../context/elements';
import type { Announcer } from '../ui/dom';

/**
 * The grid field a row message names (`positions, row 2, size: …` or `balances, row 1: asset is blank; …`), or
 * `null`. The grids' fields carry the shared column table's names, as the messages do.
 */
function fieldNamedBy(container: HTMLElement, message: string | null): HTMLElement | null {
  const named = message === null ? null : /^(balances|positions), row (\d+)(?:, (\w+):|: (\w+) is blank)/.exec(message);
  if (named === null) return null;
  const field = named[3] ?? named[4] ?? '';
  return container.querySelector<HTMLElement>(`[data-grid="${named[1]}"][data-row="${named[2]}"][data-field="${field}"]`);
}

/** The scenario grids' row message, tied to the field it names. */
export interface GridMessages {
  /** Takes the scenario's current row message (null: none), unmarking the fields it no longer names. */
  show(message: string | null): void;
}

/**
 * On leaving a grid field whose row message names it (or names its row and no field): the field is marked
 * invalid and described by the message, which is said once. A message about a field not reached yet waits.
 */
export function createGridMessages(els: PaneElements, announcer: Announcer): GridMessages {
  const panel = els.balancesGrid.closest('section') ?? els.balancesGrid;
  let inputError: string | null = null;
  let said = '';

  /** A field marked invalid stays so only while the message still names it (or its row). */
  const clearStaleInvalid = (): void => {
    const named = fieldNamedBy(panel, inputError);
    for (const f of panel.querySelectorAll<HTMLElement>('[data-grid][aria-invalid="true"]')) {
      const row = `${f.dataset.grid ?? ''}, row ${f.dataset.row ?? ''}:`;
      if (f === named || (named === null && inputError?.startsWith(row) === true)) continue;
      f.removeAttribute('aria-invalid');
      f.removeAttribute('aria-describedby');
    }
  };

  const onLeaveField = (event: Event): void => {
    const left = event.target;
    if (!(left instanceof HTMLElement) || left.dataset.grid === undefined || inputError === null) return;
    const named = fieldNamedBy(panel, inputError);
    const aboutRow = named === null && inputError.startsWith(`${left.dataset.grid}, row ${left.dataset.row ?? ''}:`);
    if (named !== left && !aboutRow) return;
    left.setAttribute('aria-invalid', 'true');
    left.setAttribute('aria-describedby', els.scenarioInputError.id);
    if (said === inputError) return;
    said = inputError;
    announcer.now(inputError);
  };
  els.balancesGrid.addEventListener('focusout', onLeaveField);
  els.positionsGrid.addEventListener('focusout', onLeaveField);

  return {
    show(message: string | null): void {
      inputError = message;
      if (inputError === null) said = '';
      clearStaleInvalid();
    },
  };
}
