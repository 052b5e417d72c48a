import { hmacSha256, toHex } from '../hmac';
import type { Credentials, RequestToSign, SignedRequest } from './request';
import { queryString, RECV_WINDOW_MS, withQuery } from './request';

/**
 * The text Bybit v5 signs: timestamp + api key + recv_window + (the query string for GET, the JSON body for POST).
 *
 * @example
 * bybitPrehash('1658384314791', 'XXXXXXXXXX', '5000', 'category=option&symbol=BTC-29JUL22-25000-C')
 * // '1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C'
 */
export function bybitPrehash(timestamp: string, apiKey: string, recvWindow: string, payload: string): string {
  return `${timestamp}${apiKey}${recvWindow}${payload}`;
}

/** Bybit v5 private request: lower-case hex HMAC-SHA256 of the prehash, with the four `X-BAPI-*` headers. */
export async function signBybit(request: RequestToSign, credentials: Credentials): Promise<SignedRequest> {
  const timestamp = String(request.timestamp);
  const recvWindow = String(request.recvWindow ?? RECV_WINDOW_MS);
  const query = queryString(request.query);
  const body = request.body ?? '';
  const payload = request.method === 'GET' ? query : body;
  const sign = toHex(await hmacSha256(credentials.secret, bybitPrehash(timestamp, credentials.key, recvWindow, payload)));
  return {
    method: request.method,
    pathAndQuery: withQuery(request.path, query),
    headers: {
      'X-BAPI-API-KEY': credentials.key,
      'X-BAPI-SIGN': sign,
      'X-BAPI-TIMESTAMP': timestamp,
      'X-BAPI-RECV-WINDOW': recvWindow,
    },
    ...(body === '' ? {} : { body }),
  };
}
