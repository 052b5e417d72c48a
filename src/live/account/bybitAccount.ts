import { LiveError } from '../liveErrors';
import type { RestClient } from '../restClient';
import type { LiveAccount } from './liveAccount';

export const BYBIT_WALLET_PATH = '/v5/account/wallet-balance';
export const BYBIT_POSITIONS_PATH = '/v5/position/list';
/** Linear contracts settle in USDT or USDC; Bybit lists positions one settle coin at a time. */
export const BYBIT_SETTLE_COINS = ['USDT', 'USDC'] as const;
/** Most pages of 200 positions read per settle coin. */
export const BYBIT_MAX_PAGES = 25;

type Json = Record<string, unknown>;
const resultOf = (doc: unknown): Json | undefined => {
  const result = typeof doc === 'object' && doc !== null ? (doc as Json).result : undefined;
  return typeof result === 'object' && result !== null ? (result as Json) : undefined;
};

/**
 * Bybit unified account: the wallet balance signed, then the linear positions of each settle coin, page by
 * page (cursor), joined into one positions response as the pasted path takes it.
 */
export async function fetchBybitAccount(client: RestClient): Promise<LiveAccount> {
  const wallet = await client.get(BYBIT_WALLET_PATH, [['accountType', 'UNIFIED']], { signed: true });
  const requests = [`GET ${BYBIT_WALLET_PATH}?accountType=UNIFIED (signed)`];
  const list: unknown[] = [];
  let last: unknown;
  // The category the exchange states for the rows (the reader refuses inverse ones): that of the first page with rows.
  let category: unknown;
  for (const settleCoin of BYBIT_SETTLE_COINS) {
    let cursor = '';
    for (let page = 0; ; page += 1) {
      if (page === BYBIT_MAX_PAGES) {
        throw new LiveError('BAD_RESPONSE', {
          exchange: 'Bybit',
          endpoint: `GET ${BYBIT_POSITIONS_PATH}`,
          detail: `more than ${BYBIT_MAX_PAGES} pages of ${settleCoin} positions; stopped reading`,
        });
      }
      const query: [string, string][] = [
        ['category', 'linear'],
        ['settleCoin', settleCoin],
        ['limit', '200'],
      ];
      if (cursor !== '') query.push(['cursor', cursor]);
      last = await client.get(BYBIT_POSITIONS_PATH, query, { signed: true });
      requests.push(`GET ${BYBIT_POSITIONS_PATH}?category=linear&settleCoin=${settleCoin} (signed)`);
      const result = resultOf(last);
      if (result && Array.isArray(result.list)) {
        if (category === undefined && result.list.length > 0) category = result.category;
        list.push(...(result.list as unknown[]));
      }
      const next = result?.nextPageCursor;
      if (typeof next !== 'string' || next === '') break;
      cursor = next;
    }
  }
  const envelope = typeof last === 'object' && last !== null ? (last as Json) : {};
  const positions = {
    ...envelope,
    result: { ...resultOf(last), category: category ?? resultOf(last)?.category ?? 'linear', list, nextPageCursor: '' },
  };
  return { documents: [wallet, positions], prices: new Map(), requests, instruments: [] };
}
