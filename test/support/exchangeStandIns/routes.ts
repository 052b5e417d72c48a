// What each stand-in answers, path by path: the documented examples in test/fixtures (see the READMEs there
// for each one's origin). `signed` routes check the signature first; the others are public.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveExchange } from '../../../src/live';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
/** A fixture, parsed: `account/okx-account-balance.json`, `live/okx-account-config-read-only.json`, … */
export const fixture = (path: string): unknown => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as unknown;

/** An answer: a JSON body, or a function of the request's query parameters. */
export type Answer = unknown | ((query: URLSearchParams) => unknown);

export interface Route {
  readonly signed: boolean;
  readonly answer: Answer;
}

export function defaultRoutes(exchange: LiveExchange): Record<string, Route> {
  switch (exchange) {
    case 'binance':
      return {
        '/fapi/v3/account': { signed: true, answer: fixture('account/binance-account-v2.json') },
        '/fapi/v3/positionRisk': { signed: true, answer: fixture('account/binance-positionRisk-v2.json') },
        '/fapi/v1/assetIndex': { signed: false, answer: fixture('api/binance-assetIndex.json') },
        '/sapi/v1/account/apiRestrictions': { signed: true, answer: fixture('live/binance-apiRestrictions-read-only.json') },
      };
    case 'okx':
      return {
        '/api/v5/account/balance': { signed: true, answer: fixture('account/okx-account-balance.json') },
        '/api/v5/account/positions': { signed: true, answer: fixture('account/okx-account-positions.json') },
        '/api/v5/public/instruments': { signed: false, answer: fixture('api/okx-instruments-swap.json') },
        '/api/v5/account/config': { signed: true, answer: fixture('live/okx-account-config-read-only.json') },
      };
    case 'bybit':
      return {
        '/v5/account/wallet-balance': { signed: true, answer: fixture('account/bybit-wallet-balance.json') },
        // The documented example is the only page; no USDC-settled positions in this account.
        '/v5/position/list': {
          signed: true,
          answer: (query: URLSearchParams) =>
            // Bybit answers the category asked for: the documented example is an inverse position.
            query.get('category') === 'inverse'
              ? fixture('account/bybit-position-list.json')
              : query.get('settleCoin') === 'USDC'
                ? {
                    retCode: 0,
                    retMsg: 'OK',
                    result: { list: [], nextPageCursor: '', category: 'linear' },
                    retExtInfo: {},
                    time: 1672280219169,
                  }
                : fixture('account/bybit-position-list-linear.json'),
        },
        '/v5/user/query-api': { signed: true, answer: fixture('live/bybit-query-api-read-only.json') },
      };
    case 'bitget':
      return {
        '/api/v2/mix/account/accounts': { signed: true, answer: fixture('account/bitget-mix-account-accounts.json') },
        '/api/v2/mix/position/all-position': { signed: true, answer: fixture('account/bitget-mix-position-all-position.json') },
      };
  }
}
