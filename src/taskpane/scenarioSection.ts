import { byId, el, replaceChildren, say, uniqueDomId } from './dom';
import { formatShock } from './formatting';
import { dec } from '../engine/decimal';
import type { Preset } from '../engine/model';
import type { Outcome } from './outcome';
import { messageOf } from './outcome';
import type { PaneContext } from './paneContext';
import { resultsTable } from './resultsTable';
import { type Figure, type ScenarioResults, type ScenarioView, scenarioView } from './scenarioModel';
import { addBalance, addPosition, renderBalances, renderPositions } from './scenarioGrids';
import { readSelection } from './selectionGrid';
import { SHOCK_MAX_PERCENT, SHOCK_MIN_PERCENT } from './shocks';

function figureNode(f: Figure, id: string): HTMLElement {
  return f.ok ? el('dd', { id, class: 'figure' }, [f.value.text]) : el('dd', { id, class: 'error' }, [f.message]);
}

function keyFigures(view: ScenarioView, r: ScenarioResults): HTMLElement {
  const q = view.quote;
  const risk = r.risk.ok
    ? el('span', { id: 'result-risk', class: `badge band-${r.risk.value.band}` }, [r.risk.value.level])
    : null;
  const ratio = figureNode(r.marginRatio, 'result-margin-ratio');
  if (risk) ratio.append(' ', risk);
  return el('dl', { class: 'figures' }, [
    el('dt', {}, [`Account equity (${q})`]),
    figureNode(r.equity, 'result-equity'),
    el('dt', {}, ['Margin ratio']),
    ratio,
    el('dt', {}, ['LTV']),
    figureNode(r.ltv, 'result-ltv'),
    el('dt', {}, [`Maintenance margin (${q})`]),
    figureNode(r.maintenanceMargin, 'result-mm'),
    el('dt', {}, [`Available for order (${q})`]),
    figureNode(r.available, 'result-available'),
  ]);
}

function table(caption: string, headers: readonly string[], rows: readonly (readonly (string | Node)[])[], id: string): HTMLElement {
  return el('div', { class: 'table-wrap' }, [
    el('table', { id }, [
      el('caption', {}, [caption]),
      el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, [h])))]),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, [c]))))),
    ]),
  ]);
}

function outcomeBlock<T>(o: Outcome<T>, render: (v: T) => HTMLElement, id: string): HTMLElement {
  return o.ok ? render(o.value) : el('p', { class: 'error', id }, [o.message]);
}

function errorCell(f: Figure): string | Node {
  return f.ok ? f.value.text : el('span', { class: 'error' }, [f.message]);
}

function renderResults(view: ScenarioView): void {
  const container = byId('scenario-results', HTMLElement);
  say(byId('scenario-input-error', HTMLElement), view.inputError, 'error');
  const r = view.results;
  if (r === null) {
    replaceChildren(container, [el('p', { class: 'hint' }, [view.inputError === null ? 'Enter balances or positions to see the account.' : 'Fix the row above to see the account.'])]);
    return;
  }
  const q = view.quote;
  replaceChildren(container, [
    keyFigures(view, r),
    outcomeBlock(r.assets, (rows) => table('Asset equity', ['Asset', 'Equity', 'Price', `Valued (${q})`], rows.map((a) => [a.asset, a.equity, a.price, a.value]), 'result-assets'), 'result-assets-error'),
    el('h3', {}, ['Auto-exchange']),
    outcomeBlock(
      r.autoExchange,
      (a) =>
        el('div', { id: 'result-auto-exchange' }, [
          el('p', { class: a.fired ? 'warning' : 'hint' }, [a.fired ? `⚠ ${a.reason}` : a.reason]),
          a.conversions.length === 0
            ? null
            : table('Conversions', ['From', 'Sold', `Value (${q})`, 'Covers'], a.conversions.map((c) => [c.fromAsset, c.amountSold.text, c.valueSold.text, `${c.amountCovered.text} ${c.toAsset}`]), 'result-conversions'),
          a.uncovered === null ? null : el('p', { class: 'error' }, [`Uncovered deficit: ${a.uncovered.text} ${q}`]),
        ]),
      'result-auto-exchange-error',
    ),
    el('h3', {}, ['Liquidation prices']),
    r.liquidation.length === 0
      ? el('p', { class: 'hint' }, ['No non-stable asset in the scenario.'])
      : table('Liquidation price per asset', ['Asset', 'Now', 'Liquidation', 'Move'], r.liquidation.map((l) => [l.asset, l.current?.text ?? '—', errorCell(l.price), l.distance.ok ? l.distance.value.text : '—']), 'result-liquidation'),
  ]);
}

function shockSlider(ctx: PaneContext, asset: string | null, refresh: () => void): HTMLElement {
  const id = uniqueDomId('shock');
  const current = asset === null ? ctx.scenario.shocks.all : (ctx.scenario.shocks.perAsset[asset] ?? 0);
  const label = asset === null ? 'All non-stable assets' : asset;
  const slider = el('input', { id, type: 'range', min: SHOCK_MIN_PERCENT, max: SHOCK_MAX_PERCENT, step: 1, 'data-asset': asset ?? '*' });
  slider.value = String(current);
  const output = el('output', { for: id, class: 'shock-value' }, [formatShock(dec(current).div(100))]);
  const update = (): void => {
    const percent = Number(slider.value);
    output.textContent = formatShock(dec(percent).div(100));
    slider.setAttribute('aria-valuetext', output.textContent);
    const shocks = ctx.scenario.shocks;
    ctx.scenario.shocks = asset === null ? { ...shocks, all: percent } : { ...shocks, perAsset: { ...shocks.perAsset, [asset]: percent } };
    refresh();
  };
  slider.setAttribute('aria-valuetext', output.textContent ?? '');
  slider.addEventListener('input', update);
  return el('div', { class: 'shock' }, [el('label', { for: id }, [`${label} price`]), slider, output]);
}

let shownShockable = '';

function renderShocks(ctx: PaneContext, shockable: readonly string[], refresh: () => void): void {
  // Rebuilt only when the set of assets changes, so dragging a slider never loses its focus.
  const key = shockable.join(',');
  const container = byId('shock-controls', HTMLElement);
  if (key === shownShockable && container.childElementCount > 0) return;
  shownShockable = key;
  replaceChildren(container, [
    shockSlider(ctx, null, refresh),
    ...shockable.map((a) => shockSlider(ctx, a, refresh)),
    el('p', { class: 'hint' }, ['A shock moves the asset’s price and the marks of its positions; per-asset shocks compound with the one for all.']),
  ]);
}

let shownTiersOf = '';

/** The user tiers of the preset's auto-exchange thresholds; the field is hidden when it publishes none. */
function renderUserTiers(ctx: PaneContext, preset: Preset): void {
  const tiers = Object.keys(preset.rules.autoExchangeThresholds ?? {});
  const key = `${preset.id}:${tiers.join(',')}`;
  if (key === shownTiersOf) return;
  shownTiersOf = key;
  const fallback = preset.rules.defaultUserTier ?? tiers[0] ?? '';
  if (ctx.scenario.userTier === null || !tiers.includes(ctx.scenario.userTier)) ctx.scenario.userTier = tiers.length > 0 ? fallback : null;
  const select = byId('user-tier', HTMLSelectElement);
  replaceChildren(select, tiers.map((t) => el('option', { value: t }, [`${t} (threshold ${preset.rules.autoExchangeThresholds?.[t]?.toFixed() ?? ''})`])));
  select.value = ctx.scenario.userTier ?? '';
  byId('user-tier-field', HTMLElement).hidden = tiers.length === 0;
}

/** The default preset; null, with its message in place of the results, when the workbook's default was refused. */
function presetOrMessage(ctx: PaneContext): Preset | null {
  try {
    return ctx.registry.resolve();
  } catch (error) {
    byId('scenario-preset', HTMLElement).textContent = '';
    replaceChildren(byId('scenario-results', HTMLElement), [el('p', { class: 'error' }, [messageOf(error)])]);
    return null;
  }
}

/** Recomputes the Scenario section from the current rows and sliders. */
export function refreshScenario(ctx: PaneContext): ScenarioView | null {
  const preset = presetOrMessage(ctx);
  if (preset === null) return null;
  renderUserTiers(ctx, preset);
  byId('scenario-preset', HTMLElement).textContent = `Preset: ${preset.name} (${preset.id}, as of ${preset.asOf}). Change it under Presets.`;
  const view = scenarioView(preset, { ...ctx.scenario });
  renderShocks(ctx, view.shockable, () => refreshScenario(ctx));
  renderResults(view);
  return view;
}

async function readFromSheet(ctx: PaneContext): Promise<void> {
  const status = byId('scenario-io', HTMLElement);
  try {
    const content = readSelection(await ctx.io.readSelection());
    if (content.kind === 'balances') {
      ctx.scenario.balances = [...content.rows];
      renderBalances(ctx);
    } else {
      ctx.scenario.positions = [...content.rows];
      renderPositions(ctx);
    }
    ctx.scenarioChanged();
    say(status, `Read ${content.rows.length} ${content.kind} row(s) from the selection.`, 'ok');
  } catch (error) {
    say(status, messageOf(error), 'error');
  }
}

async function writeToSheet(ctx: PaneContext): Promise<void> {
  const status = byId('scenario-io', HTMLElement);
  try {
    const preset = ctx.registry.resolve();
    const address = await ctx.io.writeResults(resultsTable(preset, scenarioView(preset, ctx.scenario)));
    say(status, `Results written to ${address}.`, 'ok');
  } catch (error) {
    say(status, messageOf(error), 'error');
  }
}

/** The Scenario section: typed or read grids, shock sliders, live results, writing the results to a sheet. */
export function mountScenarioSection(ctx: PaneContext): void {
  renderBalances(ctx);
  renderPositions(ctx);
  byId('balances-add', HTMLButtonElement).addEventListener('click', () => addBalance(ctx));
  byId('positions-add', HTMLButtonElement).addEventListener('click', () => addPosition(ctx));
  byId('scenario-read', HTMLButtonElement).addEventListener('click', () => void readFromSheet(ctx));
  byId('scenario-write', HTMLButtonElement).addEventListener('click', () => void writeToSheet(ctx));
  byId('user-tier', HTMLSelectElement).addEventListener('change', (event) => {
    ctx.scenario.userTier = (event.target as HTMLSelectElement).value;
    refreshScenario(ctx);
  });
  ctx.onScenarioChange(() => refreshScenario(ctx));
  ctx.registry.onChange(() => refreshScenario(ctx));
  refreshScenario(ctx);
}
