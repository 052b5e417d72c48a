import { fail } from '../../engine/errors';
import { PaneError } from '../ui/paneErrors';
import type { CellGrid } from '../../functions/core/types';
import { saveCustomPresets, saveDefault, type WorkbookHost } from '../../functions/workbookSettings';
import type { PresetRegistry } from '../../presets';
import type { PriceSettings } from '../../prices/priceHub';
import { savePriceSettings } from './livePricesSettings';

/** The sheet the Scenario section writes its results to (created when missing, overwritten otherwise). */
export const RESULTS_SHEET = 'Margin results';
/** The name of the Excel table holding the results on that sheet. */
export const RESULTS_TABLE = 'MarginResults';

/** A results table: a header row, then rows of text or numbers (no blanks as `null`, no errors). */
export type ResultsTable = readonly (readonly (string | number)[])[];

/**
 * Everything the pane reads from or writes to the workbook, behind one small interface so the pane runs (and
 * is tested) the same in Excel, in a plain browser and against office-addin-mock.
 */
export interface WorkbookIo {
  /** `null` inside Excel; otherwise the sentence saying why workbook reads and writes cannot work here. */
  readonly unavailableReason: string | null;
  /** The values of the selected range. */
  readSelection(): Promise<CellGrid>;
  /** Writes `table` to the results sheet as an Excel table; resolves to the written range's address. */
  writeResults(table: ResultsTable): Promise<string>;
  /** Makes `id` the default preset (saved in the workbook inside Excel, kept in memory outside). */
  saveDefault(id: string): Promise<void>;
  /** Saves the registry's custom presets in the workbook (in memory only outside Excel). */
  saveCustoms(): Promise<void>;
  /** Saves changed live-price settings in the workbook (the price hub already holds them; nothing to do outside Excel). */
  savePriceSettings(change: Partial<PriceSettings>): Promise<void>;
}

export const OUTSIDE_EXCEL_REASON =
  'The pane is open in a plain browser: choices are kept in memory only, and reading or writing cells needs Excel.';

/** The pane outside Office: presets change in memory; cell reads and writes refuse with the reason. */
export function browserWorkbookIo(registry: PresetRegistry): WorkbookIo {
  return {
    unavailableReason: OUTSIDE_EXCEL_REASON,
    readSelection: () => Promise.reject(noWorkbook('Read selection', 'read the selected range from')),
    writeResults: () => Promise.reject(noWorkbook('Write results to sheet', 'write the results to')),
    saveDefault: (id) => saveDefault(id, null, registry),
    saveCustoms: () => saveCustomPresets(null, registry),
    savePriceSettings: (change) => savePriceSettings(change, null),
  };
}

function noWorkbook(action: string, verb: string): PaneError {
  return new PaneError('NO_WORKBOOK', { action, verb });
}

/** The pane inside Excel: Excel.run for cells, the workbook settings (shared with the functions) for presets. */
export function officeWorkbookIo(host: WorkbookHost, registry: PresetRegistry): WorkbookIo {
  return {
    unavailableReason: null,
    readSelection,
    writeResults,
    saveDefault: (id) => saveDefault(id, host, registry),
    saveCustoms: () => saveCustomPresets(host, registry),
    savePriceSettings: (change) => savePriceSettings(change, host),
  };
}

async function readSelection(): Promise<CellGrid> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('values');
    await context.sync();
    return range.values as CellGrid;
  });
}

/** Replaces the results sheet's content (and its table) with `table`, then shows the sheet. */
async function writeResults(table: ResultsTable): Promise<string> {
  const width = table[0]?.length ?? 0;
  if (width === 0) return fail('EMPTY_RANGE', { arg: 'results' });
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items');
    await context.sync();
    const existing = sheets.items.find((s) => s.name === RESULTS_SHEET);
    if (existing !== undefined) await clearSheet(context, existing);
    const sheet = existing ?? sheets.add(RESULTS_SHEET);
    const range = sheet.getRangeByIndexes(0, 0, table.length, width);
    range.values = table.map((row) => [...row]);
    const excelTable = sheet.tables.add(range, true);
    excelTable.name = RESULTS_TABLE;
    range.format.autofitColumns();
    sheet.activate();
    range.load('address');
    await context.sync();
    return range.address;
  });
}

/** Empties the results sheet: its tables first (a table cannot be overwritten by a new one), then its cells. */
async function clearSheet(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<void> {
  sheet.tables.load('items');
  await context.sync();
  for (const t of sheet.tables.items) t.delete();
  sheet.getRange().clear();
}
