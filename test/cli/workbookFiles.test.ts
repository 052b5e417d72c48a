import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { editPackage, partText, recalcJson, run, withCells } from './support/packages';

/** Workbooks saved by Excel, LibreOffice and openpyxl (see test/fixtures/excel/README.md), and written by exceljs. */
const FIXTURES = join(__dirname, '../fixtures/excel');
const fixture = (name: string) => join(FIXTURES, name);
const SHEET1 = 'xl/worksheets/sheet1.xml';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files saved by Excel', () => {
  it('computes a calculated column over "#This Row" and a totals row of unqualified references (table10)', async () => {
    const file = join(dir, 'table10.xlsx');
    await editPackage(fixture('table10.xlsx'), file, {
      [SHEET1]: (xml) => withCells(xml, { B4: 1, C4: 2, D4: 3, B5: 10, C5: 20, D5: 30 }),
    });
    const json = await recalcJson(file);
    // SUM(Table1[[#This Row],[Column1]:[Column3]]) in each data row.
    expect(json['Sheet1!K4']).toBe(6);
    expect(json['Sheet1!K5']).toBe(60);
    // The totals row: SUBTOTAL(101,[Column3]) is the average of D4:D5, SUBTOTAL(109,[Column8]) the sum of I4:I5.
    expect(json['Sheet1!D6']).toBe(16.5);
    expect(json['Sheet1!I6']).toBe(0);
  });

  it("reads column names with Excel's ' escapes (table23: Column', Column#, Column[, Column])", async () => {
    const file = join(dir, 'table23.xlsx');
    await editPackage(fixture('table23.xlsx'), file, {
      [SHEET1]: (xml) => withCells(xml, { C4: 1, C5: 2, D4: 10, D8: 20, E6: 100, F7: 1000, F8: 2000 }),
    });
    expect(await recalcJson(file)).toEqual({ 'Sheet1!C9': 3, 'Sheet1!D9': 30, 'Sheet1!E9': 100, 'Sheet1!F9': 3000 });
  });

  it('reads shared formulas, the master after its cells in the file (shared_formula_reversed), as Excel computed them', async () => {
    const json = await recalcJson(fixture('shared_formula_reversed.xlsx'));
    expect(Object.keys(json)).toHaveLength(10);
    expect(json).toMatchObject({ 'Sheet1!B1': 1, 'Sheet1!B2': 2, 'Sheet1!B3': 3, 'Sheet1!B4': 4, 'Sheet1!B5': 5 });
  });

  it('reads a defined name (defined_name02: Sales over a quoted sheet name)', async () => {
    const file = join(dir, 'defined_name02.xlsx');
    await editPackage(fixture('defined_name02.xlsx'), file, {
      [SHEET1]: (xml) =>
        withCells(xml, { G1: 5, H1: 7, G10: 0.5, A1: { formula: 'SUM(Sales)' }, A2: { formula: 'ROWS(Sales)*COLUMNS(Sales)' } }),
    });
    expect(await recalcJson(file)).toEqual({ 'sheet One!A1': 12.5, 'sheet One!A2': 20 });
  });

  it('finds tables on two sheets (temperature-table) in MARGIN-free native formulas', async () => {
    const file = join(dir, 'temperature.xlsx');
    await editPackage(fixture('temperature-table.xlsx'), file, {
      'xl/worksheets/sheet2.xml': (xml) =>
        withCells(xml, {
          D1: { formula: 'SUM(Temperature[value])+SUM(OtherTable[value2])' },
          D2: { formula: 'INDEX(Temperature[#Headers],1,2)' },
          D3: { formula: 'OtherTable[@value2]*2' },
        }),
    });
    expect(await recalcJson(file)).toEqual({ 'Sheet2!D1': 22.2222 + 72 + 12.5 + 64, 'Sheet2!D2': 'value', 'Sheet2!D3': 128 });
  });

  it('reports a function the engine lacks (CONCAT) with its cell, exits 3, and --out keeps the value Excel saved', async () => {
    const source = fixture('formulas.xlsx');
    const { code, out, err } = await run('recalc', source);
    expect(code).toBe(3);
    expect(out.split('\n')).toEqual(['Sheet1!A1\tsomeone@example.com', 'Sheet1!A2\tsomeone@example.com']);
    expect(err.split('\n')).toEqual([
      `multiasset: ${source}: Sheet1!A1: not computed, Excel's saved value kept: CONCAT is not a function the command line's engine computes`,
      `multiasset: ${source}: Sheet1!A2: not computed, Excel's saved value kept: CONCAT is not a function the command line's engine computes`,
    ]);
    const copy = join(dir, 'formulas-copy.xlsx');
    const written = await run('recalc', source, '--out', copy);
    expect(written.code).toBe(3);
    expect(written.err).toContain(`wrote ${copy} (2 formula cells; 2 kept at Excel's saved values)`);
    expect(await partText(copy, SHEET1)).toBe(await partText(source, SHEET1));
  });

  it("keeps Excel's value of a circular reference (issue_567_absolute_shared) rather than the engine's #CYCLE!", async () => {
    const { code, err } = await run('recalc', fixture('issue_567_absolute_shared.xlsx'), '--json');
    expect(code).toBe(3);
    expect(err).toContain("Sheet1!A1: not computed, Excel's saved value kept: a circular reference");
  });
});

describe('a file written by openpyxl (absolute part targets, inline strings)', () => {
  const table = 'xl/tables/table1.xml';

  it('computes every kind of structured reference over its table', async () => {
    const file = join(dir, 'openpyxl.xlsx');
    await editPackage(fixture('table_with_absolute_paths.xlsx'), file, {
      'xl/worksheets/sheet1.xml': (xml) =>
        withCells(xml, {
          C3: { formula: 'Table1[@Item]*2' },
          C4: { formula: 'Table1[[#This Row],[Item]]+1' },
          E1: { formula: 'SUM(Table1[Item])' },
          E2: { formula: 'COUNTA(Table1[#All])' },
          E3: { formula: 'COUNTA(Table1[#Data])' },
          E4: { formula: 'INDEX(Table1[#Headers],1,2)' },
          E5: { formula: 'SUM(Table1)' },
          E6: { formula: 'INDEX(Table1[[#All],[Item]:[Name]],5,2)' },
          E7: { formula: 'SUM(Table1[#Totals])' },
          E8: { formula: 'Table1[@Item]' },
          E9: { formula: 'MAX(Table1[[#Headers],[#Data],[Item]])' },
        }),
    });
    const json = await recalcJson(file);
    expect(json).toEqual({
      'table!C3': 400,
      'table!C4': 102,
      'table!E1': 691,
      'table!E2': 10,
      'table!E3': 8,
      'table!E4': 'Name',
      'table!E5': 691,
      'table!E6': 'East',
      // No totals row: #REF!, as in Excel.
      'table!E7': { error: '#REF!', message: '' },
      // Outside the table's rows, "#This Row" has no row: #VALUE!, as in Excel.
      'table!E8': { error: '#VALUE!', message: expect.any(String) },
      'table!E9': 290,
    });
  });

  it('sees a table that grew at its new size', async () => {
    const file = join(dir, 'openpyxl-grown.xlsx');
    await editPackage(fixture('table_with_absolute_paths.xlsx'), file, {
      'xl/worksheets/sheet1.xml': (xml) => withCells(xml, { A6: 9, B6: 'Centre', E1: { formula: 'SUM(Table1[Item])' } }),
      [table]: (xml) => xml.replace(/ref="A1:B5"/g, 'ref="A1:B6"'),
    });
    expect(await recalcJson(file)).toEqual({ 'table!E1': 700 });
  });

  it('writes --out with the absolute targets and the table part as they were', async () => {
    const source = join(dir, 'openpyxl-out.xlsx');
    await editPackage(fixture('table_with_absolute_paths.xlsx'), source, {
      'xl/worksheets/sheet1.xml': (xml) => withCells(xml, { E1: { formula: 'SUM(Table1[Item])' } }),
    });
    const copy = join(dir, 'openpyxl-out-copy.xlsx');
    expect((await run('recalc', source, '--out', copy)).code).toBe(0);
    expect(await partText(copy, 'xl/worksheets/sheet1.xml')).toContain('<c r="E1"><f>SUM(Table1[Item])</f><v>691</v></c>');
    expect(await partText(copy, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="/xl/tables/table1.xml"');
    expect(await partText(copy, table)).toBe(await partText(source, table));
    expect(await recalcJson(copy)).toEqual({ 'table!E1': 691 });
  });
});

describe('a file saved by LibreOffice', () => {
  it('reads its shared strings and computes formulas added to it', async () => {
    const file = join(dir, 'libre.xlsx');
    await editPackage(fixture('libre-calc-as-excel-2007-365.xlsx'), file, {
      'xl/worksheets/sheet1.xml': (xml) =>
        withCells(xml, { E1: { formula: 'COUNTA(A1:C3)' }, E2: { formula: 'A1&"-"&C1' }, E3: { formula: '1E+3*2.5E-3' } }),
    });
    expect(await recalcJson(file)).toEqual({ 'Sheet1!E1': 5, 'Sheet1!E2': 'BEGIN-VISIBLE', 'Sheet1!E3': 2.5 });
  });
});

describe('a file written by exceljs, as a desk builds it', () => {
  async function deskFile(file: string, extraRow = false): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const balances = wb.addWorksheet('Balances');
    const rows: (string | number)[][] = [
      ['USDT', 20000, 1],
      ['BTC', 2, 60000],
    ];
    if (extraRow) rows.push(['ETH', 10, 3000]);
    balances.addTable({
      name: 'Bal',
      ref: 'A1',
      headerRow: true,
      columns: [{ name: 'asset' }, { name: 'amount' }, { name: 'price' }],
      rows,
    });
    const results = wb.addWorksheet('Results');
    results.getCell('A1').value = { formula: 'MARGIN.ACCOUNT_EQUITY(Bal[#All],"binance")' };
    results.getCell('A2').value = { formula: `MARGIN.ACCOUNT_EQUITY(Balances!$A$1:$C$${rows.length + 1},"binance")` };
    results.getCell('A3').value = { formula: 'SUM(Bal[amount])' };
    results.getCell('A4').value = { formula: 'Rate*1E+3' };
    results.getCell('A5').value = { formula: 'Fee' };
    results.getCell('A6').value = { formula: 'INDIRECT("A3")', result: 42 };
    results.getCell('A7').value = { formula: 'A6+1', result: 43 };
    results.getCell('A8').value = { formula: 'SUM(BalAmounts)' };
    wb.definedNames.add('Results!$B$1', 'Rate');
    results.getCell('B1').value = 0.0025;
    // A global Fee, and one scoped to Results that its formulas see instead.
    wb.definedNames.add('Balances!$B$2', 'Fee');
    await wb.xlsx.writeFile(file);
    // exceljs writes a sheet-scoped name only through the workbook part.
    await editPackage(file, file, {
      'xl/workbook.xml': (xml) =>
        xml.replace(
          '</definedNames>',
          '<definedName name="Fee" localSheetId="1">0.001</definedName><definedName name="BalAmounts">Bal[amount]</definedName></definedNames>',
        ),
    });
  }

  it('computes MARGIN and native functions over the table, names global and scoped, E-notation; INDIRECT kept', async () => {
    const file = join(dir, 'exceljs-desk.xlsx');
    await deskFile(file);
    const { code, out, err } = await run('recalc', file, '--json');
    expect(code).toBe(3);
    expect(err).toBe(
      `multiasset: ${file}: Results!A6: not computed, Excel's saved value kept: INDIRECT is not a function the command line's engine computes`,
    );
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(json['Results!A1']).toBe(json['Results!A2']);
    expect(json['Results!A1']).toBeGreaterThan(100_000);
    expect(json).toMatchObject({
      'Results!A3': 20002,
      'Results!A4': 2.5,
      'Results!A5': 0.001,
      'Results!A6': 42,
      'Results!A7': 43,
      'Results!A8': 20002,
    });
  });

  it('--in-place keeps the saved value of the INDIRECT cell and writes the others', async () => {
    const file = join(dir, 'exceljs-in-place.xlsx');
    await deskFile(file);
    const before = await partText(file, 'xl/worksheets/sheet2.xml');
    const { code, err } = await run('recalc', file, '--in-place');
    expect(code).toBe(3);
    expect(err).toContain(`wrote ${file} (8 formula cells; 1 kept at Excel's saved values)`);
    const after = await partText(file, 'xl/worksheets/sheet2.xml');
    const cell = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>[\\s\\S]*?</c>`).exec(xml)?.[0];
    expect(cell(after, 'A6')).toBe(cell(before, 'A6'));
    expect(cell(after, 'A6')).toContain('<v>42</v>');
    expect(cell(after, 'A7')).toContain('<v>43</v>');
    expect(cell(after, 'A3')).toContain('<v>20002</v>');
  });

  it('exits 3 for several workbooks when one has a cell beyond the engine, 1 when one is refused', async () => {
    const limited = join(dir, 'batch-limited.xlsx');
    await deskFile(limited);
    const clean = fixture('shared_formula_reversed.xlsx');
    expect((await run('recalc', clean, clean)).code).toBe(0);
    expect((await run('recalc', clean, limited)).code).toBe(3);
    const broken = join(dir, 'batch-broken.xlsx');
    await editPackage(fixture('temperature-table.xlsx'), broken, { 'xl/worksheets/sheet2.xml': null });
    expect((await run('recalc', limited, broken)).code).toBe(1);
  });

  it('counts a row added to the table', async () => {
    const before = join(dir, 'exceljs-before.xlsx');
    const after = join(dir, 'exceljs-after.xlsx');
    await deskFile(before);
    await deskFile(after, true);
    const a = JSON.parse((await run('recalc', before, '--json')).out) as Record<string, number>;
    const b = JSON.parse((await run('recalc', after, '--json')).out) as Record<string, number>;
    expect(b['Results!A3']).toBe(20012);
    expect((b['Results!A1'] ?? 0) - (a['Results!A1'] ?? 0)).toBeGreaterThan(20_000);
    expect(b['Results!A1']).toBe(b['Results!A2']);
  });
});

describe('a damaged workbook exits 1 naming the part, and writes nothing', () => {
  const base = () => fixture('temperature-table.xlsx');
  const cases: [string, Readonly<Record<string, ((xml: string) => string) | null>>, RegExp][] = [
    ['a sheet part missing', { 'xl/worksheets/sheet2.xml': null }, /part xl\/worksheets\/sheet2\.xml is missing \(a broken relationship/],
    [
      'malformed sheet XML',
      { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('</row>', '</rw>') },
      /part xl\/worksheets\/sheet1\.xml is not well-formed XML \(line \d+: <\/rw> closes <row>\)/,
    ],
    [
      'a sheet with no relationship',
      { 'xl/_rels/workbook.xml.rels': (xml) => xml.replace(/<Relationship Id="rId1"[^>]*\/>/, '') },
      /part xl\/_rels\/workbook\.xml\.rels has no relationship rId1 for sheet Sheet1 \(a broken relationship\)/,
    ],
    ['a table part missing', { 'xl/tables/table2.xml': null }, /part xl\/tables\/table2\.xml is missing \(a broken relationship/],
    [
      'a shared string that is not there',
      { 'xl/sharedStrings.xml': (xml) => xml.replace(/<si>(?:(?!<\/si>)[\s\S])*<\/si>(?![\s\S]*<si>)/, '') },
      /part xl\/sharedStrings\.xml is|refers to shared string 7, which the workbook does not have/,
    ],
  ];

  it.each(cases)('%s', async (_what, changes, message) => {
    const file = join(dir, 'damaged.xlsx');
    const copy = join(dir, 'damaged-copy.xlsx');
    await editPackage(base(), file, changes);
    const before = readFileSync(file);
    for (const argv of [[file], [file, '--out', copy], [file, '--in-place']]) {
      const { code, out, err } = await run('recalc', ...argv);
      expect({ code, out }).toEqual({ code: 1, out: '' });
      expect(err).toMatch(message);
      expect(err).toContain(file);
      expect(err).not.toMatch(/Cannot (read|set) propert|undefined/);
    }
    expect(existsSync(copy)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says so, without the internal message, for a zip that is no workbook at all', async () => {
    const file = join(dir, 'not-a-workbook.xlsx');
    writeFileSync(file, 'PK\u0003\u0004 nothing');
    const { code, err } = await run('recalc', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: not an Excel workbook`);
  });
});
