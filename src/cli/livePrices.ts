import type { LiveExchange } from '../prices';
import { LIVE_EXCHANGES, SnapshotPrices } from '../prices';
import { nodeFetchBody } from './nodeFetch';

/**
 * The REST snapshot source of `--live`, read through the counting transport. `MULTIASSET_LIVE_BASE_URL` replaces
 * every exchange's API base (a proxy or mirror that serves the same paths, or a local server in tests).
 */
export function livePriceSource(env: NodeJS.ProcessEnv = process.env): SnapshotPrices {
  const base = env.MULTIASSET_LIVE_BASE_URL;
  const bases: Partial<Record<LiveExchange, string>> = base ? Object.fromEntries(LIVE_EXCHANGES.map((id) => [id, base])) : {};
  return new SnapshotPrices(nodeFetchBody, bases);
}
