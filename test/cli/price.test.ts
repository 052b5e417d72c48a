import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli';

const documented = (name: string): string => readFileSync(join(__dirname, '../fixtures/prices', name), 'utf8');

type Json = Record<string, unknown>;
const json = (name: string): Json => JSON.parse(documented(name)) as Json;

/** Bitget's documented ticker answer with its row set to `symbol`, as the exchange answers for that symbol. */
function bitgetTicker(symbol: string): string {
  const answer = json('bitget-rest-ticker.json');
  const [row] = answer.data as Json[];
  return JSON.stringify({ ...answer, data: [{ ...row, symbol }] });
}

/** The documented REST answers, by request path. */
const ROUTES: Readonly<Record<string, string>> = {
  '/fapi/v1/premiumIndex?symbol=BTCUSDT': documented('binance-rest-premiumIndex.json'),
  '/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP': documented('okx-rest-mark-price.json'),
  '/api/v2/mix/market/ticker?productType=USDT-FUTURES&symbol=ETHUSDT': bitgetTicker('ETHUSDT'),
  // Bitget's documented answer as printed: a COIN-M delivery contract's row.
  '/api/v2/mix/market/ticker?productType=USDT-FUTURES&symbol=ETHUSD': documented('bitget-rest-ticker.json'),
};

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(l) });
  return { code, out, err: err.join('\n') };
}

/** The exchanges' REST APIs as documented, on 127.0.0.1; any other path is 404. */
let server: Server;
let base: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const body = ROUTES[request.url ?? ''];
    if (body !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else {
      response.writeHead(404).end('{"code":-1121,"msg":"Invalid symbol."}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.MULTIASSET_LIVE_BASE_URL = base;
});

afterAll(async () => {
  delete process.env.MULTIASSET_LIVE_BASE_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  asked.length = 0;
});

/**
 * A cache gone wrong in front of all four exchanges: whatever is asked, it answers with ETH's row of the documented
 * answer, at 3000.
 */
function ethRow(path: string): string {
  if (path.startsWith('/fapi/')) return JSON.stringify({ ...json('binance-rest-premiumIndex.json'), symbol: 'ETHUSDT', markPrice: '3000' });
  const okx = json('okx-rest-mark-price.json');
  if (path.startsWith('/api/v5/'))
    return JSON.stringify({ ...okx, data: [{ ...(okx.data as Json[])[0], instId: 'ETH-USDT-SWAP', markPx: '3000' }] });
  if (path.startsWith('/v5/')) {
    const bybit = json('bybit-rest-tickers.json');
    const result = bybit.result as Json;
    const row = { ...(result.list as Json[])[0], symbol: 'ETHUSDT', markPrice: '3000' };
    return JSON.stringify({ ...bybit, result: { ...result, category: 'linear', list: [row] } });
  }
  const bitget = json('bitget-rest-ticker.json');
  return JSON.stringify({ ...bitget, data: [{ ...(bitget.data as Json[])[0], symbol: 'ETHUSDT', markPrice: '3000' }] });
}

describe('--live behind a cache that answers every request with the same row', () => {
  let cache: Server;
  let cacheBase: string;
  beforeAll(async () => {
    cache = createServer((request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(ethRow(request.url ?? '')),
    );
    await new Promise<void>((resolve) => cache.listen(0, '127.0.0.1', resolve));
    cacheBase = `http://127.0.0.1:${(cache.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => cache.close(() => resolve())));

  it("never gives BTC ETH's 3000: each exchange's answer is refused naming the URL and the instrument received", async () => {
    process.env.MULTIASSET_LIVE_BASE_URL = cacheBase;
    try {
      const { out } = await run(
        'eval',
        '--live',
        '=MARGIN.PRICE("BTC","binance")',
        '=MARGIN.PRICE("BTC","okx")',
        '=MARGIN.PRICE("BTC","bybit")',
        '=MARGIN.PRICE("BTC","bitget")',
      );
      expect(out).toEqual([
        `#N/A binance mark price of BTCUSDT: ${cacheBase}/fapi/v1/premiumIndex?symbol=BTCUSDT answered for symbol "ETHUSDT", not the instrument asked for`,
        `#N/A okx mark price of BTC-USDT-SWAP: ${cacheBase}/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP answered for instId "ETH-USDT-SWAP", not the instrument asked for`,
        `#N/A bybit mark price of BTCUSDT: ${cacheBase}/v5/market/tickers?category=linear&symbol=BTCUSDT answered for symbol "ETHUSDT", not the instrument asked for`,
        `#N/A bitget mark price of BTCUSDT: ${cacheBase}/api/v2/mix/market/ticker?productType=USDT-FUTURES&symbol=BTCUSDT answered for symbol "ETHUSDT", not the instrument asked for`,
      ]);
    } finally {
      process.env.MULTIASSET_LIVE_BASE_URL = base;
    }
  });

  it('reads the documented Bybit answer when it is for the symbol asked for', async () => {
    const bybit = json('bybit-rest-tickers.json');
    const result = bybit.result as Json;
    const answer = JSON.stringify({ ...bybit, result: { ...result, list: [{ ...(result.list as Json[])[0], symbol: 'BTCUSDT' }] } });
    const honest = createServer((_request, response) => response.writeHead(200).end(answer));
    await new Promise<void>((resolve) => honest.listen(0, '127.0.0.1', resolve));
    process.env.MULTIASSET_LIVE_BASE_URL = `http://127.0.0.1:${(honest.address() as AddressInfo).port}`;
    try {
      const { out } = await run(
        'eval',
        '--live',
        '=MARGIN.PRICE("BTC","bybit")',
        '=MARGIN.PRICE("BTC","bybit","index")',
        '=MARGIN.PRICE("BTC","bybit","last")',
      );
      expect(out).toEqual(['16596', '16598.54', '16597']);
    } finally {
      process.env.MULTIASSET_LIVE_BASE_URL = base;
      await new Promise<void>((resolve) => honest.close(() => resolve()));
    }
  });
});

describe('MARGIN.PRICE on the command line', () => {
  it('answers #N/A explaining that live prices stream in Excel, and asks no network', async () => {
    expect(await run('eval', '=MARGIN.PRICE("BTC","binance")')).toEqual({
      code: 0,
      out: [
        '#N/A live prices stream in Excel; the command line has no stream for binance mark price of BTCUSDT (run with --live for one REST snapshot where the network allows)',
      ],
      err: '',
    });
    expect(asked).toEqual([]);
  });

  it('with --live takes one REST snapshot per price, read from the documented answer', async () => {
    const { code, out } = await run(
      'eval',
      '--live',
      '=MARGIN.PRICE("BTC","binance")',
      '=MARGIN.PRICE("BTCUSDT","binance","index")',
      '=MARGIN.PRICE("BTC","binance")*2',
    );
    expect({ code, out }).toEqual({ code: 0, out: ['11793.63104562', '11781.8049597', '23587.26209124'] });
    expect(asked).toEqual(['/fapi/v1/premiumIndex?symbol=BTCUSDT', '/fapi/v1/premiumIndex?symbol=BTCUSDT']);
  });

  it('with --live reads OKX and Bitget snapshots from their documented answers', async () => {
    const { out } = await run(
      'eval',
      '--live',
      '=MARGIN.PRICE("BTC","okx")',
      '=MARGIN.PRICE("ETH","bitget","last")',
      '=MARGIN.PRICE("ETH","bitget","index")',
      '=MARGIN.PRICE("ETHUSDT","bitget")',
    );
    expect(out).toEqual(['200', '1829.3', '1822.15', '1829']);
  });

  it('with --live refuses an answer for another instrument than the one asked for, naming the URL and what came', async () => {
    const { out } = await run('eval', '--live', '=MARGIN.PRICE("ETHUSD","bitget","last")');
    expect(out).toEqual([
      `#N/A bitget last price of ETHUSD: ${base}/api/v2/mix/market/ticker?productType=USDT-FUTURES&symbol=ETHUSD answered for symbol "ETHUSD_231229", not the instrument asked for`,
    ]);
  });

  it('with --live shows #N/A naming the URL when the snapshot fails', async () => {
    const { out } = await run('eval', '--live', '=MARGIN.PRICE("BTC","bybit","last")');
    expect(out).toEqual([
      `#N/A bybit last price of BTCUSDT: the REST snapshot ${base}/v5/market/tickers?category=linear&symbol=BTCUSDT failed (HTTP 404)`,
    ]);
  });

  it('with --live shows #N/A when the network refuses the connection', async () => {
    process.env.MULTIASSET_LIVE_BASE_URL = 'http://127.0.0.1:9';
    try {
      const { out } = await run('eval', '--live', '=MARGIN.PRICE("BTC","binance")');
      expect(out).toEqual([
        '#N/A binance mark price of BTCUSDT: the REST snapshot http://127.0.0.1:9/fapi/v1/premiumIndex?symbol=BTCUSDT failed (connection refused (connect ECONNREFUSED 127.0.0.1:9))',
      ]);
    } finally {
      process.env.MULTIASSET_LIVE_BASE_URL = base;
    }
  });

  it('recalc --live fills a workbook PRICE cell and what depends on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'price-'));
    try {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Prices');
      sheet.getCell('A1').value = { formula: 'MARGIN.PRICE("BTC","binance")' };
      sheet.getCell('A2').value = { formula: 'A1*2' };
      const file = join(dir, 'prices.xlsx');
      await wb.xlsx.writeFile(file);
      const { code, out } = await run('recalc', file, '--live', '--json');
      expect(code).toBe(0);
      expect(JSON.parse(out.join('\n'))).toEqual({ 'Prices!A1': 11793.63104562, 'Prices!A2': 23587.26209124 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
