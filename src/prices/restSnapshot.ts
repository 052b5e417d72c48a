import { MarginError } from '../engine/errors';
import type { LiveExchange, PriceKind } from './feeds';
import type { PriceRequest } from './priceRequest';
import { describePrice } from './priceRequest';
import { priceNumber } from './priceText';

/** Each exchange's public REST API, where one snapshot of a price is read when there is no stream. */
export const REST_BASES: Readonly<Record<LiveExchange, string>> = {
  binance: 'https://fapi.binance.com',
  okx: 'https://www.okx.com',
  bybit: 'https://api.bybit.com',
  bitget: 'https://api.bitget.com',
};

interface Endpoint {
  readonly path: string;
  /** The decimal text of the price in the documented response, or undefined when it is not there. */
  read(body: unknown): unknown;
}

type Json = Record<string, unknown>;
const field = (v: unknown, name: string): unknown => (typeof v === 'object' && v !== null ? (v as Json)[name] : undefined);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : undefined);
const q = encodeURIComponent;

const BYBIT_FIELDS: Readonly<Record<PriceKind, string>> = { mark: 'markPrice', index: 'indexPrice', last: 'lastPrice' };
const BITGET_FIELDS: Readonly<Record<PriceKind, string>> = { mark: 'markPrice', index: 'indexPrice', last: 'lastPr' };

function endpoint(request: PriceRequest): Endpoint {
  const { instrument: id, kind } = request;
  switch (request.exchange) {
    case 'binance':
      return kind === 'last'
        ? { path: `/fapi/v1/ticker/price?symbol=${q(id)}`, read: (b) => field(b, 'price') }
        : { path: `/fapi/v1/premiumIndex?symbol=${q(id)}`, read: (b) => field(b, kind === 'mark' ? 'markPrice' : 'indexPrice') };
    case 'okx':
      if (kind === 'mark')
        return { path: `/api/v5/public/mark-price?instType=SWAP&instId=${q(id)}`, read: (b) => field(first(field(b, 'data')), 'markPx') };
      if (kind === 'index')
        return { path: `/api/v5/market/index-tickers?instId=${q(id)}`, read: (b) => field(first(field(b, 'data')), 'idxPx') };
      return { path: `/api/v5/market/ticker?instId=${q(id)}`, read: (b) => field(first(field(b, 'data')), 'last') };
    case 'bybit':
      return {
        path: `/v5/market/tickers?category=linear&symbol=${q(id)}`,
        read: (b) => field(first(field(field(b, 'result'), 'list')), BYBIT_FIELDS[kind]),
      };
    case 'bitget':
      return {
        path: `/api/v2/mix/market/ticker?productType=USDT-FUTURES&symbol=${q(id)}`,
        read: (b) => field(first(field(b, 'data')), BITGET_FIELDS[kind]),
      };
  }
}

export type FetchText = (url: string) => Promise<{ readonly ok: boolean; readonly status: number; text(): Promise<string> }>;

/** The REST URL of one price snapshot. */
export function snapshotUrl(request: PriceRequest, base: string = REST_BASES[request.exchange]): string {
  return `${base.replace(/\/+$/, '')}${endpoint(request).path}`;
}

/**
 * One price from the exchange's public REST API, read from the documented response. Never throws for the
 * network or the answer: a failure is a MarginError to show in the cell.
 */
export async function fetchSnapshot(request: PriceRequest, fetchText: FetchText, base?: string): Promise<number | MarginError> {
  const url = snapshotUrl(request, base);
  const failed = (detail: string) => new MarginError('PRICE_SNAPSHOT_FAILED', { what: describePrice(request), url, detail });
  try {
    const response = await fetchText(url);
    if (!response.ok) return failed(`HTTP ${response.status}`);
    const value = endpoint(request).read(JSON.parse(await response.text()));
    const price = typeof value === 'string' ? priceNumber(value) : undefined;
    return price ?? failed(`no positive decimal price in the answer, got ${JSON.stringify(value) ?? 'nothing'}`);
  } catch (error) {
    // Read the message by shape: fetch's errors may come from another realm, where `instanceof Error` is false.
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    return failed(message);
  }
}
