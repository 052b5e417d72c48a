import type { LiveExchange } from './liveExchange';
import { LiveError } from './liveErrors';

/** Each exchange's REST API, where the signed account requests and the public price requests go. */
export const LIVE_REST_BASES: Readonly<Record<LiveExchange, string>> = {
  binance: 'https://fapi.binance.com',
  okx: 'https://www.okx.com',
  bybit: 'https://api.bybit.com',
  bitget: 'https://api.bitget.com',
};

/** Binance's key permissions (`/sapi/...`) are served by the spot host, not the futures one. */
export const BINANCE_SAPI_BASE = 'https://api.binance.com';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** True for the hosts that never leave this computer. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/**
 * Reads a base URL override (`MULTIASSET_<EXCHANGE>_REST`): https anywhere, plain http only on the loopback,
 * no user name, password, query or fragment. Refused before any connection is made.
 *
 * @example
 * checkRestBase('http://127.0.0.1:8443/', 'MULTIASSET_OKX_REST') // 'http://127.0.0.1:8443'
 */
export function checkRestBase(text: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new LiveError('BAD_BASE_URL', { variable, detail: `expected an https:// URL, got ${JSON.stringify(text.slice(0, 200))}` });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new LiveError('PLAIN_HTTP_REFUSED', { variable, host: url.hostname });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new LiveError('BAD_BASE_URL', { variable, detail: `expected an https:// URL, got the scheme ${url.protocol}` });
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new LiveError('BAD_BASE_URL', {
      variable,
      detail: 'expected scheme, host, port and path only (no user, password, query or #fragment)',
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
