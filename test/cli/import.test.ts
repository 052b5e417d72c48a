import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The installed command (bin/multiasset.js over build/cli, made by `npm run prepare`), run as a user runs it. */
const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/multiasset.js');
const FIXTURES = join(ROOT, 'test/fixtures/api');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const cli = (args: readonly string[], input?: string): Run => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** Asynchronous, so that a server in this process can answer the command. */
const cliAsync = (args: readonly string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiasset-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type TierJson = { floor: string; cap: string | null; ratio: string };
type PresetJsonOut = {
  id: string;
  status: string;
  asOf: string;
  source: string;
  assets: Record<string, { tierUnit: string; tiers: TierJson[]; individualLimit?: string; platformLimit?: string }>;
  brackets?: Record<string, { floor: string; cap: string | null; mmr: string; cum: string; maxLeverage?: string; imr?: string }[]>;
};

describe('multiasset import', () => {
  it('imports a saved Bitget discount-rate response and prints the preset JSON with every documented tier', () => {
    const r = cli(['import', 'bitget', join(FIXTURES, 'bitget-discount-rate-doc.json')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const preset = JSON.parse(r.stdout) as PresetJsonOut;
    expect(preset.id).toBe('bitget-imported');
    expect(preset.status).toBe('imported');
    expect(preset.asOf).toBe('2024-09-09');
    expect(preset.assets.BTC?.tiers).toEqual([
      { floor: '0', cap: '10000', ratio: '0.99' },
      { floor: '10000', cap: '100000', ratio: '0.95' },
      { floor: '100000', cap: '200000', ratio: '0.9' },
      { floor: '200000', cap: null, ratio: '0.8' },
    ]);
    expect(preset.assets.ETH?.tiers).toEqual([
      { floor: '0', cap: '100', ratio: '0.9' },
      { floor: '100', cap: '5000', ratio: '0.7' },
      { floor: '5000', cap: null, ratio: '0.5' },
    ]);
  });

  it('--diff lists the changes against the built-in preset, tier by tier', () => {
    const r = cli(['import', 'bitget', join(FIXTURES, 'bitget-discount-rate-doc.json'), '--diff']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('bitget-imported against bitget (2026-11-21):');
    expect(lines).toContain('  BTC tiers[0]: 0 to 100000 at 0.975 → 0 to 10000 at 0.99');
    expect(lines).toContain('  BTC tiers[4]: 5000000 and above at 0.85 → —');
    expect(lines).toContain('  BTC platformLimit: 5000 → 1500');
  });

  it('reads the response from stdin with -', () => {
    const r = cli(['import', 'bybit', '-'], readFileSync(join(FIXTURES, 'bybit-collateral-doc.json'), 'utf8'));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as PresetJsonOut).assets.BTC?.tiers).toEqual([
      { floor: '0', cap: '1000000', ratio: '0.85' },
      { floor: '1000000', cap: null, ratio: '0' },
    ]);
  });

  it('exits 1 naming the field when the response is refused, and writes nothing', () => {
    const bad = JSON.parse(readFileSync(join(FIXTURES, 'bitget-discount-rate-doc.json'), 'utf8')) as {
      data: { discountRateList: { discountRate: string }[] }[];
    };
    bad.data[1]!.discountRateList[2]!.discountRate = '1.5';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(dir, 'never.json');
    const r = cli(['import', 'bitget', file, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `multiasset: import bitget ${file}: preset response.data[1].discountRateList[2].discountRate: expected a ratio from 0 to 1, got 1.5\n`,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 2 with the usage for an unknown exchange', () => {
    const r = cli(['import', 'kraken', 'x.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('multiasset: import: unknown exchange "kraken"; expected binance, bitget, okx, bybit');
  });

  it('imports brackets into a preset file with --into and --out, then eval spills them with MARGIN.BRACKETS', () => {
    const first = join(dir, 'bitget-imported.json');
    expect(cli(['import', 'bitget', join(FIXTURES, 'bitget-discount-rate-doc.json'), '--out', first]).status).toBe(0);
    const second = join(dir, 'bitget-imported-brackets.json');
    const r = cli([
      'import',
      'bitget',
      join(FIXTURES, 'bitget-query-position-lever-doc.json'),
      '--preset',
      first,
      '--into',
      'bitget-imported',
      '--out',
      second,
      '--diff',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'bitget-imported against bitget-imported (2024-09-09):',
      '  brackets.BTCUSDT: — → 0 to 50000: mmr 0.004, cum 0, 125×; 50000 to 200000: mmr 0.005, cum 50, 100×',
    ]);
    const preset = JSON.parse(readFileSync(second, 'utf8')) as PresetJsonOut;
    expect(preset.assets.BTC?.tiers[0]).toEqual({ floor: '0', cap: '10000', ratio: '0.99' });
    expect(preset.brackets?.BTCUSDT).toEqual([
      { floor: '0', cap: '50000', mmr: '0.004', cum: '0', maxLeverage: '125' },
      { floor: '50000', cap: '200000', mmr: '0.005', cum: '50', maxLeverage: '100' },
    ]);
    const evaluated = cli([
      'eval',
      '--preset',
      second,
      '=MARGIN.BRACKETS("BTCUSDT","bitget-imported")',
      '=MARGIN.MAINT_MARGIN({"BTCUSDT","LONG",1,60000,60000,""},"bitget-imported")',
    ]);
    expect(evaluated.stdout.split('\n')).toEqual([
      'floor\tcap\tmmr\tcum\timr\tmax_leverage',
      '0\t50000\t0.004\t0\t0.008\t125',
      '50000\t200000\t0.005\t50\t0.01\t100',
      '250',
      '',
    ]);
  });

  it('imports OKX position tiers with --instruments, in contracts of ctVal, and eval spills and uses them', () => {
    const out = join(dir, 'okx-tiers.json');
    const r = cli([
      'import',
      'okx',
      join(FIXTURES, 'okx-position-tiers-swap.json'),
      '--instruments',
      join(FIXTURES, 'okx-instruments-swap.json'),
      '--out',
      out,
    ]);
    expect(r.stderr).toContain('multiasset: wrote');
    expect(r.status).toBe(0);
    const preset = JSON.parse(readFileSync(out, 'utf8')) as PresetJsonOut;
    expect(preset.brackets?.['BTC-USDT-SWAP']).toEqual([
      { floor: '0', cap: '2000', mmr: '0.004', cum: '0', maxLeverage: '100', contractValue: '0.01' },
      { floor: '2000', cap: '4000', mmr: '0.008', cum: '0', maxLeverage: '50', contractValue: '0.01' },
      { floor: '4000', cap: '8000', mmr: '0.02', cum: '0', maxLeverage: '20', contractValue: '0.01' },
    ]);
    const evaluated = cli([
      'eval',
      '--preset',
      out,
      '=MARGIN.BRACKETS("BTC-USDT-SWAP","okx-imported")',
      '=MARGIN.MAINT_MARGIN({"BTC-USDT-SWAP","LONG",25,60000,60000,""},"okx-imported")',
    ]);
    expect(evaluated.stdout.split('\n')).toEqual([
      'floor_contracts\tcap_contracts\tmmr\tcum\timr\tmax_leverage\tcontract_value',
      '0\t2000\t0.004\t0\t0.01\t100\t0.01',
      '2000\t4000\t0.008\t0\t0.02\t50\t0.01',
      '4000\t8000\t0.02\t0\t0.05\t20\t0.01',
      '12000',
      '',
    ]);
  });

  it('exits 1 saying to give --instruments when OKX position tiers come alone', () => {
    const r = cli(['import', 'okx', join(FIXTURES, 'okx-position-tiers-swap.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "give OKX's instruments response for BTC-USDT after this one (the task pane: paste it below; the command line: --instruments FILE|URL)",
    );
  });

  it('exits 2 for --instruments with another exchange', () => {
    const r = cli(['import', 'bitget', join(FIXTURES, 'bitget-query-position-lever-doc.json'), '--instruments', 'x.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--instruments is for OKX position tiers');
  });

  it("imports Bitget's v3 position tiers from a file with --symbol, and asks for the symbol without it", () => {
    const file = join(FIXTURES, 'bitget-v3-position-tier-doc.json');
    const named = cli(['import', 'bitget', file, '--symbol', 'BTCUSDT', '--diff']);
    expect(named.stderr).toBe('');
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('brackets.BTCUSDT:');
    const unnamed = cli(['import', 'bitget', file]);
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toBe(
      'multiasset: import bitget ' +
        file +
        ": preset response.data[0].symbol: Bitget's v3 position tiers do not repeat the symbol of the request: import them from their URL (https://api.bitget.com/api/v3/market/position-tier?category=USDT-FUTURES&symbol=BTCUSDT), or name it (the command line: --symbol BTCUSDT)\n",
    );
  });

  describe('from a URL', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        const answers: Record<string, string> = {
          '/api/v2/mix/market/query-position-lever?symbol=BTCUSDT&productType=usdt-futures': 'bitget-query-position-lever-doc.json',
          '/api/v3/market/position-tier?category=USDT-FUTURES&symbol=ETHUSDT': 'bitget-v3-position-tier-doc.json',
          '/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT': 'okx-position-tiers-swap.json',
          '/api/v5/public/instruments?instType=SWAP&instFamily=BTC-USDT': 'okx-instruments-swap.json',
        };
        const file = answers[req.url ?? ''];
        if (file !== undefined) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(readFileSync(join(FIXTURES, file)));
        } else {
          res.writeHead(404, 'Not Found');
          res.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches an http URL and imports the brackets it answers', async () => {
      const r = await cliAsync([
        'import',
        'bitget',
        `${base}/api/v2/mix/market/query-position-lever?symbol=BTCUSDT&productType=usdt-futures`,
      ]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const preset = JSON.parse(r.stdout) as PresetJsonOut;
      expect(preset.source).toBe('https://api.bitget.com/api/v2/mix/market/query-position-lever');
      expect(preset.brackets?.BTCUSDT?.map((b) => [b.floor, b.cap, b.mmr, b.cum])).toEqual([
        ['0', '50000', '0.004', '0'],
        ['50000', '200000', '0.005', '50'],
      ]);
    });

    it("imports Bitget's v3 position tiers as leverage brackets, for the symbol of the URL", async () => {
      const r = await cliAsync(['import', 'bitget', `${base}/api/v3/market/position-tier?category=USDT-FUTURES&symbol=ETHUSDT`]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const preset = JSON.parse(r.stdout) as PresetJsonOut;
      expect(preset.source).toBe('https://api.bitget.com/api/v3/market/position-tier');
      expect(preset.brackets?.ETHUSDT?.map((b) => [b.floor, b.cap, b.mmr, b.cum])).toEqual([['0', '100000', '0.004', '0']]);
    });

    it('fetches OKX position tiers and then the instruments of their family, for the contract values', async () => {
      const r = await cliAsync([
        'import',
        'okx',
        `${base}/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT`,
        '--diff',
      ]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(
        '  brackets.BTC-USDT-SWAP: — → 0 to 2000 contracts of 0.01: mmr 0.004, cum 0, 100×; 2000 to 4000 contracts of 0.01: mmr 0.008, cum 0, 50×; 4000 to 8000 contracts of 0.01: mmr 0.02, cum 0, 20×',
      );
    });

    it('exits 1 saying the fetch failed (and to save or paste the response) on an HTTP error', async () => {
      const r = await cliAsync(['import', 'bitget', `${base}/nothing`]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `multiasset: import bitget ${base}/nothing: endpoint URL: fetching ${base}/nothing failed (HTTP 404 Not Found); paste the response JSON instead\n`,
      );
    });
  });
});
