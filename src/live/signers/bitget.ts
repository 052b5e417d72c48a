import { hmacSha256, toBase64 } from '../hmac';
import type { Credentials, RequestToSign, SignedRequest } from './request';
import { passphraseOf, queryString, withQuery } from './request';

/**
 * The text Bitget signs: timestamp (ms) + METHOD + requestPath + ('?' + queryString, when there is one) + body.
 *
 * @example
 * bitgetPrehash('16273667805456', 'GET', '/api/mix/v2/market/depth', 'limit=20&symbol=BTCUSDT', '')
 * // '16273667805456GET/api/mix/v2/market/depth?limit=20&symbol=BTCUSDT'
 */
export function bitgetPrehash(timestamp: string, method: string, requestPath: string, query: string, body: string): string {
  return `${timestamp}${method.toUpperCase()}${withQuery(requestPath, query)}${body}`;
}

/** Bitget v2 private request: base64 HMAC-SHA256 of the prehash, with the four `ACCESS-*` headers. */
export async function signBitget(request: RequestToSign, credentials: Credentials): Promise<SignedRequest> {
  const passphrase = passphraseOf(credentials, 'Bitget');
  const timestamp = String(request.timestamp);
  const query = queryString(request.query);
  const body = request.body ?? '';
  const sign = toBase64(await hmacSha256(credentials.secret, bitgetPrehash(timestamp, request.method, request.path, query, body)));
  return {
    method: request.method,
    pathAndQuery: withQuery(request.path, query),
    headers: {
      'ACCESS-KEY': credentials.key,
      'ACCESS-SIGN': sign,
      'ACCESS-TIMESTAMP': timestamp,
      'ACCESS-PASSPHRASE': passphrase,
      'Content-Type': 'application/json',
      locale: 'en-US',
    },
    ...(body === '' ? {} : { body }),
  };
}
