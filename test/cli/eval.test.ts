import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';

const ROOT = join(__dirname, '../..');
const DESK_PRESET = join(ROOT, 'examples/presets/desk-example.json');

/** Runs the program in-process and collects what it prints. */
async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(l) });
  return { code, out, err: err.join('\n') };
}

describe('multiasset eval', () => {
  it('prints 582000 for 10 BTC at 60,000 on Bitget', async () => {
    expect(await run('eval', '=MARGIN.COLLATERAL_VALUE("BTC",10,60000,"bitget")')).toEqual({ code: 0, out: ['582000'], err: '' });
  });

  it('prints one line per formula, numbers in shortest round-trip form and text as is', async () => {
    const { out } = await run(
      'eval',
      '=MARGIN.MULTIASSET_LTV({"BTC",10,60000;"USDT",-5000,1},"bitget")',
      '=MARGIN.RISK_LEVEL(0.9)',
      'MARGIN.LIABILITY_INTEREST(-5000,0.00001,24)',
    );
    expect(out).toEqual([String(Number('0.00859106529209621993127147766323024054982817869415807560137457')), 'DANGER', '1.2']);
  });

  it('prints a spilled table as tab-separated rows, an empty cap as an empty field', async () => {
    const { out } = await run('eval', '=MARGIN.COLLATERAL_TIERS("BTC","bitmart")');
    expect(out).toEqual([
      'floor\tcap\tratio\tunit',
      '0\t10\t0.95\tquantity',
      '10\t20\t0.925\tquantity',
      '20\t\tunpublished beyond 20\tquantity',
    ]);
  });

  it('prints an error as "#CODE! message"', async () => {
    const { code, out } = await run(
      'eval',
      '=MARGIN.COLLATERAL_VALUE("ETH",1,3000,"bitget")',
      '=MARGIN.ACCOUNT_EQUITY({"BTC","ten",60000})',
    );
    expect(code).toBe(0);
    expect(out).toEqual([
      '#N/A asset: the ETH haircut tiers of preset bitget are unpublished; import the live table or enter the tiers in the task pane',
      '#VALUE! balances, row 1, amount: expected a number, got "ten"',
    ]);
  });

  it('makes --exchange the preset of formulas that name none', async () => {
    const { out } = await run(
      'eval',
      '--exchange',
      'BITGET',
      '=MARGIN.COLLATERAL_VALUE("BTC",10,60000)',
      '=MARGIN.COLLATERAL_VALUE("BTC",10,60000,"binance")',
    );
    expect(out).toEqual(['582000', '570000']);
  });

  it('loads --preset files and can make one of them the default', async () => {
    // desk-example: BTC 97.5% up to 100,000 of value, 95% beyond
    const { code, out } = await run(
      'eval',
      `--preset=${DESK_PRESET}`,
      '--exchange',
      'desk-example',
      '=MARGIN.COLLATERAL_VALUE("BTC",2,100000)',
      '=MARGIN.PRESETS()',
    );
    expect(code).toBe(0);
    expect(out[0]).toBe('192500');
    expect(out.at(-1)?.split('\t').slice(0, 2)).toEqual(['desk-example', 'Desk example']);
  });

  describe('refusals', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'multiasset-eval-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a malformed preset file with the message pointing at the field, exit code 1', async () => {
      const bad = JSON.parse(readFileSync(DESK_PRESET, 'utf8')) as { assets: { BTC: { tiers: { ratio: unknown }[] } } };
      const tier = bad.assets.BTC.tiers[0];
      if (tier) tier.ratio = 'lots';
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(bad));
      const { code, out, err } = await run('eval', '--preset', file, '=MARGIN.PRESETS()');
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err).toMatch(new RegExp(`^multiasset: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: preset assets\\.BTC\\.tiers`));
    });

    it('refuses a preset file that is not JSON and one that is missing', async () => {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{ "id": ');
      expect((await run('eval', '--preset', file, '=1')).code).toBe(1);
      const missing = await run('eval', '--preset', join(dir, 'none.json'), '=1');
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('cannot read the preset file');
    });

    it('refuses an unknown --exchange, listing the known presets', async () => {
      const { code, err } = await run('eval', '--exchange', 'nowhere', '=1');
      expect(code).toBe(1);
      expect(err).toBe('multiasset: --exchange: exchange: unknown preset "nowhere"; known: binance, bitget, bitmart, okx, bybit');
    });

    it('prints #ERROR! for a formula that does not parse and exits 1', async () => {
      const { code, out } = await run('eval', '=MARGIN.PRESETS(', '=1+1');
      expect(code).toBe(1);
      expect(out).toEqual(['#ERROR! cannot parse the formula =MARGIN.PRESETS(', '2']);
    });
  });
});

describe('usage', () => {
  it('prints the usage for --help and with no arguments, exit code 0', async () => {
    for (const argv of [['--help'], [], ['help']]) {
      const { code, out } = await run(...argv);
      expect(code).toBe(0);
      expect(out[0]).toBe('Usage:');
      expect(out.join('\n')).toContain('multiasset recalc WORKBOOK.xlsx');
    }
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"; expected eval, recalc, import or account'],
    [['eval'], 'eval needs at least one formula'],
    [['eval', '--exchange'], '--exchange needs a value'],
    [['eval', '--verbose', '=1'], 'unknown option --verbose'],
    [['eval', '--json', '=1'], '--json and --out belong to recalc'],
    [['recalc'], 'recalc needs a workbook (.xlsx)'],
    [['eval', '--in-place', '=1'], '--in-place, --jobs and --max-unzipped belong to recalc'],
    [['recalc', 'a.xlsx', 'b.xlsx', '--out', 'c.xlsx'], '--out names one copy; with several workbooks use --in-place'],
    [['recalc', 'a.xlsx', '--jobs', '0'], '--jobs takes a whole number from 1 to 256, not "0"'],
    [['recalc', 'a.xlsx', '--max-unzipped=lots'], '--max-unzipped takes a whole number from 1 to 65536, not "lots"'],
  ])('exits 2 on %j: %s', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.split('\n')[0]).toBe(`multiasset: ${message}`);
    expect(err).toContain('Usage:');
  });
});

describe('the examples of docs/FUNCTIONS.md that name a sample preset', () => {
  const stored = JSON.parse(readFileSync(join(ROOT, 'docs/function-examples.json'), 'utf8')) as Record<
    string,
    { formula: string; lines: string[]; presets?: string[] }[]
  >;
  const needing = Object.values(stored)
    .flat()
    .filter((e) => (e.presets ?? []).length > 0);

  it('are there, and run as written with the --preset files they name', async () => {
    expect(needing.length).toBeGreaterThan(0);
    for (const example of needing) {
      const flags = (example.presets ?? []).flatMap((file) => ['--preset', join(ROOT, file)]);
      expect(await run('eval', ...flags, example.formula)).toEqual({ code: 0, out: example.lines, err: '' });
    }
  });
});

describe("the README's function table", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  // A row whose example is one formula (and the --preset it needs) and whose result is one value.
  const rows = [...readme.matchAll(/^\| .+? \| `(=MARGIN\.[^`]+)`(?: \(with `--preset ([^`]+)`\))? \| `([^`|]+)` \|$/gm)].map((m) => ({
    formula: m[1] ?? '',
    preset: m[2],
    result: m[3] ?? '',
  }));

  it('prints what each one-value example says, as written', async () => {
    expect(rows.length).toBeGreaterThan(12);
    for (const row of rows) {
      const flags = row.preset === undefined ? [] : ['--preset', join(ROOT, row.preset)];
      expect([row.formula, await run('eval', ...flags, row.formula)]).toEqual([row.formula, { code: 0, out: [row.result], err: '' }]);
    }
  });
});
