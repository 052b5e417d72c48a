/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit the exchanges' JSON responses as they come */
import { CUSTOM_FUNCTIONS } from '../../src/functions/customFunctions';
import { streamAccount } from '../../src/functions/streamAccount';
import { invoke } from '../../src/functions/core';
import type { AccountDocuments } from '../../src/live/stream';
import { AccountHub, accountTable } from '../../src/live/stream';
import { PresetRegistry } from '../../src/presets';
import type { AccountExchange } from '../../src/presets/account';
import { importAccountSnapshot } from '../../src/presets/account';
import { AccountServer, liveFixture, TEST_KEYS } from '../support/accountServer';
import { sleep, until, wsClient } from '../support/priceServer';
import { MAX_MESSAGE_SIZE } from '../../src/net';
import { installCustomFunctions, StubExcelError } from './customFunctionsStub';
import Decimal from 'decimal.js';

/** The function Excel calls for MARGIN.ACCOUNT. */
const excelAccount = CUSTOM_FUNCTIONS.ACCOUNT;

installCustomFunctions();

/** Excel's streaming invocation as a cell sees it: every value set, in order. */
class Invocation {
  readonly results: unknown[] = [];
  onCanceled?: () => void;

  setResult(value: unknown): void {
    this.results.push(value);
  }

  get last(): unknown {
    const value = this.results[this.results.length - 1];
    return value instanceof StubExcelError ? `${value.code} ${value.message ?? ''}` : value;
  }

  cancel(): void {
    this.onCanceled?.();
  }
}

let server: AccountServer;
let hub: AccountHub;
const cells: Invocation[] = [];

function newHub(maxAgeMs = 10_000): AccountHub {
  return new AccountHub({
    connect: wsClient,
    snapshot: server.snapshot,
    urls: server.urls(),
    settings: { intervalMs: 0, maxAgeMs },
    backoff: { initialMs: 20, maxMs: 80 },
  });
}

function cell(exchange: unknown, part: unknown = null, on: AccountHub = hub): Invocation {
  const invocation = new Invocation();
  cells.push(invocation);
  streamAccount([exchange, part], invocation, on);
  return invocation;
}

/** The tables the pasted-snapshot path reads from the same responses. */
function pasted(docs: AccountDocuments, exchange: AccountExchange, part: 'balances' | 'positions'): unknown {
  const table = accountTable(
    importAccountSnapshot(exchange, [docs.account, docs.positions], { instruments: docs.instruments ?? [] }),
    part,
    0,
  );
  return table;
}

const isTable = (value: unknown): value is unknown[][] => Array.isArray(value);

beforeEach(async () => {
  server = await AccountServer.start();
  hub = newHub();
});

afterEach(async () => {
  for (const c of cells.splice(0)) c.cancel();
  for (const exchange of ['binance', 'okx', 'bybit', 'bitget'] as const) hub.forget(exchange);
  await server.close();
});

describe('MARGIN.ACCOUNT without a connection', () => {
  it('shows #N/A "connect binance in the task pane"', () => {
    const c = cell('binance');
    expect(c.last).toBe('#N/A connect binance in the task pane (Connections) to stream the account');
  });

  it('reads its arguments like every function: an unknown part is #VALUE! naming it', () => {
    const c = cell('okx', 'orders');
    expect(c.last).toBe('#VALUE! part: expected one of balances, positions, totals, got "orders"');
  });

  it('is the function Excel calls for MARGIN.ACCOUNT, loading the live account on first use', async () => {
    const invocation = new Invocation();
    excelAccount('bybit', null, invocation as unknown as CustomFunctions.StreamingInvocation<unknown[][]>);
    await until(() => invocation.results.length > 0);
    expect(invocation.last).toBe('#N/A connect bybit in the task pane (Connections) to stream the account');
    invocation.cancel();
  });

  it('answers a bad argument at once, before the live account loads', () => {
    const invocation = new Invocation();
    excelAccount('bitmart', null, invocation as unknown as CustomFunctions.StreamingInvocation<unknown[][]>);
    expect(invocation.last).toBe('#VALUE! exchange: expected one of binance, okx, bybit, bitget, got "bitmart"');
  });
});

describe.each(['binance', 'okx', 'bybit', 'bitget'] as const)('MARGIN.ACCOUNT on %s', (exchange) => {
  it('logs in with the documented signature, takes a snapshot and spills the same tables as the pasted snapshot', async () => {
    const balances = cell(exchange);
    const positions = cell(exchange, 'positions');
    hub.connect(exchange, TEST_KEYS[exchange]);
    await until(() => isTable(balances.last) && isTable(positions.last));
    expect(server.logins[exchange]).toBe(1);
    expect(server.snapshots[exchange]).toBe(1);
    expect(balances.last).toEqual(pasted(server.docs[exchange], exchange, 'balances'));
    expect(positions.last).toEqual(pasted(server.docs[exchange], exchange, 'positions'));
    // One connection, shared by both cells.
    expect(server.openStreams(exchange)).toBe(1);
  });

  it("refuses a bad signature: #N/A with the exchange's own code and message, and no secret in it", async () => {
    const c = cell(exchange);
    hub.connect(exchange, { ...TEST_KEYS[exchange], secret: 'a-wrong-secret-0000' });
    await until(() => String(c.last).includes('refused') || server.refusals[exchange] > 0);
    if (exchange === 'binance') {
      // Binance hands the listen key for the key alone; the signed snapshot is where a wrong secret is refused.
      await until(() => String(c.last).includes('snapshot failed'));
      expect(c.last).toContain('the snapshot failed: the exchange refused the signature');
    } else {
      await until(() => String(c.last).includes('refused the connection'));
      expect(c.last).toMatch(new RegExp(`^#N/A ${exchange} refused the connection: `));
      expect(server.openStreams(exchange)).toBe(0);
    }
    expect(String(c.last)).not.toContain('a-wrong-secret-0000');
    expect(String(c.last)).not.toContain(TEST_KEYS[exchange].key);
  });

  it('takes a fresh snapshot after a dropped connection, so a change missed while away shows', async () => {
    const c = cell(exchange);
    hub.connect(exchange, TEST_KEYS[exchange]);
    await until(() => isTable(c.last));
    const before = c.last;
    server.drop(exchange);
    server.docs[exchange] = changedBalance(exchange, server.docs[exchange]);
    await until(() => server.snapshots[exchange] === 2 && isTable(c.last) && JSON.stringify(c.last) !== JSON.stringify(before));
    expect(c.last).toEqual(pasted(server.docs[exchange], exchange, 'balances'));
  });

  it('refuses a message over the limit (4 MB) naming the stream URL and the limit, reconnects and takes a fresh snapshot', async () => {
    const c = cell(exchange);
    hub.connect(exchange, TEST_KEYS[exchange]);
    await until(() => isTable(c.last));
    const errors: string[] = [];
    const stop = hub.onChange(() => {
      const error = hub.status().find((s) => s.exchange === exchange)?.error;
      if (error && !errors.includes(error)) errors.push(error);
    });
    const size = MAX_MESSAGE_SIZE + 1;
    const envelope = JSON.stringify({ topic: 'wallet', pad: '' });
    server.push(exchange, { topic: 'wallet', pad: 'x'.repeat(size - envelope.length) });
    await until(() => server.snapshots[exchange] === 2 && isTable(c.last), 5000);
    stop();
    // Binance's stream is named without the listen key that follows its base URL.
    expect(errors).toEqual([
      `${server.urls()[exchange].stream} sent a message of ${size} characters, more than the limit of 4 MB: closed, reconnecting`,
    ]);
  });

  it('turns #N/A "stale since" when the exchange goes silent, and reconnects', async () => {
    const quiet = newHub(300);
    const c = cell(exchange, null, quiet);
    quiet.connect(exchange, TEST_KEYS[exchange]);
    await until(() => isTable(c.last));
    server.silent[exchange] = true;
    await until(() => String(c.last).includes('stale since'), 3000);
    expect(c.last).toMatch(
      new RegExp(`^#N/A ${exchange} account: stale since \\d\\d:\\d\\d:\\d\\d \\(nothing heard for more than 0.3 s\\)$`),
    );
    server.silent[exchange] = false;
    await until(() => isTable(c.last), 3000);
    expect(server.snapshots[exchange]).toBeGreaterThanOrEqual(2);
    c.cancel();
    quiet.forget(exchange);
  });
});

/** The REST responses after a deposit the stream did not report: the first balance row, plus 1000. */
function changedBalance(exchange: AccountExchange, docs: AccountDocuments): AccountDocuments {
  const copy = JSON.parse(JSON.stringify(docs)) as { account: Record<string, any>; positions: unknown };
  const plus = (v: string) => String(Number(v) + 1000);
  if (exchange === 'binance') {
    const row = copy.account.assets[0];
    row.walletBalance = plus(row.walletBalance);
    row.crossWalletBalance = plus(row.crossWalletBalance);
  } else if (exchange === 'okx') {
    const row = copy.account.data[0].details[0];
    row.cashBal = plus(row.cashBal);
  } else if (exchange === 'bybit') {
    const row = copy.account.result.list[0].coin[0];
    row.walletBalance = plus(row.walletBalance);
  } else {
    const row = copy.account.data[0];
    row.accountEquity = plus(row.accountEquity);
  }
  return copy;
}

describe('deltas from the private stream', () => {
  it('Binance ACCOUNT_UPDATE (the documented event) moves the balances and positions, equal to the REST answer after it', async () => {
    const balances = cell('binance');
    const positions = cell('binance', 'positions');
    hub.connect('binance', TEST_KEYS.binance);
    await until(() => isTable(balances.last) && isTable(positions.last));
    const event = liveFixture('binance-account-update.json') as any;
    server.push('binance', event);
    // The REST responses after the same change.
    const after = JSON.parse(JSON.stringify(server.docs.binance)) as { account: any; positions: any[] };
    for (const b of event.a.B) {
      const row = after.account.assets.find((r: any) => r.asset === b.a);
      Object.assign(row, { walletBalance: b.wb, crossWalletBalance: b.cw });
    }
    for (const p of event.a.P) {
      const row = after.positions.find((r: any) => r.symbol === p.s && r.positionSide === p.ps);
      // The REST answer's notional is the new amount at the mark.
      if (row)
        Object.assign(row, {
          positionAmt: p.pa,
          entryPrice: p.ep,
          unRealizedProfit: p.up,
          marginType: p.mt,
          notional: new Decimal(p.pa).times(row.markPrice).toString(),
        });
      else
        after.positions.push({
          symbol: p.s,
          positionSide: p.ps,
          positionAmt: p.pa,
          entryPrice: p.ep,
          markPrice: '21123.05052574',
          unRealizedProfit: p.up,
          marginType: p.mt,
        });
    }
    await until(() => JSON.stringify(positions.last) === JSON.stringify(pasted(after, 'binance', 'positions')));
    expect(balances.last).toEqual(pasted(after, 'binance', 'balances'));
    expect(positions.last).toEqual([
      ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
      ['BTCUSDT', 'LONG', 20, 6563.665, 21123.05052574, '', '', '', 'isolated'],
      ['BTCUSDT', 'SHORT', 10, 6563.86, 21123.05052574, '', '', '', 'isolated'],
    ]);
  });

  it('Binance: an expired listen key brings a new one and a new snapshot', async () => {
    const c = cell('binance');
    hub.connect('binance', TEST_KEYS.binance);
    await until(() => isTable(c.last));
    server.expireListenKey();
    await until(() => server.snapshots.binance === 2 && server.logins.binance === 2);
    expect(isTable(c.last)).toBe(true);
  });

  it('Bybit wallet push (the documented stream example) replaces the account and its totals', async () => {
    const balances = cell('bybit');
    const totals = cell('bybit', 'totals');
    hub.connect('bybit', TEST_KEYS.bybit);
    await until(() => isTable(balances.last));
    const wallet = liveFixture('bybit-wallet.json');
    server.push('bybit', wallet);
    const after = JSON.parse(JSON.stringify(server.docs.bybit)) as { account: any; positions: any };
    after.account.result.list = [(wallet.data as unknown[])[0]];
    await until(() => JSON.stringify(balances.last) === JSON.stringify(pasted(after, 'bybit', 'balances')));
    expect((totals.last as unknown[][]).slice(0, 4).map((r) => r.slice(0, 4))).toEqual([
      ['figure', 'value', 'unit', 'exchange_field'],
      ['equity', 12837.78330098, 'USD', 'totalEquity'],
      ['maint_margin', 39.42876721, 'USD', 'totalMaintenanceMargin'],
      ['available', 12632.05767702, 'USD', 'totalAvailableBalance'],
    ]);
  });

  it('Bybit position push with an inverse row (category inverse, BTCUSD) is refused by name, not dropped', async () => {
    const positions = cell('bybit', 'positions');
    hub.connect('bybit', TEST_KEYS.bybit);
    await until(() => isTable(positions.last));
    // The documented inverse position (GET /v5/position/list example) as the all-in-one position topic sends it.
    const inverse = (liveFixture('../account/bybit-position-list.json').result as any).list[0];
    server.push('bybit', { id: '1', topic: 'position', creationTime: 1697682317044, data: [{ ...inverse, category: 'inverse' }] });
    await until(() => !isTable(positions.last));
    expect(positions.last).toBe(
      '#VALUE! bybit GET /v5/position/list: response.result.list[1].symbol: BTCUSD is a coin-margined (inverse) contract (category inverse): multi-asset margin covers linear (USDT/USDC) contracts only; leave it out of the positions response',
    );
  });

  it('OKX balance_and_position and positions pushes move the cash balance and the position rows as the REST answers would', async () => {
    const balances = cell('okx');
    const positions = cell('okx', 'positions');
    hub.connect('okx', TEST_KEYS.okx);
    await until(() => isTable(balances.last) && isTable(positions.last));
    const after = JSON.parse(JSON.stringify(server.docs.okx)) as { account: any; positions: any };
    after.account.data[0].details[0].cashBal = '4321.5';
    const row = { ...after.positions.data[0], instType: 'SWAP', instId: 'BTC-USDT-SWAP', posId: '99', mgnMode: 'cross', posSide: 'long' };
    after.positions.data.push(row);
    server.push('okx', {
      arg: { channel: 'balance_and_position', uid: '77982378738415879' },
      data: [
        {
          pTime: '1597026383085',
          eventType: 'filled',
          balData: [{ ccy: after.account.data[0].details[0].ccy, cashBal: '4321.5', uTime: '1597026383085' }],
          posData: [],
          trades: [],
        },
      ],
    });
    server.push('okx', {
      arg: { channel: 'positions', uid: '77982378738415879', instType: 'ANY' },
      eventType: 'event_update',
      data: [row],
    });
    await until(() => JSON.stringify(positions.last) === JSON.stringify(pasted(after, 'okx', 'positions')));
    expect(balances.last).toEqual(pasted(after, 'okx', 'balances'));
    expect((positions.last as unknown[][]).map((r) => r[0])).toEqual(['symbol', 'BTC-USDT-SWAP']);
  });

  it('Bitget positions push (every open position) replaces the rows as the REST answer would', async () => {
    const positions = cell('bitget', 'positions');
    hub.connect('bitget', TEST_KEYS.bitget);
    await until(() => isTable(positions.last));
    const after = JSON.parse(JSON.stringify(server.docs.bitget)) as { account: any; positions: any };
    const row = { ...after.positions.data[0], total: '0.05', marginMode: 'crossed', openPriceAvg: '25500' };
    after.positions.data = [row];
    const { symbol, ...rest } = row;
    server.push('bitget', {
      action: 'snapshot',
      arg: { instType: 'USDT-FUTURES', channel: 'positions', instId: 'default' },
      data: [{ ...rest, instId: symbol }],
      ts: 1,
    });
    await until(() => JSON.stringify(positions.last) === JSON.stringify(pasted(after, 'bitget', 'positions')));
    expect((positions.last as unknown[][])[1]?.slice(0, 4)).toEqual(['BTCUSDT', 'LONG', 0.05, 25500]);
  });

  it('a cell that follows the account feeds MARGIN_RATIO the figures the pasted snapshot gives', async () => {
    const balances = cell('okx');
    const positions = cell('okx', 'positions');
    hub.connect('okx', TEST_KEYS.okx);
    await until(() => isTable(balances.last) && isTable(positions.last));
    const ctx = { registry: new PresetRegistry() };
    const live = invoke('ACCOUNT_EQUITY', [balances.last as never, 'okx'], ctx);
    const fromPaste = invoke('ACCOUNT_EQUITY', [pasted(server.docs.okx, 'okx', 'balances') as never, 'okx'], ctx);
    expect(live).toEqual(fromPaste);
    expect(typeof live).toBe('number');
  });
});

describe('one connection per exchange and key, shared and reference-counted', () => {
  it('closes when the pane forgets the key, and the cells ask to connect again', async () => {
    const a = cell('bitget');
    const b = cell('bitget', 'positions');
    hub.connect('bitget', TEST_KEYS.bitget);
    await until(() => isTable(a.last) && isTable(b.last));
    expect(server.openStreams('bitget')).toBe(1);
    hub.forget('bitget');
    await until(() => server.openStreams('bitget') === 0);
    expect(a.last).toBe('#N/A connect bitget in the task pane (Connections) to stream the account');
    await sleep(50);
    expect(server.logins.bitget).toBe(1);
  });
});
