import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli';
import { deskWorkbook } from '../../scripts/make-desk-workbook';

const ROOT = join(__dirname, '../..');
const DESK = join(ROOT, 'examples/desk.xlsx');
const DESK_PRESET = join(ROOT, 'examples/presets/desk-example.json');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function recalcJson(...argv: string[]): Promise<Record<string, unknown>> {
  const { code, out, err } = await run('recalc', ...argv, '--json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as Record<string, unknown>;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a workbook as `Sheet!A1` → what the file holds: the formula (or shared master) or the value. */
function contents(wb: ExcelJS.Workbook, withResults: boolean): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const key = `${ws.name}!${cell.address}`;
        if (cell.type !== ExcelJS.ValueType.Formula) cells.set(key, cell.value);
        else cells.set(key, withResults ? { formula: cell.formula, result: cell.result } : { formula: cell.formula });
      }),
    ),
  );
  return cells;
}

const formulaKeys = (wb: ExcelJS.Workbook): string[] =>
  [...contents(wb, false).entries()].filter(([, v]) => typeof v === 'object' && v !== null && 'formula' in v).map(([k]) => k);

const isError = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v;
const hasError = (v: unknown): boolean => (Array.isArray(v) ? v.some(hasError) : isError(v));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-recalc-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('multiasset recalc on the sample desk workbook', () => {
  it('gives every formula cell in --json, with no error but the one labelled intentional', async () => {
    const json = await recalcJson(DESK);
    const wb = await load(DESK);
    expect(Object.keys(json).sort()).toEqual(formulaKeys(wb).sort());
    const erring = Object.entries(json)
      .filter(([, v]) => hasError(v))
      .map(([k]) => k);
    expect(erring).toEqual(['Results!B17']);
    expect(String(wb.getWorksheet('Results')?.getCell('A17').value)).toMatch(/^Intentional error/);
    expect(json['Results!B17']).toEqual({
      error: '#N/A',
      message: expect.stringContaining('ETH haircut tiers of preset bitget are unpublished'),
    });
  });

  it('computes the shared formula down its column and spills the tables as rows', async () => {
    const json = await recalcJson(DESK);
    expect([json['Balances!F2'], json['Balances!F3'], json['Balances!F4']]).toEqual([20000, 114000, -8000]);
    const tiers = json['Tables!A22'] as unknown[][];
    expect(tiers[0]).toEqual(['floor', 'cap', 'ratio', 'unit']);
    expect(tiers).toHaveLength(6);
    expect((json['Tables!A12'] as unknown[][])[0]?.[0]).toBe('BLOCKED');
  });

  it('prints Sheet!A1<TAB>value lines, one per row of a spilled table', async () => {
    const { code, out } = await run('recalc', DESK);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toContain('Balances!F3\t114000');
    expect(lines).toContain('Results!B7\tSAFE');
    expect(lines).toContain('Tables!A22\tfloor\tcap\tratio\tunit');
    expect(lines).toContain('Tables!A27\t5000000\t\t0.85\tvalue');
    expect(lines.find((l) => l.startsWith('Results!B17\t'))).toMatch(/^Results!B17\t#N\/A asset: the ETH haircut tiers/);
  });

  it('holds the values the current code computes', async () => {
    const json = await recalcJson(DESK);
    const wb = await load(DESK);
    for (const [key, value] of Object.entries(json)) {
      const [sheet, address] = key.split('!') as [string, string];
      const ws = wb.getWorksheet(sheet);
      const cell = ws?.getCell(address);
      const first = Array.isArray(value) ? (value[0] as unknown[])[0] : value;
      const cached = cell?.result;
      if (isError(first)) expect(cached).toEqual({ error: (first as { error: string }).error });
      else expect({ key, cached }).toEqual({ key, cached: first });
    }
  });

  it('is what the generator writes today (formulas and inputs)', async () => {
    const file = join(dir, 'regenerated.xlsx');
    await deskWorkbook().xlsx.writeFile(file);
    const fresh = contents(await load(file), false);
    const committed = contents(await load(DESK), false);
    // The committed file also holds computed values in the cells the tables spill into.
    for (const [key, value] of fresh) expect({ key, value: committed.get(key) }).toEqual({ key, value });
    expect(formulaKeys(await load(DESK)).sort()).toEqual(formulaKeys(await load(file)).sort());
  });
});

describe('multiasset recalc --out', () => {
  it('writes a copy with the values cached in the formula cells, tables as array formulas, names as Excel saves them', async () => {
    const source = join(dir, 'formulas-only.xlsx');
    await deskWorkbook().xlsx.writeFile(source);
    const out = join(dir, 'with-values.xlsx');
    const { code, out: printed, err } = await run('recalc', source, '--out', out);
    expect({ code, printed }).toEqual({ code: 0, printed: '' });
    expect(err).toBe(`multiasset: wrote ${out} (21 formula cells)`);

    const wb = await load(out);
    const results = wb.getWorksheet('Results');
    // The balances are an Excel table: the formula names it, and a row added to it is counted.
    expect(results?.getCell('B3').value).toEqual({ formula: '_xldudf_MARGIN_ACCOUNT_EQUITY(Balances[#All],$B$2)', result: 126000 });
    expect(results?.getCell('B17').result).toEqual({ error: '#N/A' });
    const tables = wb.getWorksheet('Tables');
    expect(tables?.getCell('A22').value).toMatchObject({
      formula: '_xldudf_MARGIN_COLLATERAL_TIERS("BTC","bitget")',
      shareType: 'array',
      ref: 'A22:D27',
      result: 'floor',
    });
    expect(tables?.getCell('C23').value).toBe(0.975);
    const balances = wb.getWorksheet('Balances');
    expect(balances?.getCell('F3').value).toEqual({ sharedFormula: 'F2', result: 114000 });
  });

  it('reads its own output back to the same values', async () => {
    const out = join(dir, 'again.xlsx');
    expect((await run('recalc', DESK, '--out', out)).code).toBe(0);
    expect(await recalcJson(out)).toEqual(await recalcJson(DESK));
  });
});

/** A workbook as Excel saves it with the add-in: its names for the functions and the add-in's settings. */
async function addinWorkbook(file: string, settings: Record<string, unknown>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Desk');
  ws.getCell('A1').value = { formula: '_xldudf_MARGIN_COLLATERAL_VALUE("BTC",10,60000)' };
  ws.getCell('A2').value = { formula: '_xludf.MARGIN.COLLATERAL_VALUE("BTC",2,100000,"desk-example")' };
  ws.getCell('A3').value = { formula: 'margin.risk_level(0.6)' };
  ws.getCell('A4').value = { formula: 'INDEX(_xldudf_MARGIN_PRESETS(),ROWS(_xldudf_MARGIN_PRESETS()),1)' };
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const properties = Object.entries(settings)
    .map(([name, value]) => `<we:property name="${name}" value="${escape(JSON.stringify(value))}"/>`)
    .join('');
  zip.file(
    'xl/webextensions/webextension1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5E2A1B9C-0000-4000-8000-000000000001}">
<we:reference id="multiasset" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>
<we:properties>${properties}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>
</we:webextension>`,
  );
  const types = await zip.file('[Content_Types].xml')?.async('string');
  zip.file(
    '[Content_Types].xml',
    (types ?? '').replace(
      '</Types>',
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('a workbook saved with the add-in', () => {
  const deskPreset = () => JSON.parse(readFileSync(DESK_PRESET, 'utf8')) as unknown;

  it("uses the workbook's default preset and custom presets, and Excel's names for the functions", async () => {
    const file = join(dir, 'addin.xlsx');
    await addinWorkbook(file, { 'multiasset.defaultPreset': 'bitget', 'multiasset.customPresets': [deskPreset()] });
    expect(await recalcJson(file)).toEqual({ 'Desk!A1': 582000, 'Desk!A2': 192500, 'Desk!A3': 'WARNING', 'Desk!A4': 'desk-example' });
  });

  it('reads custom presets stored as JSON text, and lets --exchange override the default', async () => {
    const file = join(dir, 'addin-text.xlsx');
    await addinWorkbook(file, { 'multiasset.defaultPreset': 'bitget', 'multiasset.customPresets': JSON.stringify([deskPreset()]) });
    const json = await recalcJson(file, '--exchange', 'binance');
    expect([json['Desk!A1'], json['Desk!A2']]).toEqual([570000, 192500]);
  });

  it('skips a stored preset it cannot read with a warning and keeps the rest', async () => {
    const file = join(dir, 'addin-bad.xlsx');
    await addinWorkbook(file, { 'multiasset.defaultPreset': 'nowhere', 'multiasset.customPresets': [{ id: 'broken' }, deskPreset()] });
    const { code, out, err } = await run('recalc', file, '--json');
    expect(code).toBe(0);
    expect(err).toMatch(/^multiasset: warning: stored preset 1 skipped: preset/);
    expect(err).toContain('multiasset: warning: setting multiasset.defaultPreset names no known preset ("nowhere"); using "binance"');
    expect((JSON.parse(out) as Record<string, unknown>)['Desk!A2']).toBe(192500);
  });
});

describe('recalc refusals', () => {
  it('exits 1 with a message for a workbook that cannot be read', async () => {
    const missing = await run('recalc', join(dir, 'missing.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^multiasset: .*missing\.xlsx/);
    const notXlsx = join(dir, 'not.xlsx');
    writeFileSync(notXlsx, 'plain text');
    expect((await run('recalc', notXlsx)).code).toBe(1);
  });
});
