import type { SocketFactory, SocketLike } from '../../prices/feedConnection';
import type { AccountExchange } from '../../presets/account';
import { BINANCE_ASSET_INDEX_PATH, binanceCollateralPrices } from '../account/binanceAccount';
import { exchangeText, LiveError } from '../liveErrors';
import { LIVE_REST_BASES } from '../restBase';
import type { LiveFetch } from '../restClient';
import { createRestClient } from '../restClient';
import type { Credentials } from '../signers';
import { RECV_WINDOW_MS, signBinanceWsParams } from '../signers';
import type { AccountSource } from './accountConnection';
import type { AccountDocuments } from './accountDocuments';
import type { PrivateUrls } from './privateFeeds';
import { PRIVATE_URLS } from './privateFeeds';
import { restSnapshot } from './restSnapshot';

/**
 * Binance USDⓈ-M WebSocket API methods of the snapshot: the same documents as REST `GET /fapi/v3/account` and
 * `GET /fapi/v3/positionRisk` (the account with its assets, and every position's risk row).
 */
export const BINANCE_WS_ACCOUNT = 'v2/account.status';
export const BINANCE_WS_POSITIONS = 'v2/account.position';

/** How long the WebSocket API has to answer both requests before the snapshot is given up (and retried). */
export const BINANCE_WS_TIMEOUT_MS = 15_000;

export interface BinanceWsSnapshotOptions {
  readonly connect: SocketFactory;
  /** The WebSocket API (`wss://ws-fapi.binance.com/ws-fapi/v1`; tests: a local stand-in). */
  readonly url: string;
  /** For the public asset index (no key sent), which prices the collateral. */
  readonly fetch: LiveFetch;
  readonly restBase?: string;
  readonly now?: () => number;
  readonly timeoutMs?: number;
}

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer to request `id`: its result, or the exchange's refusal; null for any other message. */
function readAnswer(message: unknown, method: string): { result: unknown } | { refusal: LiveError } | null {
  if (!isRow(message)) return null;
  if (message.status === 200 && 'result' in message) return { result: message.result };
  const error = isRow(message.error) ? message.error : {};
  return {
    refusal: new LiveError('EXCHANGE_REFUSED', {
      exchange: 'Binance',
      endpoint: `WebSocket API ${method}`,
      code: exchangeText(error.code ?? message.status ?? 'none'),
      message: exchangeText(error.msg ?? 'no result in the answer'),
    }),
  };
}

/**
 * Binance's signed account snapshot over the WebSocket API, for the task pane and the cells: a browser may not be
 * allowed to send REST's `X-MBX-APIKEY` header across origins, while a websocket carries the key and the signature
 * in the request itself. Sends `v2/account.status` and `v2/account.position` (HMAC-SHA256 as REST signs), then
 * prices the collateral from the public asset index. The command line keeps REST.
 */
export function binanceWsSnapshot(options: BinanceWsSnapshotOptions): (keys: Credentials) => Promise<AccountDocuments> {
  let issued = 0;
  return async (keys) => {
    issued += 1;
    const now = options.now ?? Date.now;
    const ids = { account: `account-${issued}`, positions: `positions-${issued}` };
    const answers = await new Promise<{ account: unknown; positions: unknown }>((resolve, reject) => {
      let socket: SocketLike;
      try {
        socket = options.connect(options.url);
      } catch (error) {
        reject(new Error(`the WebSocket API could not be opened: ${error instanceof Error ? error.message : String(error)}`));
        return;
      }
      const got: { account?: unknown; positions?: unknown } = {};
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        try {
          socket.close();
        } catch {
          // already closed
        }
        outcome();
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`the WebSocket API did not answer within ${(options.timeoutMs ?? BINANCE_WS_TIMEOUT_MS) / 1000} s`)),
          ),
        options.timeoutMs ?? BINANCE_WS_TIMEOUT_MS,
      );
      socket.onopen = () => {
        const params = { recvWindow: RECV_WINDOW_MS, timestamp: Math.floor(now()) };
        Promise.all([signBinanceWsParams(params, keys), signBinanceWsParams(params, keys)]).then(
          ([account, positions]) => {
            socket.send(JSON.stringify({ id: ids.account, method: BINANCE_WS_ACCOUNT, params: account }));
            socket.send(JSON.stringify({ id: ids.positions, method: BINANCE_WS_POSITIONS, params: positions }));
          },
          (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
        );
      };
      socket.onmessage = (event) => {
        let message: unknown;
        try {
          message = JSON.parse(typeof event.data === 'string' ? event.data : String(event.data));
        } catch {
          return;
        }
        if (!isRow(message)) return;
        const which = message.id === ids.account ? 'account' : message.id === ids.positions ? 'positions' : null;
        if (which === null) return;
        const answer = readAnswer(message, which === 'account' ? BINANCE_WS_ACCOUNT : BINANCE_WS_POSITIONS);
        if (answer === null) return;
        if ('refusal' in answer) {
          finish(() => reject(answer.refusal));
          return;
        }
        got[which] = answer.result;
        if ('account' in got && 'positions' in got) finish(() => resolve({ account: got.account, positions: got.positions }));
      };
      socket.onclose = () => finish(() => reject(new Error('the WebSocket API closed before answering')));
      socket.onerror = () => undefined;
    });
    const client = createRestClient({
      exchange: 'binance',
      base: options.restBase ?? LIVE_REST_BASES.binance,
      credentials: keys,
      fetch: options.fetch,
    });
    const index = await client.get(BINANCE_ASSET_INDEX_PATH, [], { signed: false });
    return { account: answers.account, positions: answers.positions, prices: binanceCollateralPrices(answers.account, index) };
  };
}

/**
 * The snapshot source of the task pane and the cells: Binance's over its WebSocket API (no REST key header), the
 * other exchanges' signed REST requests (their key headers are allowed across origins).
 */
export function browserSnapshot(
  fetch: LiveFetch,
  connect: SocketFactory,
  bases: Partial<Record<AccountExchange, string>> = {},
  urls: Partial<Record<AccountExchange, PrivateUrls>> = {},
): AccountSource {
  const rest = restSnapshot(fetch, bases);
  const binance = binanceWsSnapshot({
    connect,
    url: urls.binance?.api ?? PRIVATE_URLS.binance.api ?? 'wss://ws-fapi.binance.com/ws-fapi/v1',
    fetch,
    ...(bases.binance === undefined ? {} : { restBase: bases.binance }),
  });
  return (exchange, keys) => (exchange === 'binance' ? binance(keys) : rest(exchange, keys));
}
