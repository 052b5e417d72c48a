import type { Preset } from '../../engine/model';
import { el, replaceChildren } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import { COMPARE_COLUMNS, type CompareLine, deskView, type SolverLine } from './deskModel';
import type { PaneContext } from '../context/paneContext';

function compareTable(lines: readonly CompareLine[]): HTMLElement {
  return el('div', { class: 'table-wrap' }, [
    el('table', { id: 'compare-table', class: 'results wide' }, [
      el('caption', {}, ['The scenario under each preset (money in each preset’s quote currency)']),
      el('thead', {}, [
        el(
          'tr',
          {},
          COMPARE_COLUMNS.map((c) => el('th', { scope: 'col' }, [c])),
        ),
      ]),
      el(
        'tbody',
        {},
        lines.map((l) =>
          el('tr', { 'data-exchange': l.exchange, class: l.current ? 'current' : null }, [
            el('th', { scope: 'row' }, [l.current ? `${l.exchange} (default)` : l.exchange]),
            ...(l.error !== null
              ? [el('td', { colspan: 6, class: 'error' }, [l.error])]
              : [l.equity, l.maintenance, l.ratio, l.risk, l.ltv, l.available].map((v) => el('td', {}, [v]))),
          ]),
        ),
      ),
    ]),
  ]);
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
  if (view.inputError !== null || view.solvers === null) {
    replaceChildren(container, []);
    return;
  }
  replaceChildren(container, [
    el('h2', {}, ['Compare exchanges']),
    compareTable(view.compare),
    el('h2', {}, ['Solvers']),
    solverList('Top-up to the warning band', 'solver-topups', view.solvers.topUps),
    solverList('Max withdrawable', 'solver-withdrawals', view.solvers.withdrawals),
    solverList('Max order size (at each position’s mark and imr)', 'solver-orders', view.solvers.orders),
  ]);
}

/**
 * The comparison and the solvers beside the Scenario results. They follow the scenario's rows, the presets
 * and the shock sliders (whose input events bubble up to their container), so nothing else needs to call them.
 */
export function mountDeskSection(ctx: PaneContext, els: PaneElements): void {
  const container = el('div', { id: 'desk-results', 'aria-live': 'polite' });
  els.scenarioResults.after(container);
  const refresh = () => renderDesk(ctx, container);
  ctx.onScenarioChange(refresh);
  ctx.registry.onChange(refresh);
  els.shockControls.addEventListener('input', refresh);
  els.shockControls.addEventListener('change', refresh);
  els.userTier.addEventListener('change', refresh);
  refresh();
}
