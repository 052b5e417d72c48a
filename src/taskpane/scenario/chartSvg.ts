import { type Dec, ONE, ZERO } from '../../engine/decimal';
import { svg } from '../ui/dom';
import { formatPercent } from '../ui/formatting';
import { CHART_RATIO_TOP, type PriceChartView } from './priceChart';

const WIDTH = 300;
const HEIGHT = 190;
const PAD = { left: 34, right: 8, top: 10, bottom: 34 } as const;
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** Screen coordinates are the one place the chart leaves Decimal: rounded to 0.1 px, which no eye can tell apart. */
function px(value: Dec): number {
  return Number(value.toFixed(1));
}

function xOf(view: PriceChartView, price: Dec): number {
  const span = view.maxPrice.minus(view.minPrice);
  return PAD.left + px(price.minus(view.minPrice).div(span).times(PLOT_W));
}

function yOf(ratio: Dec): number {
  const clipped = ratio.gt(CHART_RATIO_TOP) ? CHART_RATIO_TOP : ratio;
  return PAD.top + px(CHART_RATIO_TOP.minus(clipped).div(CHART_RATIO_TOP).times(PLOT_H));
}

function band(from: Dec, to: Dec, name: string): SVGRectElement {
  const top = yOf(to);
  return svg('rect', { class: `chart-band chart-band-${name}`, x: PAD.left, y: top, width: PLOT_W, height: Math.max(0, yOf(from) - top) });
}

function vertical(x: number, name: string): SVGLineElement {
  return svg('line', { class: `chart-mark chart-mark-${name}`, x1: x, x2: x, y1: PAD.top, y2: PAD.top + PLOT_H });
}

function text(x: number, y: number, content: string, name: string, anchor: 'start' | 'middle' | 'end' = 'middle'): SVGTextElement {
  return svg('text', { class: `chart-text chart-text-${name}`, x, y, 'text-anchor': anchor }, [content]);
}

/** The curve as path segments: a gap where equity is not positive (no ratio exists there). */
function curve(view: PriceChartView): string {
  let d = '';
  let drawing = false;
  for (const p of view.points) {
    if (p.ratio === null) {
      drawing = false;
      continue;
    }
    d += `${drawing ? 'L' : 'M'}${xOf(view, p.price)} ${yOf(p.ratio)} `;
    drawing = true;
  }
  return d.trim();
}

/**
 * Draws the view as an SVG: the safe, warning, danger and liquidation bands, the engine's margin ratio at each
 * sampled price, and vertical marks at today's price, the scenario's price and the liquidation price.
 */
export function chartSvg(view: PriceChartView): SVGSVGElement {
  const bottom = PAD.top + PLOT_H;
  const today = xOf(view, view.today);
  const scenario = xOf(view, view.scenario);
  const ticks = [view.warning, view.danger, ONE];
  const liq = view.liquidation === null ? null : xOf(view, view.liquidation);
  return svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart-svg', 'aria-label': description(view) }, [
    band(view.danger, ONE, 'danger'),
    band(view.warning, view.danger, 'warning'),
    band(ZERO, view.warning, 'safe'),
    band(ONE, CHART_RATIO_TOP, 'liquidation'),
    ...ticks.map((t) => svg('line', { class: 'chart-grid', x1: PAD.left, x2: PAD.left + PLOT_W, y1: yOf(t), y2: yOf(t) })),
    // Band names sit at the foot of each band, on the right, clear of the liquidation label along the top.
    ...(
      [
        [ONE, 'liquidation'],
        [view.danger, 'danger'],
        [view.warning, 'warning'],
        [ZERO, 'safe'],
      ] as const
    ).map(([floor, name]) => text(PAD.left + PLOT_W - 3, yOf(floor) - 3, name, `band-${name}`, 'end')),
    ...ticks.map((t) => text(PAD.left - 3, yOf(t) + 3, formatPercent(t, 0), 'axis', 'end')),
    text(PAD.left - 3, bottom + 3, '0%', 'axis', 'end'),
    svg('line', { class: 'chart-axis', x1: PAD.left, x2: PAD.left + PLOT_W, y1: bottom, y2: bottom }),
    vertical(today, 'today'),
    liq === null ? null : vertical(liq, 'liquidation'),
    svg('path', { class: 'chart-curve', d: curve(view) }),
    view.scenarioRatio === null ? null : svg('circle', { class: 'chart-scenario', cx: scenario, cy: yOf(view.scenarioRatio), r: 3.5 }),
    text(PAD.left, bottom + 13, view.labels.min, 'axis', 'start'),
    text(PAD.left + PLOT_W, bottom + 13, view.labels.max, 'axis', 'end'),
    text(today, bottom + 26, `today ${view.labels.today}`, 'today', anchorFor(today)),
    liq === null || view.labels.liquidation === null
      ? null
      : text(liq, PAD.top + 9, `liq. ${view.labels.liquidation}`, 'liquidation', anchorFor(liq)),
  ]);
}

function anchorFor(x: number): 'start' | 'middle' | 'end' {
  if (x < PAD.left + 50) return 'start';
  if (x > PAD.left + PLOT_W - 50) return 'end';
  return 'middle';
}

function description(view: PriceChartView): string {
  const liq = view.labels.liquidation === null ? 'no liquidation price' : `liquidation at ${view.labels.liquidation}`;
  return `Margin ratio against the ${view.asset} price from ${view.labels.min} to ${view.labels.max}: today ${view.labels.today}, scenario ${view.labels.scenario}, ${liq}.`;
}
