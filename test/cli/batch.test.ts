import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { DESK, packageParts, sharedDeskWorkbook } from './support/workbooks';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/multiasset.js');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
let files: { desk: string; shared: string; nested: string };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-batch-'));
  mkdirSync(join(dir, 'books', 'north'), { recursive: true });
  files = {
    desk: join(dir, 'books', 'a-desk.xlsx'),
    shared: join(dir, 'books', 'b-shared.xlsx'),
    nested: join(dir, 'books', 'north', 'c-desk.xlsx'),
  };
  copyFileSync(DESK, files.desk);
  copyFileSync(DESK, files.nested);
  await sharedDeskWorkbook(files.shared);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function single(file: string, ...flags: string[]): Promise<string> {
  const result = await run('recalc', file, ...flags);
  expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: '' });
  return result.out;
}

describe('multiasset recalc with several workbooks', () => {
  it('prints one block per file, in the order given, each as the file alone would print', async () => {
    const { code, out, err } = await run('recalc', files.shared, files.desk);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`== ${files.shared}\n${await single(files.shared)}\n\n== ${files.desk}\n${await single(files.desk)}`);
  });

  it('keys --json by file, then Sheet!A1', async () => {
    const { code, out } = await run('recalc', files.desk, files.shared, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, Record<string, unknown>>;
    expect(Object.keys(json)).toEqual([files.desk, files.shared]);
    expect(json[files.desk]).toEqual(JSON.parse(await single(files.desk, '--json')));
    expect(json[files.shared]?.['Desk!A1']).toBe(582000);
  });

  it('expands globs, ** through folders, sorted', async () => {
    const { code, out } = await run('recalc', join(dir, 'books', '**', '*.xlsx'), '--json');
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(out) as object)).toEqual([files.desk, files.shared, files.nested]);
    const one = await run('recalc', join(dir, 'books', 'north', '*.xlsx'), '--json');
    expect(Object.keys(JSON.parse(one.out) as object)).toEqual([files.nested]);
    const none = await run('recalc', join(dir, 'books', '*.xls'), files.desk);
    expect(none).toMatchObject({ code: 1, err: `multiasset: ${join(dir, 'books', '*.xls')}: no file matches` });
  });

  it('reports a refused file on stderr by name, does the others, and exits 1', async () => {
    const bad = join(dir, 'broken.xlsx');
    writeFileSync(bad, 'not a zip');
    const { code, out, err } = await run('recalc', files.desk, bad, files.shared, '--json');
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^multiasset: ${bad}: not an Excel workbook`));
    expect(Object.keys(JSON.parse(out) as object)).toEqual([files.desk, files.shared]);
  });
});

describe('the installed command runs several workbooks in worker threads', () => {
  it('has its worker compiled beside it', () => {
    expect(existsSync(join(ROOT, 'build/cli/recalcWorker.js'))).toBe(true);
  });

  it('gives in worker threads what one process gives', async () => {
    const result = spawnSync(process.execPath, [BIN, 'recalc', join(dir, 'books', '**', '*.xlsx'), '--jobs', '2', '--json'], {
      encoding: 'utf8',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json).toEqual({
      [files.desk]: JSON.parse(await single(files.desk, '--json')),
      [files.shared]: JSON.parse(await single(files.shared, '--json')),
      [files.nested]: JSON.parse(await single(files.nested, '--json')),
    });
  });

  it('writes each workbook back with --in-place, keeping its other parts and no temporary file', async () => {
    const sub = join(dir, 'inplace');
    mkdirSync(sub);
    const a = join(sub, 'a.xlsx');
    const b = join(sub, 'b.xlsx');
    await sharedDeskWorkbook(a);
    await sharedDeskWorkbook(b);
    const before = await packageParts(a);
    const result = spawnSync(process.execPath, [BIN, 'recalc', a, b, '--in-place'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`multiasset: wrote ${a} (5 formula cells)\nmultiasset: wrote ${b} (5 formula cells)\n`);
    expect(readdirSync(sub).sort()).toEqual(['a.xlsx', 'b.xlsx']);
    for (const file of [a, b]) {
      const after = await packageParts(file);
      expect(
        after.get('xl/webextensions/webextension1.xml')?.equals(before.get('xl/webextensions/webextension1.xml') ?? Buffer.alloc(0)),
      ).toBe(true);
      expect(after.get('xl/worksheets/sheet1.xml')?.toString('utf8')).toContain('<v>582000</v>');
    }
  });
});
