import type { FunctionContext } from '../functions/core';
import type { PresetRegistry } from '../presets';
import type { LiveExchange } from '../prices';
import { LIVE_EXCHANGES, SnapshotPrices } from '../prices';
import { flag } from './argv';
import { nodeFetchBody } from './nodeFetch';

/** `--live` of the commands that compute formulas. */
export const LIVE_FLAG = flag({
  name: '--live',
  help:
    "MARGIN.PRICE takes one REST snapshot of each price from the exchange's public API (where the network " +
    'allows); without it PRICE answers #N/A, since live prices stream in Excel',
});

/**
 * The REST snapshot source of `--live`, read through the counting transport. `MULTIASSET_LIVE_BASE_URL` replaces
 * every exchange's API base (a proxy or mirror that serves the same paths, or a local server in tests).
 */
export function livePriceSource(env: NodeJS.ProcessEnv = process.env): SnapshotPrices {
  const base = env.MULTIASSET_LIVE_BASE_URL;
  const bases: Partial<Record<LiveExchange, string>> = base ? Object.fromEntries(LIVE_EXCHANGES.map((id) => [id, base])) : {};
  return new SnapshotPrices(nodeFetchBody, bases);
}

/**
 * Computes with REST snapshots for MARGIN.PRICE when `--live` is given: a first run finds the prices the
 * formulas ask for, they are fetched, and a second run uses them. Without `--live`, one run.
 */
export async function computeWithPrices<T>(
  registry: PresetRegistry,
  live: boolean | undefined,
  compute: (ctx: FunctionContext) => T,
): Promise<T> {
  const livePrices = live ? livePriceSource() : undefined;
  const first = compute({ registry, livePrices });
  if (!livePrices?.pending) return first;
  await livePrices.fetchWanted();
  return compute({ registry, livePrices });
}
