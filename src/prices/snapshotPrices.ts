import { MarginError } from '../engine/errors';
import type { LiveExchange } from './feeds';
import type { PriceRequest } from './priceRequest';
import { describePrice } from './priceRequest';
import type { FetchText } from './restSnapshot';
import { fetchSnapshot } from './restSnapshot';

/** Where formulas outside Excel read a live price from: a number, or the error the cell shows. */
export interface LivePrices {
  price(request: PriceRequest): number;
}

const keyOf = (r: PriceRequest): string => `${r.exchange}|${r.instrument}|${r.kind}`;

/**
 * One REST snapshot per price the formulas ask for (`multiasset eval|recalc --live`). Formula engines are
 * synchronous, so the formulas run twice: the first run records which prices they need, {@link fetchWanted}
 * reads them all, the second run gets them.
 */
export class SnapshotPrices implements LivePrices {
  private readonly wanted = new Map<string, PriceRequest>();
  private readonly results = new Map<string, number | MarginError>();

  constructor(
    private readonly fetchText: FetchText,
    private readonly bases: Partial<Record<LiveExchange, string>> = {},
  ) {}

  price(request: PriceRequest): number {
    const key = keyOf(request);
    const result = this.results.get(key);
    if (typeof result === 'number') return result;
    if (result !== undefined) throw result;
    this.wanted.set(key, request);
    throw new MarginError('PRICE_SNAPSHOT_FAILED', { what: describePrice(request), url: '(not fetched)', detail: 'not fetched yet' });
  }

  /** True when a run asked for prices not fetched yet. */
  get pending(): boolean {
    return this.wanted.size > 0;
  }

  async fetchWanted(): Promise<void> {
    const requests = [...this.wanted.entries()];
    this.wanted.clear();
    const prices = await Promise.all(requests.map(([, r]) => fetchSnapshot(r, this.fetchText, this.bases[r.exchange])));
    requests.forEach(([key], i) => this.results.set(key, prices[i] as number | MarginError));
  }
}
