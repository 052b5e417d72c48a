import type { Dec } from '../engine/decimal';
import type { AccountExchange } from '../presets';
import type { LiveFetch } from '../live';
import {
  BINANCE_SAPI_BASE,
  checkReadOnlyKey,
  checkRestBase,
  createRestClient,
  credentialsFromEnv,
  credentialVariable,
  fetchLiveAccount,
  LIVE_REST_BASES,
  requireReadOnly,
} from '../live';
import type { Output } from './command';
import { nodeFetchBody } from './nodeFetch';

/** The responses and prices a live fetch gives `account`, in the shape the pasted files give them. */
export interface LiveDocuments {
  readonly documents: readonly unknown[];
  readonly prices: ReadonlyMap<string, Dec>;
  /** OKX: the instruments responses of the contracts held. */
  readonly instruments: readonly unknown[];
}

/**
 * `account EXCHANGE --live`: reads the key from the environment, checks with the exchange that it is
 * read-only (refused if it can trade or withdraw; a warning where the exchange cannot say), then fetches the
 * account, the positions and the public prices they need. Progress and warnings go to stderr; nothing printed
 * holds the secret or the passphrase.
 */
export async function fetchLiveDocuments(
  exchange: AccountExchange,
  output: Output,
  env: Readonly<Record<string, string | undefined>> = process.env,
  fetch: LiveFetch = nodeFetchBody,
): Promise<LiveDocuments> {
  const credentials = credentialsFromEnv(exchange, env);
  const variable = credentialVariable(exchange, 'REST');
  const override = env[variable];
  const base = override === undefined || override.trim() === '' ? LIVE_REST_BASES[exchange] : checkRestBase(override, variable);
  const sapiBase = override === undefined || override.trim() === '' ? BINANCE_SAPI_BASE : base;
  const client = createRestClient({ exchange, base, credentials, fetch });
  const check = await checkReadOnlyKey(client, sapiBase);
  requireReadOnly(check);
  if (check.verdict === 'unverified') output.err(`multiasset: warning: ${check.detail}`);
  else output.err(`multiasset: ${exchange} key is read-only (${check.detail})`);
  const live = await fetchLiveAccount(client);
  output.err(`multiasset: fetched ${live.requests.join(', ')}`);
  return { documents: live.documents, prices: live.prices, instruments: live.instruments };
}
