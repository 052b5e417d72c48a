import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import type { AccountDocuments, AccountSource, PrivateUrls } from '../../src/live/stream';
import type { Credentials } from '../../src/live/signers';
import type { AccountExchange } from '../../src/presets/account';

/**
 * The four exchanges' private websockets on 127.0.0.1, each verifying the documented login signature with its own
 * HMAC (node:crypto, not the add-in's code), and an account kept as the REST responses describe it. Paths:
 * /binance-api (WebSocket API: userDataStream.start/ping, and the signed v2/account.status and v2/account.position), /binance-stream/ws/<listenKey>, /okx, /bybit, /bitget.
 */

type Json = Record<string, unknown>;
const ACCOUNT_FIXTURES = join(__dirname, '..', 'fixtures', 'account');
const LIVE_FIXTURES = join(__dirname, '..', 'fixtures', 'live');
const API_FIXTURES = join(__dirname, '..', 'fixtures', 'api');
export const accountFixture = (name: string): unknown => JSON.parse(readFileSync(join(ACCOUNT_FIXTURES, name), 'utf8'));
export const liveFixture = (name: string): Json => JSON.parse(readFileSync(join(LIVE_FIXTURES, name), 'utf8')) as Json;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The Binance WebSocket API's signed account methods the stand-in serves. */
const SIGNED_ACCOUNT_METHODS = new Set(['v2/account.status', 'v2/account.position', 'account.status', 'account.position']);
/** The documented answer's envelope (Binance USDⓈ-M WebSocket API, "Account Information V2"), without its result. */
const WS_API_ENVELOPE: Json = (() => {
  const { result: _result, ...envelope } = liveFixture('binance-ws-v2-account-status.json');
  return envelope;
})();

/** The documented REST examples each stand-in account starts from. */
export function fixtureDocuments(exchange: AccountExchange): AccountDocuments {
  const files: Record<AccountExchange, [string, string]> = {
    binance: ['binance-account-v2.json', 'binance-positionRisk-v2.json'],
    okx: ['okx-account-balance.json', 'okx-account-positions.json'],
    bybit: ['bybit-wallet-balance.json', 'bybit-position-list-linear.json'],
    bitget: ['bitget-mix-account-accounts.json', 'bitget-mix-position-all-position.json'],
  };
  const [account, positions] = files[exchange];
  const docs = { account: accountFixture(account), positions: accountFixture(positions) };
  // OKX sizes positions by contract value: the instruments response the snapshot fetches for the swaps held.
  return exchange === 'okx'
    ? { ...docs, instruments: [JSON.parse(readFileSync(join(API_FIXTURES, 'okx-instruments-swap.json'), 'utf8'))] }
    : docs;
}

export const TEST_KEYS: Readonly<Record<AccountExchange, Credentials>> = {
  binance: { key: 'bnKEYvmPCZ1sk4ffj6Fh3', secret: 'bnSECRETNhqPtmdSJYdKjVHjA7PZj4Mge3R5Y' },
  okx: { key: 'okKEY-8d1f-4c3a', secret: 'okSECRET99A1B2C3D4E5F6', passphrase: 'okPASSPHRASE!7' },
  bybit: { key: 'byKEYXXXXXXXXXX', secret: 'bySECRETXXXXXXXXXXXXXXXXXXXXXXX' },
  bitget: { key: 'bgKEY_4f2a9e', secret: 'bgSECRET_0c1d2e3f4a5b', passphrase: 'bgPASSPHRASE#3' },
};

const hmac = (secret: string, text: string, encoding: 'hex' | 'base64'): string =>
  createHmac('sha256', secret).update(text).digest(encoding);

interface Client {
  readonly exchange: AccountExchange;
  readonly socket: WebSocket;
  loggedIn: boolean;
  readonly channels: Set<string>;
}

export class AccountServer {
  private readonly clients = new Set<Client>();
  private listenKeys = new Set<string>();
  private issued = 0;
  /** The account as the exchange's REST endpoints would answer now. */
  readonly docs: Record<AccountExchange, AccountDocuments> = {
    binance: fixtureDocuments('binance'),
    okx: fixtureDocuments('okx'),
    bybit: fixtureDocuments('bybit'),
    bitget: fixtureDocuments('bitget'),
  };
  readonly keys: Record<AccountExchange, Credentials> = { ...TEST_KEYS };
  readonly snapshots: Record<AccountExchange, number> = { binance: 0, okx: 0, bybit: 0, bitget: 0 };
  readonly logins: Record<AccountExchange, number> = { binance: 0, okx: 0, bybit: 0, bitget: 0 };
  readonly refusals: Record<AccountExchange, number> = { binance: 0, okx: 0, bybit: 0, bitget: 0 };
  /** Every text any client sent, to search for secrets. */
  readonly received: string[] = [];
  /** A silent exchange answers nothing, not even keep-alive pings. */
  readonly silent: Record<AccountExchange, boolean> = { binance: false, okx: false, bybit: false, bitget: false };
  listenKeyPings = 0;
  /** Binance WebSocket API signed requests received (method and parameters, signature included). */
  readonly binanceWsRequests: { method: string; params: Json }[] = [];

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket, request) => {
      const path = request.url ?? '';
      const exchange = (path.startsWith('/binance') ? 'binance' : path.slice(1)) as AccountExchange;
      if (path.startsWith('/binance-stream/ws/')) {
        const key = path.slice('/binance-stream/ws/'.length);
        if (!this.listenKeys.has(key)) {
          socket.close(1008, 'unknown listen key');
          return;
        }
      }
      const client: Client = { exchange, socket, loggedIn: path.startsWith('/binance-stream/'), channels: new Set() };
      if (path === '/binance-api') client.channels.add('api');
      if (client.loggedIn) this.logins.binance += 1;
      this.clients.add(client);
      socket.on('close', () => this.clients.delete(client));
      socket.on('message', (data) => this.message(client, data.toString()));
    });
  }

  static async start(): Promise<AccountServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new AccountServer(server);
  }

  private get base(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  urls(): Record<AccountExchange, PrivateUrls> {
    return {
      binance: { stream: `${this.base}/binance-stream`, api: `${this.base}/binance-api` },
      okx: { stream: `${this.base}/okx` },
      bybit: { stream: `${this.base}/bybit` },
      bitget: { stream: `${this.base}/bitget` },
    };
  }

  /**
   * The signed REST snapshot as the add-in takes it: the key must be this exchange's, and the answer is the
   * account's responses as they stand now.
   */
  readonly snapshot: AccountSource = (exchange, keys) => {
    if (keys.key !== this.keys[exchange].key || keys.secret !== this.keys[exchange].secret) {
      return Promise.reject(new Error('the exchange refused the signature'));
    }
    this.snapshots[exchange] += 1;
    return Promise.resolve(clone(this.docs[exchange]));
  };

  /** Streams open and logged in, per exchange (the Binance WebSocket API socket not counted). */
  openStreams(exchange: AccountExchange): number {
    return [...this.clients].filter((c) => c.exchange === exchange && c.loggedIn && !c.channels.has('api')).length;
  }

  /** Sends a push to every logged-in stream of the exchange. */
  push(exchange: AccountExchange, message: Json): void {
    const text = JSON.stringify(message);
    for (const c of this.clients) if (c.exchange === exchange && c.loggedIn && !c.channels.has('api')) c.socket.send(text);
  }

  /** The exchange drops every connection, as on a network failure. */
  drop(exchange: AccountExchange): void {
    for (const c of this.clients) if (c.exchange === exchange) c.socket.terminate();
  }

  /** Binance's listen key lapses: the documented event, then the key is unknown. */
  expireListenKey(): void {
    for (const key of this.listenKeys) this.push('binance', { ...liveFixture('binance-listen-key-expired.json'), listenKey: key });
    this.listenKeys.clear();
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(client: Client, message: Json | string): void {
    if (this.silent[client.exchange]) return;
    client.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  private message(client: Client, text: string): void {
    this.received.push(text);
    if (text === 'ping') {
      this.send(client, 'pong');
      return;
    }
    let request: Json;
    try {
      request = JSON.parse(text) as Json;
    } catch {
      return;
    }
    if (client.exchange === 'binance') this.binance(client, request);
    else if (client.exchange === 'okx') this.okx(client, request);
    else if (client.exchange === 'bybit') this.bybit(client, request);
    else this.bitget(client, request);
  }

  private binance(client: Client, request: Json): void {
    const params = (request.params ?? {}) as Json;
    const known = params.apiKey === this.keys.binance.key;
    if (typeof request.method === 'string' && SIGNED_ACCOUNT_METHODS.has(request.method)) {
      this.binanceSigned(client, request, params);
      return;
    }
    if (request.method === 'userDataStream.start' || request.method === 'userDataStream.ping') {
      if (!known) {
        this.refusals.binance += 1;
        this.send(client, { id: request.id, status: 401, error: { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' } });
        return;
      }
      if (request.method === 'userDataStream.ping') {
        this.listenKeyPings += 1;
        this.send(client, { id: request.id, status: 200, result: {} });
        return;
      }
      this.issued += 1;
      const documented = liveFixture('binance-userDataStream-start.json').result as { listenKey: string };
      const listenKey = `${documented.listenKey.slice(0, 50)}${this.issued}`;
      this.listenKeys.add(listenKey);
      this.send(client, { ...liveFixture('binance-userDataStream-start.json'), id: request.id, result: { listenKey } });
    }
  }

  /**
   * The WebSocket API's signed account requests (`v2/account.status`, `v2/account.position`, and their v1 names):
   * the key, then the HMAC-SHA256 hex of every parameter but the signature sorted by name, then the timestamp
   * against recvWindow, each refused with Binance's documented error; answered with the account as the REST
   * responses describe it now, in the documented envelope.
   */
  private binanceSigned(client: Client, request: Json, params: Json): void {
    this.binanceWsRequests.push({ method: String(request.method), params: { ...params } });
    const keys = this.keys.binance;
    const refuse = (status: number, code: number, msg: string) => {
      this.refusals.binance += 1;
      this.send(client, { id: request.id, status, error: { code, msg } });
    };
    if (params.apiKey !== keys.key) return refuse(401, -2015, 'Invalid API-key, IP, or permissions for action.');
    const payload = Object.keys(params)
      .filter((name) => name !== 'signature')
      .sort()
      .map((name) => `${name}=${String(params[name])}`)
      .join('&');
    if (typeof params.signature !== 'string' || params.signature.toLowerCase() !== hmac(keys.secret, payload, 'hex')) {
      return refuse(400, -1022, 'Signature for this request is not valid.');
    }
    const timestamp = Number(params.timestamp);
    const recvWindow = Number(params.recvWindow ?? 5000);
    const now = Date.now();
    if (!Number.isInteger(timestamp) || !(timestamp < now + 1000 && now - timestamp <= recvWindow)) {
      return refuse(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
    }
    const account = String(request.method).endsWith('account.status');
    if (account) this.snapshots.binance += 1;
    const docs = clone(this.docs.binance);
    this.send(client, { ...WS_API_ENVELOPE, id: request.id, result: account ? docs.account : docs.positions });
  }

  private okx(client: Client, request: Json): void {
    if (request.op === 'login') {
      const arg = ((request.args as Json[]) ?? [])[0] ?? {};
      const keys = this.keys.okx;
      const good =
        arg.apiKey === keys.key &&
        arg.passphrase === keys.passphrase &&
        arg.sign === hmac(keys.secret, `${String(arg.timestamp)}GET/users/self/verify`, 'base64') &&
        Math.abs(Number(arg.timestamp) * 1000 - Date.now()) < 30_000;
      if (!good) {
        this.refusals.okx += 1;
        this.send(client, { event: 'error', code: '60009', msg: 'Login failed.', connId: 'a4d3ae55' });
        return;
      }
      client.loggedIn = true;
      this.logins.okx += 1;
      this.send(client, { event: 'login', code: '0', msg: '', connId: 'a4d3ae55' });
    } else if (request.op === 'subscribe' && client.loggedIn) {
      for (const arg of (request.args as Json[]) ?? []) this.send(client, { event: 'subscribe', arg, connId: 'a4d3ae55' });
    }
  }

  private bybit(client: Client, request: Json): void {
    if (request.op === 'ping') {
      this.send(client, { success: true, ret_msg: 'pong', conn_id: 'local-conn', op: 'ping' });
    } else if (request.op === 'auth') {
      const [key, expires, signature] = (request.args as unknown[]) ?? [];
      const keys = this.keys.bybit;
      const good =
        key === keys.key && signature === hmac(keys.secret, `GET/realtime${String(expires)}`, 'hex') && Number(expires) > Date.now();
      if (!good) this.refusals.bybit += 1;
      else {
        client.loggedIn = true;
        this.logins.bybit += 1;
      }
      this.send(client, { success: good, ret_msg: good ? '' : 'Params Error', op: 'auth', conn_id: 'local-conn' });
    } else if (request.op === 'subscribe' && client.loggedIn) {
      this.send(client, { success: true, ret_msg: '', conn_id: 'local-conn', op: 'subscribe' });
    }
  }

  private bitget(client: Client, request: Json): void {
    if (request.op === 'login') {
      const arg = ((request.args as Json[]) ?? [])[0] ?? {};
      const keys = this.keys.bitget;
      const good =
        arg.apiKey === keys.key &&
        arg.passphrase === keys.passphrase &&
        arg.sign === hmac(keys.secret, `${String(arg.timestamp)}GET/user/verify`, 'base64') &&
        Math.abs(Number(arg.timestamp) * 1000 - Date.now()) < 30_000;
      if (!good) {
        this.refusals.bitget += 1;
        this.send(client, { event: 'error', code: 30005, msg: 'Signature verification failed' });
        return;
      }
      client.loggedIn = true;
      this.logins.bitget += 1;
      this.send(client, { event: 'login', code: 0, msg: '' });
    } else if (request.op === 'subscribe' && client.loggedIn) {
      for (const arg of (request.args as Json[]) ?? []) this.send(client, { event: 'subscribe', arg });
    }
  }
}
