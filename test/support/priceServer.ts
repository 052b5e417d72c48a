import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import type { LiveExchange, SocketFactory, SocketLike } from '../../src/prices';

/**
 * A real websocket server on 127.0.0.1 that speaks each exchange's documented public market-data protocol:
 * subscribe and unsubscribe requests, their acknowledgements, keep-alive pings, and pushes built from the
 * documented examples in test/fixtures/prices. One path per exchange: ws://127.0.0.1:PORT/binance, …
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'prices');
type Json = Record<string, unknown>;
export const fixture = (name: string): Json => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Json;

export interface Prices {
  readonly mark?: string;
  readonly index?: string;
  readonly last?: string;
}

interface Client {
  readonly exchange: LiveExchange;
  readonly socket: WebSocket;
  readonly streams: Set<string>;
}

/** The stream names a request asks for, in each exchange's own terms. */
function streamsOf(exchange: LiveExchange, request: Json): { op: 'subscribe' | 'unsubscribe'; streams: string[] } | undefined {
  if (exchange === 'binance') {
    const op = request.method === 'SUBSCRIBE' ? 'subscribe' : request.method === 'UNSUBSCRIBE' ? 'unsubscribe' : undefined;
    return op && Array.isArray(request.params) ? { op, streams: request.params.map(String) } : undefined;
  }
  const op = request.op === 'subscribe' || request.op === 'unsubscribe' ? request.op : undefined;
  if (!op || !Array.isArray(request.args)) return undefined;
  if (exchange === 'bybit') return { op, streams: request.args.map(String) };
  // OKX and Bitget name a stream by channel and instrument.
  return { op, streams: (request.args as Json[]).map((a) => `${String(a.channel)}:${String(a.instId)}`) };
}

function acknowledgement(exchange: LiveExchange, request: Json, op: string): Json[] {
  switch (exchange) {
    case 'binance':
      return [{ result: null, id: request.id }];
    case 'okx':
      return (request.args as Json[]).map((arg) => ({ event: op, arg, connId: 'a4d3ae55' }));
    case 'bybit':
      return [{ success: true, ret_msg: '', conn_id: 'local-conn', op }];
    case 'bitget':
      return (request.args as Json[]).map((arg) => ({ event: op, arg }));
  }
}

/**
 * The documented push of `exchange` for `stream`, with the test's instrument and prices set in it. `row` names
 * the instrument the data row claims (another one than the stream's, for a hostile server).
 */
export function pushes(exchange: LiveExchange, instrument: string, prices: Prices, row = instrument): { stream: string; message: Json }[] {
  const out: { stream: string; message: Json }[] = [];
  if (exchange === 'binance') {
    const lower = instrument.toLowerCase();
    if (prices.mark !== undefined || prices.index !== undefined) {
      const m = fixture('binance-markPrice.json');
      out.push({ stream: `${lower}@markPrice@1s`, message: { ...m, s: row, p: prices.mark ?? m.p, i: prices.index ?? m.i } });
    }
    if (prices.last !== undefined) {
      out.push({ stream: `${lower}@ticker`, message: { ...fixture('binance-ticker.json'), s: row, c: prices.last } });
    }
  } else if (exchange === 'okx') {
    const each = [
      ['mark', 'okx-mark-price.json', 'markPx', 'mark-price'],
      ['index', 'okx-index-tickers.json', 'idxPx', 'index-tickers'],
      ['last', 'okx-tickers.json', 'last', 'tickers'],
    ] as const;
    for (const [kind, file, fieldName, channel] of each) {
      const value = prices[kind];
      if (value === undefined) continue;
      const m = fixture(file);
      const documented = (m.data as Json[])[0] ?? {};
      out.push({
        stream: `${channel}:${instrument}`,
        message: { ...m, arg: { ...(m.arg as Json), instId: instrument }, data: [{ ...documented, instId: row, [fieldName]: value }] },
      });
    }
  } else if (exchange === 'bybit') {
    const m = fixture('bybit-tickers-linear.json');
    const full = prices.mark !== undefined && prices.index !== undefined && prices.last !== undefined;
    const changed: Json = { symbol: row };
    if (prices.mark !== undefined) changed.markPrice = prices.mark;
    if (prices.index !== undefined) changed.indexPrice = prices.index;
    if (prices.last !== undefined) changed.lastPrice = prices.last;
    // Bybit sends a snapshot, then deltas holding only the fields that changed.
    const data = full ? { ...(m.data as Json), ...changed } : changed;
    out.push({
      stream: `tickers.${instrument}`,
      message: { ...m, topic: `tickers.${instrument}`, type: full ? 'snapshot' : 'delta', data },
    });
  } else {
    const m = fixture('bitget-ticker.json');
    const documented = (m.data as Json[])[0] ?? {};
    const changed: Json = { instId: row, symbol: row };
    if (prices.mark !== undefined) changed.markPrice = prices.mark;
    if (prices.index !== undefined) changed.indexPrice = prices.index;
    if (prices.last !== undefined) changed.lastPr = prices.last;
    out.push({
      stream: `ticker:${instrument}`,
      message: { ...m, arg: { ...(m.arg as Json), instId: instrument }, data: [{ ...documented, ...changed }] },
    });
  }
  return out;
}

/** How a hostile exchange misbehaves: `mute` accepts and then never answers anything (no acks, no pongs);
 * `closeAfterMs` accepts and closes the connection that long after. */
export interface Misbehaviour {
  readonly mute?: boolean;
  readonly closeAfterMs?: number;
}

export class PriceServer {
  private readonly clients = new Set<Client>();
  /** Every request each exchange's clients sent, parsed, in order (keep-alive pings excluded). */
  readonly requests: Record<LiveExchange, Json[]> = { binance: [], okx: [], bybit: [], bitget: [] };
  readonly connections: Record<LiveExchange, number> = { binance: 0, okx: 0, bybit: 0, bitget: 0 };
  /** When each connection was accepted (ms since the epoch), per exchange. */
  readonly acceptedAt: Record<LiveExchange, number[]> = { binance: [], okx: [], bybit: [], bitget: [] };
  /** The keep-alive messages each exchange's clients sent, as sent ("ping", '{"op":"ping"}'). */
  readonly pings: Record<LiveExchange, string[]> = { binance: [], okx: [], bybit: [], bitget: [] };
  readonly misbehaviour: Partial<Record<LiveExchange, Misbehaviour>> = {};

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket, request) => {
      const exchange = (request.url ?? '').slice(1) as LiveExchange;
      const client: Client = { exchange, socket, streams: new Set() };
      this.clients.add(client);
      this.connections[exchange] += 1;
      this.acceptedAt[exchange].push(Date.now());
      socket.on('close', () => this.clients.delete(client));
      socket.on('message', (data) => this.received(client, data.toString()));
      const closeAfter = this.misbehaviour[exchange]?.closeAfterMs;
      if (closeAfter !== undefined) setTimeout(() => socket.close(), closeAfter);
    });
  }

  static async start(): Promise<PriceServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new PriceServer(server);
  }

  url(exchange: LiveExchange): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/${exchange}`;
  }

  urls(): Record<LiveExchange, string> {
    return { binance: this.url('binance'), okx: this.url('okx'), bybit: this.url('bybit'), bitget: this.url('bitget') };
  }

  /** Streams subscribed on the exchange's open connections. */
  subscribed(exchange: LiveExchange): string[] {
    return [...this.clients].filter((c) => c.exchange === exchange).flatMap((c) => [...c.streams]);
  }

  openConnections(exchange: LiveExchange): number {
    return [...this.clients].filter((c) => c.exchange === exchange && c.socket.readyState === WebSocket.OPEN).length;
  }

  /** Sends the documented push for these prices to every connection subscribed to its stream. */
  push(exchange: LiveExchange, instrument: string, prices: Prices): void {
    for (const { stream, message } of pushes(exchange, instrument, prices)) this.sendTo(exchange, stream, message);
  }

  /** A cache gone wrong: on `instrument`'s stream, the row of `row` (e.g. ETH's row on BTC's stream). */
  pushWrongRow(exchange: LiveExchange, instrument: string, row: string, prices: Prices): void {
    for (const { stream, message } of pushes(exchange, instrument, prices, row)) this.sendTo(exchange, stream, message);
  }

  /** Pushes for every one of `instruments` to every connection of the exchange, subscribed or not. */
  flood(exchange: LiveExchange, instruments: readonly string[], prices: Prices): void {
    for (const instrument of instruments) {
      for (const { stream, message } of pushes(exchange, instrument, prices)) {
        const text = JSON.stringify(exchange === 'binance' ? { stream, data: message } : message);
        for (const c of this.clients) if (c.exchange === exchange) c.socket.send(text);
      }
    }
  }

  /** Sends a raw message to the connections subscribed to `stream` (Binance's combined stream wraps it). */
  sendTo(exchange: LiveExchange, stream: string, message: Json): void {
    const text = JSON.stringify(exchange === 'binance' ? { stream, data: message } : message);
    for (const c of this.clients) if (c.exchange === exchange && c.streams.has(stream)) c.socket.send(text);
  }

  /** Sends `data` as it is (a text frame for a string, a binary frame for a Buffer) to every connection of the exchange. */
  sendRaw(exchange: LiveExchange, data: string | Buffer): void {
    for (const c of this.clients) if (c.exchange === exchange) c.socket.send(data);
  }

  /** The exchange drops every connection, as on a network failure. */
  drop(exchange: LiveExchange): void {
    for (const c of this.clients) if (c.exchange === exchange) c.socket.terminate();
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private received(client: Client, text: string): void {
    const { socket, exchange } = client;
    const mute = this.misbehaviour[exchange]?.mute === true;
    if (text === 'ping') {
      this.pings[exchange].push(text);
      if (!mute) socket.send('pong');
      return;
    }
    let request: Json;
    try {
      request = JSON.parse(text) as Json;
    } catch {
      return;
    }
    if (request.op === 'ping') {
      this.pings[exchange].push(text);
      if (!mute) socket.send(JSON.stringify({ success: true, ret_msg: 'pong', conn_id: 'local-conn', op: 'ping' }));
      return;
    }
    this.requests[exchange].push(request);
    const asked = streamsOf(exchange, request);
    if (!asked) return;
    for (const stream of asked.streams) {
      if (asked.op === 'subscribe') client.streams.add(stream);
      else client.streams.delete(stream);
    }
    if (!mute) for (const ack of acknowledgement(exchange, request, asked.op)) socket.send(JSON.stringify(ack));
  }
}

/** The `ws` client as the hub's socket factory (Excel's runtime has the browser's WebSocket instead). */
export const wsClient: SocketFactory = (url) => new WebSocket(url) as unknown as SocketLike;

/** Waits until `check` holds, polling every 5 ms; fails after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
