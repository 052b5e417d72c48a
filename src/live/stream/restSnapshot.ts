import type { AccountExchange } from '../../presets/account';
import { fetchLiveAccount } from '../account';
import type { LiveFetch } from '../restClient';
import { createRestClient } from '../restClient';
import { LIVE_REST_BASES } from '../restBase';
import type { AccountSource } from './accountConnection';

/**
 * The signed REST snapshot a private stream starts from: the same requests as `multiasset account --live`, at
 * each exchange's own REST host (or `bases`, for local stand-ins).
 */
export function restSnapshot(fetch: LiveFetch, bases: Partial<Record<AccountExchange, string>> = {}): AccountSource {
  return async (exchange, credentials) => {
    const client = createRestClient({ exchange, base: bases[exchange] ?? LIVE_REST_BASES[exchange], credentials, fetch });
    const live = await fetchLiveAccount(client);
    const [account, positions] = live.documents;
    return { account, positions, prices: live.prices, ...(live.instruments.length === 0 ? {} : { instruments: live.instruments }) };
  };
}
