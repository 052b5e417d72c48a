import type { LiveExchange } from '../liveExchange';
import type { RestClient } from '../restClient';
import { fetchBinanceAccount } from './binanceAccount';
import { fetchBitgetAccount } from './bitgetAccount';
import { fetchBybitAccount } from './bybitAccount';
import type { LiveAccount } from './liveAccount';
import { fetchOkxAccount } from './okxAccount';

export type { LiveAccount } from './liveAccount';
export {
  BINANCE_ACCOUNT_PATH,
  BINANCE_ASSET_INDEX_PATH,
  BINANCE_POSITIONS_PATH,
  binanceCollateralPrices,
  fetchBinanceAccount,
} from './binanceAccount';
export { fetchOkxAccount, OKX_BALANCE_PATH, OKX_INSTRUMENTS_PATH, OKX_POSITIONS_PATH } from './okxAccount';
export { BYBIT_MAX_PAGES, BYBIT_POSITIONS_PATH, BYBIT_SETTLE_COINS, BYBIT_WALLET_PATH, fetchBybitAccount } from './bybitAccount';
export { BITGET_ACCOUNTS_PATH, BITGET_POSITIONS_PATH, fetchBitgetAccount } from './bitgetAccount';

const PLANS: Readonly<Record<LiveExchange, (client: RestClient) => Promise<LiveAccount>>> = {
  binance: fetchBinanceAccount,
  okx: fetchOkxAccount,
  bybit: fetchBybitAccount,
  bitget: fetchBitgetAccount,
};

/**
 * Fetches an account's balances and positions with a read-only key, and the public prices the snapshot needs:
 * the responses `importAccountSnapshot` reads, exactly as pasted ones.
 *
 * @example
 * const live = await fetchLiveAccount(createRestClient({ exchange: 'okx', base, credentials, fetch }));
 * importAccountSnapshot('okx', live.documents, { prices: live.prices });
 */
export function fetchLiveAccount(client: RestClient): Promise<LiveAccount> {
  return PLANS[client.exchange](client);
}
