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

function fakeSheet(name: string) {
  const tables: { name?: string; hasHeaders: boolean; deleted: boolean; delete(): void }[] = [];
  const sheet = {
    name,
    activated: false,
    cleared: false,
    written: [] as Written[],
    tables: {
      items: tables,
      load: () => undefined,
      add(_range: unknown, hasHeaders: boolean) {
        const table = {
          hasHeaders,
          deleted: false,
          delete() {
            this.deleted = true;
          },
        };
        tables.push(table);
        return table;
      },
    },
    getRange: () => ({
      clear: () => {
        sheet.cleared = true;
      },
    }),
    getRangeByIndexes(_row: number, column: number, rows: number, columns: number) {
      return {
        format: { autofitColumns: () => undefined },
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

  it('replaces the tables of an earlier write on the same sheet', async () => {
    const old = fakeSheet('Account okx');
    old.tables.add(null, true);
    installExcel([old]);
    await writeAccountTables(inExcel, { exchange: 'okx', tables: [{ name: 'Balances', rows: [['asset'], ['BTC']] }] });
    expect(old.tables.items[0]?.deleted).toBe(true);
    expect(old.cleared).toBe(true);
  });

  it('says it needs Excel outside Excel', async () => {
    await expect(writeAccountTables(browserWorkbookIo(new PresetRegistry()), { exchange: 'okx', tables: [] })).rejects.toThrow(
      'Write tables to sheet: needs Excel; the task pane is open in a plain browser, so there is no workbook to write the tables to',
    );
  });
});
