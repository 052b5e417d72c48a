import { hmacSha256, toBase64 } from '../hmac';
import type { Credentials, RequestToSign, SignedRequest } from './request';
import { passphraseOf, queryString, withQuery } from './request';

/** OKX's timestamp: ISO 8601 in UTC with milliseconds, e.g. `2020-12-08T09:08:57.715Z`. */
export function okxTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The text OKX signs: timestamp + method + requestPath (with `?query` for GET) + body.
 *
 * @example
 * okxPrehash('2020-12-08T09:08:57.715Z', 'GET', '/api/v5/account/balance?ccy=BTC', '')
 * // '2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC'
 */
export function okxPrehash(timestamp: string, method: string, requestPath: string, body: string): string {
  return `${timestamp}${method.toUpperCase()}${requestPath}${body}`;
}

/** OKX v5 private request: base64 HMAC-SHA256 of the prehash, with the four `OK-ACCESS-*` headers. */
export async function signOkx(request: RequestToSign, credentials: Credentials): Promise<SignedRequest> {
  const passphrase = passphraseOf(credentials, 'OKX');
  const timestamp = okxTimestamp(request.timestamp);
  const pathAndQuery = withQuery(request.path, queryString(request.query));
  const body = request.body ?? '';
  const sign = toBase64(await hmacSha256(credentials.secret, okxPrehash(timestamp, request.method, pathAndQuery, body)));
  return {
    method: request.method,
    pathAndQuery,
    headers: {
      'OK-ACCESS-KEY': credentials.key,
      'OK-ACCESS-SIGN': sign,
      'OK-ACCESS-TIMESTAMP': timestamp,
      'OK-ACCESS-PASSPHRASE': passphrase,
      'Content-Type': 'application/json',
    },
    ...(body === '' ? {} : { body }),
  };
}
