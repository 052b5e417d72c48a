import type { Preset } from '../../engine/model';
import { announcerFor, el, replaceChildren, say, scrollBox, shownText } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import { formatNumbersInText } from '../ui/formatting';
import type { Outcome } from '../ui/outcome';
import { messageOf } from '../ui/outcome';
import type { PaneContext } from '../context/paneContext';
import { createGridMessages } from './gridMessages';
import { resultsTable } from './resultsTable';
import { createScenarioChart } from './scenarioChart';
import { createScenarioGrids, type ScenarioGrids } from './scenarioGrids';
import {
  type AutoExchangeView,
  type Figure,
  type FigureValue,
  type LiquidationLine,
  nearestLiquidation,
  type ScenarioResults,
  type ScenarioView,
  scenarioView,
} from './scenarioModel';
import { readSelection } from './selectionGrid';
import { createShockSliders } from './shockSliders';
import { shockedMarkText } from './shocks';
import { createUserTierField } from './userTierField';

function figureNode(f: Figure, id: string): HTMLElement {
  return f.ok
    ? el('dd', { id, class: 'figure' }, [el('span', { class: 'num' }, [f.value.text])])
    : el('dd', { id, class: 'error' }, [f.message]);
}

function keyFigures(view: ScenarioView, r: ScenarioResults): HTMLElement {
  const q = view.quote;
  const risk = r.risk.ok ? el('span', { id: 'result-risk', class: `badge band-${r.risk.value.band}` }, [r.risk.value.level]) : null;
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
    ...maintenancePartNodes(r),
    el('dt', {}, [`Available for order (${q})`]),
    figureNode(r.available, 'result-available'),
  ]);
}

/**
 * The maintenance margin's two parts, under it, when the preset charges liabilities: what the positions need
 * and what the debt adds (Bitget: 5% of it), so margin ratio = (positions + liabilities) ÷ equity reads off the pane.
 */
function maintenancePartNodes(r: ScenarioResults): HTMLElement[] {
  const parts = r.maintenanceParts;
  if (parts === null) return [];
  if (!parts.ok) return [el('dt', { class: 'part' }, ['of which on liabilities']), el('dd', { class: 'error part' }, [parts.message])];
  const p = parts.value;
  const part = (f: FigureValue, id: string): HTMLElement => {
    const node = figureNode({ ok: true, value: f }, id);
    node.classList.add('part');
    return node;
  };
  return [
    el('dt', { class: 'part' }, ['of which positions']),
    part(p.positions, 'result-mm-positions'),
    el('dt', { class: 'part' }, [`of which liabilities (${p.rate} of the debt)`]),
    part(p.liabilities, 'result-mm-liabilities'),
  ];
}

type Cell = string | Node | { readonly num: string };

/** A results table; `{ num }` cells hold a formatted number, kept on one line and aligned right. */
function table(caption: string, headers: readonly string[], rows: readonly (readonly Cell[])[], id: string): HTMLElement {
  const cell = (c: Cell): HTMLElement => (typeof c === 'object' && 'num' in c ? el('td', { class: 'num' }, [c.num]) : el('td', {}, [c]));
  return scrollBox(
    caption,
    el('table', { id }, [
      el('caption', {}, [caption]),
      el('thead', {}, [
        el(
          'tr',
          {},
          headers.map((h) => el('th', { scope: 'col' }, [h])),
        ),
      ]),
      el(
        'tbody',
        {},
        rows.map((cells) => el('tr', {}, cells.map(cell))),
      ),
    ]),
  );
}

function outcomeBlock<T>(o: Outcome<T>, render: (v: T) => HTMLElement, id: string): HTMLElement {
  return o.ok ? render(o.value) : el('p', { class: 'error', id }, [o.message]);
}

function liquidationRows(lines: readonly LiquidationLine[]): Cell[][] {
  return lines.map((l) => [
    l.asset,
    l.current === null ? '—' : { num: l.current.text },
    l.price.ok
      ? { num: l.price.value.text }
      : el('span', { class: l.noneNeeded ? 'none-needed' : 'error' }, [l.noneNeeded ? 'none' : 'error']),
    l.distance.ok ? { num: l.distance.value.text } : '—',
  ]);
}

/** Messages of the liquidation table, under it: good news as a note, failures as errors. */
function liquidationNotes(lines: readonly LiquidationLine[]): HTMLElement[] {
  return lines.flatMap((l) =>
    l.price.ok
      ? []
      : [
          el('p', { class: l.noneNeeded ? 'good-news' : 'error', 'data-asset': l.asset }, [
            formatNumbersInText(l.price.message.replace(/^no liquidation price/, 'No liquidation price')),
          ]),
        ],
  );
}

/** Whether auto-exchange fires, why, what it converts, and any deficit it leaves. */
function autoExchangeBlock(a: AutoExchangeView, q: string): HTMLElement {
  return el('div', { id: 'result-auto-exchange' }, [
    el('p', { class: a.fired ? 'warning' : 'hint' }, [a.fired ? `⚠ ${formatNumbersInText(a.reason)}` : formatNumbersInText(a.reason)]),
    a.conversions.length === 0
      ? null
      : table(
          'Conversions',
          ['From', 'Sold', `Value (${q})`, 'Covers'],
          a.conversions.map((c) => [
            c.fromAsset,
            { num: c.amountSold.text },
            { num: c.valueSold.text },
            { num: `${c.amountCovered.text} ${c.toAsset}` },
          ]),
          'result-conversions',
        ),
    a.uncovered === null ? null : el('p', { class: 'error' }, [`Uncovered deficit: ${a.uncovered.text} ${q}`]),
  ]);
}

function renderResults(els: PaneElements, view: ScenarioView): void {
  say(els.scenarioInputError, view.inputError, 'error');
  const r = view.results;
  if (r === null) {
    replaceChildren(els.scenarioResults, [
      el('p', { class: 'hint' }, [
        view.inputError === null ? 'Enter balances or positions to see the account.' : 'Fix the row above to see the account.',
      ]),
    ]);
    return;
  }
  const q = view.quote;
  replaceChildren(els.scenarioResults, [
    keyFigures(view, r),
    outcomeBlock(
      r.assets,
      (rows) =>
        table(
          'Asset equity',
          ['Asset', 'Equity', 'Price', `Valued (${q})`],
          rows.map((a) => [a.asset, { num: a.equity }, { num: a.price }, { num: a.value }]),
          'result-assets',
        ),
      'result-assets-error',
    ),
    el('h3', {}, ['Auto-exchange']),
    outcomeBlock(r.autoExchange, (a) => autoExchangeBlock(a, q), 'result-auto-exchange-error'),
    el('h3', {}, ['Liquidation prices']),
    r.liquidation.length === 0
      ? el('p', { class: 'hint' }, ['No non-stable asset in the scenario.'])
      : table('Liquidation price per asset', ['Asset', 'Now', 'Liquidation', 'Move'], liquidationRows(r.liquidation), 'result-liquidation'),
    ...liquidationNotes(r.liquidation),
  ]);
}

/** The compact summary kept in view while the sliders move: equity, margin ratio with its band, nearest liquidation. */
function renderSummary(els: PaneElements, view: ScenarioView): void {
  const r = view.results;
  els.scenarioSummary.hidden = r === null;
  if (r === null) return;
  const nearest = nearestLiquidation(r.liquidation);
  const item = (label: string, value: Node | string, id: string): HTMLElement =>
    el('div', { class: 'summary-item' }, [
      el('span', { class: 'summary-label' }, [label]),
      el('span', { class: 'summary-value num', id }, [value]),
    ]);
  const ratio = r.marginRatio.ok ? r.marginRatio.value.text : '—';
  const band = r.risk.ok ? el('span', { class: `badge band-${r.risk.value.band}` }, [r.risk.value.level]) : null;
  replaceChildren(els.scenarioSummary, [
    item(`Equity (${view.quote})`, r.equity.ok ? r.equity.value.text : '—', 'summary-equity'),
    el('div', { class: 'summary-item' }, [
      el('span', { class: 'summary-label' }, ['Margin ratio']),
      el('span', { class: 'summary-value' }, [el('span', { class: 'num', id: 'summary-ratio' }, [ratio]), ' ', band]),
    ]),
    item(
      'To liquidation',
      nearest !== null && nearest.distance.ok ? `${nearest.asset} ${nearest.distance.value.text}` : 'none',
      'summary-liquidation',
    ),
  ]);
}

/**
 * The account in one sentence, for a screen reader once typing or sliding pauses: equity, margin ratio and band,
 * the nearest liquidation. The tables themselves are not live: they would be read whole on every key.
 */
export function summarySentence(view: ScenarioView): string | null {
  const r = view.results;
  if (r === null) return null;
  const equity = r.equity.ok ? `equity ${r.equity.value.text} ${view.quote}` : 'equity unavailable';
  const ratio = r.marginRatio.ok
    ? `margin ratio ${r.marginRatio.value.text}${r.risk.ok ? ` ${r.risk.value.level}` : ''}`
    : 'no margin ratio';
  const nearest = nearestLiquidation(r.liquidation);
  const liq =
    nearest !== null && nearest.distance.ok
      ? `liquidation at a ${nearest.asset} move of ${nearest.distance.value.text}`
      : 'no liquidation price';
  return `Scenario: ${equity}, ${ratio}, ${liq}.`;
}

/** The default preset; null, with its message in place of the results, when the workbook's default was refused. */
function presetOrMessage(ctx: PaneContext, els: PaneElements): Preset | null {
  try {
    return ctx.registry.resolve();
  } catch (error) {
    els.scenarioPreset.textContent = '';
    replaceChildren(els.scenarioResults, [el('p', { class: 'error' }, [messageOf(error)])]);
    return null;
  }
}

/** Reads balances or positions from the sheet's selection into the grids. */
async function readFromSheet(ctx: PaneContext, els: PaneElements, grids: ScenarioGrids): Promise<void> {
  try {
    const content = readSelection(await ctx.io.readSelection());
    if (content.kind === 'balances') {
      ctx.scenario.balances = [...content.rows];
      grids.renderBalances();
    } else {
      ctx.scenario.positions = [...content.rows];
      grids.renderPositions();
    }
    ctx.scenarioChanged();
    say(els.scenarioIo, `Read ${content.rows.length} ${content.kind} row(s) from the selection.`, 'ok');
  } catch (error) {
    say(els.scenarioIo, messageOf(error), 'error');
  }
}

/** Writes the scenario's results to the sheet. */
async function writeToSheet(ctx: PaneContext, els: PaneElements): Promise<void> {
  try {
    const preset = ctx.registry.resolve();
    const address = await ctx.io.writeResults(resultsTable(preset, scenarioView(preset, ctx.scenario)));
    say(els.scenarioIo, `Results written to ${address}.`, 'ok');
  } catch (error) {
    say(els.scenarioIo, messageOf(error), 'error');
  }
}

/** The Scenario section: typed or read grids, shock sliders, the price chart, live results, writing to a sheet. */
export function mountScenarioSection(ctx: PaneContext, els: PaneElements): void {
  const grids = createScenarioGrids(ctx, els);
  const announcer = announcerFor(els.announcer);
  const messages = createGridMessages(els, announcer);
  // Each part is rebuilt only when what it shows changes, so dragging a slider never loses its focus.
  const sliders = createShockSliders(ctx, els, () => refresh());
  const userTier = createUserTierField(ctx, els, () => refresh());
  const chart = createScenarioChart(els, () => refresh());

  /** Recomputes the section from the current rows and sliders. */
  const refresh = (): ScenarioView | null => {
    const preset = presetOrMessage(ctx, els);
    if (preset === null) return null;
    userTier.show(preset);
    els.scenarioPreset.textContent = shownText(`Preset: ${preset.name} (${preset.id}, as of ${preset.asOf}). Change it under Presets.`);
    const view = scenarioView(preset, { ...ctx.scenario });
    messages.show(view.inputError);
    if (sliders.show(view.shockable)) chart.showAssets(view.shockable);
    grids.showShockedMarks((row) => shockedMarkText(preset, row.symbol, row.mark, view.shocks));
    renderSummary(els, view);
    chart.show(preset, view);
    renderResults(els, view);
    const sentence = summarySentence(view);
    if (sentence !== null) announcer.soon(sentence);
    return view;
  };

  grids.renderBalances();
  grids.renderPositions();
  els.balancesAdd.addEventListener('click', grids.addBalance);
  els.positionsAdd.addEventListener('click', grids.addPosition);
  els.scenarioRead.addEventListener('click', () => void readFromSheet(ctx, els, grids));
  els.scenarioWrite.addEventListener('click', () => void writeToSheet(ctx, els));
  ctx.onScenarioChange(refresh);
  ctx.registry.onChange(refresh);
  refresh();
}
