import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { fetchResponseText } from '../../src/presets';
import { nodeFetchBody } from '../../src/cli/nodeFetch';
import { fetchSnapshot } from '../../src/prices';
import { fetchBoundedText } from '../../src/net';
import { type HostileServer, startHostileServer } from '../support/hostileHttp';

/**
 * Hostile servers behind `import URL`, `eval --live` and the pane's Fetch (the shared bounded fetch, read here
 * through Node's `fetch` as the pane reads through the browser's): every body is counted while it streams and
 * refused at the limit, naming the URL and what failed.
 */

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/multiasset.js');
const MB = 1024 * 1024;
const BINANCE_MARK = '/fapi/v1/premiumIndex?symbol=BTCUSDT';
const TABLE = '/fapi/v1/leverageBracket';

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.close());

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const importRefusal = (url: string, detail: string): string =>
  `multiasset: import binance ${url}: endpoint URL: fetching ${url} failed (${detail}); paste the response JSON instead`;

describe('import URL against hostile servers', () => {
  it.each([
    ['huge', 'body too large: more than the limit of 16 MB on the wire'],
    ['announced', `body too large: the server announces ${2 * 1024 * MB} bytes, more than the limit of 16 MB`],
    ['gzip-bomb', 'body too large: more than the limit of 16 MB'],
    ['gzip-stream-bomb', 'body too large: more than the limit of 16 MB'],
    ['deflate-bomb', 'body too large: more than the limit of 16 MB'],
    ['br-bomb', 'body too large: more than the limit of 16 MB'],
    ['compress', 'bad encoding: the server sent Content-Encoding "compress", which is not gzip, deflate or br'],
    ['latin1', 'bad encoding: the body is not UTF-8 text'],
    ['cut', 'the connection closed before the whole body arrived'],
  ])('refuses the %s body, naming the URL and what failed', async (kind, detail) => {
    const url = `${server.base}/${kind}${TABLE}`;
    expect(await run('import', 'binance', url)).toEqual({ code: 1, out: '', err: importRefusal(url, detail) });
  });

  it('stops reading a 2 GB body and a 1 GB bomb soon after the limit', async () => {
    for (const kind of ['huge', 'gzip-bomb', 'br-bomb']) await run('import', 'binance', `${server.base}/${kind}${TABLE}`);
    // What the server got out before the client hung up: the limit plus what sockets and zlib buffer.
    expect(server.sent.huge).toBeLessThan(64 * MB);
    expect(server.sent['br-bomb']).toBeLessThan(2 * MB);
  });

  it('names a corrupt gzip body as a bad encoding', async () => {
    const url = `${server.base}/bad-gzip${TABLE}`;
    const { code, err } = await run('import', 'binance', url);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`fetching ${url} failed \\(bad encoding: the gzip body cannot be decompressed \\(.+\\)\\)`));
  });

  it('gives up on a server that never answers, saying after how long', async () => {
    const url = `${server.base}/silent${TABLE}`;
    await expect(fetchResponseText(url, fetch, 200)).rejects.toThrow(
      `endpoint URL: fetching ${url} failed (timeout after 0.2 s); paste the response JSON instead`,
    );
  });
});

describe("the pane's Fetch (a streamed fetch body, counted by its reader)", () => {
  it.each(['huge', 'gzip-bomb', 'deflate-bomb', 'br-bomb'])('refuses the %s body at the limit', async (kind) => {
    const url = `${server.base}/${kind}${TABLE}`;
    await expect(fetchResponseText(url, fetch)).rejects.toThrow(
      `endpoint URL: fetching ${url} failed (body too large: more than the limit of 16 MB); paste the response JSON instead`,
    );
  });

  it('refuses a body that is not UTF-8', async () => {
    const url = `${server.base}/latin1${TABLE}`;
    await expect(fetchResponseText(url, fetch)).rejects.toThrow(`(bad encoding: the body is not UTF-8 text)`);
  });
});

describe('eval --live against hostile servers', () => {
  afterEach(() => {
    delete process.env.MULTIASSET_LIVE_BASE_URL;
  });

  it.each([
    ['huge', 'body too large: more than the limit of 1 MB on the wire'],
    ['gzip-bomb', 'body too large: more than the limit of 1 MB'],
    ['br-bomb', 'body too large: more than the limit of 1 MB'],
    ['cut', 'the connection closed before the whole body arrived'],
  ])('shows #N/A for the %s snapshot, naming the URL and what failed', async (kind, detail) => {
    process.env.MULTIASSET_LIVE_BASE_URL = `${server.base}/${kind}`;
    expect(await run('eval', '--live', '=MARGIN.PRICE("BTC","binance")')).toEqual({
      code: 0,
      out: `#N/A binance mark price of BTCUSDT: the REST snapshot ${server.base}/${kind}${BINANCE_MARK} failed (${detail})`,
      err: '',
    });
  });
});

describe("the command line's transport", () => {
  it("sends a caller's headers, and always asks for the codings it can count and undo", async () => {
    const answer = await fetchBoundedText(
      `${server.base}/echo`,
      nodeFetchBody,
      { maxBytes: MB, timeoutMs: 5000 },
      {
        'x-mbx-apikey': 'key-1',
        'accept-encoding': 'zstd',
      },
    );
    expect(JSON.parse(answer.text)).toEqual({ key: 'key-1', encoding: 'gzip, deflate, br' });
  });
});

describe('a --live snapshot from a server that never answers', () => {
  it('fails after the time limit, saying so', async () => {
    const request = { exchange: 'binance', instrument: 'BTCUSDT', kind: 'mark' } as const;
    const result = await fetchSnapshot(request, nodeFetchBody, `${server.base}/silent`, { maxBytes: MB, timeoutMs: 200 });
    expect(result instanceof Error ? result.message : result).toBe(
      `binance mark price of BTCUSDT: the REST snapshot ${server.base}/silent${BINANCE_MARK} failed (timeout after 0.2 s)`,
    );
  });
});

/** The installed command under a 256 MB heap, so that a body held whole would end in V8's out-of-memory abort. */
function smallHeap(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=256', BIN, ...args],
      { encoding: 'utf8', env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
    );
  });
}

describe('the command line under a 256 MB heap', () => {
  it.each(['huge', 'gzip-bomb'])('refuses the %s body of import URL with exit 1, naming the limit', async (kind) => {
    const url = `${server.base}/${kind}${TABLE}`;
    const result = await smallHeap(['import', 'binance', url]);
    expect(result.stderr).toContain(`fetching ${url} failed (body too large: more than the limit of 16 MB`);
    expect(result.status).toBe(1);
  });

  it.each(['huge', 'gzip-bomb'])('answers #N/A for the %s body of a --live snapshot', async (kind) => {
    const result = await smallHeap(['eval', '--live', '=MARGIN.PRICE("BTC","binance")'], {
      MULTIASSET_LIVE_BASE_URL: `${server.base}/${kind}`,
    });
    expect(result).toEqual({
      status: 0,
      stdout: expect.stringContaining(`failed (body too large: more than the limit of 1 MB`) as string,
      stderr: '',
    });
  });
});
