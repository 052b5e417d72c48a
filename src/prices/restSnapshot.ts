import { MarginError } from '../engine/errors';
import type { LiveExchange, PriceKind } from './feeds';
import type { PriceRequest } from './priceRequest';
import { describePrice } from './priceRequest';
import { priceNumber } from './priceText';
import { type BodyLimits, type FetchBody, FetchFailure, fetchBoundedText } from '../net';

/** Each exchange's public REST API, where one snapshot of a price is read when there is no stream. */
export const REST_BASES: Readonly<Record<LiveExchange, string>> = {
  binance: 'https://fapi.binance.com',
  okx: 'https://www.okx.com',
  bybit: 'https://api.bybit.com',
  bitget: 'https://api.bitget.com',
};

interface Endpoint {
  readonly path: string;
  /** The row of the documented response that answers for one instrument. */
  row(body: unknown): unknown;
  /** The field of that row naming the instrument, and the one holding the price as decimal text. */
  readonly idField: string;
  readonly priceField: string;
}

type Json = Record<string, unknown>;
const field = (v: unknown, name: string): unknown => (typeof v === 'object' && v !== null ? (v as Json)[name] : undefined);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : undefined);
const q = encodeURIComponent;

const BYBIT_FIELDS: Readonly<Record<PriceKind, string>> = { mark: 'markPrice', index: 'indexPrice', last: 'lastPrice' };
const BITGET_FIELDS: Readonly<Record<PriceKind, string>> = { mark: 'markPrice', index: 'indexPrice', last: 'lastPr' };
const itself = (b: unknown): unknown => b;
const firstOfData = (b: unknown): unknown => first(field(b, 'data'));

function endpoint(request: PriceRequest): Endpoint {
  const { instrument: id, kind } = request;
  switch (request.exchange) {
    case 'binance':
      return kind === 'last'
        ? { path: `/fapi/v1/ticker/price?symbol=${q(id)}`, row: itself, idField: 'symbol', priceField: 'price' }
        : {
            path: `/fapi/v1/premiumIndex?symbol=${q(id)}`,
            row: itself,
            idField: 'symbol',
            priceField: kind === 'mark' ? 'markPrice' : 'indexPrice',
          };
    case 'okx':
      if (kind === 'mark')
        return {
          path: `/api/v5/public/mark-price?instType=SWAP&instId=${q(id)}`,
          row: firstOfData,
          idField: 'instId',
          priceField: 'markPx',
        };
      if (kind === 'index')
        return { path: `/api/v5/market/index-tickers?instId=${q(id)}`, row: firstOfData, idField: 'instId', priceField: 'idxPx' };
      return { path: `/api/v5/market/ticker?instId=${q(id)}`, row: firstOfData, idField: 'instId', priceField: 'last' };
    case 'bybit':
      return {
        path: `/v5/market/tickers?category=linear&symbol=${q(id)}`,
        row: (b) => first(field(field(b, 'result'), 'list')),
        idField: 'symbol',
        priceField: BYBIT_FIELDS[kind],
      };
    case 'bitget':
      return {
        path: `/api/v2/mix/market/ticker?productType=USDT-FUTURES&symbol=${q(id)}`,
        row: firstOfData,
        idField: 'symbol',
        priceField: BITGET_FIELDS[kind],
      };
  }
}

/** The fetch a snapshot is read through (the browser's, Node's, or the command line's counting transport). */
export type FetchText = FetchBody;

/** One snapshot answer is a few hundred bytes; anything near this limit is not a ticker. */
export const SNAPSHOT_LIMITS: BodyLimits = { maxBytes: 1024 * 1024, timeoutMs: 10_000 };

/** The REST URL of one price snapshot. */
export function snapshotUrl(request: PriceRequest, base: string = REST_BASES[request.exchange]): string {
  return `${base.replace(/\/+$/, '')}${endpoint(request).path}`;
}

/** Short JSON of an untrusted value, for a message. */
const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * The price in a parsed answer, used only when the answer is for the instrument asked for: a cache or proxy that
 * answers with another instrument's row is refused, naming the instrument it sent.
 */
export function readSnapshot(request: PriceRequest, body: unknown, url: string): number | MarginError {
  const what = describePrice(request);
  const { row: rowOf, idField, priceField } = endpoint(request);
  const row = rowOf(body);
  const received = field(row, idField);
  if (received !== request.instrument) {
    return received === undefined
      ? new MarginError('PRICE_SNAPSHOT_FAILED', { what, url, detail: `the answer names no instrument (no ${idField})` })
      : new MarginError('PRICE_WRONG_INSTRUMENT', { what, url, got: shown(received), field: idField });
  }
  const value = field(row, priceField);
  const price = typeof value === 'string' ? priceNumber(value) : undefined;
  return (
    price ??
    new MarginError('PRICE_SNAPSHOT_FAILED', { what, url, detail: `no positive decimal ${priceField} in the answer, got ${shown(value)}` })
  );
}

/**
 * One price from the exchange's public REST API, read from the documented response through the shared bounded
 * fetch. Never throws for the network or the answer: a failure is a MarginError to show in the cell.
 */
export async function fetchSnapshot(
  request: PriceRequest,
  fetchText: FetchText,
  base?: string,
  limits: BodyLimits = SNAPSHOT_LIMITS,
): Promise<number | MarginError> {
  const url = snapshotUrl(request, base);
  const failed = (detail: string) => new MarginError('PRICE_SNAPSHOT_FAILED', { what: describePrice(request), url, detail });
  let answer;
  try {
    answer = await fetchBoundedText(url, fetchText, limits);
  } catch (error) {
    return failed(error instanceof FetchFailure ? error.detail : String(error));
  }
  if (!answer.ok) return failed(`HTTP ${answer.status}`);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return failed('the answer is not JSON');
  }
  return readSnapshot(request, body, url);
}
