import { toCellNumber } from '../../engine/decimal';
import type { Preset } from '../../engine/model';
import type { Outcome } from '../ui/outcome';
import type { Figure, FigureValue, ScenarioView } from './scenarioModel';
import type { ResultsTable } from '../workbook/workbookIo';

export const RESULTS_HEADER = ['Section', 'Item', 'Value', 'Detail'] as const;

type Row = readonly [string, string, string | number, string];

// A figure that does not exist is written as an empty value with its message: text such as "#N/A" in a
// value cell would read as a real Excel error to formulas that look at it.
function figureRow(section: string, item: string, f: Figure, detail = ''): Row {
  return f.ok ? [section, item, toCellNumber(f.value.value), detail] : [section, item, '', f.message];
}

function valueRow(section: string, item: string, v: FigureValue, detail = ''): Row {
  return [section, item, toCellNumber(v.value), detail];
}

function outcomeRows<T>(section: string, item: string, o: Outcome<T>, rows: (v: T) => Row[]): Row[] {
  return o.ok ? rows(o.value) : [[section, item, '', o.message]];
}

/**
 * The Scenario section's results as a table for the results sheet: one row per figure, numbers as cell
 * numbers (rounded once, by toCellNumber), every unavailable figure with its message.
 */
export function resultsTable(preset: Preset, view: ScenarioView): ResultsTable {
  const rows: Row[] = [['Preset', preset.name, preset.id, `as of ${preset.asOf}, ${preset.status}`]];
  for (const s of view.shocks) rows.push(['Shock', s.asset, toCellNumber(s.change), s.text]);
  if (view.inputError !== null) rows.push(['Input', 'error', '', view.inputError]);
  const r = view.results;
  if (r !== null) {
    const q = view.quote;
    rows.push(
      figureRow('Account', `Equity (${q})`, r.equity),
      figureRow('Account', 'LTV', r.ltv),
      figureRow('Account', `Maintenance margin (${q})`, r.maintenanceMargin),
      figureRow('Account', 'Margin ratio', r.marginRatio, r.risk.ok ? r.risk.value.level : ''),
      figureRow('Account', `Available for order (${q})`, r.available),
      ...outcomeRows('Auto-exchange', 'outcome', r.autoExchange, (a) => [
        ['Auto-exchange', a.fired ? 'fires' : 'does not fire', a.conversions.length, a.reason] as Row,
        ...a.conversions.map((c): Row =>
          valueRow(
            'Auto-exchange',
            `${c.fromAsset} → ${c.toAsset}`,
            c.amountSold,
            `sells ${c.amountSold.text} ${c.fromAsset} worth ${c.valueSold.text} ${q}, covers ${c.amountCovered.text} ${c.toAsset} (${c.trigger})`,
          ),
        ),
        ...(a.uncovered === null ? [] : [valueRow('Auto-exchange', `uncovered (${q})`, a.uncovered)]),
      ]),
      ...r.liquidation.map((l) => figureRow('Liquidation price', l.asset, l.price, l.current === null ? '' : `now ${l.current.text}`)),
    );
  }
  return [[...RESULTS_HEADER], ...rows.map((row) => [...row])];
}
