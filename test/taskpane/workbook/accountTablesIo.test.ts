// office-addin-mock reads only the OfficeApp enum from office-addin-manifest, whose dependency chain is ES-module
// only and cannot load under jest on Node 20; the enum is all that is needed from it.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

import { OfficeMockObject } from 'office-addin-mock';
import { PresetRegistry } from '../../../src/presets';
import { accountSheetName, writeAccountTables } from '../../../src/taskpane/workbook/accountTablesIo';
import { browserWorkbookIo, type WorkbookIo } from '../../../src/taskpane/workbook/workbookIo';

type Grid = (string | number)[][];

interface Written {
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly values: Grid;
}

interface Box {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

interface FakeTable {
  name?: string;
  hasHeaders: boolean;
  deleted: boolean;
  at: Box;
  delete(): void;
  getRange(): Box & { load(): void };
  resize(range: Box): void;
}

/** A worksheet as Excel's API shows it: its tables (with where each sits), and every write and clear made. */
function fakeSheet(name: string) {
  const tables: FakeTable[] = [];
  const makeTable = (at: Box, hasHeaders: boolean, tableName?: string): FakeTable => ({
    ...(tableName === undefined ? {} : { name: tableName }),
    hasHeaders,
    deleted: false,
    at,
    delete() {
      this.deleted = true;
    },
    getRange() {
      return { ...this.at, load: () => undefined };
    },
    resize(range: Box) {
      this.at = { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
    },
  });
  const sheet = {
    name,
    activated: false,
    cleared: false,
    written: [] as Written[],
    clearedBoxes: [] as Box[],
    tables: {
      items: tables,
      load: () => undefined,
      add(range: Box, hasHeaders: boolean) {
        const table = makeTable({ ...range }, hasHeaders);
        tables.push(table);
        return table;
      },
      existing(tableName: string, at: Box) {
        tables.push(makeTable(at, true, tableName));
      },
    },
    getRange: () => ({
      clear: () => {
        sheet.cleared = true;
      },
    }),
    getRangeByIndexes(rowIndex: number, column: number, rows: number, columns: number) {
      return {
        rowIndex,
        columnIndex: column,
        rowCount: rows,
        columnCount: columns,
        format: { autofitColumns: () => undefined },
        clear: () => {
          sheet.clearedBoxes.push({ rowIndex, columnIndex: column, rowCount: rows, columnCount: columns });
        },
        set values(values: Grid) {
          sheet.written.push({ column, rows, columns, values });
        },
      };
    },
    activate() {
      sheet.activated = true;
    },
  };
  return sheet;
}

function installExcel(sheets: ReturnType<typeof fakeSheet>[]): void {
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items: sheets,
          add(name: string) {
            const sheet = fakeSheet(name);
            sheets.push(sheet);
            return sheet;
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  });
  Object.assign(globalThis, { Excel: excel });
}

const inExcel: WorkbookIo = { ...browserWorkbookIo(new PresetRegistry()), unavailableReason: null };

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('writeAccountTables', () => {
  it('writes each table side by side as an Excel table on the exchange sheet, a header-only table with a row to fill', async () => {
    const sheets: ReturnType<typeof fakeSheet>[] = [];
    installExcel(sheets);
    const name = await writeAccountTables(inExcel, {
      exchange: 'okx',
      tables: [
        {
          name: 'Balances',
          rows: [
            ['asset', 'amount', 'price', 'upnl'],
            ['USDT', 10, 1, null],
          ],
        },
        { name: 'Positions', rows: [['symbol', 'side']] },
      ],
    });
    expect(name).toBe(accountSheetName('okx'));
    const sheet = sheets[0];
    expect(sheet?.name).toBe('Account okx');
    expect(sheet?.written).toEqual([
      {
        column: 0,
        rows: 2,
        columns: 4,
        values: [
          ['asset', 'amount', 'price', 'upnl'],
          ['USDT', 10, 1, ''],
        ],
      },
      {
        column: 5,
        rows: 2,
        columns: 2,
        values: [
          ['symbol', 'side'],
          ['', ''],
        ],
      },
    ]);
    expect(sheet?.tables.items.map((t) => [t.name, t.hasHeaders])).toEqual([
      ['okxBalances', true],
      ['okxPositions', true],
    ]);
    expect(sheet?.activated).toBe(true);
  });

  it('updates an earlier table in place: resized to the new rows and rewritten, never deleted, so formulas keep referring to it', async () => {
    const old = fakeSheet('Account okx');
    old.tables.existing('okxBalances', { rowIndex: 2, columnIndex: 1, rowCount: 4, columnCount: 4 });
    old.tables.existing('deskNotes', { rowIndex: 0, columnIndex: 7, rowCount: 3, columnCount: 2 });
    installExcel([old]);
    await writeAccountTables(inExcel, {
      exchange: 'okx',
      tables: [
        {
          name: 'Balances',
          rows: [
            ['asset', 'amount', 'price', 'upnl'],
            ['BTC', 1, 60000, null],
          ],
        },
        {
          name: 'Positions',
          rows: [
            ['symbol', 'side'],
            ['BTC-USDT-SWAP', 'LONG'],
          ],
        },
      ],
    });
    const [balances, notes, positions] = old.tables.items;
    expect([balances?.name, balances?.deleted, balances?.at]).toEqual([
      'okxBalances',
      false,
      { rowIndex: 2, columnIndex: 1, rowCount: 2, columnCount: 4 },
    ]);
    expect(old.written[0]).toEqual({
      column: 1,
      rows: 2,
      columns: 4,
      values: [
        ['asset', 'amount', 'price', 'upnl'],
        ['BTC', 1, 60000, ''],
      ],
    });
    // The two rows the table gave up are emptied; the rest of the sheet (another table) is left alone.
    expect(old.clearedBoxes).toEqual([{ rowIndex: 4, columnIndex: 1, rowCount: 2, columnCount: 4 }]);
    expect(old.cleared).toBe(false);
    expect([notes?.name, notes?.deleted, notes?.at]).toEqual([
      'deskNotes',
      false,
      { rowIndex: 0, columnIndex: 7, rowCount: 3, columnCount: 2 },
    ]);
    // A table the sheet did not have yet goes to the right of every table on it.
    expect([positions?.name, positions?.at.columnIndex]).toEqual(['okxPositions', 10]);
  });

  it('says it needs Excel outside Excel', async () => {
    await expect(writeAccountTables(browserWorkbookIo(new PresetRegistry()), { exchange: 'okx', tables: [] })).rejects.toThrow(
      'Write tables to sheet: needs Excel; the task pane is open in a plain browser, so there is no workbook to write the tables to',
    );
  });
});
