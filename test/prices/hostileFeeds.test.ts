import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { streamPrice } from '../../src/functions/streamPrice';
import type { Backoff, LiveExchange, PriceSettings } from '../../src/prices';
import { PriceHub } from '../../src/prices';
import { MAX_MESSAGE_SIZE } from '../../src/net';
import { PresetRegistry } from '../../src/presets';
import { installCustomFunctions, StubExcelError } from '../functions/customFunctionsStub';
import { PriceServer, pushes, sleep, until, wsClient } from '../support/priceServer';

installCustomFunctions();

/**
 * Hostile exchanges behind MARGIN.PRICE, on a real websocket server on 127.0.0.1 speaking each exchange's
 * documented protocol: another instrument's row on a stream, thousands of instruments nobody asked for, a server
 * that accepts and then closes, and one that stays open but never says anything.
 */

class Invocation {
  readonly values: unknown[] = [];
  onCanceled?: () => void;
  setResult(value: number | CustomFunctions.Error): void {
    this.values.push(value instanceof StubExcelError ? `${value.code} ${value.message ?? ''}` : value);
  }
  get last(): unknown {
    return this.values[this.values.length - 1];
  }
}

let server: PriceServer;
let hub: PriceHub;
const cells: Invocation[] = [];
const ctx = { registry: new PresetRegistry() };

function newHub(settings: Partial<PriceSettings> = {}, backoff: Backoff = { initialMs: 20, maxMs: 80 }): PriceHub {
  return new PriceHub({
    connect: wsClient,
    urls: server.urls(),
    settings: { intervalMs: 0, maxAgeMs: 10_000, ...settings },
    backoff,
    minSilenceMs: 0,
  });
}

function cell(symbol: string, exchange: LiveExchange, kind = 'mark'): Invocation {
  const invocation = new Invocation();
  cells.push(invocation);
  streamPrice([symbol, exchange, kind], invocation, hub, ctx);
  return invocation;
}

beforeEach(async () => {
  server = await PriceServer.start();
  hub = newHub();
});

afterEach(async () => {
  for (const c of cells.splice(0)) c.onCanceled?.();
  hub.pause();
  await server.close();
});

/** Each exchange's BTC and ETH instruments for the mark price, and the stream BTC's mark comes on. */
const EXCHANGES: [LiveExchange, string, string, string][] = [
  ['binance', 'BTCUSDT', 'ETHUSDT', 'btcusdt@markPrice@1s'],
  ['okx', 'BTC-USDT-SWAP', 'ETH-USDT-SWAP', 'mark-price:BTC-USDT-SWAP'],
  ['bybit', 'BTCUSDT', 'ETHUSDT', 'tickers.BTCUSDT'],
  ['bitget', 'BTCUSDT', 'ETHUSDT', 'ticker:BTCUSDT'],
];

describe('a price is used only for the instrument its stream was subscribed for', () => {
  it.each(EXCHANGES)(
    "%s: ETH's row on BTC's stream shows #N/A naming the server and ETH, never 3000",
    async (exchange, btc, eth, stream) => {
      const c = cell('BTC', exchange);
      await until(() => server.subscribed(exchange).includes(stream), 3000, `subscription to ${stream}`);
      server.pushWrongRow(exchange, btc, eth, { mark: '3000', index: '3000', last: '3000' });
      await until(() => c.values.length > 0);
      expect(c.values).toEqual([
        `#N/A ${exchange} mark price of ${btc}: ${server.url(exchange)} sent "${eth}" on this instrument's stream`,
      ]);
      // The right row, once it comes, is shown.
      server.push(exchange, btc, { mark: '64000.5', index: '64000', last: '64001' });
      await until(() => c.values.length > 1);
      expect(c.last).toBe(64000.5);
    },
  );

  it('refuses a row that names no instrument at all', async () => {
    const c = cell('BTC', 'bybit');
    await until(() => server.subscribed('bybit').includes('tickers.BTCUSDT'));
    server.sendTo('bybit', 'tickers.BTCUSDT', { topic: 'tickers.BTCUSDT', type: 'delta', data: { markPrice: '3000' }, ts: 1 });
    await until(() => c.values.length > 0);
    expect(c.values).toEqual([
      `#N/A bybit mark price of BTCUSDT: ${server.url('bybit')} sent a row naming no instrument on this instrument's stream`,
    ]);
  });

  it("does not show one exchange's wrong row in the cells of another instrument", async () => {
    const btc = cell('BTC', 'binance');
    const eth = cell('ETH', 'binance');
    await until(() => server.subscribed('binance').length === 2);
    server.pushWrongRow('binance', 'BTCUSDT', 'ETHUSDT', { mark: '3000', index: '3000' });
    server.push('binance', 'ETHUSDT', { mark: '2500.5', index: '2500' });
    await until(() => btc.values.length > 0 && eth.values.length > 0);
    await sleep(30);
    expect(eth.values).toEqual([2500.5]);
  });
});

describe('the hub keeps prices only for instruments some cell watches', () => {
  it('holds two prices while an exchange pushes 5000 instruments nobody asked for', async () => {
    const c = cell('BTC', 'binance');
    await until(() => server.subscribed('binance').length === 1);
    const others = Array.from({ length: 5000 }, (_, i) => `COIN${i}USDT`);
    server.flood('binance', others, { mark: '1.5', index: '1.25' });
    server.push('binance', 'BTCUSDT', { mark: '64000.5', index: '64000' });
    await until(() => c.values.length > 0, 5000);
    expect([c.values, hub.quoteCount]).toEqual([[64000.5], 2]);
  });

  it('forgets the prices of an instrument once its last cell is gone', async () => {
    const c = cell('BTC', 'bybit');
    await until(() => server.subscribed('bybit').length === 1);
    server.push('bybit', 'BTCUSDT', { mark: '1.5', index: '1.25', last: '1.75' });
    await until(() => c.values.length > 0);
    expect(hub.quoteCount).toBe(3);
    c.onCanceled?.();
    expect(hub.quoteCount).toBe(0);
  });
});

/** The delays of the reconnections the hub schedules for `exchange`, in order. */
function retryDelays(exchange: LiveExchange): { delays: number[]; stop: () => void } {
  const delays: number[] = [];
  let waiting = false;
  const stop = hub.onChange(() => {
    const s = hub.status().find((x) => x.exchange === exchange);
    if (s?.state === 'waiting' && !waiting && s.retryInMs !== null) delays.push(s.retryInMs);
    waiting = s?.state === 'waiting';
  });
  return { delays, stop };
}

/** The documented mark-price push for `instrument`, as its server sends it, padded with blanks to exactly `size` characters. */
function paddedPush(exchange: LiveExchange, instrument: string, mark: string, size: number): string {
  const { stream, message } = pushes(exchange, instrument, { mark })[0]!;
  const text = JSON.stringify(exchange === 'binance' ? { stream, data: message } : message);
  return text + ' '.repeat(size - text.length);
}

describe('a message larger than the limit (4 MB) is refused naming the URL and the limit, and the connection reopened', () => {
  it.each(EXCHANGES)('%s', async (exchange, btc, _eth, stream) => {
    const c = cell('BTC', exchange);
    await until(() => server.subscribed(exchange).includes(stream), 3000, `subscription to ${stream}`);
    server.sendRaw(exchange, paddedPush(exchange, btc, '50000', MAX_MESSAGE_SIZE + 1));
    await until(() => c.values.length > 0, 5000);
    expect(c.values).toEqual([
      `#N/A ${exchange} mark price of ${btc}: ${server.url(exchange)} sent a message of 4194305 characters, more than the limit of 4 MB: closed, reconnecting`,
    ]);
    const status = () => hub.status().find((s) => s.exchange === exchange);
    expect(status()?.error).toBe(
      `${server.url(exchange)} sent a message of 4194305 characters, more than the limit of 4 MB: closed, reconnecting`,
    );
    // Reopened and subscribed again; a message of exactly the limit is read, and the error is over.
    await until(() => server.connections[exchange] === 2 && server.subscribed(exchange).includes(stream), 5000, 'a new connection');
    server.sendRaw(exchange, paddedPush(exchange, btc, '50001', MAX_MESSAGE_SIZE));
    await until(() => c.last === 50001, 5000, 'the price of a message at the limit');
    expect(status()?.error).toBeNull();
  });

  it('counts a binary frame in bytes', async () => {
    const c = cell('BTC', 'okx');
    await until(() => server.subscribed('okx').length === 1);
    server.sendRaw('okx', Buffer.alloc(MAX_MESSAGE_SIZE + 10, 0x20));
    await until(() => c.values.length > 0, 5000);
    expect(c.last).toBe(
      `#N/A okx mark price of BTC-USDT-SWAP: ${server.url('okx')} sent a message of 4194314 bytes, more than the limit of 4 MB: closed, reconnecting`,
    );
    await until(() => server.connections.okx === 2, 5000);
  });
});

describe('reconnect backoff against a server that accepts and then closes', () => {
  it('keeps growing the delay although every attempt connects', async () => {
    server.misbehaviour.bitget = { closeAfterMs: 5 };
    hub = newHub({}, { initialMs: 20, maxMs: 160, healthyMs: 5000 });
    const { delays, stop } = retryDelays('bitget');
    cell('BTC', 'bitget');
    await until(() => delays.length >= 6, 5000, 'six retries');
    stop();
    expect(delays.slice(0, 6)).toEqual([20, 40, 80, 160, 160, 160]);
    expect(server.connections.bitget).toBeGreaterThanOrEqual(6);
  });

  it('starts again from the first delay only after a connection delivered prices for a while', async () => {
    server.misbehaviour.okx = { closeAfterMs: 5 };
    hub = newHub({}, { initialMs: 20, maxMs: 1000, healthyMs: 150 });
    const { delays, stop } = retryDelays('okx');
    cell('BTC', 'okx');
    await until(() => delays.length >= 3, 5000, 'three retries');
    delete server.misbehaviour.okx;
    const before = server.connections.okx;
    await until(
      () => server.openConnections('okx') === 1 && server.connections.okx > before && server.subscribed('okx').length === 1,
      5000,
    );
    // Healthy: prices keep coming for longer than healthyMs.
    for (let i = 0; i < 10; i += 1) {
      server.push('okx', 'BTC-USDT-SWAP', { mark: `${100 + i}` });
      await sleep(25);
    }
    server.drop('okx');
    await until(() => delays.length >= 4, 5000, 'a fourth retry');
    stop();
    expect(delays.slice(0, 4)).toEqual([20, 40, 80, 20]);
  });
});

describe('a connection open but silent past the age limit is closed and reopened', () => {
  it.each([
    ['okx', 'ping'],
    ['bybit', '{"op":"ping"}'],
    ['bitget', 'ping'],
  ] as const)('%s: sends the documented %s, then reopens when nothing answers', async (exchange, ping) => {
    server.misbehaviour[exchange] = { mute: true };
    hub = newHub({ maxAgeMs: 300 });
    cell('BTC', exchange);
    await until(() => server.connections[exchange] >= 2, 3000, 'a second connection');
    expect(server.pings[exchange][0]).toBe(ping);
    const [first, second] = server.acceptedAt[exchange];
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it('binance: sends nothing (its server pings), and reopens a connection that stays silent', async () => {
    server.misbehaviour.binance = { mute: true };
    hub = newHub({ maxAgeMs: 300 });
    cell('BTC', 'binance');
    await until(() => server.connections.binance >= 2, 3000, 'a second connection');
    expect(server.pings.binance).toEqual([]);
  });

  it('gives up on a handshake that never completes, and tries again', async () => {
    // A TCP server that accepts and never answers the websocket upgrade.
    const accepted: Socket[] = [];
    const tcp: Server = createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    try {
      hub = new PriceHub({
        connect: wsClient,
        urls: { bybit: `ws://127.0.0.1:${(tcp.address() as AddressInfo).port}/bybit` },
        settings: { intervalMs: 0, maxAgeMs: 300 },
        backoff: { initialMs: 20, maxMs: 80 },
        minSilenceMs: 0,
      });
      cell('BTC', 'bybit');
      await until(() => accepted.length >= 2, 3000, 'a second attempt');
      expect(hub.status().find((x) => x.exchange === 'bybit')?.reconnects).toBeGreaterThanOrEqual(1);
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    }
  });

  it('never reopens sooner than the floor of 5 s by default, so a 1 s age limit keeps a healthy Binance connection', async () => {
    hub = new PriceHub({ connect: wsClient, urls: server.urls(), settings: { intervalMs: 0, maxAgeMs: 300 } });
    server.misbehaviour.binance = { mute: true };
    cell('BTC', 'binance');
    await sleep(900);
    expect(server.connections.binance).toBe(1);
  });

  it('keeps a quiet connection whose pings are answered', async () => {
    hub = newHub({ maxAgeMs: 300 });
    cell('BTC', 'okx');
    await until(() => server.pings.okx.length >= 4, 3000, 'four pings');
    expect(server.connections.okx).toBe(1);
  });
});
