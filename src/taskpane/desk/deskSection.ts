import type { Preset } from '../../engine/model';
import { el, replaceChildren } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import { COMPARE_FIGURES, type CompareLine, deskView, type SolverLine } from './deskModel';
import type { PaneContext } from '../context/paneContext';

/**
 * One card per exchange (a 320 px pane has no room for seven columns): its name, then each figure under its
 * label, or the preset's message saying why it cannot value the account.
 */
function compareCards(lines: readonly CompareLine[]): HTMLElement {
  return el(
    'ul',
    { id: 'compare-cards', class: 'compare-cards' },
    lines.map((l) =>
      el('li', { class: l.current ? 'compare-card current' : 'compare-card', 'data-exchange': l.exchange }, [
        el('h3', {}, [l.current ? `${l.exchange} (default)` : l.exchange]),
        l.error !== null
          ? el('p', { class: 'error' }, [l.error])
          : el(
              'dl',
              { class: 'figures' },
              COMPARE_FIGURES.flatMap(([field, label]) => [
                el('dt', {}, [label]),
                el('dd', { class: 'figure', 'data-figure': field }, [figureText(field, l[field])]),
              ]),
            ),
      ]),
    ),
  );
}

const BAND_OF: Readonly<Record<string, string>> = { SAFE: 'green', WARNING: 'yellow', DANGER: 'red', LIQUIDATION: 'red' };

/** A figure on one line; a risk level as its badge; a message (a figure the preset cannot give) as wrapping text. */
function figureText(field: string, text: string): HTMLElement {
  const band = BAND_OF[text];
  if (field === 'risk' && band !== undefined) return el('span', { class: `badge band-${band}` }, [text]);
  return /^[−\d,.%]+$/.test(text) ? el('span', { class: 'num' }, [text]) : el('span', { class: 'error' }, [text]);
}

function solverList(title: string, id: string, lines: readonly SolverLine[]): HTMLElement {
  return el('div', { id }, [
    el('h3', {}, [title]),
    lines.length === 0
      ? el('p', { class: 'hint' }, ['Nothing to solve for (order sizes need positions with an imr).'])
      : el(
          'ul',
          { class: 'solvers' },
          lines.map((l) =>
            el('li', {}, [
              `${l.label}: `,
              l.result.ok ? el('strong', {}, [l.result.value]) : el('span', { class: 'error' }, [l.result.message]),
            ]),
          ),
        ),
  ]);
}

/** Recomputes the comparison and the solvers for the scenario as it stands (shocks included) into `container`. */
function renderDesk(ctx: PaneContext, container: HTMLElement): void {
  let preset: Preset;
  try {
    preset = ctx.registry.resolve();
  } catch {
    // A refused default preset: the Scenario section already says why; nothing to compare against.
    replaceChildren(container, []);
    return;
  }
  const view = deskView(ctx.registry.list(), preset, ctx.scenario);
  if (view.inputError !== null || (view.solvers === null && view.compare.length === 0)) {
    replaceChildren(container, []);
    return;
  }
  replaceChildren(container, [
    el('h2', {}, ['Compare exchanges']),
    el('p', { class: 'hint' }, ['The scenario under each preset, money in each preset’s quote currency.']),
    compareCards(view.compare),
    el('h2', {}, ['Solvers']),
    // The solvers work on the default preset: without its brackets for the positions, they say why.
    ...(view.solvers === null
      ? [el('p', { id: 'solver-error', class: 'error' }, [view.solverError ?? ''])]
      : [
          solverList('Top-up to the warning band', 'solver-topups', view.solvers.topUps),
          solverList('Max withdrawable', 'solver-withdrawals', view.solvers.withdrawals),
          solverList('Max order size (at each position’s mark and imr)', 'solver-orders', view.solvers.orders),
        ]),
  ]);
}

/**
 * The comparison and the solvers beside the Scenario results. They follow the scenario's rows, the presets
 * and the shock sliders (whose input events bubble up to their container), so nothing else needs to call them.
 */
export function mountDeskSection(ctx: PaneContext, els: PaneElements): void {
  // Not a live region: the Scenario's one-sentence summary speaks for the recomputed figures.
  const container = el('div', { id: 'desk-results' });
  els.scenarioResults.after(container);
  const refresh = () => renderDesk(ctx, container);
  ctx.onScenarioChange(refresh);
  ctx.registry.onChange(refresh);
  els.shockControls.addEventListener('input', refresh);
  els.shockControls.addEventListener('change', refresh);
  els.userTier.addEventListener('change', refresh);
  refresh();
}
