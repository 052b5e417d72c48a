import type { LiveExchange } from '../prices';
import { LIVE_EXCHANGES, SnapshotPrices } from '../prices';
import type { FetchText } from '../prices';

/** How long one REST snapshot may take before the cell says it failed. */
const SNAPSHOT_TIMEOUT_MS = 10_000;

const fetchText: FetchText = (url) => fetch(url, { signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS) });

/**
 * The REST snapshot source of `--live`. `MULTIASSET_LIVE_BASE_URL` replaces every exchange's API base (a proxy
 * or mirror that serves the same paths, or a local server in tests).
 */
export function livePriceSource(env: NodeJS.ProcessEnv = process.env): SnapshotPrices {
  const base = env.MULTIASSET_LIVE_BASE_URL;
  const bases: Partial<Record<LiveExchange, string>> = base ? Object.fromEntries(LIVE_EXCHANGES.map((id) => [id, base])) : {};
  return new SnapshotPrices(fetchText, bases);
}
