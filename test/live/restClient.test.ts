import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RestClient } from '../../src/live';
import { nodeFetchBody } from '../../src/cli/nodeFetch';
import { createRestClient, LiveError, webFetchBody } from '../../src/live';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { startExchangeStandIn } from '../support/exchangeStandIns';

const KEY = { key: 'okx-key-1', secret: 'okx-secret-A9f3', passphrase: 'okx-phrase-Q2' };
const fetchLive = webFetchBody;

let okx: ExchangeStandIn;
beforeAll(async () => {
  okx = await startExchangeStandIn('okx', KEY);
});
afterAll(() => okx.close());

const client = (overrides: Partial<Parameters<typeof createRestClient>[0]> = {}): RestClient =>
  createRestClient({ exchange: 'okx', base: okx.base, credentials: KEY, fetch: fetchLive, ...overrides });

async function refusal(promise: Promise<unknown>): Promise<LiveError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LiveError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('createRestClient', () => {
  it('returns the parsed answer of a signed request the stand-in accepts', async () => {
    const body = (await client().get('/api/v5/account/config', [], { signed: true })) as { data: { perm: string }[] };
    expect(body.data[0]?.perm).toBe('read_only');
  });

  it("turns the exchange's refusal into its code, message and a hint, with no secret in it", async () => {
    const error = await refusal(
      client({ credentials: { ...KEY, secret: 'okx-secret-WRONG' } }).get('/api/v5/account/balance', [], { signed: true }),
    );
    expect(error.code).toBe('EXCHANGE_REFUSED');
    expect(error.exchangeCode).toBe('50113');
    expect(error.message).toBe(
      'OKX refused GET /api/v5/account/balance: code 50113, Invalid Sign (the secret does not sign as OKX expects: check MULTIASSET_OKX_SECRET belongs to the key)',
    );
  });

  it('scrubs a secret or passphrase an exchange echoes back', async () => {
    okx.routes['/echo'] = { signed: false, answer: { code: '50000', msg: `bad ${KEY.secret} and ${KEY.passphrase}` } };
    const error = await refusal(client().get('/echo', [], { signed: false }));
    expect(error.message).toBe('OKX refused GET /echo: code 50000, bad [redacted] and [redacted]');
  });

  it('stops reading an answer longer than the limit, through the shared bounded fetch', async () => {
    okx.routes['/big'] = { signed: false, answer: { code: '0', data: ['x'.repeat(5000)] } };
    const error = await refusal(client({ maxBytes: 1000 }).get('/big', [], { signed: false }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toBe('OKX GET /big: body too large: more than the limit of 1000 bytes');
    // The command line's transport refuses it from the length the server announces, before reading it.
    const cli = await refusal(client({ maxBytes: 1000, fetch: nodeFetchBody }).get('/big', [], { signed: false }));
    expect(cli.message).toBe('OKX GET /big: body too large: the server announces 5024 bytes, more than the limit of 1000 bytes');
  });

  it('sends the signed headers through the command line transport too', async () => {
    const body = (await client({ fetch: nodeFetchBody }).get('/api/v5/account/config', [], { signed: true })) as {
      data: { perm: string }[];
    };
    expect(body.data[0]?.perm).toBe('read_only');
  });

  it('stops reading a streamed answer, without a declared length, once it passes the limit', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"code":"0","data":["');
      const chunk = 'y'.repeat(600);
      for (let i = 0; i < 10; i += 1) res.write(chunk);
      res.end('"]}');
    });
    try {
      const error = await refusal(client({ base: server.base, maxBytes: 2000 }).get('/stream', [], { signed: false }));
      expect(error.message).toBe('OKX GET /stream: body too large: more than the limit of 2000 bytes');
    } finally {
      await server.close();
    }
  });

  it('refuses an answer that is not JSON, and an HTTP error without an exchange code', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(_req.url === '/bad-gateway' ? 502 : 200, { 'Content-Type': 'text/html' });
      res.end('<html>not json</html>');
    });
    try {
      const c = client({ base: server.base });
      expect((await refusal(c.get('/bad-gateway', [], { signed: false }))).message).toBe(
        'OKX GET /bad-gateway: HTTP 502 without an exchange error code',
      );
      expect((await refusal(c.get('/page', [], { signed: false }))).message).toMatch(/^OKX GET \/page: the answer is not JSON: /);
    } finally {
      await server.close();
    }
  });

  it('does not follow a redirect with the signed headers', async () => {
    let redirected = 0;
    const server = await serve((req, res) => {
      if (req.url?.startsWith('/elsewhere')) redirected += 1;
      res.writeHead(302, { Location: '/elsewhere' });
      res.end();
    });
    try {
      const error = await refusal(client({ base: server.base }).get('/api/v5/account/balance', [], { signed: true }));
      expect(error.code).toBe('NETWORK_FAILED');
      expect(redirected).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('gives up on an exchange that stays silent', async () => {
    okx.silent = true;
    try {
      const error = await refusal(client({ timeoutMs: 300 }).get('/api/v5/account/balance', [], { signed: true }));
      expect(error.message).toBe('OKX GET /api/v5/account/balance: timeout after 0.3 s');
    } finally {
      okx.silent = false;
    }
  });
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
