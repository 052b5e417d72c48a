import type { RestClient } from '../restClient';
import type { LiveAccount } from './liveAccount';

export const BITGET_ACCOUNTS_PATH = '/api/v2/mix/account/accounts';
export const BITGET_POSITIONS_PATH = '/api/v2/mix/position/all-position';

/** Bitget USDT-M futures: the accounts and all positions of product type USDT-FUTURES, both signed. */
export async function fetchBitgetAccount(client: RestClient): Promise<LiveAccount> {
  const accounts = await client.get(BITGET_ACCOUNTS_PATH, [['productType', 'USDT-FUTURES']], { signed: true });
  const positions = await client.get(
    BITGET_POSITIONS_PATH,
    [
      ['productType', 'USDT-FUTURES'],
      ['marginCoin', 'USDT'],
    ],
    { signed: true },
  );
  return {
    documents: [accounts, positions],
    prices: new Map(),
    instruments: [],
    requests: [
      `GET ${BITGET_ACCOUNTS_PATH}?productType=USDT-FUTURES (signed)`,
      `GET ${BITGET_POSITIONS_PATH}?productType=USDT-FUTURES (signed)`,
    ],
  };
}
