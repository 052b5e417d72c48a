import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { main } from '../../src/cli';
import { readAddinSettings } from '../../src/cli/addinSettings';
import { writeFileAtomically } from '../../src/cli/safeWrite';
import { LIVE_PRICES_SETTING } from '../../src/prices';
import { DESK, packageParts, sharedDeskWorkbook } from './support/workbooks';

const EXCEL_FIXTURE = join(__dirname, '../fixtures/excel/dynamic_array01.xlsx');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function recalcJson(file: string): Promise<Record<string, unknown>> {
  const { code, out, err } = await run('recalc', file, '--json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as Record<string, unknown>;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-out-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isSheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);

describe('recalc --out keeps every part it does not change', () => {
  it("keeps the add-in's presets, styles, names, comments, images and custom XML, so the copy computes the same", async () => {
    const source = join(dir, 'shared.xlsx');
    await sharedDeskWorkbook(source);
    const copy = join(dir, 'shared-copy.xlsx');
    expect((await run('recalc', source, '--out', copy)).code).toBe(0);

    const before = await packageParts(source);
    const after = await packageParts(copy);
    const kept = [...before.keys()].filter(
      (name) => !isSheet(name) && name !== '[Content_Types].xml' && name !== 'xl/_rels/workbook.xml.rels',
    );
    expect(kept).toEqual(
      expect.arrayContaining([
        'xl/webextensions/webextension1.xml',
        'customXml/item1.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/comments1.xml',
        'xl/media/image1.png',
        'xl/drawings/drawing1.xml',
      ]),
    );
    for (const name of kept)
      expect({ name, same: after.get(name)?.equals(before.get(name) ?? Buffer.alloc(0)) }).toEqual({ name, same: true });
    // The content types and workbook relationships gain the dynamic-array metadata and lose nothing.
    for (const name of ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels']) {
      const old = before.get(name)?.toString('utf8') ?? '';
      const now = after.get(name)?.toString('utf8') ?? '';
      for (const element of old.match(/<(Override|Default|Relationship)\b[^>]*\/>/g) ?? []) expect(now).toContain(element);
    }
    // Around its cells the worksheet part is as it was (drawing, comments, margins).
    const sheetBefore = before.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    const sheetAfter = after.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    const tail = (xml: string) => xml.slice(xml.indexOf('</sheetData>'));
    expect(tail(sheetAfter)).toBe(tail(sheetBefore));
    // The live-price settings, which the command line does not use, travel with the copy for Excel to use.
    expect((await readAddinSettings(readFileSync(copy))).get(LIVE_PRICES_SETTING)).toEqual({ intervalSeconds: 2.5, maxAgeSeconds: 90 });

    const original = await recalcJson(source);
    expect([original['Desk!A1'], original['Desk!A2'], original['Desk!A4']]).toEqual([582000, 192500, 'desk-example']);
    expect(await recalcJson(copy)).toEqual(original);
  });

  it('keeps a custom preset as the default: the copy recalculated gives the same figures', async () => {
    const source = join(dir, 'custom-default.xlsx');
    await sharedDeskWorkbook(source, 'desk-example');
    const copy = join(dir, 'custom-default-copy.xlsx');
    expect((await run('recalc', source, '--out', copy)).code).toBe(0);
    const original = await recalcJson(source);
    // desk-example's BTC tiers: 100,000 at 0.975, the remaining 500,000 at 0.95.
    expect(original['Desk!A1']).toBe(572500);
    expect(await recalcJson(copy)).toEqual(original);
  });

  it('writes the values again when the copy is recalculated, the same bytes', async () => {
    const copy = join(dir, 'desk-copy.xlsx');
    const again = join(dir, 'desk-copy-again.xlsx');
    expect((await run('recalc', DESK, '--out', copy)).code).toBe(0);
    expect((await run('recalc', copy, '--out', again)).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(copy))).toBe(true);
  });
});

describe('recalc writes formulas and spills as Excel saves them', () => {
  it('saves MARGIN functions as _xldudf_MARGIN_X and reads them back either way', async () => {
    const source = join(dir, 'typed.xlsx');
    await sharedDeskWorkbook(source);
    const copy = join(dir, 'typed-copy.xlsx');
    expect((await run('recalc', source, '--out', copy)).code).toBe(0);
    const sheet = (await packageParts(copy)).get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    const formulas = [...sheet.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas).toEqual([
      '_xldudf_MARGIN_COLLATERAL_VALUE(&quot;BTC&quot;,10,60000)',
      '_xldudf_MARGIN_COLLATERAL_TIERS(&quot;BTC&quot;)',
      '_xldudf_MARGIN_COLLATERAL_VALUE(&quot;BTC&quot;,2,100000,&quot;desk-example&quot;)',
      '_xldudf_MARGIN_RISK_LEVEL(0.6)',
      'INDEX(_xldudf_MARGIN_PRESETS(),ROWS(_xldudf_MARGIN_PRESETS()),1)',
    ]);
    expect(sheet).not.toMatch(/MARGIN\./);
  });

  it('stores a spilled table as a dynamic array: cm on the anchor, t="array" over the spill, the metadata part', async () => {
    const sheet = (await packageParts(DESK)).get('xl/worksheets/sheet5.xml')?.toString('utf8') ?? '';
    expect(sheet).toContain(
      '<c r="A22" t="str" cm="1"><f t="array" ref="A22:D27">_xldudf_MARGIN_COLLATERAL_TIERS(&quot;BTC&quot;,&quot;bitget&quot;)</f><v>floor</v></c>',
    );
    expect(sheet).toContain('<c r="C23"><v>0.975</v></c>');
    expect(sheet).toContain('<c r="D27" t="inlineStr"><is><t xml:space="preserve">value</t></is></c>');
  });
});

/** A workbook (sheet Old) holding one legacy array formula over B1:B3, each cell of it showing `saved`. */
async function legacyArrayWorkbook(file: string, formula: string, saved: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Old');
  ws.getCell('B1').value = { formula, shareType: 'array', ref: 'B1:B3', result: saved } as ExcelJS.CellValue;
  ws.getCell('B2').value = saved;
  ws.getCell('B3').value = saved;
  const source = join(dir, file);
  await wb.xlsx.writeFile(source);
  return source;
}

describe('legacy array formulas', () => {
  it('keep their range when they give one value, every cell of it showing the value, with no dynamic-array mark', async () => {
    const source = await legacyArrayWorkbook('legacy.xlsx', 'MARGIN.RISK_LEVEL(0.6)', 'SAFE');
    const copy = join(dir, 'legacy-copy.xlsx');
    expect((await run('recalc', source, '--out', copy)).code).toBe(0);
    const parts = await packageParts(copy);
    const sheet = parts.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    expect(sheet).toContain('<c r="B1" t="str"><f t="array" ref="B1:B3">_xldudf_MARGIN_RISK_LEVEL(0.6)</f><v>WARNING</v></c>');
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">WARNING</t></is></c>');
    expect(sheet).toContain('<c r="B3" t="inlineStr"><is><t xml:space="preserve">WARNING</t></is></c>');
    expect(parts.has('xl/metadata.xml')).toBe(false);
  });

  it('keep their formula and every value Excel saved over their range when they are not computed', async () => {
    const source = await legacyArrayWorkbook('legacy-kept.xlsx', 'CONCAT("a","b")', 'ab');
    const copy = join(dir, 'legacy-kept-copy.xlsx');
    const { code, err } = await run('recalc', source, '--out', copy);
    expect(code).toBe(3);
    expect(err).toContain(`wrote ${copy} (1 formula cells; 1 kept at Excel's saved values)`);
    const sheet = (await packageParts(copy)).get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    expect(sheet).toBe((await packageParts(source)).get('xl/worksheets/sheet1.xml')?.toString('utf8'));
    expect(sheet).toContain('<c r="B1" t="str"><f t="array" ref="B1:B3">CONCAT(&quot;a&quot;,&quot;b&quot;)</f><v>ab</v></c>');
  });
});

/** A part's XML as a tree that keeps attributes, for comparing element by element. */
const tree = (xml: string): unknown => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true }).parse(xml);

function anchorCell(sheetXml: string): { c: Record<string, string>; f: Record<string, string> } {
  const cell = /<c\b([^>]*\bcm="[^"]*"[^>]*)>(<f\b([^>]*)>)/.exec(sheetXml);
  const attrs = (text: string) => Object.fromEntries([...text.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  return { c: attrs(cell?.[1] ?? ''), f: attrs(cell?.[3] ?? '') };
}

describe('our dynamic-array parts match a workbook saved by Excel (test/fixtures/excel)', () => {
  let excel: Map<string, Buffer>;
  let ours: Map<string, Buffer>;
  beforeAll(async () => {
    excel = await packageParts(EXCEL_FIXTURE);
    ours = await packageParts(DESK);
  });
  const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)?.toString('utf8') ?? '';

  it('writes xl/metadata.xml element for element as Excel does', () => {
    expect(tree(text(ours, 'xl/metadata.xml'))).toEqual(tree(text(excel, 'xl/metadata.xml')));
  });

  it('marks the anchor cell as Excel does: cm="1", and the formula t="array" with the spill range as ref', () => {
    const theirs = anchorCell(text(excel, 'xl/worksheets/sheet1.xml'));
    const mine = anchorCell(text(ours, 'xl/worksheets/sheet5.xml'));
    expect(theirs).toEqual({ c: { r: 'A1', cm: '1' }, f: { t: 'array', ref: 'A1' } });
    expect(Object.keys(mine.c).filter((k) => k !== 't')).toEqual(Object.keys(theirs.c));
    expect(mine.c.cm).toBe(theirs.c.cm);
    expect(Object.keys(mine.f)).toEqual(Object.keys(theirs.f));
    expect(mine.f.t).toBe(theirs.f.t);
  });

  it('declares the metadata part with the content type and workbook relationship Excel uses', () => {
    const override = (types: string) => /<Override PartName="\/xl\/metadata\.xml" ContentType="([^"]+)"\/>/.exec(types)?.[1];
    expect(override(text(ours, '[Content_Types].xml'))).toBe(override(text(excel, '[Content_Types].xml')));
    expect(override(text(ours, '[Content_Types].xml'))).toBeDefined();
    const rel = (rels: string) => /<Relationship Id="[^"]+" Type="([^"]+\/sheetMetadata)" Target="([^"]+)"\/>/.exec(rels)?.slice(1);
    expect(rel(text(ours, 'xl/_rels/workbook.xml.rels'))).toEqual(rel(text(excel, 'xl/_rels/workbook.xml.rels')));
    expect(rel(text(ours, 'xl/_rels/workbook.xml.rels'))).toHaveLength(2);
  });

  it("recalculates Excel's own file and writes it back with its metadata kept, not duplicated", async () => {
    const copy = join(dir, 'excel-copy.xlsx');
    expect((await run('recalc', EXCEL_FIXTURE, '--out', copy)).code).toBe(0);
    const parts = await packageParts(copy);
    expect([...parts.keys()].sort()).toEqual([...excel.keys()].sort());
    expect(text(parts, 'xl/metadata.xml')).toBe(text(excel, 'xl/metadata.xml'));
    // Its one-cell dynamic array stays one: as a plain formula Excel would compute it by implicit intersection.
    expect(anchorCell(text(parts, 'xl/worksheets/sheet1.xml'))).toEqual(anchorCell(text(excel, 'xl/worksheets/sheet1.xml')));
  });
});

describe('recalc never overwrites or truncates a file by accident', () => {
  it('refuses --out equal to the workbook, under any spelling, unless --in-place', async () => {
    const file = join(dir, 'self.xlsx');
    writeFileSync(file, readFileSync(DESK));
    const bytes = readFileSync(file);
    const link = join(dir, 'self-link.xlsx');
    symlinkSync(file, link);
    for (const out of [file, relative(process.cwd(), file), link]) {
      const { code, err } = await run('recalc', file, '--out', out);
      expect(code).toBe(2);
      expect(err.split('\n')[0]).toBe(`multiasset: --out ${out} is the workbook itself; add --in-place to overwrite it`);
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('writes the workbook itself with --in-place, leaving no temporary file', async () => {
    const sub = join(dir, 'inplace');
    mkdirSync(sub);
    const file = join(sub, 'book.xlsx');
    await sharedDeskWorkbook(file);
    const expected = await recalcJson(file);
    const { code, err } = await run('recalc', file, '--in-place');
    expect({ code, err }).toEqual({ code: 0, err: `multiasset: wrote ${file} (5 formula cells)` });
    expect(readdirSync(sub)).toEqual(['book.xlsx']);
    expect(await recalcJson(file)).toEqual(expected);
    const sheet = (await packageParts(file)).get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    expect(sheet).toContain('<v>582000</v>');
  });

  it('rewrites the file a link points to with --in-place, and keeps the link', async () => {
    const sub = join(dir, 'linked');
    mkdirSync(sub);
    const file = join(sub, 'book.xlsx');
    await sharedDeskWorkbook(file);
    const link = join(sub, 'latest.xlsx');
    symlinkSync(file, link);
    expect((await run('recalc', link, '--in-place')).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await packageParts(file)).get('xl/worksheets/sheet1.xml')?.toString('utf8')).toContain('<v>582000</v>');
  });

  it('leaves the input and an existing output intact when the write fails, and removes its temporary file', async () => {
    const sub = join(dir, 'failing');
    mkdirSync(sub);
    const input = join(sub, 'in.xlsx');
    writeFileSync(input, readFileSync(DESK));
    const blocked = join(sub, 'out.xlsx');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'kept.txt'), 'kept');
    const { code, err } = await run('recalc', input, '--out', blocked);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^multiasset: ${blocked}: not written, and left as it was \\(`));
    expect(readFileSync(input).equals(readFileSync(DESK))).toBe(true);
    expect(statSync(blocked).isDirectory()).toBe(true);
    expect(readdirSync(sub).sort()).toEqual(['in.xlsx', 'out.xlsx']);

    const missingFolder = join(sub, 'no-such-folder', 'out.xlsx');
    expect((await run('recalc', input, '--out', missingFolder)).code).toBe(1);
    expect(existsSync(join(sub, 'no-such-folder'))).toBe(false);
  });

  it('keeps the previous file when the bytes fail half-way through the write', async () => {
    const sub = join(dir, 'half');
    mkdirSync(sub);
    const target = join(sub, 'book.xlsx');
    writeFileSync(target, 'previous contents');
    await expect(
      writeFileAtomically(target, async (file) => {
        await file.writeFile('half of the new');
        throw new Error('no space left on device');
      }),
    ).rejects.toThrow(`${target}: not written, and left as it was (no space left on device)`);
    expect(readFileSync(target, 'utf8')).toBe('previous contents');
    expect(readdirSync(sub)).toEqual(['book.xlsx']);
  });
});
