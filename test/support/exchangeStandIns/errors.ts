// The answers each exchange gives to a bad signature, an expired timestamp and an IP that is not whitelisted,
// with the codes and messages of its error-code documentation:
// Binance  https://developers.binance.com/docs/derivatives/usds-margined-futures/error-code (-1022, -1021, -2015)
// OKX      https://www.okx.com/docs-v5/en/#error-code (50113, 50102, 50110, 50111, 50105)
// Bybit    https://bybit-exchange.github.io/docs/v5/error (10004, 10002, 10010, 10003)
// Bitget   https://www.bitget.com/api-doc/common/error-code (40009, 40008, 40018, 40006, 40012)

import type { LiveExchange } from '../../../src/live';

export type Refusal = 'badSignature' | 'expired' | 'ipNotWhitelisted' | 'unknownKey' | 'badPassphrase';

export interface ErrorAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export function errorAnswer(exchange: LiveExchange, refusal: Refusal, detail = ''): ErrorAnswer {
  switch (exchange) {
    case 'binance': {
      const [code, msg] = {
        badSignature: [-1022, 'Signature for this request is not valid.'],
        expired: [-1021, 'Timestamp for this request is outside of the recvWindow.'],
        ipNotWhitelisted: [-2015, 'Invalid API-key, IP, or permissions for action.'],
        unknownKey: [-2015, 'Invalid API-key, IP, or permissions for action.'],
        badPassphrase: [-2015, 'Invalid API-key, IP, or permissions for action.'],
      }[refusal] as [number, string];
      return { status: refusal === 'badSignature' || refusal === 'expired' ? 400 : 401, body: { code, msg } };
    }
    case 'okx': {
      const [code, msg] = {
        badSignature: ['50113', 'Invalid Sign'],
        expired: ['50102', 'Timestamp request expired'],
        ipNotWhitelisted: ['50110', `Your IP ${detail} is not included in your API key's IP whitelist.`],
        unknownKey: ['50111', 'Invalid OK-ACCESS-KEY'],
        badPassphrase: ['50105', 'Request header "OK-ACCESS-PASSPHRASE" incorrect.'],
      }[refusal] as [string, string];
      return { status: 401, body: { msg, code } };
    }
    case 'bybit': {
      const [retCode, retMsg] = {
        badSignature: [10004, `error sign! origin_string[${detail}]`],
        expired: [10002, 'invalid request, please check your server timestamp or recv_window param'],
        ipNotWhitelisted: [10010, "Unmatched IP, please check your API key's bound IP addresses."],
        unknownKey: [10003, 'API key is invalid.'],
        badPassphrase: [10003, 'API key is invalid.'],
      }[refusal] as [number, string];
      return { status: refusal === 'badSignature' ? 401 : 200, body: { retCode, retMsg, result: {}, retExtInfo: {}, time: Date.now() } };
    }
    case 'bitget': {
      const [code, msg] = {
        badSignature: ['40009', 'sign signature error'],
        expired: ['40008', 'Request timestamp expired'],
        ipNotWhitelisted: ['40018', 'Invalid IP'],
        unknownKey: ['40006', 'Invalid ACCESS_KEY'],
        badPassphrase: ['40012', 'apikey/password is incorrect'],
      }[refusal] as [string, string];
      return { status: 400, body: { code, msg, requestTime: Date.now(), data: null } };
    }
  }
}
