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

interface Placed {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * Writes the balances, positions and reconciliation tables to the exchange's account sheet as Excel tables,
 * so MARGIN formulas can take them as ranges. A table written before is updated in place: resized to the new
 * rows and rewritten, never deleted, so formulas that refer to it (`binanceBalances[#All]`) keep working, and
 * nothing else on the sheet is touched. Outside Excel this refuses with the reason (NO_WORKBOOK).
 */
export async function writeAccountTables(io: WorkbookIo, tables: AccountTables): Promise<string> {
  if (io.unavailableReason !== null) throw new PaneError('NO_WORKBOOK', { action: 'Write tables to sheet', verb: 'write the tables to' });
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items');
    await context.sync();
    const name = accountSheetName(tables.exchange);
    const existing = sheets.items.find((s) => s.name === name);
    const sheet = existing ?? sheets.add(name);
    const placed = new Map<string, { table: Excel.Table; at: Placed }>();
    if (existing !== undefined) {
      existing.tables.load('items/name');
      await context.sync();
      const ranges = existing.tables.items.map((t) => {
        const range = t.getRange();
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        return { table: t, range };
      });
      await context.sync();
      for (const { table, range } of ranges) placed.set(table.name, { table, at: range });
    }
    // New tables go to the right of every table already on the sheet.
    let column = Math.max(0, ...[...placed.values()].map(({ at }) => at.columnIndex + at.columnCount + GAP));
    for (const table of tables.tables) {
      const width = table.rows[0]?.length ?? 0;
      if (width === 0) fail('EMPTY_RANGE', { arg: table.name });
      // A table needs a data row: a header alone gets one empty row to paste into.
      const rows = table.rows.length > 1 ? table.rows : [...table.rows, table.rows[0]?.map(() => null) ?? []];
      const values = rows.map((row) => row.map((cell) => cell ?? ''));
      const tableName = `${tables.exchange}${table.name}`;
      const before = placed.get(tableName);
      if (before !== undefined) {
        const { rowIndex, columnIndex, rowCount, columnCount } = before.at;
        const range = sheet.getRangeByIndexes(rowIndex, columnIndex, rows.length, width);
        before.table.resize(range);
        range.values = values;
        // Cells the table covered and no longer does are emptied, so no old row looks like a current one.
        if (rowCount > rows.length)
          sheet.getRangeByIndexes(rowIndex + rows.length, columnIndex, rowCount - rows.length, columnCount).clear();
        if (columnCount > width) sheet.getRangeByIndexes(rowIndex, columnIndex + width, rowCount, columnCount - width).clear();
        range.format.autofitColumns();
        continue;
      }
      const range = sheet.getRangeByIndexes(0, column, rows.length, width);
      range.values = values;
      const excelTable = sheet.tables.add(range, true);
      excelTable.name = tableName;
      range.format.autofitColumns();
      column += width + GAP;
    }
    sheet.activate();
    await context.sync();
    return name;
  });
}
