import { hmacSha256, toHex } from '../hmac';
import type { Credentials, RequestToSign, SignedRequest } from './request';
import { queryString, RECV_WINDOW_MS, withQuery } from './request';

/**
 * The query Binance signs: the request's parameters, then `recvWindow` and `timestamp`, as sent.
 *
 * @example
 * binanceQuery({ method: 'GET', path: '/fapi/v3/account', query: [], timestamp: 1499827319559 })
 * // 'recvWindow=5000&timestamp=1499827319559'
 */
export function binanceQuery(request: RequestToSign): string {
  const recvWindow = String(request.recvWindow ?? RECV_WINDOW_MS);
  return queryString([...request.query, ['recvWindow', recvWindow], ['timestamp', String(request.timestamp)]]);
}

/**
 * Binance SIGNED (USER_DATA) request: `signature` = lower-case hex HMAC-SHA256 of the query string (and body),
 * appended as the last parameter; the key in `X-MBX-APIKEY`.
 */
export async function signBinance(request: RequestToSign, credentials: Credentials): Promise<SignedRequest> {
  const query = binanceQuery(request);
  const body = request.body ?? '';
  const signature = toHex(await hmacSha256(credentials.secret, query + body));
  return {
    method: request.method,
    pathAndQuery: withQuery(request.path, `${query}&signature=${signature}`),
    headers: { 'X-MBX-APIKEY': credentials.key },
    ...(body === '' ? {} : { body }),
  };
}

/** A parameter of a Binance WebSocket API request: text, or an integer such as `timestamp` (sent as a JSON number). */
export type BinanceWsParams = Readonly<Record<string, string | number>>;

/**
 * What Binance's WebSocket API signs: every parameter except `signature`, sorted by name, as `name=value` pairs
 * joined by `&`.
 */
export function binanceWsPayload(params: BinanceWsParams): string {
  return Object.keys(params)
    .filter((name) => name !== 'signature')
    .sort()
    .map((name) => `${name}=${String(params[name])}`)
    .join('&');
}

/**
 * Binance WebSocket API SIGNED (USER_DATA) request parameters: `params` with the key as `apiKey` and `signature`, the
 * lower-case hex HMAC-SHA256 of {@link binanceWsPayload} under the secret (the same HMAC as the REST query's).
 */
export async function signBinanceWsParams(params: BinanceWsParams, credentials: Credentials): Promise<Record<string, string | number>> {
  const withKey = { ...params, apiKey: credentials.key };
  return { ...withKey, signature: toHex(await hmacSha256(credentials.secret, binanceWsPayload(withKey))) };
}
