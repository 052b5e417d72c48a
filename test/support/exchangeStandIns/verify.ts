// Each exchange's signature check, written from its documentation with Node's own HMAC: independent of the
// signers under test, so a signer that drifts from the documented rule is refused here.

import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { LiveExchange } from '../../../src/live';
import type { Refusal } from './errors';

export interface StandInKey {
  readonly key: string;
  readonly secret: string;
  readonly passphrase?: string;
}

export interface SignedRequestSeen {
  readonly method: string;
  readonly path: string;
  /** The raw query string, as sent (without '?'). */
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const hmac = (secret: string, text: string, encoding: 'hex' | 'base64'): string =>
  createHmac('sha256', secret).update(text, 'utf8').digest(encoding);
const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** How far a timestamp may be from the stand-in's clock (OKX and Bitget document 30 s). */
const SKEW_MS = 30_000;

/** Undefined when the request is signed as documented with `key`, else the refusal and its detail. */
export function verifySigned(
  exchange: LiveExchange,
  request: SignedRequestSeen,
  key: StandInKey,
  serverNow: number,
): { refusal: Refusal; detail?: string } | undefined {
  switch (exchange) {
    case 'binance': {
      if (header(request.headers, 'X-MBX-APIKEY') !== key.key) return { refusal: 'unknownKey' };
      const at = request.query.lastIndexOf('&signature=');
      if (at < 0) return { refusal: 'badSignature' };
      const signed = request.query.slice(0, at);
      const params = new URLSearchParams(signed);
      const timestamp = Number(params.get('timestamp'));
      const recvWindow = Number(params.get('recvWindow') ?? 5000);
      if (hmac(key.secret, signed + request.body, 'hex') !== request.query.slice(at + '&signature='.length))
        return { refusal: 'badSignature' };
      // Binance: valid while timestamp < serverTime + 1000 and serverTime - timestamp <= recvWindow.
      if (!(timestamp < serverNow + 1000 && serverNow - timestamp <= recvWindow)) return { refusal: 'expired' };
      return undefined;
    }
    case 'okx': {
      if (header(request.headers, 'OK-ACCESS-KEY') !== key.key) return { refusal: 'unknownKey' };
      if (header(request.headers, 'OK-ACCESS-PASSPHRASE') !== key.passphrase) return { refusal: 'badPassphrase' };
      const timestamp = header(request.headers, 'OK-ACCESS-TIMESTAMP') ?? '';
      const path = request.query === '' ? request.path : `${request.path}?${request.query}`;
      const expected = hmac(key.secret, `${timestamp}${request.method}${path}${request.body}`, 'base64');
      if (header(request.headers, 'OK-ACCESS-SIGN') !== expected) return { refusal: 'badSignature' };
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(timestamp) || Math.abs(serverNow - Date.parse(timestamp)) > SKEW_MS) {
        return { refusal: 'expired' };
      }
      return undefined;
    }
    case 'bybit': {
      const apiKey = header(request.headers, 'X-BAPI-API-KEY');
      if (apiKey !== key.key) return { refusal: 'unknownKey' };
      const timestamp = header(request.headers, 'X-BAPI-TIMESTAMP') ?? '';
      const recvWindow = header(request.headers, 'X-BAPI-RECV-WINDOW') ?? '5000';
      const origin = `${timestamp}${apiKey}${recvWindow}${request.method === 'GET' ? request.query : request.body}`;
      if (header(request.headers, 'X-BAPI-SIGN') !== hmac(key.secret, origin, 'hex')) return { refusal: 'badSignature', detail: origin };
      // Bybit: server_time - recv_window <= timestamp < server_time + 1000.
      const ts = Number(timestamp);
      if (!(serverNow - Number(recvWindow) <= ts && ts < serverNow + 1000)) return { refusal: 'expired' };
      return undefined;
    }
    case 'bitget': {
      if (header(request.headers, 'ACCESS-KEY') !== key.key) return { refusal: 'unknownKey' };
      if (header(request.headers, 'ACCESS-PASSPHRASE') !== key.passphrase) return { refusal: 'badPassphrase' };
      const timestamp = header(request.headers, 'ACCESS-TIMESTAMP') ?? '';
      const path = request.query === '' ? request.path : `${request.path}?${request.query}`;
      if (
        header(request.headers, 'ACCESS-SIGN') !==
        hmac(key.secret, `${timestamp}${request.method.toUpperCase()}${path}${request.body}`, 'base64')
      ) {
        return { refusal: 'badSignature' };
      }
      if (Math.abs(serverNow - Number(timestamp)) > SKEW_MS) return { refusal: 'expired' };
      return undefined;
    }
  }
}
