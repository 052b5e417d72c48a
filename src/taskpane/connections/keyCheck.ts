import type { LiveExchange } from '../../live/liveExchange';
import type { KeyCheck } from '../../live/readOnlyKey';
import { checkReadOnlyKey } from '../../live/readOnlyKey';
import { BINANCE_SAPI_BASE, LIVE_REST_BASES } from '../../live/restBase';
import type { LiveFetch } from '../../live/restClient';
import { createRestClient } from '../../live/restClient';
import type { Credentials } from '../../live/signers';

/** The exchange's own read-only check, from the pane (where the browser lets it send the signed request). */
export function browserKeyCheck(exchange: LiveExchange, credentials: Credentials): Promise<KeyCheck> {
  const fetch: LiveFetch = (url, init) => (globalThis.fetch as unknown as LiveFetch)(url, init);
  return checkReadOnlyKey(createRestClient({ exchange, base: LIVE_REST_BASES[exchange], credentials, fetch }), BINANCE_SAPI_BASE);
}
