import { fail } from '../engine/errors';
import type { Preset } from '../engine/model';
import { KNOWN_QUOTES } from '../engine/symbols';
import type { LiveExchange, PriceKind } from './feeds';
import { EXCHANGE_FEEDS, isLiveExchange, LIVE_EXCHANGES } from './feeds';

/** One live price a cell asks for: which exchange, its instrument id there, and which kind of price. */
export interface PriceRequest {
  readonly exchange: LiveExchange;
  readonly instrument: string;
  readonly kind: PriceKind;
}

const PART = /^[A-Z0-9]{1,20}$/;

/** Base and quote of what the user typed: `BTC`, `BTCUSDT`, `BTC-USDT-SWAP`, `btc/usdt`, `BTCUSDT_UMCBL`. */
function baseAndQuote(typed: string, defaultQuote: string): { base: string; quote: string } | undefined {
  const upper = typed.trim().toUpperCase();
  const parts = upper.split(/[-/_]/);
  if (parts.length > 1 && parts[1] !== undefined && PART.test(parts[1]) && KNOWN_QUOTES.includes(parts[1])) {
    return parts[0] !== undefined && PART.test(parts[0]) ? { base: parts[0], quote: parts[1] } : undefined;
  }
  const head = parts[0] ?? '';
  if (!PART.test(head)) return undefined;
  // Longest first, so that BTCFDUSD reads as FDUSD rather than USD.
  const quote = [...KNOWN_QUOTES].sort((a, b) => b.length - a.length).find((q) => head.length > q.length && head.endsWith(q));
  return quote ? { base: head.slice(0, head.length - quote.length), quote } : { base: head, quote: defaultQuote.toUpperCase() };
}

/** `binance BTCUSDT mark`: how messages name a price. */
export function describePrice(request: PriceRequest): string {
  return `${request.exchange} ${request.kind} price of ${request.instrument}`;
}

/**
 * The live price `=MARGIN.PRICE(symbol_or_asset, exchange, kind)` asks for. An asset alone (`BTC`) is quoted in
 * the preset's quote currency (BTCUSDT on Binance, BTC-USDT-SWAP on OKX).
 *
 * @throws PRICE_FEED_UNAVAILABLE for a preset without a live feed (BitMart, custom presets);
 *         BAD_PRICE_SYMBOL when no base asset can be read.
 * @example
 * priceRequest(okxPreset, 'BTC', 'mark') // { exchange: 'okx', instrument: 'BTC-USDT-SWAP', kind: 'mark' }
 */
export function priceRequest(preset: Preset, symbolOrAsset: string, kind: PriceKind): PriceRequest {
  if (!isLiveExchange(preset.id)) fail('PRICE_FEED_UNAVAILABLE', { preset: preset.id, feeds: LIVE_EXCHANGES.join(', ') });
  const exchange: LiveExchange = preset.id;
  const pair = baseAndQuote(symbolOrAsset, preset.quote);
  if (pair === undefined || pair.base === '') fail('BAD_PRICE_SYMBOL', { got: JSON.stringify(symbolOrAsset) });
  return { exchange, instrument: EXCHANGE_FEEDS[exchange].instrument(pair.base, pair.quote, kind), kind };
}
