import type { Preset } from '../../engine/model';
import type { PaneElements } from '../context/elements';
import { el, replaceChildren } from '../ui/dom';
import { chartSvg } from './chartSvg';
import { priceChartView } from './priceChart';
import type { ScenarioView } from './scenarioModel';

/** The Scenario section's price chart: the margin ratio against one asset's price, that asset chosen beside it. */
export interface ScenarioChart {
  /** Offers the assets of `shockable`, keeping the chosen one while it is among them. */
  showAssets(shockable: readonly string[]): void;
  /** Draws the chart of the chosen asset for the scenario, or says why there is none. */
  show(preset: Preset, view: ScenarioView): void;
}

function drawChart(els: PaneElements, preset: Preset, view: ScenarioView, asset: string | null): void {
  const hasChart = view.parsed !== null && asset !== null && view.results !== null;
  els.chartAssetField.hidden = !hasChart;
  if (!hasChart || view.parsed === null || asset === null) {
    replaceChildren(els.priceChart, [
      el('p', { class: 'hint' }, ['Enter a coin other than the quote to see the margin ratio against its price.']),
    ]);
    return;
  }
  const chart = priceChartView(preset, asset, { ...view.parsed, shocks: view.shocks });
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
}

/** The chart; choosing another asset calls `onChange`. */
export function createScenarioChart(els: PaneElements, onChange: () => void): ScenarioChart {
  let chartAsset: string | null = null;
  els.chartAsset.addEventListener('change', () => {
    chartAsset = els.chartAsset.value;
    onChange();
  });
  return {
    showAssets(shockable: readonly string[]): void {
      if (chartAsset === null || !shockable.includes(chartAsset)) chartAsset = shockable[0] ?? null;
      replaceChildren(
        els.chartAsset,
        shockable.map((a) => el('option', { value: a }, [a])),
      );
      els.chartAsset.value = chartAsset ?? '';
    },
    show(preset: Preset, view: ScenarioView): void {
      drawChart(els, preset, view, chartAsset);
    },
  };
}
