import type { LiveFetch } from '../../src/live';
import { createRestClient, fetchLiveAccount } from '../../src/live';
import { AccountHub, accountTable, restSnapshot } from '../../src/live/stream';
import type { AccountExchange } from '../../src/presets/account';
import { importAccountSnapshot } from '../../src/presets/account';
import { AccountServer, TEST_KEYS } from '../support/accountServer';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { startExchangeStandIn } from '../support/exchangeStandIns';
import { until, wsClient } from '../support/priceServer';
import { watchAccountCells } from './accountCells';
import { installCustomFunctions } from './customFunctionsStub';

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

/** The account hub of the add-in, taking its snapshot over REST from the stand-in of `exchange`. */
function hubFor(exchange: AccountExchange, base: string, retryMs: { initialMs: number; maxMs: number }): AccountHub {
  return new AccountHub({
    connect: wsClient,
    snapshot: restSnapshot(fetch, { [exchange]: base }),
    urls: ws.urls(),
    settings: { intervalMs: 0, maxAgeMs: 10_000 },
    backoff: retryMs,
  });
}

/** What the command line's `account --live` reads from the same REST stand-in, as tables. */
async function commandLineTables(exchange: AccountExchange, base: string) {
  const live = await fetchLiveAccount(createRestClient({ exchange, base, credentials: TEST_KEYS[exchange], fetch }));
  const snapshot = importAccountSnapshot(exchange, live.documents, { prices: live.prices });
  return { balances: accountTable(snapshot, 'balances', 0), positions: accountTable(snapshot, 'positions', 0) };
}

describe.each(['binance', 'okx', 'bybit', 'bitget'] as const)('the signed REST snapshot under a %s stream', (exchange) => {
  it('is taken from the exchange (signed, verified by the stand-in) and spilled with the figures the command line prints', async () => {
    rest = await startExchangeStandIn(exchange, TEST_KEYS[exchange]);
    const hub = hubFor(exchange, rest.base, { initialMs: 20, maxMs: 80 });
    const cells = watchAccountCells(hub, exchange);
    hub.connect(exchange, TEST_KEYS[exchange]);
    const last = (cell: 0 | 1) => cells.last(cell);
    await until(() => Array.isArray(last(0)) && Array.isArray(last(1)), 5000);
    const expected = await commandLineTables(exchange, rest.base);
    expect(last(0)).toEqual(expected.balances);
    expect(last(1)).toEqual(expected.positions);
    expect(rest.requests.length).toBeGreaterThan(0);
    cells.cancel();
    hub.forget(exchange);
  });

  it("shows the exchange's refusal of a wrong secret, without the secret", async () => {
    rest = await startExchangeStandIn(exchange, TEST_KEYS[exchange]);
    const hub = hubFor(exchange, rest.base, { initialMs: 5000, maxMs: 5000 });
    // The stream accepts the key (its own check passes); the REST snapshot is signed with a wrong secret.
    ws.keys[exchange] = { ...TEST_KEYS[exchange], secret: 'the-wrong-secret-1234' };
    const cells = watchAccountCells(hub, exchange);
    hub.connect(exchange, { ...TEST_KEYS[exchange], secret: 'the-wrong-secret-1234' });
    const text = () => {
      const v = cells.last(0);
      return typeof v === 'string' ? v.replace(/^#\S+ /, '') : '';
    };
    await until(() => text().includes('snapshot failed'), 5000);
    expect(text()).toMatch(new RegExp(`^${exchange} account: not connected yet: the snapshot failed: `));
    expect(text()).not.toContain('the-wrong-secret-1234');
    cells.cancel();
    hub.forget(exchange);
  });
});
