import type { AccountExchange } from '../../presets/account';
import { hmacSha256, toBase64, toHex } from '../hmac';
import type { AccountDocuments, AccountUpdate } from './accountDocuments';
import {
  applyBinanceUpdate,
  applyBitgetAccount,
  applyBitgetPositions,
  applyBybitPosition,
  applyBybitWallet,
  applyOkxBalanceAndPosition,
  applyOkxPositions,
  okxContractsWithoutValue,
} from './accountDocuments';
import type { Credentials } from '../signers';
import { passphraseOf } from '../signers/request';

type Row = Record<string, unknown>;

/** What one message of a private stream means for the connection. */
export type PrivateEvent =
  | { readonly kind: 'loggedIn' }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'update'; readonly apply: AccountUpdate; readonly totals: boolean }
  /** The stream ended on the exchange's side (Binance: the listen key expired): reconnect, with a new snapshot. */
  | { readonly kind: 'expired' };

/** The endpoints a feed uses; tests point them at local stand-ins. */
export interface PrivateUrls {
  /** The private stream. Binance: the base before `/ws/<listenKey>`. */
  readonly stream: string;
  /** Binance only: the WebSocket API that hands out the listen key. */
  readonly api?: string;
}

/** One exchange's private websocket protocol: login, subscriptions, keep-alive, and what its pushes change. */
export interface PrivateFeed {
  readonly exchange: AccountExchange;
  readonly urls: PrivateUrls;
  /** Sent once the stream is open: the signed login (none for Binance, whose stream URL carries the listen key). */
  login(keys: Credentials, nowMs: number): Promise<string | null>;
  /** Sent once the login is accepted. */
  readonly subscribe: readonly string[];
  readonly keepAlive: { readonly message: string; readonly everyMs: number } | null;
  read(message: unknown): PrivateEvent[];
  /** What the documents name but the snapshot did not fetch (OKX: contracts without their ctVal): a fresh snapshot fetches it. */
  readonly unfetched?: (docs: AccountDocuments) => readonly string[];
}

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const update = (apply: AccountUpdate, totals: boolean): PrivateEvent => ({ kind: 'update', apply, totals });

/**
 * The private protocol OKX and Bitget share: a login answer `{ event: 'login', code }` ('0' accepted), errors
 * `{ event: 'error', code, msg }`, and pushes `{ arg: { channel }, data: [...] }`; `pushes` says what a push of each
 * channel changes. Anything else means nothing.
 */
function readLoginProtocol(message: unknown, pushes: Readonly<Record<string, (push: Row) => PrivateEvent>>): PrivateEvent[] {
  if (!isRow(message)) return [];
  if (message.event === 'login') {
    return str(message.code) === '0' ? [{ kind: 'loggedIn' }] : [{ kind: 'refused', code: str(message.code), message: str(message.msg) }];
  }
  if (message.event === 'error') return [{ kind: 'refused', code: str(message.code), message: str(message.msg) }];
  const channel = isRow(message.arg) ? message.arg.channel : undefined;
  if (!Array.isArray(message.data) || typeof channel !== 'string' || !Object.prototype.hasOwnProperty.call(pushes, channel)) return [];
  return [(pushes[channel] as (push: Row) => PrivateEvent)(message)];
}

/** Binance's WebSocket API request that starts the user data stream: the key alone, no signature. */
export function binanceListenKeyRequest(id: string, keys: Credentials): string {
  return JSON.stringify({ id, method: 'userDataStream.start', params: { apiKey: keys.key } });
}

/** Keeps the listen key valid (it lapses after 60 minutes without this). */
export function binanceListenKeyPing(id: string, keys: Credentials): string {
  return JSON.stringify({ id, method: 'userDataStream.ping', params: { apiKey: keys.key } });
}

/** The listen key of a `userDataStream.start` answer, or the exchange's refusal. */
export function readBinanceListenKey(message: unknown): { listenKey: string } | { code: string; message: string } | null {
  if (!isRow(message)) return null;
  if (isRow(message.result) && typeof message.result.listenKey === 'string' && /^[A-Za-z0-9]{1,128}$/.test(message.result.listenKey)) {
    return { listenKey: message.result.listenKey };
  }
  if (isRow(message.error)) return { code: str(message.error.code), message: str(message.error.msg) };
  if (message.status !== undefined && message.status !== 200) return { code: str(message.status), message: 'no listen key in the answer' };
  return null;
}

const binance = (urls: PrivateUrls): PrivateFeed => ({
  exchange: 'binance',
  urls,
  login: () => Promise.resolve(null),
  subscribe: [],
  keepAlive: null,
  read(message) {
    if (!isRow(message)) return [];
    // Events may come wrapped as { stream, data } on a combined stream.
    const event = isRow(message.data) && typeof message.data.e === 'string' ? message.data : message;
    if (event.e === 'ACCOUNT_UPDATE') return [update((docs) => applyBinanceUpdate(docs, event), false)];
    if (event.e === 'listenKeyExpired') return [{ kind: 'expired' }];
    return [];
  },
});

/** OKX: base64 HMAC-SHA256 of timestamp (seconds) + 'GET' + '/users/self/verify'. */
export async function okxLogin(keys: Credentials, nowMs: number): Promise<string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const sign = toBase64(await hmacSha256(keys.secret, `${timestamp}GET/users/self/verify`));
  return JSON.stringify({ op: 'login', args: [{ apiKey: keys.key, passphrase: passphraseOf(keys, 'okx'), timestamp, sign }] });
}

const okx = (urls: PrivateUrls): PrivateFeed => ({
  exchange: 'okx',
  urls,
  login: okxLogin,
  unfetched: okxContractsWithoutValue,
  subscribe: [JSON.stringify({ op: 'subscribe', args: [{ channel: 'balance_and_position' }, { channel: 'positions', instType: 'ANY' }] })],
  keepAlive: { message: 'ping', everyMs: 20_000 },
  read: (message) =>
    readLoginProtocol(message, {
      balance_and_position: (push) => update((docs) => applyOkxBalanceAndPosition(docs, push), false),
      positions: (push) => update((docs) => applyOkxPositions(docs, push), false),
    }),
});

/** Bybit: hex HMAC-SHA256 of 'GET/realtime' + expires (ms), valid for a few seconds. */
export async function bybitLogin(keys: Credentials, nowMs: number): Promise<string> {
  const expires = nowMs + 10_000;
  const signature = toHex(await hmacSha256(keys.secret, `GET/realtime${expires}`));
  return JSON.stringify({ op: 'auth', args: [keys.key, expires, signature] });
}

const bybit = (urls: PrivateUrls): PrivateFeed => ({
  exchange: 'bybit',
  urls,
  login: bybitLogin,
  subscribe: [JSON.stringify({ op: 'subscribe', args: ['wallet', 'position'] })],
  keepAlive: { message: JSON.stringify({ op: 'ping' }), everyMs: 20_000 },
  read(message) {
    if (!isRow(message)) return [];
    if (message.op === 'auth') {
      return message.success === true
        ? [{ kind: 'loggedIn' }]
        : [{ kind: 'refused', code: str(message.retCode ?? 'auth'), message: str(message.ret_msg) }];
    }
    if (message.topic === 'wallet') return [update((docs) => applyBybitWallet(docs, message), true)];
    if (message.topic === 'position' || message.topic === 'position.linear')
      return [update((docs) => applyBybitPosition(docs, message), false)];
    return [];
  },
});

/** Bitget: base64 HMAC-SHA256 of timestamp (seconds) + 'GET' + '/user/verify'. */
export async function bitgetLogin(keys: Credentials, nowMs: number): Promise<string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const sign = toBase64(await hmacSha256(keys.secret, `${timestamp}GET/user/verify`));
  return JSON.stringify({ op: 'login', args: [{ apiKey: keys.key, passphrase: passphraseOf(keys, 'bitget'), timestamp, sign }] });
}

const bitget = (urls: PrivateUrls): PrivateFeed => ({
  exchange: 'bitget',
  urls,
  login: bitgetLogin,
  subscribe: [
    JSON.stringify({
      op: 'subscribe',
      args: [
        { instType: 'USDT-FUTURES', channel: 'account', coin: 'default' },
        { instType: 'USDT-FUTURES', channel: 'positions', instId: 'default' },
      ],
    }),
  ],
  keepAlive: { message: 'ping', everyMs: 20_000 },
  read: (message) =>
    readLoginProtocol(message, {
      account: (push) => update((docs) => applyBitgetAccount(docs, push), true),
      positions: (push) => update((docs) => applyBitgetPositions(docs, push), false),
    }),
});

/** The exchanges' own private endpoints: exactly these hosts are allowed by the manifest and the pane's policy. */
export const PRIVATE_URLS: Readonly<Record<AccountExchange, PrivateUrls>> = {
  binance: { stream: 'wss://fstream.binance.com', api: 'wss://ws-fapi.binance.com/ws-fapi/v1' },
  okx: { stream: 'wss://ws.okx.com:8443/ws/v5/private' },
  bybit: { stream: 'wss://stream.bybit.com/v5/private' },
  bitget: { stream: 'wss://ws.bitget.com/v2/ws/private' },
};

/** The websocket origins the private streams use (scheme, host, port): what the security policy must allow. */
export const PRIVATE_WEBSOCKET_ORIGINS: readonly string[] = [
  ...new Set(
    Object.values(PRIVATE_URLS).flatMap((urls) =>
      [urls.stream, urls.api ?? urls.stream].map((url) => url.replace(/^(wss:\/\/[^/]+).*$/, '$1')),
    ),
  ),
];

const FEEDS: Readonly<Record<AccountExchange, (urls: PrivateUrls) => PrivateFeed>> = { binance, okx, bybit, bitget };

export function privateFeed(exchange: AccountExchange, urls: PrivateUrls = PRIVATE_URLS[exchange]): PrivateFeed {
  return FEEDS[exchange](urls);
}
