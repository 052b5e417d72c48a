import { fail } from '../../engine/errors';
import { PaneError } from '../ui/paneErrors';
import type { SnapshotTable } from '../../presets';
import type { WorkbookIo } from './workbookIo';

/** The sheet an account snapshot is written to: one per exchange, replaced on each write. */
export const accountSheetName = (exchange: string): string => `Account ${exchange}`;

/** The tables of a snapshot, each written as an Excel table named `<exchange><Name>`, side by side on one sheet. */
export interface AccountTables {
  readonly exchange: string;
  readonly tables: readonly { readonly name: string; readonly rows: SnapshotTable }[];
}

/** Columns left empty between two tables on the sheet. */
const GAP = 1;

/**
 * Writes the balances, positions and reconciliation tables to the exchange's account sheet as Excel tables,
 * so MARGIN formulas can take them as ranges. Outside Excel this refuses with the reason (NO_WORKBOOK).
 */
export async function writeAccountTables(io: WorkbookIo, tables: AccountTables): Promise<string> {
  if (io.unavailableReason !== null) throw new PaneError('NO_WORKBOOK', { action: 'Write tables to sheet', verb: 'write the tables to' });
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items');
    await context.sync();
    const name = accountSheetName(tables.exchange);
    const existing = sheets.items.find((s) => s.name === name);
    if (existing !== undefined) {
      existing.tables.load('items');
      await context.sync();
      for (const t of existing.tables.items) t.delete();
      existing.getRange().clear();
    }
    const sheet = existing ?? sheets.add(name);
    let column = 0;
    for (const table of tables.tables) {
      const width = table.rows[0]?.length ?? 0;
      if (width === 0) fail('EMPTY_RANGE', { arg: table.name });
      // A table needs a data row: a header alone gets one empty row to paste into.
      const rows = table.rows.length > 1 ? table.rows : [...table.rows, table.rows[0]?.map(() => null) ?? []];
      const range = sheet.getRangeByIndexes(0, column, rows.length, width);
      range.values = rows.map((row) => row.map((cell) => cell ?? ''));
      const excelTable = sheet.tables.add(range, true);
      excelTable.name = `${tables.exchange}${table.name}`;
      range.format.autofitColumns();
      column += width + GAP;
    }
    sheet.activate();
    await context.sync();
    return name;
  });
}
