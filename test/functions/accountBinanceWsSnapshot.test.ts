import type { LiveFetch } from '../../src/live';
import { createRestClient, fetchLiveAccount } from '../../src/live';
import { AccountHub, accountTable, browserSnapshot } from '../../src/live/stream';
import { importAccountSnapshot } from '../../src/presets/account';
import { AccountServer, TEST_KEYS } from '../support/accountServer';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { startExchangeStandIn } from '../support/exchangeStandIns';
import { until, wsClient } from '../support/priceServer';
import type { AccountCells } from './accountCells';
import { watchAccountCells } from './accountCells';
import { installCustomFunctions, StubExcelError } from './customFunctionsStub';

installCustomFunctions();

/**
 * Binance in Excel: a browser may not send REST's X-MBX-APIKEY header across origins, so the pane and the cells
 * take the signed snapshot over Binance's WebSocket API (v2/account.status, v2/account.position), whose stand-in
 * verifies each signature, and the user data stream's listen key there too. Only the public asset index goes over
 * REST, with no key. The figures are those the command line (REST) prints for the same account.
 */

const fetch = globalThis.fetch as unknown as LiveFetch;
const KEYS = TEST_KEYS.binance;

let ws: AccountServer;
let rest: ExchangeStandIn;
let hub: AccountHub;
let cells: AccountCells;
const last = (cell: 0 | 1): unknown => cells.last(cell);

/** What `multiasset account binance --live` reads over REST from the same account. */
async function commandLineTables() {
  const live = await fetchLiveAccount(createRestClient({ exchange: 'binance', base: rest.base, credentials: KEYS, fetch }));
  const snapshot = importAccountSnapshot('binance', live.documents, { prices: live.prices });
  return { balances: accountTable(snapshot, 'balances', 0), positions: accountTable(snapshot, 'positions', 0) };
}

beforeEach(async () => {
  ws = await AccountServer.start();
  rest = await startExchangeStandIn('binance', KEYS);
  hub = new AccountHub({
    connect: wsClient,
    snapshot: browserSnapshot(fetch, wsClient, { binance: rest.base }, ws.urls()),
    urls: ws.urls(),
    settings: { intervalMs: 0, maxAgeMs: 10_000 },
    backoff: { initialMs: 20, maxMs: 80 },
  });
  cells = watchAccountCells(hub, 'binance');
});

afterEach(async () => {
  cells.cancel();
  hub.forget('binance');
  await rest.close();
  await ws.close();
});

describe('the Binance snapshot in Excel, over the WebSocket API', () => {
  it('is signed as documented, sends no REST key header, and spills the figures the command line prints', async () => {
    hub.connect('binance', KEYS);
    await until(() => Array.isArray(last(0)) && Array.isArray(last(1)), 5000);
    // Over REST: the public asset index only, without the key.
    expect(rest.requests.map((r) => r.path)).toEqual(['/fapi/v1/assetIndex']);
    expect(rest.requests.every((r) => r.headers['x-mbx-apikey'] === undefined)).toBe(true);
    // Over the WebSocket API: the two signed requests, each with the key, the timestamp and the signature.
    expect(ws.binanceWsRequests.map((r) => r.method)).toEqual(['v2/account.status', 'v2/account.position']);
    for (const request of ws.binanceWsRequests) {
      expect(Object.keys(request.params).sort()).toEqual(['apiKey', 'recvWindow', 'signature', 'timestamp']);
      expect(request.params.apiKey).toBe(KEYS.key);
      expect(request.params.signature).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(ws.refusals.binance).toBe(0);
    expect(ws.openStreams('binance')).toBe(1);
    // The secret never left.
    expect(ws.received.some((text) => text.includes(KEYS.secret))).toBe(false);
    const expected = await commandLineTables();
    expect(last(0)).toEqual(expected.balances);
    expect(last(1)).toEqual(expected.positions);
  });

  it('takes a fresh one over the WebSocket API after a reconnection', async () => {
    hub.connect('binance', KEYS);
    await until(() => Array.isArray(last(1)), 5000);
    expect(ws.snapshots.binance).toBe(1);
    ws.drop('binance');
    await until(() => ws.snapshots.binance === 2 && ws.openStreams('binance') === 1, 5000);
    expect(ws.binanceWsRequests.map((r) => r.method)).toEqual([
      'v2/account.status',
      'v2/account.position',
      'v2/account.status',
      'v2/account.position',
    ]);
    expect(rest.requests.every((r) => r.path === '/fapi/v1/assetIndex')).toBe(true);
  });

  it("shows Binance's refusal of a wrong signature in the cell, without the secret", async () => {
    const wrong = { ...KEYS, secret: 'bnWRONGSECRETqq7HJ3k' };
    hub.connect('binance', wrong);
    await until(() => typeof last(0) === 'string' && String(last(0)).includes('-1022'), 5000);
    expect(last(0)).toMatch(
      /^#N\/A binance account: not connected yet: the snapshot failed: Binance refused WebSocket API v2\/account\.status: code -1022, Signature for this request is not valid\. \(since \d\d:\d\d:\d\d\)$/,
    );
    expect(cells.shown.flat().some((v) => String(v instanceof StubExcelError ? v.message : v).includes(wrong.secret))).toBe(false);
    expect(ws.snapshots.binance).toBe(0);
  });
});
