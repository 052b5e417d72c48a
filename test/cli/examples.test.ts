import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as makeDeskWorkbook } from '../../scripts/make-desk-workbook';

const ROOT = join(__dirname, '../..');
const DESK = join(ROOT, 'examples/desk.xlsx');
const TEMPLATE = join(ROOT, 'examples/desk-template.xlsx');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-examples-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run examples', () => {
  it('writes the same bytes every time, and those of the tracked examples/desk.xlsx and desk-template.xlsx', async () => {
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    const firstTemplate = join(dir, 'first-template.xlsx');
    const secondTemplate = join(dir, 'second-template.xlsx');
    await makeDeskWorkbook(first, firstTemplate);
    // A second later: the zip entries carry a fixed date, not the time of writing.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await makeDeskWorkbook(second, secondTemplate);
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    expect(readFileSync(secondTemplate).equals(readFileSync(firstTemplate))).toBe(true);
    expect(readFileSync(DESK).equals(readFileSync(first))).toBe(true);
    expect(readFileSync(TEMPLATE).equals(readFileSync(firstTemplate))).toBe(true);
  });

  it('does not ignore the tracked sample workbook in .gitignore', () => {
    const patterns = readFileSync(join(ROOT, '.gitignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const ignores = (pattern: string) => {
      const glob = new RegExp(
        `^/?${pattern
          .replace(/[.+^${}()|\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')
          .replace(/\/$/, '(/.*)?')}$`,
      );
      return ['examples/desk.xlsx', 'examples/desk-template.xlsx', 'desk.xlsx', 'examples/', 'examples'].some((path) => glob.test(path));
    };
    expect(patterns.filter(ignores)).toEqual([]);
  });
});
