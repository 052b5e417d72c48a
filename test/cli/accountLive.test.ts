import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { LiveExchange } from '../../src/live';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { fixture, startExchangeStandIn } from '../support/exchangeStandIns';

/** The installed command (bin/multiasset.js over build/, made by `npm run prepare`), run as a desk would run it. */
const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/multiasset.js');
const ACCOUNT_FIXTURES = join(__dirname, '../fixtures/account');

// Made-up credentials, distinctive enough that finding one in any output cannot be a coincidence.
const KEYS: Record<LiveExchange, { key: string; secret: string; passphrase?: string }> = {
  binance: { key: 'bnKEY-4f1c9a', secret: 'bnSECRET-7d2e55c0a9b1' },
  okx: { key: 'okKEY-81be02', secret: 'okSECRET-0c3f9e7a44d2', passphrase: 'okPHRASE-5a77d1' },
  bybit: { key: 'byKEY-2a90fd', secret: 'bySECRET-9e61b2d4c7f0' },
  bitget: { key: 'bgKEY-6c03e1', secret: 'bgSECRET-3b8d0f6e1a25', passphrase: 'bgPHRASE-e4c219' },
};
const SECRETS = Object.values(KEYS).flatMap((k) => [k.secret, ...(k.passphrase ? [k.passphrase] : [])]);

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Every stdout, stderr and written file of this suite, searched for the secrets at the end. */
const printed: string[] = [];

function run(argv: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...argv], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' }, (error, out, err) => {
      printed.push(out, err);
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

function envFor(exchange: LiveExchange, base: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const name = exchange.toUpperCase();
  const k = KEYS[exchange];
  const env: Record<string, string | undefined> = {
    [`MULTIASSET_${name}_KEY`]: k.key,
    [`MULTIASSET_${name}_SECRET`]: k.secret,
    ...(k.passphrase ? { [`MULTIASSET_${name}_PASSPHRASE`]: k.passphrase } : {}),
    [`MULTIASSET_${name}_REST`]: base,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

const PASTED: Record<LiveExchange, string[]> = {
  binance: ['binance-account-v2.json', 'binance-positionRisk-v2.json'],
  okx: ['okx-account-balance.json', 'okx-account-positions.json'],
  bybit: ['bybit-wallet-balance.json', 'bybit-position-list-linear.json'],
  bitget: ['bitget-mix-account-accounts.json', 'bitget-mix-position-all-position.json'],
};
const pasted = (exchange: LiveExchange): string[] => PASTED[exchange].map((f) => join(ACCOUNT_FIXTURES, f));

// Each run starts the installed command; on a busy machine a batch of them takes a while.
jest.setTimeout(180_000);

const EXCHANGES: readonly LiveExchange[] = ['binance', 'okx', 'bybit', 'bitget'];
const standIns = {} as Record<LiveExchange, ExchangeStandIn>;

beforeAll(async () => {
  for (const exchange of EXCHANGES) standIns[exchange] = await startExchangeStandIn(exchange, KEYS[exchange]);
  // Binance's asset index example lists no BUSD; this row is a test figure (the documented ADAUSD row's fields,
  // symbol BUSDUSD, index 0.99990000) so that the account example's BUSD is priced from the index.
  const index = fixture('api/binance-assetIndex.json') as Record<string, unknown>[];
  const ada = index[0] as Record<string, unknown>;
  (standIns.binance.routes['/fapi/v1/assetIndex'] as { answer: unknown }).answer = [
    ...index,
    { ...ada, symbol: 'BUSDUSD', index: '0.99990000' },
  ];
});

afterAll(async () => {
  await Promise.all(EXCHANGES.map((e) => standIns[e].close()));
});

afterEach(() => {
  for (const exchange of EXCHANGES) {
    standIns[exchange].clockOffsetMs = 0;
    standIns[exchange].ipWhitelisted = true;
  }
});

describe('multiasset account EXCHANGE --live', () => {
  // The runs of one test go to different stand-ins, so they run side by side.
  it('prints for each exchange exactly what the pasted responses print', async () => {
    await Promise.all(
      EXCHANGES.map(async (exchange) => {
        const prices = exchange === 'binance' ? ['--price', 'BUSD=0.9999'] : [];
        const [live, paste] = await Promise.all([
          run(['account', exchange, '--live'], envFor(exchange, standIns[exchange].base)),
          run(['account', exchange, ...pasted(exchange), ...prices], {}),
        ]);
        expect({ exchange, code: live.code }).toEqual({ exchange, code: 0 });
        expect(paste.code).toBe(0);
        expect(live.out).toBe(paste.out);
        expect(live.out).toContain('reconciliation: ours by preset');
      }),
    );
  });

  it('prices Binance collateral from the public asset index, signs the account requests and checks the key first', async () => {
    standIns.binance.requests.length = 0;
    const live = await run(['account', 'binance', '--live', '--json'], envFor('binance', standIns.binance.base));
    expect(live.code).toBe(0);
    const json = JSON.parse(live.out) as { balances: unknown[][] };
    expect(json.balances).toEqual([
      ['asset', 'amount', 'price', 'upnl'],
      ['USDT', 23.72469206, 1, null],
      ['BUSD', 103.12345678, 0.9999, null],
    ]);
    expect(standIns.binance.requests.map((r) => r.path)).toEqual([
      '/sapi/v1/account/apiRestrictions',
      '/fapi/v3/account',
      '/fapi/v3/positionRisk',
      '/fapi/v1/assetIndex',
    ]);
    const account = standIns.binance.requests[1];
    expect(account?.headers['x-mbx-apikey']).toBe(KEYS.binance.key);
    expect(account?.query).toMatch(/^recvWindow=5000&timestamp=\d{13}&signature=[0-9a-f]{64}$/);
    // The public endpoint is sent bare: no key, no signature.
    expect(standIns.binance.requests[3]?.headers['x-mbx-apikey']).toBeUndefined();
    expect(live.err).toContain('multiasset: binance key is read-only (apiRestrictions: reading only)');
  });

  it("sizes OKX contracts by the public instruments' ctVal, fetched for the contracts held, as --instruments does", async () => {
    // ccxt's recorded LTC-USDT-SWAP positions answer; the LTC row of the instruments answer is a test figure
    // (ctVal 0.001 LTC, the value its notionalUsd, imr and upl fit), beside the SWAP example's BTC-USDT-SWAP row.
    const swap = fixture('api/okx-instruments-swap.json') as { data: Record<string, unknown>[] };
    const ltc = { ...swap.data[0], instId: 'LTC-USDT-SWAP', instFamily: 'LTC-USDT', uly: 'LTC-USDT', ctVal: '0.001', ctValCcy: 'LTC' };
    const routes = standIns.okx.routes;
    const saved = { positions: routes['/api/v5/account/positions'], instruments: routes['/api/v5/public/instruments'] };
    routes['/api/v5/account/positions'] = { signed: true, answer: fixture('account/okx-positions-ltc-swap-ccxt.json') };
    routes['/api/v5/public/instruments'] = { signed: false, answer: { ...swap, data: [...swap.data, ltc] } };
    standIns.okx.requests.length = 0;
    const dir = mkdtempSync(join(tmpdir(), 'account-live-'));
    try {
      const file = join(dir, 'ltc-instruments.json');
      writeFileSync(file, JSON.stringify({ code: '0', msg: '', data: [ltc] }));
      const [balance, positions] = [
        join(ACCOUNT_FIXTURES, 'okx-account-balance.json'),
        join(ACCOUNT_FIXTURES, 'okx-positions-ltc-swap-ccxt.json'),
      ];
      const [live, paste] = await Promise.all([
        run(['account', 'okx', '--live'], envFor('okx', standIns.okx.base)),
        run(['account', 'okx', balance, positions, '--instruments', file], {}),
      ]);
      expect(live.code).toBe(0);
      expect(live.out).toBe(paste.out);
      expect(live.out.split('\n')).toContain('LTC-USDT-SWAP\tLONG\t0.002\t82.675\t101.33\t0.0065\t0\t0.1\tcross');
      expect(standIns.okx.requests.map((r) => `${r.path}?${r.query}`)).toEqual([
        '/api/v5/account/config?',
        '/api/v5/account/balance?',
        '/api/v5/account/positions?',
        '/api/v5/public/instruments?instType=SWAP',
      ]);
    } finally {
      Object.assign(routes, { '/api/v5/account/positions': saved.positions, '/api/v5/public/instruments': saved.instruments });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pages Bybit linear positions per settle coin, signing each page', async () => {
    standIns.bybit.requests.length = 0;
    expect((await run(['account', 'bybit', '--live'], envFor('bybit', standIns.bybit.base))).code).toBe(0);
    expect(standIns.bybit.requests.map((r) => `${r.path}?${r.query}`)).toEqual([
      '/v5/user/query-api?',
      '/v5/account/wallet-balance?accountType=UNIFIED',
      '/v5/position/list?category=linear&settleCoin=USDT&limit=200',
      '/v5/position/list?category=linear&settleCoin=USDC&limit=200',
    ]);
  });

  it('says plainly that a Bitget key could not be verified as read-only, and goes on', async () => {
    const live = await run(['account', 'bitget', '--live'], envFor('bitget', standIns.bitget.base));
    expect(live.code).toBe(0);
    expect(live.err).toContain(
      "multiasset: warning: Bitget does not report an API key's permissions to the key itself; this key could not be verified as read-only",
    );
  });

  it.each([
    ['binance', 'live/binance-apiRestrictions-doc.json', 'enableInternalTransfer, permitsUniversalTransfer, enablePortfolioMarginTrading'],
    ['okx', 'live/okx-account-config-doc.json', 'withdraw, trade (perm "read_only,withdraw,trade")'],
    ['bybit', 'live/bybit-query-api-doc.json', 'read and write (readOnly 0); Wallet: AccountTransfer'],
  ] as const)(
    'refuses a %s key that can trade or move money, with the reason, before fetching the account',
    async (exchange, permissions, reason) => {
      const route = Object.values(standIns[exchange].routes).find((r, i) =>
        Object.keys(standIns[exchange].routes)[i]?.match(/apiRestrictions|config|query-api/),
      );
      const saved = route?.answer;
      (route as { answer: unknown }).answer = fixture(permissions);
      standIns[exchange].requests.length = 0;
      try {
        const live = await run(['account', exchange, '--live'], envFor(exchange, standIns[exchange].base));
        expect(live.code).toBe(1);
        expect(live.out).toBe('');
        expect(live.err).toContain(`the API key can ${reason}; refused: create a read-only key`);
        expect(standIns[exchange].requests).toHaveLength(1);
      } finally {
        (route as { answer: unknown }).answer = saved;
      }
    },
  );

  const REFUSALS: readonly [LiveExchange, string, string][] = [
    [
      'binance',
      'code -1022, Signature for this request is not valid.',
      'code -1021, Timestamp for this request is outside of the recvWindow.',
    ],
    ['okx', 'code 50113, Invalid Sign', 'code 50102, Timestamp request expired'],
    ['bybit', 'code 10004, error sign!', 'code 10002, invalid request, please check your server timestamp or recv_window param'],
    ['bitget', 'code 40009, sign signature error', 'code 40008, Request timestamp expired'],
  ];

  it("exits 1 with each exchange's code and message for a bad signature, naming the variable to check", async () => {
    await Promise.all(
      REFUSALS.map(async ([exchange, badSignature]) => {
        const wrong = `${KEYS[exchange].secret}-wrong`;
        const live = await run(
          ['account', exchange, '--live'],
          envFor(exchange, standIns[exchange].base, { [`MULTIASSET_${exchange.toUpperCase()}_SECRET`]: wrong }),
        );
        expect({ exchange, code: live.code, out: live.out }).toEqual({ exchange, code: 1, out: '' });
        expect(live.err).toContain(badSignature);
        expect(live.err).toContain(`check MULTIASSET_${exchange.toUpperCase()}_SECRET belongs to the key`);
        expect(live.err).not.toContain(wrong);
      }),
    );
  });

  it("exits 1 with each exchange's code and message for an expired timestamp", async () => {
    for (const exchange of EXCHANGES) standIns[exchange].clockOffsetMs = 10 * 60_000;
    await Promise.all(
      REFUSALS.map(async ([exchange, , expired]) => {
        const live = await run(['account', exchange, '--live'], envFor(exchange, standIns[exchange].base));
        expect({ exchange, code: live.code }).toEqual({ exchange, code: 1 });
        expect(live.err).toContain(expired);
        expect(live.err).toContain("check this computer's clock");
      }),
    );
  });

  it("exits 1 with each exchange's code and message when this IP is not whitelisted", async () => {
    const messages: Record<LiveExchange, string> = {
      binance: 'code -2015, Invalid API-key, IP, or permissions for action.',
      okx: "code 50110, Your IP 127.0.0.1 is not included in your API key's IP whitelist.",
      bybit: "code 10010, Unmatched IP, please check your API key's bound IP addresses.",
      bitget: 'code 40018, Invalid IP',
    };
    for (const exchange of EXCHANGES) standIns[exchange].ipWhitelisted = false;
    await Promise.all(
      EXCHANGES.map(async (exchange) => {
        const live = await run(['account', exchange, '--live'], envFor(exchange, standIns[exchange].base));
        expect({ exchange, code: live.code }).toEqual({ exchange, code: 1 });
        expect(live.err).toContain(messages[exchange]);
      }),
    );
  });

  it.each([
    ['okx', 'MULTIASSET_OKX_PASSPHRASE'],
    ['bitget', 'MULTIASSET_BITGET_SECRET'],
    ['binance', 'MULTIASSET_BINANCE_KEY'],
  ] as const)('names the missing variable (%s, %s) and sends nothing', async (exchange, variable) => {
    standIns[exchange].requests.length = 0;
    const live = await run(['account', exchange, '--live'], envFor(exchange, standIns[exchange].base, { [variable]: undefined }));
    expect(live.code).toBe(1);
    expect(live.err).toContain(`set ${variable} in the environment`);
    expect(standIns[exchange].requests).toHaveLength(0);
  });

  it('refuses plain http:// to any host but the loopback, before any connection', async () => {
    const live = await run(['account', 'okx', '--live'], envFor('okx', 'http://exchange.example:8080'));
    expect(live.code).toBe(1);
    expect(live.err).toBe(
      'multiasset: MULTIASSET_OKX_REST: plain http:// is allowed only for the loopback (localhost, 127.0.0.1, ::1), got host exchange.example; use https://\n',
    );
  });

  it('refuses response files given with --live as a usage error', async () => {
    const live = await run(['account', 'okx', '--live', ...pasted('okx')], envFor('okx', standIns.okx.base));
    expect(live.code).toBe(2);
    expect(live.err).toContain('account --live fetches the responses itself: give no response files with it');
  });

  it('writes the workbook with --out, holding neither the secret nor the passphrase', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'account-live-'));
    try {
      const out = join(dir, 'okx.xlsx');
      const live = await run(['account', 'okx', '--live', '--out', out], envFor('okx', standIns.okx.base));
      expect(live.code).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(out));
      const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
      expect(parts.join('\n')).toContain('USDT');
      printed.push(...parts, readFileSync(out, 'latin1'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never prints a secret or a passphrase, in any output of any run above', () => {
    expect(printed.length).toBeGreaterThan(40);
    for (const text of printed) for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('never sends a secret or a passphrase other than OKX and Bitget send it (their passphrase header)', () => {
    for (const exchange of EXCHANGES) {
      for (const request of standIns[exchange].requests) {
        const sent =
          JSON.stringify({ ...request.headers, 'ok-access-passphrase': undefined, 'access-passphrase': undefined }) +
          request.query +
          request.body;
        expect(sent).not.toContain(KEYS[exchange].secret);
      }
    }
  });
});
