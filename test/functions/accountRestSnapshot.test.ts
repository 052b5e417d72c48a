import { streamAccount } from '../../src/functions/streamAccount';
import type { LiveFetch } from '../../src/live';
import { createRestClient, fetchLiveAccount } from '../../src/live';
import { AccountHub, accountTable, restSnapshot } from '../../src/live/stream';
import type { AccountExchange } from '../../src/presets/account';
import { importAccountSnapshot } from '../../src/presets/account';
import { AccountServer, TEST_KEYS } from '../support/accountServer';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { startExchangeStandIn } from '../support/exchangeStandIns';
import { until, wsClient } from '../support/priceServer';
import { installCustomFunctions, StubExcelError } from './customFunctionsStub';

installCustomFunctions();

const fetch = globalThis.fetch as unknown as LiveFetch;

let ws: AccountServer;
let rest: ExchangeStandIn | null = null;

beforeEach(async () => {
  ws = await AccountServer.start();
});

afterEach(async () => {
  await rest?.close();
  rest = null;
  await ws.close();
});

/** What the command line's `account --live` reads from the same REST stand-in, as tables. */
async function commandLineTables(exchange: AccountExchange, base: string) {
  const live = await fetchLiveAccount(createRestClient({ exchange, base, credentials: TEST_KEYS[exchange], fetch }));
  const snapshot = importAccountSnapshot(exchange, live.documents, { prices: live.prices });
  return { balances: accountTable(snapshot, 'balances', 0), positions: accountTable(snapshot, 'positions', 0) };
}

describe.each(['binance', 'okx', 'bybit', 'bitget'] as const)('the signed REST snapshot under a %s stream', (exchange) => {
  it('is taken from the exchange (signed, verified by the stand-in) and spilled with the figures the command line prints', async () => {
    rest = await startExchangeStandIn(exchange, TEST_KEYS[exchange]);
    const hub = new AccountHub({
      connect: wsClient,
      snapshot: restSnapshot(fetch, { [exchange]: rest.base }),
      urls: ws.urls(),
      settings: { intervalMs: 0, maxAgeMs: 10_000 },
      backoff: { initialMs: 20, maxMs: 80 },
    });
    const results: unknown[][] = [[], []];
    const cancels = (['balances', 'positions'] as const).map((part, i) => {
      const invocation = { setResult: (v: unknown) => results[i]?.push(v), onCanceled: undefined as undefined | (() => void) };
      streamAccount([exchange, part], invocation, hub);
      return invocation;
    });
    hub.connect(exchange, TEST_KEYS[exchange]);
    const last = (i: number) => results[i]?.[results[i].length - 1];
    await until(() => Array.isArray(last(0)) && Array.isArray(last(1)), 5000);
    const expected = await commandLineTables(exchange, rest.base);
    expect(last(0)).toEqual(expected.balances);
    expect(last(1)).toEqual(expected.positions);
    expect(rest.requests.length).toBeGreaterThan(0);
    for (const c of cancels) c.onCanceled?.();
    hub.forget(exchange);
  });

  it("shows the exchange's refusal of a wrong secret, without the secret", async () => {
    rest = await startExchangeStandIn(exchange, TEST_KEYS[exchange]);
    const hub = new AccountHub({
      connect: wsClient,
      snapshot: restSnapshot(fetch, { [exchange]: rest.base }),
      urls: ws.urls(),
      settings: { intervalMs: 0, maxAgeMs: 10_000 },
      backoff: { initialMs: 5000, maxMs: 5000 },
    });
    // The stream accepts the key (its own check passes); the REST snapshot is signed with a wrong secret.
    ws.keys[exchange] = { ...TEST_KEYS[exchange], secret: 'the-wrong-secret-1234' };
    const shown: unknown[] = [];
    const invocation = { setResult: (v: unknown) => shown.push(v), onCanceled: undefined as undefined | (() => void) };
    streamAccount([exchange, null], invocation, hub);
    hub.connect(exchange, { ...TEST_KEYS[exchange], secret: 'the-wrong-secret-1234' });
    const text = () => {
      const v = shown[shown.length - 1];
      return v instanceof StubExcelError ? (v.message ?? '') : '';
    };
    await until(() => text().includes('snapshot failed'), 5000);
    expect(text()).toMatch(new RegExp(`^${exchange} account: not connected yet: the snapshot failed: `));
    expect(text()).not.toContain('the-wrong-secret-1234');
    invocation.onCanceled?.();
    hub.forget(exchange);
  });
});
