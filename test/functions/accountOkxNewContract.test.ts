/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit the exchange's JSON responses as they come */
import type { LiveFetch } from '../../src/live';
import { createRestClient, fetchLiveAccount } from '../../src/live';
import { AccountHub, accountTable, restSnapshot } from '../../src/live/stream';
import { importAccountSnapshot } from '../../src/presets/account';
import { accountFixture, AccountServer, TEST_KEYS } from '../support/accountServer';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { fixture, startExchangeStandIn } from '../support/exchangeStandIns';
import { sleep, until, wsClient } from '../support/priceServer';
import type { AccountCells } from './accountCells';
import { watchAccountCells } from './accountCells';
import { installCustomFunctions } from './customFunctionsStub';

installCustomFunctions();

/**
 * OKX sizes a position by its contract's value (`ctVal`), which the snapshot fetches for the contracts held then.
 * A contract first held after the snapshot arrives on the private stream with no contract value: the stream takes
 * a fresh signed snapshot (which fetches the instrument) and carries on; only a contract the exchange's own
 * instruments answer does not give is refused, by name. Through the OKX REST and websocket stand-ins.
 */

const fetch = globalThis.fetch as unknown as LiveFetch;
const POSITIONS = '/api/v5/account/positions';
const INSTRUMENTS = '/api/v5/public/instruments';

let ws: AccountServer;
let rest: ExchangeStandIn;
let hub: AccountHub;
let cells: AccountCells;
const last = (cell: 0 | 1): unknown => cells.last(cell);
const count = (path: string): number => rest.requests.filter((r) => r.path === path).length;

/** The positions response after a fill: the documented one, plus a perpetual swap row. */
function positionsWith(instId: string): { doc: any; row: any } {
  const doc = JSON.parse(JSON.stringify(accountFixture('okx-account-positions.json'))) as any;
  const row = { ...doc.data[0], instType: 'SWAP', instId, posId: '99', mgnMode: 'cross', posSide: 'long', pos: '2', ccy: 'USDT' };
  doc.data.push(row);
  return { doc, row };
}

/** The exchange's REST answers now, as the pasted-snapshot path and `account --live` read them. */
async function commandLinePositions(): Promise<unknown> {
  const live = await fetchLiveAccount(createRestClient({ exchange: 'okx', base: rest.base, credentials: TEST_KEYS.okx, fetch }));
  return accountTable(importAccountSnapshot('okx', live.documents, { instruments: live.instruments }), 'positions', 0);
}

function pushPosition(row: unknown): void {
  ws.push('okx', { arg: { channel: 'positions', uid: '77982378738415879', instType: 'ANY' }, eventType: 'event_update', data: [row] });
}

beforeEach(async () => {
  ws = await AccountServer.start();
  rest = await startExchangeStandIn('okx', TEST_KEYS.okx);
  hub = new AccountHub({
    connect: wsClient,
    snapshot: restSnapshot(fetch, { okx: rest.base }),
    urls: ws.urls(),
    settings: { intervalMs: 0, maxAgeMs: 10_000 },
    backoff: { initialMs: 20, maxMs: 80 },
  });
  cells = watchAccountCells(hub, 'okx');
  hub.connect('okx', TEST_KEYS.okx);
  await until(() => Array.isArray(last(0)) && Array.isArray(last(1)), 5000);
});

afterEach(async () => {
  cells.cancel();
  hub.forget('okx');
  await rest.close();
  await ws.close();
});

describe('an OKX contract first held after the snapshot', () => {
  it('takes a fresh signed snapshot with the instrument, and the positions cell shows it as the command line would', async () => {
    // Nothing held at the snapshot needed a contract value.
    expect(count(INSTRUMENTS)).toBe(0);
    expect((last(1) as unknown[][]).map((r) => r[0])).toEqual(['symbol']);
    const { doc, row } = positionsWith('BTC-USDT-SWAP');
    rest.routes[POSITIONS] = { signed: true, answer: doc };
    const before = cells.shown[1]?.length ?? 0;
    pushPosition(row);
    await until(() => Array.isArray(last(1)) && (last(1) as unknown[][]).length === 2, 5000);
    expect(last(1)).toEqual(await commandLinePositions());
    expect((last(1) as unknown[][])[1]?.slice(0, 3)).toEqual(['BTC-USDT-SWAP', 'LONG', 0.02]);
    // One more signed snapshot, the instruments with it; the stream stayed open (no new login).
    expect(count(POSITIONS)).toBe(2 + 1);
    expect(rest.requests.filter((r) => r.path === INSTRUMENTS).map((r) => r.query)).toEqual(['instType=SWAP', 'instType=SWAP']);
    expect(ws.logins.okx).toBe(1);
    // The cell never showed the unreadable account meanwhile.
    expect(cells.shown[1]?.slice(before).every((v) => Array.isArray(v))).toBe(true);
    expect(Array.isArray(last(0))).toBe(true);
  });

  it('refuses by name a contract whose contract value the exchange does not give, after one fresh snapshot', async () => {
    const { doc, row } = positionsWith('NEWCOIN-USDT-SWAP');
    rest.routes[POSITIONS] = { signed: true, answer: doc };
    rest.routes[INSTRUMENTS] = { signed: false, answer: fixture('api/okx-instruments-swap.json') };
    pushPosition(row);
    await until(() => typeof last(1) === 'string', 5000);
    expect(last(1)).toMatch(/^#VALUE! .*NEWCOIN-USDT-SWAP.*ctVal/);
    // The exchange's own instruments answer was fetched: the cell says it lacks the contract, not how to paste one.
    expect(last(1)).toContain('the instruments response does not list NEWCOIN-USDT-SWAP, so its size in coin is unknown');
    expect(last(1)).not.toContain('--instruments');
    const snapshots = count('/api/v5/account/balance');
    // No snapshot after snapshot: the next push of the same contract does not ask again.
    pushPosition({ ...row, upl: '1' });
    await sleep(300);
    expect(count('/api/v5/account/balance')).toBe(snapshots);
    expect(snapshots).toBe(2);
    expect(ws.logins.okx).toBe(1);
  });
});
