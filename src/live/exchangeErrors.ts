import type { LiveExchange } from './liveExchange';
import { exchangeText } from './liveErrors';

/** An error an exchange answered with: its own code and message (as text made safe for a message). */
export interface ExchangeErrorBody {
  readonly code: string;
  readonly message: string;
}

type Json = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The exchange's error in a response body, or undefined when the body is not one. Each exchange has its own
 * envelope: Binance `{code < 0, msg}`, OKX `{code ≠ "0", msg}`, Bybit `{retCode ≠ 0, retMsg}`, Bitget
 * `{code ≠ "00000", msg}`.
 *
 * @example
 * readExchangeError('okx', { code: '50113', msg: 'Invalid Sign', data: [] }) // { code: '50113', message: 'Invalid Sign' }
 */
export function readExchangeError(exchange: LiveExchange, body: unknown): ExchangeErrorBody | undefined {
  if (!isObject(body)) return undefined;
  const pick = (code: unknown, message: unknown, ok: (code: string) => boolean): ExchangeErrorBody | undefined => {
    if (code === undefined || code === null) return undefined;
    const text = exchangeText(code);
    return ok(text) ? undefined : { code: text, message: exchangeText(message ?? '') };
  };
  switch (exchange) {
    case 'binance':
      return 'msg' in body ? pick(body.code, body.msg, (c) => c === '200' || c === '0') : undefined;
    case 'okx':
      return pick(body.code, body.msg, (c) => c === '0');
    case 'bybit':
      return pick(body.retCode, body.retMsg, (c) => c === '0');
    case 'bitget':
      return pick(body.code, body.msg, (c) => c === '00000');
  }
}

/** What the user can do about the errors a desk meets first: a bad signature, the clock, the IP whitelist. */
const HINTS: Readonly<Record<LiveExchange, Readonly<Record<string, string>>>> = {
  binance: {
    '-1022': 'the secret does not sign as Binance expects: check MULTIASSET_BINANCE_SECRET belongs to the key',
    '-1021': "the request's timestamp is outside the receive window: check this computer's clock",
    '-2015': "the key, the IP it is bound to, or the key's permissions: check the key's IP whitelist and that it can read",
    '-2014': 'the API key is malformed: check MULTIASSET_BINANCE_KEY',
  },
  okx: {
    '50113': 'the secret does not sign as OKX expects: check MULTIASSET_OKX_SECRET belongs to the key',
    '50102': "the request's timestamp expired: check this computer's clock",
    '50110': "this computer's IP address is not on the key's IP whitelist",
    '50111': 'the API key is unknown: check MULTIASSET_OKX_KEY',
    '50105': 'the passphrase does not match the key: check MULTIASSET_OKX_PASSPHRASE',
  },
  bybit: {
    '10004': 'the secret does not sign as Bybit expects: check MULTIASSET_BYBIT_SECRET belongs to the key',
    '10002': "the request's timestamp is outside the receive window: check this computer's clock",
    '10010': "this computer's IP address is not bound to the key",
    '10003': 'the API key is unknown: check MULTIASSET_BYBIT_KEY',
  },
  bitget: {
    '40009': 'the secret does not sign as Bitget expects: check MULTIASSET_BITGET_SECRET belongs to the key',
    '40008': "the request's timestamp expired: check this computer's clock",
    '40018': "this computer's IP address is not on the key's IP whitelist",
    '40006': 'the API key is unknown: check MULTIASSET_BITGET_KEY',
    '40012': 'the passphrase does not match the key: check MULTIASSET_BITGET_PASSPHRASE',
  },
};

/** A short hint for a known error code, or undefined. */
export function exchangeErrorHint(exchange: LiveExchange, code: string): string | undefined {
  return HINTS[exchange][code];
}
