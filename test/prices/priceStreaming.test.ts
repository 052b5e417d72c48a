import { CUSTOM_FUNCTIONS } from '../../src/functions/customFunctions';
import { streamPrice } from '../../src/functions/streamPrice';
import type { LiveExchange, PriceKind, PriceSettings } from '../../src/prices';
import { PriceHub } from '../../src/prices';
import { PresetRegistry } from '../../src/presets';
import { installCustomFunctions, StubExcelError } from '../functions/customFunctionsStub';
import { PriceServer, sleep, until, wsClient } from '../support/priceServer';

/** The function Excel calls for MARGIN.PRICE. */
const excelPrice = CUSTOM_FUNCTIONS.PRICE;

installCustomFunctions();

/** Excel's streaming invocation as a cell sees it: every value set, in order, with the time it was set. */
class Invocation {
  readonly results: { value: unknown; at: number }[] = [];
  onCanceled?: () => void;

  setResult(value: number | CustomFunctions.Error): void {
    this.results.push({ value, at: Date.now() });
  }

  get values(): unknown[] {
    return this.results.map((r) => (r.value instanceof StubExcelError ? `${r.value.code} ${r.value.message ?? ''}` : r.value));
  }

  get last(): unknown {
    return this.values[this.values.length - 1];
  }

  cancel(): void {
    this.onCanceled?.();
  }
}

let server: PriceServer;
let hub: PriceHub;
const cells: Invocation[] = [];

const ctx = { registry: new PresetRegistry() };

function newHub(settings: Partial<PriceSettings> = {}): PriceHub {
  return new PriceHub({
    connect: wsClient,
    urls: server.urls(),
    settings: { intervalMs: 0, maxAgeMs: 10_000, ...settings },
    backoff: { initialMs: 20, maxMs: 80 },
  });
}

/** A PRICE cell entered in the sheet: the streaming adapter Excel calls, on the test's hub. */
function cell(symbol: unknown, exchange: unknown = null, kind: unknown = null, on: PriceHub = hub): Invocation {
  const invocation = new Invocation();
  cells.push(invocation);
  streamPrice([symbol, exchange, kind], invocation, on, ctx);
  return invocation;
}

beforeEach(async () => {
  server = await PriceServer.start();
  hub = newHub();
});

afterEach(async () => {
  for (const c of cells.splice(0)) c.cancel();
  hub.pause();
  await server.close();
});

describe('MARGIN.PRICE subscribes and streams each exchange in its documented format', () => {
  const CASES: [LiveExchange, string, PriceKind, string, string][] = [
    ['binance', 'BTC', 'mark', 'btcusdt@markPrice@1s', 'BTCUSDT'],
    ['binance', 'BTCUSDT', 'index', 'btcusdt@markPrice@1s', 'BTCUSDT'],
    ['binance', 'btc', 'last', 'btcusdt@ticker', 'BTCUSDT'],
    ['okx', 'BTC', 'mark', 'mark-price:BTC-USDT-SWAP', 'BTC-USDT-SWAP'],
    ['okx', 'BTC-USDT-SWAP', 'index', 'index-tickers:BTC-USDT', 'BTC-USDT'],
    ['okx', 'BTCUSDT', 'last', 'tickers:BTC-USDT-SWAP', 'BTC-USDT-SWAP'],
    ['bybit', 'ETH', 'mark', 'tickers.ETHUSDT', 'ETHUSDT'],
    ['bybit', 'ETHUSDT', 'index', 'tickers.ETHUSDT', 'ETHUSDT'],
    ['bybit', 'ETHUSDT', 'last', 'tickers.ETHUSDT', 'ETHUSDT'],
    ['bitget', 'SOL', 'mark', 'ticker:SOLUSDT', 'SOLUSDT'],
    ['bitget', 'SOLUSDT', 'index', 'ticker:SOLUSDT', 'SOLUSDT'],
    ['bitget', 'SOLUSDT', 'last', 'ticker:SOLUSDT', 'SOLUSDT'],
  ];

  it.each(CASES)('%s: PRICE("%s", …, "%s") subscribes %s and shows the pushed price', async (exchange, typed, kind, stream, instrument) => {
    const c = cell(typed, exchange, kind);
    await until(() => server.subscribed(exchange).includes(stream), 3000, `subscription to ${stream}`);
    server.push(exchange, instrument, { mark: '60000.1', index: '59990.25', last: '60001.5' });
    await until(() => c.values.length > 0);
    expect(c.values).toEqual([{ mark: 60000.1, index: 59990.25, last: 60001.5 }[kind]]);
  });

  it('reads mark as the default kind and the workbook default preset when exchange is blank', async () => {
    const registry = new PresetRegistry();
    registry.setDefault('bybit');
    const c = new Invocation();
    cells.push(c);
    streamPrice(['BTC', '', 0], c, hub, { registry });
    await until(() => server.subscribed('bybit').includes('tickers.BTCUSDT'));
    server.push('bybit', 'BTCUSDT', { mark: '17217.33', index: '17227.36', last: '17216.00' });
    await until(() => c.values.length > 0);
    expect(c.values).toEqual([17217.33]);
  });

  it('follows Bybit deltas, which carry only the fields that changed', async () => {
    const mark = cell('BTC', 'bybit', 'mark');
    const last = cell('BTC', 'bybit', 'last');
    await until(() => server.subscribed('bybit').includes('tickers.BTCUSDT'));
    server.push('bybit', 'BTCUSDT', { mark: '100.5', index: '100.25', last: '100.75' });
    await until(() => mark.values.length === 1 && last.values.length === 1);
    server.push('bybit', 'BTCUSDT', { last: '101' });
    await until(() => last.values.length === 2);
    await sleep(30);
    expect(last.values).toEqual([100.75, 101]);
    expect(mark.values).toEqual([100.5]);
  });

  it('passes only finite positive prices parsed from the decimal text, never NaN, 0 or a negative', async () => {
    const c = cell('BTC', 'binance', 'mark');
    await until(() => server.subscribed('binance').length === 1);
    for (const bad of ['NaN', '0', '-5', '', '1e5', 'abc', '0.000']) server.push('binance', 'BTCUSDT', { mark: bad, index: '1' });
    server.push('binance', 'BTCUSDT', { mark: '27000.0', index: '1' });
    await until(() => c.values.length > 0);
    await sleep(30);
    expect(c.values).toEqual([27000]);
  });
});

describe('one connection per exchange, shared by every cell', () => {
  it('gives two cells of the same price one subscription, and both the same updates', async () => {
    const a = cell('BTC', 'okx');
    const b = cell('BTC-USDT-SWAP', 'okx', 'mark');
    await until(() => server.subscribed('okx').length === 1);
    await sleep(30);
    const subscribes = server.requests.okx.filter((r) => r.op === 'subscribe');
    expect(subscribes).toEqual([{ op: 'subscribe', args: [{ channel: 'mark-price', instId: 'BTC-USDT-SWAP' }] }]);
    server.push('okx', 'BTC-USDT-SWAP', { mark: '42310.6' });
    await until(() => a.values.length === 1 && b.values.length === 1);
    expect([a.values, b.values]).toEqual([[42310.6], [42310.6]]);
    expect(server.connections.okx).toBe(1);
  });

  it('opens one connection for cells of several symbols and kinds on one exchange', async () => {
    cell('BTC', 'bitget');
    cell('ETH', 'bitget', 'last');
    cell('SOL', 'bitget', 'index');
    await until(() => server.subscribed('bitget').length === 3);
    expect(server.subscribed('bitget').sort()).toEqual(['ticker:BTCUSDT', 'ticker:ETHUSDT', 'ticker:SOLUSDT']);
    expect(server.connections.bitget).toBe(1);
  });

  it('shows a second cell the known price at once, without waiting for the next push', async () => {
    const first = cell('BTC', 'binance');
    await until(() => server.subscribed('binance').length === 1);
    server.push('binance', 'BTCUSDT', { mark: '64000.5', index: '63990' });
    await until(() => first.values.length === 1);
    const second = cell('BTC', 'binance', 'index');
    await until(() => second.values.length === 1, 500);
    expect(second.values).toEqual([63990]);
  });
});

describe('cancel and unsubscribe', () => {
  it('unsubscribes a stream when its last cell is cancelled, not before', async () => {
    const a = cell('BTC', 'binance');
    const b = cell('BTC', 'binance', 'index');
    await until(() => server.subscribed('binance').includes('btcusdt@markPrice@1s'));
    a.cancel();
    await sleep(50);
    expect(server.requests.binance.filter((r) => r.method === 'UNSUBSCRIBE')).toEqual([]);
    expect(server.subscribed('binance')).toEqual(['btcusdt@markPrice@1s']);
    b.cancel();
    await until(() => server.requests.binance.some((r) => r.method === 'UNSUBSCRIBE'));
    expect(server.requests.binance.filter((r) => r.method === 'UNSUBSCRIBE').map((r) => r.params)).toEqual([['btcusdt@markPrice@1s']]);
  });

  it('sends a cancelled cell nothing more', async () => {
    const c = cell('ETH', 'bybit');
    const other = cell('ETH', 'bybit', 'last');
    await until(() => server.subscribed('bybit').length === 1);
    server.push('bybit', 'ETHUSDT', { mark: '3000.5', index: '3000', last: '3001' });
    await until(() => c.values.length === 1 && other.values.length === 1);
    c.cancel();
    server.push('bybit', 'ETHUSDT', { mark: '3100.5', index: '3100', last: '3101' });
    await until(() => other.values.length === 2);
    expect(c.values).toEqual([3000.5]);
  });

  it('shows a cell entered after the last one was cancelled only prices streamed for it', async () => {
    const first = cell('BTC', 'binance');
    await until(() => server.subscribed('binance').length === 1);
    server.push('binance', 'BTCUSDT', { mark: '50000.5', index: '1' });
    await until(() => first.values.length === 1);
    first.cancel();
    await until(() => server.subscribed('binance').length === 0);
    const later = cell('BTC', 'binance');
    await until(() => server.subscribed('binance').length === 1);
    await sleep(50);
    expect(later.values).toEqual([]);
    server.push('binance', 'BTCUSDT', { mark: '50100.5', index: '1' });
    await until(() => later.values.length === 1);
    expect(later.values).toEqual([50100.5]);
  });

  it('closes the exchange connection once no cell needs it', async () => {
    const c = cell('BTC', 'okx', 'last');
    await until(() => server.openConnections('okx') === 1);
    c.cancel();
    await until(() => server.openConnections('okx') === 0);
    expect(hub.status().find((s) => s.exchange === 'okx')?.state).toBe('idle');
  });
});

describe('throttling', () => {
  it('gives each cell at most one update per interval, then the latest price', async () => {
    const slow = newHub({ intervalMs: 300 });
    const c = cell('BTC', 'binance', 'mark', slow);
    await until(() => server.subscribed('binance').length === 1);
    for (const p of ['100.1', '100.2', '100.3', '100.4', '100.5']) server.push('binance', 'BTCUSDT', { mark: p, index: '1' });
    await until(() => c.values.length === 2, 2000);
    await sleep(350);
    expect(c.values).toEqual([100.1, 100.5]);
    const [first, second] = c.results.map((r) => r.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(295);
    slow.pause();
  });

  it('takes a new interval set in the pane for the next update', async () => {
    const c = cell('BTC', 'binance');
    await until(() => server.subscribed('binance').length === 1);
    hub.configure({ intervalMs: 250 });
    server.push('binance', 'BTCUSDT', { mark: '1.5', index: '1' });
    await until(() => c.values.length === 1);
    server.push('binance', 'BTCUSDT', { mark: '2.5', index: '1' });
    await until(() => c.values.length === 2, 1000);
    expect(c.values).toEqual([1.5, 2.5]);
    const [first, second] = c.results.map((r) => r.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(245);
  });
});

describe('reconnect with backoff, then resubscribe', () => {
  it('reopens a dropped connection, subscribes every stream again and streams on', async () => {
    const a = cell('BTC', 'bybit');
    const b = cell('ETH', 'bybit', 'last');
    await until(() => server.subscribed('bybit').length === 2);
    server.push('bybit', 'BTCUSDT', { mark: '1.25' });
    await until(() => a.values.length === 1);
    server.drop('bybit');
    await until(() => server.connections.bybit === 2 && server.subscribed('bybit').length === 2, 3000, 'resubscription');
    const resubscribed = server.requests.bybit.filter((r) => r.op === 'subscribe').slice(-1)[0];
    expect((resubscribed?.args as string[]).sort()).toEqual(['tickers.BTCUSDT', 'tickers.ETHUSDT']);
    server.push('bybit', 'BTCUSDT', { mark: '2.25' });
    server.push('bybit', 'ETHUSDT', { last: '3.5' });
    await until(() => a.values.length === 2 && b.values.length === 1);
    expect([a.values, b.values]).toEqual([[1.25, 2.25], [3.5]]);
    expect(hub.status().find((s) => s.exchange === 'bybit')).toMatchObject({ state: 'open', reconnects: 1, channels: 2 });
  });

  it('waits longer after each failed attempt, up to the limit', async () => {
    const c = cell('BTC', 'bitget');
    await until(() => server.openConnections('bitget') === 1);
    const delays: number[] = [];
    let waiting = false;
    const stop = hub.onChange(() => {
      const s = hub.status().find((x) => x.exchange === 'bitget');
      if (s?.state === 'waiting' && !waiting && s.retryInMs !== null) delays.push(s.retryInMs);
      waiting = s?.state === 'waiting';
    });
    await server.close();
    await until(() => delays.length >= 4, 3000, 'four retries');
    stop();
    expect(delays.slice(0, 4)).toEqual([20, 40, 80, 80]);
    server = await PriceServer.start();
    c.cancel();
  });
});

describe('staleness', () => {
  it('shows #N/A "stale since HH:MM:SS" once the price is older than the age limit, never the old number', async () => {
    const quick = newHub({ maxAgeMs: 300 });
    const c = cell('BTC', 'binance', 'mark', quick);
    await until(() => server.subscribed('binance').length === 1);
    const before = Date.now();
    server.push('binance', 'BTCUSDT', { mark: '60000.5', index: '1' });
    await until(() => c.values.length === 1);
    const after = Date.now();
    await until(() => c.values.length === 2, 1000);
    const clock = (t: number) => new Date(t).toTimeString().slice(0, 8);
    const possible = [...new Set([clock(before), clock(after)])].map(
      (t) => `#N/A binance mark price of BTCUSDT: stale since ${t} (no update for more than 0.3 s)`,
    );
    expect(c.values[0]).toBe(60000.5);
    expect(possible).toContain(c.values[1]);
    expect((c.results[1]?.at ?? 0) - before).toBeGreaterThanOrEqual(295);
    await sleep(100);
    expect(c.values.length).toBe(2);
    server.push('binance', 'BTCUSDT', { mark: '60100.5', index: '1' });
    await until(() => c.values.length === 3);
    expect(c.last).toBe(60100.5);
    quick.pause();
  });

  it('shows #N/A when no price arrives within the age limit', async () => {
    const quick = newHub({ maxAgeMs: 150 });
    const started = Date.now();
    const c = cell('XRP', 'okx', 'index', quick);
    await until(() => c.values.length === 1, 1000);
    const clock = (t: number) => new Date(t).toTimeString().slice(0, 8);
    expect(
      [...new Set([clock(started), clock(Date.now())])].map(
        (t) => `#N/A okx index price of XRP-USDT: none received yet (waiting since ${t})`,
      ),
    ).toContain(c.values[0]);
    quick.pause();
  });

  it('applies a new age limit set in the pane to cells already streaming', async () => {
    const c = cell('ETH', 'bitget');
    await until(() => server.subscribed('bitget').length === 1);
    server.push('bitget', 'ETHUSDT', { mark: '3000.5' });
    await until(() => c.values.length === 1);
    hub.configure({ maxAgeMs: 200 });
    await until(() => c.values.length === 2, 1000);
    expect(String(c.last)).toMatch(/^#N\/A bitget mark price of ETHUSDT: stale since \d\d:\d\d:\d\d \(no update for more than 0\.2 s\)$/);
  });
});

describe('pause and resume', () => {
  it('closes the connections and shows #N/A "paused" in every cell, then resubscribes on resume', async () => {
    const c = cell('BTC', 'okx');
    await until(() => server.subscribed('okx').length === 1);
    server.push('okx', 'BTC-USDT-SWAP', { mark: '41000.5' });
    await until(() => c.values.length === 1);
    hub.pause();
    await until(() => server.openConnections('okx') === 0);
    expect(String(c.last)).toMatch(
      /^#N\/A okx mark price of BTC-USDT-SWAP: live prices are paused in the task pane \(since \d\d:\d\d:\d\d\)$/,
    );
    expect(hub.status().map((s) => s.state)).toEqual(['paused', 'paused', 'paused', 'paused']);
    hub.resume();
    await until(() => server.subscribed('okx').length === 1);
    await sleep(30);
    expect(c.values.filter((v) => typeof v === 'number')).toEqual([41000.5]);
    server.push('okx', 'BTC-USDT-SWAP', { mark: '42000.5' });
    await until(() => c.last === 42000.5);
    expect(c.values.filter((v) => typeof v === 'number')).toEqual([41000.5, 42000.5]);
  });
});

describe('arguments', () => {
  it.each([
    [
      ['BTC', 'bitmart', null],
      '#N/A exchange: live prices are not available for preset bitmart; they stream from binance, okx, bybit, bitget',
    ],
    [['BTC', 'binance', 'bid'], '#VALUE! kind: expected one of mark, index, last, got "bid"'],
    [['', 'binance', null], '#VALUE! symbol_or_asset: required, but the cell is blank'],
    [
      ['BTC USDT', 'binance', null],
      '#VALUE! symbol_or_asset: expected an asset such as BTC or a symbol such as BTCUSDT or BTC-USDT-SWAP, got "BTC USDT"',
    ],
    [['BTC', 'nowhere', null], '#VALUE! exchange: unknown preset "nowhere"'],
  ])('PRICE(%j) shows %s and opens no connection', async (args, shown) => {
    const c = cell(...(args as [unknown, unknown, unknown]));
    expect(String(c.values[0]).startsWith(shown)).toBe(true);
    await sleep(20);
    expect(Object.values(server.connections)).toEqual([0, 0, 0, 0]);
  });

  it('the function Excel calls answers bad input at once, through the same adapter', () => {
    const c = new Invocation();
    excelPrice('BTC', 'bitmart', null, c as unknown as CustomFunctions.StreamingInvocation<number>);
    expect(c.values).toEqual([
      '#N/A exchange: live prices are not available for preset bitmart; they stream from binance, okx, bybit, bitget',
    ]);
  });
});
