import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli';

const FIXTURES = join(__dirname, '../fixtures/account');
const fixture = (name: string): string => join(FIXTURES, name);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('multiasset account', () => {
  it('prints the tables and the reconciliation of the OKX documentation examples', async () => {
    const { code, out, err } = await run('account', 'okx', fixture('okx-account-balance.json'), fixture('okx-account-positions.json'));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\n');
    expect(lines.slice(0, 3)).toEqual(['balances', 'asset\tamount\tprice\tupnl', 'USDT\t4850.435693622894\t0.99973\t-7.545600000000006']);
    expect(lines).toContain("reconciliation: ours by preset okx (as of 2026-11-21), the exchange's in USD");
    expect(lines).toContain('maint_margin\t0\tmmr\t0\t0\tagrees (within rounding)');
    expect(lines[lines.length - 1]).toBe(
      '- BTC-USDT (MARGIN) skipped: only perpetual and expiry futures positions take part in the margin ratio here',
    );
  });

  it('takes --price for an asset the responses leave unpriced, and --json prints one object', async () => {
    const { code, out } = await run('account', 'binance', fixture('binance-account-v2.json'), '--price', 'BUSD=1', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { balances: unknown[]; reconciliation: unknown[][]; preset: unknown };
    expect(json.preset).toEqual({ id: 'binance', asOf: expect.any(String) });
    expect(json.balances).toEqual([
      ['asset', 'amount', 'price', 'upnl'],
      ['USDT', 23.72469206, 1, null],
      ['BUSD', 103.12345678, 1, null],
    ]);
    expect(json.reconciliation[1]).toEqual([
      'equity',
      null,
      'totalMarginBalance',
      23.72469206,
      null,
      'an asset without tiers: preset binance does not list BUSD',
    ]);
  });

  it('writes the three tables to a workbook as Excel tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'account-'));
    try {
      const out = join(dir, 'account.xlsx');
      const result = await run(
        'account',
        'bybit',
        fixture('bybit-wallet-balance.json'),
        fixture('bybit-position-list-linear.json'),
        '--out',
        out,
      );
      expect(result).toEqual({ code: 0, out: '', err: `multiasset: wrote ${out} (sheets Balances, Positions, Reconciliation)` });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Balances', 'Positions', 'Reconciliation']);
      const balances = workbook.getWorksheet('Balances');
      expect(balances?.getRow(2).values).toEqual([undefined, 'BTC', 0.805994, 16031.07904696561]);
      expect(Object.keys((balances as unknown as { tables: object }).tables)).toEqual(['BalancesTable']);
      expect(workbook.getWorksheet('Positions')?.getRow(1).values).toEqual([
        undefined,
        'symbol',
        'side',
        'size',
        'entry',
        'mark',
        'mmr',
        'cum',
        'imr',
        'margin_mode',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the Bitget documentation examples', async () => {
    const { code, out } = await run(
      'account',
      'bitget',
      fixture('bitget-mix-position-all-position.json'),
      fixture('bitget-mix-account-accounts.json'),
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as { balances: unknown[]; positions: unknown[]; exchangeUnit: string };
    expect(json.balances).toHaveLength(3);
    expect(json.positions).toHaveLength(2);
    expect(json.exchangeUnit).toBe('USDT');
  });

  it('is a usage error without an exchange it can read, or without files', async () => {
    expect((await run('account', 'kraken', 'a.json')).code).toBe(2);
    const noFiles = await run('account', 'okx');
    expect(noFiles.code).toBe(2);
    expect(noFiles.err).toMatch(/^multiasset: account needs the response files/);
    expect((await run('account', 'okx', 'a.json', '--price', 'BTC=cheap')).err).toMatch(/--price needs ASSET=PRICE/);
  });

  it("refuses Bybit's documented inverse position (BTCUSD, category inverse) by name, as a refused file", async () => {
    const { code, out, err } = await run('account', 'bybit', fixture('bybit-wallet-balance.json'), fixture('bybit-position-list.json'));
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toBe(
      'multiasset: bybit GET /v5/position/list: response.result.list[0].symbol: BTCUSD is a coin-margined (inverse) contract (category inverse): multi-asset margin covers linear (USDT/USDC) contracts only; leave it out of the positions response',
    );
  });

  it('refuses a file that is not one of the two responses, with the exit code of a refused file', async () => {
    const { code, err } = await run('account', 'okx', fixture('bybit-wallet-balance.json'));
    expect(code).toBe(1);
    expect(err).toBe(
      'multiasset: okx: the response is not one of the two, or repeats one; expected GET /api/v5/account/balance and GET /api/v5/account/positions (and GET /api/v5/public/instruments for the contract values)',
    );
  });

  describe('OKX contract values (--instruments FILE|URL)', () => {
    // ccxt's recorded LTC-USDT-SWAP answer; its own notionalUsd, imr and upl fit contracts of 0.001 LTC.
    const instruments = JSON.stringify({
      code: '0',
      msg: '',
      data: [{ instType: 'SWAP', instId: 'LTC-USDT-SWAP', instFamily: 'LTC-USDT', ctType: 'linear', ctVal: '0.001', ctValCcy: 'LTC' }],
    });
    const positions = fixture('okx-positions-ltc-swap-ccxt.json');
    const balance = fixture('okx-account-balance.json');
    const positionLine = 'LTC-USDT-SWAP\tLONG\t0.002\t82.675\t101.33\t0.0065\t0\t0.1\tcross';

    it('refuses the positions without a contract value, saying how to give it', async () => {
      const { code, err } = await run('account', 'okx', balance, positions);
      expect(code).toBe(1);
      expect(err).toBe(
        "multiasset: okx GET /api/v5/account/positions: response.data[0].pos: pos counts contracts of LTC-USDT-SWAP, whose contract value (ctVal) is not given: give OKX's instruments response for it (https://www.okx.com/api/v5/public/instruments?instType=SWAP&instId=LTC-USDT-SWAP), pasted with the responses or on the command line with --instruments FILE|URL",
      );
    });

    it('reads them from a file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'account-'));
      try {
        const file = join(dir, 'instruments.json');
        writeFileSync(file, instruments);
        const { code, out } = await run('account', 'okx', balance, positions, '--instruments', file);
        expect(code).toBe(0);
        expect(out.split('\n')).toContain(positionLine);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('fetches them from a URL, as import okx does', async () => {
      const asked: string[] = [];
      const server = createServer((req, res) => {
        asked.push(req.url ?? '');
        res.setHeader('content-type', 'application/json');
        res.end(instruments);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const url = `http://127.0.0.1:${port}/api/v5/public/instruments?instType=SWAP&instId=LTC-USDT-SWAP`;
        const { code, out } = await run('account', 'okx', balance, positions, `--instruments=${url}`);
        expect(code).toBe(0);
        expect(out.split('\n')).toContain(positionLine);
        expect(asked).toEqual(['/api/v5/public/instruments?instType=SWAP&instId=LTC-USDT-SWAP']);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('is a usage error for another exchange', async () => {
      const { code, err } = await run('account', 'binance', fixture('binance-account-v2.json'), '--instruments', positions);
      expect(code).toBe(2);
      expect(err).toMatch(/--instruments is for OKX positions/);
    });
  });
});
