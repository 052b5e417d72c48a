import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, constants } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli';
import { buildFormulaEngine } from '../../src/cli/formulaEngine';
import { BUILTIN_PRESETS, PresetRegistry } from '../../src/presets';
import { DESK, DESK_PRESET, deskPreset, settingsProperties, withWebExtension } from './support/workbooks';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/multiasset.js');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-refusals-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry {
  readonly name: string;
  readonly deflated: Buffer;
  /** What the headers claim the entry unzips to. */
  readonly claimedSize: number;
}

/** A zip package written byte by byte, so that an entry may claim any size (CRC left 0: JSZip does not check it). */
function zipOf(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.claimedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Deflated bytes that inflate to `mb` MiB of spaces: one flushed MiB block repeated, then an empty final block. */
function deflatedSpaces(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

const small = (name: string, text: string): Entry => ({
  name,
  deflated: deflateRawSync(Buffer.from(text)),
  claimedSize: Buffer.byteLength(text),
});

function zipBomb(file: string, claimedSize: number): void {
  const bomb = deflatedSpaces(1024);
  writeFileSync(
    file,
    zipOf([
      small('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      small('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
      { name: 'xl/worksheets/sheet1.xml', deflated: bomb, claimedSize },
    ]),
  );
}

describe('zip bombs', () => {
  it.each([
    ['says how large it is', 1024 * 1024 * 1024],
    ['claims to be small', 2048],
  ])('a 1 MB workbook whose sheet unzips to 1 GB and %s is refused in seconds, under a 512 MB heap, naming the part', (_what, claimed) => {
    const file = join(dir, `bomb-${claimed}.xlsx`);
    zipBomb(file, claimed);
    expect(readFileSync(file).length).toBeLessThan(2 * 1024 * 1024);
    const result = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, 'recalc', file], { encoding: 'utf8', timeout: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `multiasset: ${file}: refused: part xl/worksheets/sheet1.xml unzips to more than the 256 MB a workbook may take ` +
        '(a damaged file or a zip bomb; --max-unzipped MB raises the limit)\n',
    );
  });

  it('applies the limit --max-unzipped sets', async () => {
    const { code, err } = await run('recalc', DESK, '--max-unzipped', '1');
    expect(code).toBe(0);
    expect(err).toBe('');
    const file = join(dir, 'three-mb.xlsx');
    writeFileSync(
      file,
      zipOf([
        small('xl/workbook.xml', '<workbook/>'),
        { name: 'xl/sharedStrings.xml', deflated: deflatedSpaces(3), claimedSize: 3 * 1024 * 1024 },
      ]),
    );
    const refused = await run('recalc', file, '--max-unzipped', '2');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('part xl/sharedStrings.xml unzips to more than the 2 MB a workbook may take');
  });
});

describe('files that are not workbooks', () => {
  it('exits 1 naming a file that is not a zip', async () => {
    const file = join(dir, 'not.xlsx');
    writeFileSync(file, 'plain text');
    const { code, out, err } = await run('recalc', file);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toMatch(new RegExp(`^multiasset: ${file}: not an Excel workbook \\(\\.xlsx is a zip package; .+\\)$`));
  });

  it('exits 1 naming a zip that holds no workbook', async () => {
    const file = join(dir, 'photos.xlsx');
    const zip = new JSZip();
    zip.file('photo.txt', 'not a workbook');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await run('recalc', file)).toEqual({
      code: 1,
      out: '',
      err: `multiasset: ${file}: a zip package but no Excel workbook (it has no xl/workbook.xml)`,
    });
  });
});

describe('stored settings XML cannot hold', () => {
  it('skips a setting holding &#x110000; with a warning and recalculates with the rest', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Desk').getCell('A1').value = { formula: '_xldudf_MARGIN_COLLATERAL_VALUE("BTC",2,100000,"desk-example")' };
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    await withWebExtension(
      zip,
      `<we:property name="multiasset.defaultPreset" value="&quot;bit&#x110000;get&quot;"/>${settingsProperties({ 'multiasset.customPresets': [deskPreset()] })}`,
    );
    const file = join(dir, 'bad-code-point.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const { code, out, err } = await run('recalc', file, '--json');
    expect(code).toBe(0);
    expect(err).toBe(
      'multiasset: warning: setting multiasset.defaultPreset in xl/webextensions/webextension1.xml skipped: &#x110000; is not a character XML can hold',
    );
    expect(JSON.parse(out)).toEqual({ 'Desk!A1': 192500 });
  });
});

describe('--preset files', () => {
  it('refuses two files with the same preset id, naming both', async () => {
    const copy = join(dir, 'desk-example-copy.json');
    writeFileSync(copy, readFileSync(DESK_PRESET));
    for (const command of [
      ['eval', '=1'],
      ['recalc', DESK],
    ]) {
      const { code, out, err } = await run(...command, '--preset', DESK_PRESET, '--preset', copy);
      expect({ code, out }).toEqual({ code: 1, out: '' });
      expect(err).toBe(
        `multiasset: ${copy}: preset id "desk-example" is already given by ${DESK_PRESET}; each --preset file needs its own id`,
      );
    }
  });
});

describe("sheets as large as Excel's grid", () => {
  it('recalculates a sheet of 50,000 rows (beyond the formula engine default of 40,000)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Long');
    for (let r = 1; r <= 50_000; r += 1) ws.getCell(r, 1).value = r;
    ws.getCell(50_001, 1).value = { formula: 'SUM(A1:A50000)' };
    ws.getCell(50_001, 2).value = { formula: '_xldudf_MARGIN_COLLATERAL_VALUE("BTC",A10,60000,"bitget")' };
    const file = join(dir, 'long.xlsx');
    await wb.xlsx.writeFile(file);
    const { code, out, err } = await run('recalc', file, '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out)).toEqual({ 'Long!A50001': 1250025000, 'Long!B50001': 582000 });
  });

  it('names the sheet and the limit when a sheet is wider than Excel allows', () => {
    const registry = new PresetRegistry(BUILTIN_PRESETS);
    const wide = [Array.from({ length: 16_385 }, (_v, i) => i)];
    expect(() => buildFormulaEngine({ Fine: [[1]], Wide: wide }, { registry })).toThrow(
      'sheet Wide has 1 rows and 16385 columns; a sheet holds at most 1048576 rows and 16384 columns',
    );
  });
});
