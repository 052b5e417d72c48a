import type { LiveExchange } from './liveExchange';
import { EXCHANGE_NAMES } from './liveExchange';
import { LiveError } from './liveErrors';
import type { RestClient } from './restClient';
import { BINANCE_SAPI_BASE } from './restBase';

/** What an exchange says a key may do, read from its own permissions endpoint. */
export type KeyCheck =
  | { readonly verdict: 'read-only'; readonly exchange: LiveExchange; readonly detail: string }
  | { readonly verdict: 'can-write'; readonly exchange: LiveExchange; readonly permissions: readonly string[]; readonly detail: string }
  | { readonly verdict: 'unverified'; readonly exchange: LiveExchange; readonly detail: string };

/** Where each exchange reports a key's permissions; Bitget has no such endpoint for the key itself. */
export const KEY_PERMISSION_ENDPOINTS: Readonly<Record<LiveExchange, string | null>> = {
  binance: '/sapi/v1/account/apiRestrictions',
  okx: '/api/v5/account/config',
  bybit: '/v5/user/query-api',
  bitget: null,
};

/** Binance's flags that let a key move money or trade (any of them true refuses the key). */
export const BINANCE_WRITE_FLAGS = [
  'enableWithdrawals',
  'enableInternalTransfer',
  'permitsUniversalTransfer',
  'enableSpotAndMarginTrading',
  'enableMargin',
  'enableFutures',
  'enableVanillaOptions',
  'enablePortfolioMarginTrading',
  'enableFixApiTrade',
] as const;

type Json = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function malformed(exchange: LiveExchange, detail: string): never {
  const endpoint = KEY_PERMISSION_ENDPOINTS[exchange] ?? '';
  throw new LiveError('BAD_RESPONSE', { exchange: EXCHANGE_NAMES[exchange], endpoint: `GET ${endpoint}`, detail });
}

function binanceCheck(body: unknown): KeyCheck {
  if (!isObject(body)) return malformed('binance', 'expected an object of permission flags');
  for (const flag of BINANCE_WRITE_FLAGS) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean') malformed('binance', `${flag}: expected true or false`);
  }
  const can = BINANCE_WRITE_FLAGS.filter((flag) => body[flag] === true);
  if (can.length > 0) return { verdict: 'can-write', exchange: 'binance', permissions: can, detail: can.join(', ') };
  if (body.enableReading !== true) malformed('binance', 'enableReading: expected true for a key that reads the account');
  return { verdict: 'read-only', exchange: 'binance', detail: 'apiRestrictions: reading only' };
}

function okxCheck(body: unknown): KeyCheck {
  const data = isObject(body) ? body.data : undefined;
  const row = Array.isArray(data) ? (data[0] as unknown) : undefined;
  const perm = isObject(row) ? row.perm : undefined;
  if (typeof perm !== 'string' || perm.trim() === '')
    return malformed('okx', 'data[0].perm: expected the key permissions, e.g. "read_only"');
  const permissions = perm
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const can = permissions.filter((p) => p !== 'read_only');
  if (can.length > 0)
    return { verdict: 'can-write', exchange: 'okx', permissions: can, detail: `${can.join(', ')} (perm "${permissions.join(',')}")` };
  return { verdict: 'read-only', exchange: 'okx', detail: 'perm "read_only"' };
}

function bybitCheck(body: unknown): KeyCheck {
  const result = isObject(body) ? body.result : undefined;
  if (!isObject(result)) return malformed('bybit', 'result: expected the key information');
  const readOnly = result.readOnly;
  if (readOnly !== 0 && readOnly !== 1)
    return malformed('bybit', `result.readOnly: expected 0 or 1, got ${JSON.stringify(readOnly) ?? 'nothing'}`);
  const permissions = isObject(result.permissions) ? result.permissions : {};
  const withdraw = Array.isArray(permissions.Wallet) && permissions.Wallet.includes('Withdraw');
  if (readOnly === 1 && !withdraw) return { verdict: 'read-only', exchange: 'bybit', detail: 'readOnly 1' };
  const granted = Object.entries(permissions)
    .filter(([, list]) => Array.isArray(list) && list.length > 0)
    .map(([group, list]) => `${group}: ${(list as unknown[]).map(String).join('/')}`);
  return {
    verdict: 'can-write',
    exchange: 'bybit',
    permissions: granted,
    detail: `${readOnly === 0 ? 'read and write (readOnly 0)' : 'withdraw (readOnly 1, but Wallet lists Withdraw)'}${granted.length > 0 ? `; ${granted.join('; ')}` : ''}`,
  };
}

/**
 * Reads a key's permissions from the exchange's answer: Binance `apiRestrictions` flags, OKX `perm` of the
 * account config, Bybit `readOnly` and `permissions` of `query-api`. Bitget reports none for the key: its
 * verdict is `unverified`.
 *
 * @example
 * readKeyPermissions('okx', { code: '0', data: [{ perm: 'read_only,trade' }] }).verdict // 'can-write'
 */
export function readKeyPermissions(exchange: LiveExchange, body: unknown): KeyCheck {
  switch (exchange) {
    case 'binance':
      return binanceCheck(body);
    case 'okx':
      return okxCheck(body);
    case 'bybit':
      return bybitCheck(body);
    case 'bitget':
      return {
        verdict: 'unverified',
        exchange,
        detail: "Bitget does not report an API key's permissions to the key itself; this key could not be verified as read-only",
      };
  }
}

/**
 * Asks the exchange what the client's key may do. `sapiBase` is where Binance serves `/sapi` (the spot host,
 * or the same override as the futures host).
 */
export async function checkReadOnlyKey(client: RestClient, sapiBase: string = BINANCE_SAPI_BASE): Promise<KeyCheck> {
  const endpoint = KEY_PERMISSION_ENDPOINTS[client.exchange];
  if (endpoint === null) return readKeyPermissions(client.exchange, undefined);
  const body = await client.get(endpoint, [], { signed: true, ...(client.exchange === 'binance' ? { base: sapiBase } : {}) });
  return readKeyPermissions(client.exchange, body);
}

/** Refuses a key that can trade or withdraw, naming what it can do; a read-only or unverified key passes. */
export function requireReadOnly(check: KeyCheck): void {
  if (check.verdict === 'can-write')
    throw new LiveError('KEY_NOT_READ_ONLY', { exchange: EXCHANGE_NAMES[check.exchange], can: check.detail });
}
