import type { AssetMode, Preset } from '../engine/model';
import { byId, el, replaceChildren } from './dom';
import { modeSwitchView } from './modeSwitchModel';
import { messageOf } from './outcome';
import type { PaneContext } from './paneContext';

function target(): AssetMode {
  return byId('mode-single', HTMLInputElement).checked ? 'single' : 'multi';
}

function filledRows(rows: readonly object[]): number {
  return rows.filter((r) => Object.entries(r).some(([k, v]) => k !== 'side' && k !== 'marginMode' && String(v).trim() !== '')).length;
}

/** Re-checks the mode switch for the current scenario, target mode and open orders. */
export function refreshModeSwitch(ctx: PaneContext): void {
  let preset: Preset;
  try {
    preset = ctx.registry.resolve();
  } catch (error) {
    // The workbook's default preset was refused: say so instead of checking against another exchange.
    byId('mode-preset', HTMLElement).textContent = '';
    replaceChildren(byId('mode-result', HTMLElement), [el('p', { class: 'error', id: 'mode-error' }, [messageOf(error)])]);
    return;
  }
  byId('mode-preset', HTMLElement).textContent = `Preset: ${preset.name} (${preset.id}).`;
  byId('mode-inputs', HTMLElement).textContent = `Uses the Scenario's ${filledRows(ctx.scenario.balances)} balance row(s) and ${filledRows(ctx.scenario.positions)} position(s).`;
  const out = modeSwitchView(preset, {
    target: target(),
    openOrders: byId('mode-orders', HTMLInputElement).value,
    balances: ctx.scenario.balances,
    positions: ctx.scenario.positions,
  });
  const container = byId('mode-result', HTMLElement);
  if (!out.ok) {
    replaceChildren(container, [el('p', { class: 'error', id: 'mode-error' }, [out.message])]);
    return;
  }
  const v = out.value;
  replaceChildren(container, [
    el('p', { class: 'verdict' }, [
      `Switch to ${v.target}-asset mode: `,
      el('span', { id: 'mode-verdict', class: `badge ${v.verdict === 'ELIGIBLE' ? 'band-green' : 'band-red'}` }, [v.verdict]),
    ]),
    el(
      'ul',
      { class: 'rules', id: 'mode-rules', 'aria-label': 'Rules checked' },
      v.rules.map((r) =>
        el('li', { class: r.verdict === 'PASS' ? 'pass' : 'fail', 'data-rule': r.rule }, [
          el('span', { class: `badge ${r.verdict === 'PASS' ? 'band-green' : 'band-red'}` }, [r.verdict]),
          ' ',
          el('strong', {}, [r.rule]),
          r.code === '' ? null : el('span', { class: 'code' }, [` (code ${r.code})`]),
          el('p', { class: 'detail' }, [r.detail]),
        ]),
      ),
    ),
  ]);
}

/** The Mode switch section: target mode, open orders, and each rule's verdict for the scenario's account. */
export function mountModeSwitchSection(ctx: PaneContext): void {
  const refresh = (): void => refreshModeSwitch(ctx);
  byId('mode-multi', HTMLInputElement).addEventListener('change', refresh);
  byId('mode-single', HTMLInputElement).addEventListener('change', refresh);
  byId('mode-orders', HTMLInputElement).addEventListener('input', refresh);
  ctx.onScenarioChange(refresh);
  ctx.registry.onChange(refresh);
  refresh();
}
