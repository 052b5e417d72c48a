import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookModel } from '../../src/cli/workbookModel';
import { DESK } from './support/workbooks';
import { editPackage, recalcJson, withCells } from './support/packages';

const TEMPLATE = join(__dirname, '../../examples/desk-template.xlsx');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-desk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function model(file: string) {
  return readWorkbookModel(file, await JSZip.loadAsync(readFileSync(file)));
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const tableShape = (m: Awaited<ReturnType<typeof model>>) =>
  m.tables.map((t) => ({ name: t.name, sheet: t.sheet, columns: t.columns, cols: t.box.cols, at: [t.box.row, t.box.col] }));

describe('examples/desk.xlsx is built on Excel tables', () => {
  it('holds the balances, positions and shocks as tables, the positions with their margin_mode column', async () => {
    const m = await model(DESK);
    expect(m.tables.map((t) => [t.name, t.sheet, t.box])).toEqual([
      ['Balances', 'Balances', { row: 0, col: 0, rows: 4, cols: 4 }],
      ['Positions', 'Positions', { row: 0, col: 0, rows: 4, cols: 9 }],
      ['Shocks', 'Shocks', { row: 0, col: 0, rows: 3, cols: 2 }],
    ]);
    expect(m.tables[1]?.columns).toEqual(['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode']);
  });

  it('refers to the tables by name, never to fixed ranges of their sheets', async () => {
    const formulas = (await model(DESK)).sheets.flatMap((s) => s.cells.filter((c) => c.formula !== undefined).map((c) => c.formula ?? ''));
    expect(formulas.filter((f) => /Balances\[#All\]/.test(f)).length).toBeGreaterThanOrEqual(9);
    expect(formulas.filter((f) => /(Balances|Positions|Shocks)!\$?[A-Z]+\$?\d+:/.test(f))).toEqual([]);
  });

  it('shows money with thousands and cents, coin amounts to 8 places, ratios as %, the interest rate as stored', async () => {
    const wb = await load(DESK);
    const fmt = (sheet: string, address: string) => wb.getWorksheet(sheet)?.getCell(address).numFmt;
    expect(['B3', 'B5', 'B8', 'B10', 'B14', 'B15'].map((a) => fmt('Results', a))).toEqual(Array(6).fill('#,##0.00'));
    expect(['B4', 'B6', 'B11', 'B16'].map((a) => fmt('Results', a))).toEqual(Array(4).fill('0.00%'));
    expect(fmt('Results', 'B9')).toBe('#,##0.00######');
    expect(fmt('Results', 'B13')).toBe('0.0##E+0');
    expect(wb.getWorksheet('Results')?.getCell('B13').value).toBe(0.0000025);
    expect([fmt('Balances', 'B3'), fmt('Balances', 'C3'), fmt('Balances', 'F3')]).toEqual(['#,##0.00######', '#,##0.00', '#,##0.00']);
    expect([fmt('Positions', 'C2'), fmt('Positions', 'D2'), fmt('Positions', 'F2'), fmt('Shocks', 'B2')]).toEqual([
      '#,##0.00######',
      '#,##0.00',
      '0.00%',
      '0.00%',
    ]);
  });

  it('labels each figure with its meaning; the balances-only LTV, like the equity, "before position PnL"', async () => {
    const results = (await load(DESK)).getWorksheet('Results');
    const label = (row: number) => String(results?.getCell(`A${row}`).value);
    expect(label(3)).toBe('account equity before position PnL (USDT)');
    expect(label(4)).toMatch(/^multi-asset LTV before position PnL/);
    expect(label(6)).toMatch(/^margin ratio \(maintenance margin ÷ equity with cross PnL\)/);
    expect(label(13)).toMatch(/^hourly interest rate of USDC/);
  });
});

/** The workbook with one row added to each table, as Excel does when a row is typed below one: the table's range grows. */
async function withRowAdded(source: string, target: string, rows: { balances: number; positions: number; shocks: number }): Promise<void> {
  const grow = (ref: string, to: number) => (xml: string) =>
    xml.replace(new RegExp(`ref="${ref}"`, 'g'), `ref="${ref.replace(/\d+$/, String(to))}"`);
  await editPackage(source, target, {
    'xl/worksheets/sheet1.xml': (xml) =>
      withCells(xml, { [`A${rows.balances + 1}`]: 'ETH', [`B${rows.balances + 1}`]: 10, [`C${rows.balances + 1}`]: 3000 }),
    'xl/worksheets/sheet2.xml': (xml) => {
      const r = rows.positions + 1;
      return withCells(xml, {
        [`A${r}`]: 'ETHUSDT',
        [`B${r}`]: 'LONG',
        [`C${r}`]: 20,
        [`D${r}`]: 2900,
        [`E${r}`]: 3000,
        [`F${r}`]: 0.005,
        [`G${r}`]: 0,
        [`H${r}`]: 0.02,
        [`I${r}`]: 'cross',
      });
    },
    'xl/worksheets/sheet3.xml': (xml) => withCells(xml, { [`A${rows.shocks + 1}`]: 'USDC', [`B${rows.shocks + 1}`]: -0.05 }),
    'xl/worksheets/sheet4.xml': (xml) =>
      withCells(xml, {
        // The same figures over fixed ranges that include the new rows, to compare with.
        E3: { formula: `MARGIN.ACCOUNT_EQUITY(Balances!$A$1:$D$${rows.balances + 1},$B$2)` },
        E5: { formula: `MARGIN.MAINT_MARGIN(Positions!$A$1:$I$${rows.positions + 1},$B$2)` },
        E11: {
          formula: `MARGIN.STRESS_MARGIN_RATIO(Balances!$A$1:$D$${rows.balances + 1},Positions!$A$1:$I$${rows.positions + 1},Shocks!$A$1:$B$${rows.shocks + 1},$B$2)`,
        },
      }),
    'xl/tables/table1.xml': grow(`A1:D${rows.balances}`, rows.balances + 1),
    'xl/tables/table2.xml': grow(`A1:I${rows.positions}`, rows.positions + 1),
    'xl/tables/table3.xml': grow(`A1:B${rows.shocks}`, rows.shocks + 1),
  });
}

describe('a row added to a table is counted', () => {
  it.each([
    ['examples/desk.xlsx', DESK, { balances: 4, positions: 4, shocks: 3 }],
    ['examples/desk-template.xlsx', TEMPLATE, { balances: 2, positions: 2, shocks: 2 }],
  ])('%s', async (_name, source, rows) => {
    const before = await recalcJson(source);
    const grown = join(dir, `grown-${rows.balances}.xlsx`);
    await withRowAdded(source, grown, rows);
    const after = await recalcJson(grown);
    for (const [table, fixed] of [
      ['Results!B3', 'Results!E3'],
      ['Results!B5', 'Results!E5'],
      ['Results!B11', 'Results!E11'],
    ] as const) {
      expect({ table, value: after[table] }).toEqual({ table, value: after[fixed] });
      expect({ table, changed: after[table] !== before[table] }).toEqual({ table, changed: true });
    }
    // ETH 10 at 3000, less its haircut, adds to the equity.
    expect((after['Results!B3'] as number) - (before['Results!B3'] as number)).toBeGreaterThan(25_000);
  });
});

describe('examples/desk-template.xlsx', () => {
  it('has the same tables, with one example row each, and computes without error but the labelled one', async () => {
    const [desk, template] = [await model(DESK), await model(TEMPLATE)];
    expect(tableShape(template)).toEqual(tableShape(desk));
    expect(template.tables.map((t) => t.box.rows - t.headerRows)).toEqual([1, 1, 1]);
    const json = await recalcJson(TEMPLATE);
    const erring = Object.entries(json).filter(([, v]) => JSON.stringify(v).includes('"error"'));
    expect(erring.map(([k]) => k)).toEqual(['Results!B17']);
    expect(json['Results!B3']).toBe(57000);
  });
});
