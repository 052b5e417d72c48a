import { dec } from '../../engine/decimal';
import type { Preset } from '../../engine/model';
import { chartSvg } from './chartSvg';
import { announcerFor, el, replaceChildren, say, scrollBox, shownText, uniqueDomId } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import { formatExact, formatNumbersInText, formatShock } from '../ui/formatting';
import type { Outcome } from '../ui/outcome';
import { messageOf } from '../ui/outcome';
import type { PaneContext } from '../context/paneContext';
import { priceChartView } from './priceChart';
import { resultsTable } from './resultsTable';
import { createScenarioGrids } from './scenarioGrids';
import {
  type Figure,
  type FigureValue,
  type LiquidationLine,
  nearestLiquidation,
  type ScenarioResults,
  type ScenarioView,
  scenarioView,
} from './scenarioModel';
import { readSelection } from './selectionGrid';
import { SHOCK_MAX_PERCENT, SHOCK_MIN_PERCENT, shockedMarkText } from './shocks';

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
    outcomeBlock(
      r.autoExchange,
      (a) =>
        el('div', { id: 'result-auto-exchange' }, [
          el('p', { class: a.fired ? 'warning' : 'hint' }, [
            a.fired ? `⚠ ${formatNumbersInText(a.reason)}` : formatNumbersInText(a.reason),
          ]),
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
        ]),
      'result-auto-exchange-error',
    ),
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

/** The grid field a row message names (`positions, row 2: size: …`), or `null`. */
function fieldNamedBy(container: HTMLElement, message: string | null): HTMLElement | null {
  const named = message === null ? null : /^(balances|positions), row (\d+): (\w+):/.exec(message);
  if (named === null) return null;
  const field = (named[3] ?? '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return container.querySelector<HTMLElement>(`[data-grid="${named[1]}"][data-row="${named[2]}"][data-field="${field}"]`);
}

/** The Scenario section: typed or read grids, shock sliders, the price chart, live results, writing to a sheet. */
export function mountScenarioSection(ctx: PaneContext, els: PaneElements): void {
  const grids = createScenarioGrids(ctx, els);
  const announcer = announcerFor(els.announcer);
  const panel = els.balancesGrid.closest('section') ?? els.balancesGrid;
  let inputError: string | null = null;

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

  /**
   * On leaving a grid field whose row message names it (or names its row and no field): the field is marked
   * invalid and described by the message, which is said once. A message about a field not reached yet waits.
   */
  let said = '';
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
  // Rebuilt only when what they show changes, so dragging a slider never loses its focus.
  let shownShockable = '';
  let shownTiersOf = '';
  let chartAsset: string | null = null;

  const shockSlider = (asset: string | null): HTMLElement => {
    const id = uniqueDomId('shock');
    const current = asset === null ? ctx.scenario.shocks.all : (ctx.scenario.shocks.perAsset[asset] ?? 0);
    const label = asset === null ? 'All non-stable assets' : asset;
    const slider = el('input', { id, type: 'range', min: SHOCK_MIN_PERCENT, max: SHOCK_MAX_PERCENT, step: 1, 'data-asset': asset ?? '*' });
    slider.value = String(current);
    // The slider says its own value (aria-valuetext); the output beside it is for the eye only, so one step is one announcement.
    const output = el('output', { for: id, class: 'shock-value num', 'aria-hidden': 'true' }, [formatShock(dec(current).div(100))]);
    slider.setAttribute('aria-valuetext', output.textContent ?? '');
    slider.addEventListener('input', () => {
      const percent = Number(slider.value);
      output.textContent = formatShock(dec(percent).div(100));
      slider.setAttribute('aria-valuetext', output.textContent);
      const shocks = ctx.scenario.shocks;
      ctx.scenario.shocks =
        asset === null ? { ...shocks, all: percent } : { ...shocks, perAsset: { ...shocks.perAsset, [asset]: percent } };
      refresh();
    });
    return el('div', { class: 'shock' }, [el('label', { for: id }, [`${label} price`]), slider, output]);
  };

  const renderShocks = (shockable: readonly string[]): void => {
    const key = shockable.join(',');
    if (key === shownShockable && els.shockControls.childElementCount > 0) return;
    shownShockable = key;
    replaceChildren(els.shockControls, [
      shockSlider(null),
      ...shockable.map((a) => shockSlider(a)),
      el('p', { class: 'hint' }, [
        'A shock moves the asset’s price and the marks of its positions; per-asset shocks compound with the one for all.',
      ]),
    ]);
    if (chartAsset === null || !shockable.includes(chartAsset)) chartAsset = shockable[0] ?? null;
    replaceChildren(
      els.chartAsset,
      shockable.map((a) => el('option', { value: a }, [a])),
    );
    els.chartAsset.value = chartAsset ?? '';
  };

  /** The user tiers of the preset's auto-exchange thresholds; the field is hidden when it publishes none. */
  const renderUserTiers = (preset: Preset): void => {
    const tiers = Object.keys(preset.rules.autoExchangeThresholds ?? {});
    const key = `${preset.id}:${tiers.join(',')}`;
    if (key === shownTiersOf) return;
    shownTiersOf = key;
    const fallback = preset.rules.defaultUserTier ?? tiers[0] ?? '';
    if (ctx.scenario.userTier === null || !tiers.includes(ctx.scenario.userTier))
      ctx.scenario.userTier = tiers.length > 0 ? fallback : null;
    const threshold = (t: string): string => {
      const value = preset.rules.autoExchangeThresholds?.[t];
      return value === undefined ? '' : ` (threshold ${formatExact(value)} ${preset.quote})`;
    };
    replaceChildren(
      els.userTier,
      tiers.map((t) => el('option', { value: t }, [`${t}${threshold(t)}`])),
    );
    els.userTier.value = ctx.scenario.userTier ?? '';
    els.userTierField.hidden = tiers.length === 0;
  };

  const renderChart = (preset: Preset, view: ScenarioView): void => {
    const hasChart = view.parsed !== null && chartAsset !== null && view.results !== null;
    els.chartAssetField.hidden = !hasChart;
    if (!hasChart || view.parsed === null || chartAsset === null) {
      replaceChildren(els.priceChart, [
        el('p', { class: 'hint' }, ['Enter a coin other than the quote to see the margin ratio against its price.']),
      ]);
      return;
    }
    const chart = priceChartView(preset, chartAsset, { ...view.parsed, shocks: view.shocks });
    if (!chart.ok) {
      replaceChildren(els.priceChart, [el('p', { class: 'error' }, [chart.message])]);
      return;
    }
    const c = chart.value;
    replaceChildren(els.priceChart, [
      chartSvg(c),
      el('figcaption', { class: 'chart-legend' }, [
        el('span', { class: 'key key-today' }, [`today ${c.labels.today}`]),
        el('span', { class: 'key key-scenario' }, [`scenario ${c.labels.scenario}`]),
        el('span', { class: 'key key-liquidation' }, [
          c.labels.liquidation === null ? 'no liquidation price' : `liquidation ${c.labels.liquidation}`,
        ]),
      ]),
    ]);
  };

  /** Recomputes the section from the current rows and sliders. */
  /** The default preset; null, with its message in place of the results, when the workbook's default was refused. */
  const presetOrMessage = (): Preset | null => {
    try {
      return ctx.registry.resolve();
    } catch (error) {
      els.scenarioPreset.textContent = '';
      replaceChildren(els.scenarioResults, [el('p', { class: 'error' }, [messageOf(error)])]);
      return null;
    }
  };

  const refresh = (): ScenarioView | null => {
    const preset = presetOrMessage();
    if (preset === null) return null;
    renderUserTiers(preset);
    els.scenarioPreset.textContent = shownText(`Preset: ${preset.name} (${preset.id}, as of ${preset.asOf}). Change it under Presets.`);
    const view = scenarioView(preset, { ...ctx.scenario });
    inputError = view.inputError;
    if (inputError === null) said = '';
    clearStaleInvalid();
    renderShocks(view.shockable);
    grids.showShockedMarks((row) => shockedMarkText(preset, row.symbol, row.mark, view.shocks));
    renderSummary(els, view);
    renderChart(preset, view);
    renderResults(els, view);
    const sentence = summarySentence(view);
    if (sentence !== null) announcer.soon(sentence);
    return view;
  };

  const readFromSheet = async (): Promise<void> => {
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
  };

  const writeToSheet = async (): Promise<void> => {
    try {
      const preset = ctx.registry.resolve();
      const address = await ctx.io.writeResults(resultsTable(preset, scenarioView(preset, ctx.scenario)));
      say(els.scenarioIo, `Results written to ${address}.`, 'ok');
    } catch (error) {
      say(els.scenarioIo, messageOf(error), 'error');
    }
  };

  grids.renderBalances();
  grids.renderPositions();
  els.balancesGrid.addEventListener('focusout', onLeaveField);
  els.positionsGrid.addEventListener('focusout', onLeaveField);
  els.balancesAdd.addEventListener('click', grids.addBalance);
  els.positionsAdd.addEventListener('click', grids.addPosition);
  els.scenarioRead.addEventListener('click', () => void readFromSheet());
  els.scenarioWrite.addEventListener('click', () => void writeToSheet());
  els.userTier.addEventListener('change', () => {
    ctx.scenario.userTier = els.userTier.value;
    refresh();
  });
  els.chartAsset.addEventListener('change', () => {
    chartAsset = els.chartAsset.value;
    refresh();
  });
  ctx.onScenarioChange(refresh);
  ctx.registry.onChange(refresh);
  refresh();
}
