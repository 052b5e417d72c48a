import { findAssetSpec, normalizeAsset } from './assetSpec';
import { fail } from './errors';
import type { Preset } from './model';

/** Quote assets recognised as a symbol's suffix (`BTCUSDT`), besides the preset's own quote. */
export const KNOWN_QUOTES: readonly string[] = ['FDUSD', 'USDT', 'USDC', 'BUSD', 'USD'];

export interface SymbolParts {
  readonly base: string;
  readonly quote: string;
}

const suffixCache = new WeakMap<Preset, readonly string[]>();
const parsedCache = new WeakMap<Preset, Map<string, SymbolParts>>();
/** Enough for any real book of symbols; past it the cache starts over rather than grow without bound. */
const MAX_CACHED_SYMBOLS = 10_000;

function suffixQuotes(preset: Preset): readonly string[] {
  let quotes = suffixCache.get(preset);
  if (!quotes) {
    // Longest first, so BTCFDUSD reads as FDUSD rather than USD.
    quotes = [...new Set([...KNOWN_QUOTES, normalizeAsset(preset.quote)])].sort((a, b) => b.length - a.length);
    suffixCache.set(preset, quotes);
  }
  return quotes;
}

function splitBySuffix(preset: Preset, text: string): SymbolParts | undefined {
  const quote = suffixQuotes(preset).find((q) => text.length > q.length && text.endsWith(q));
  return quote ? { base: text.slice(0, text.length - quote.length), quote } : undefined;
}

function isQuoteLike(preset: Preset, part: string): boolean {
  return suffixQuotes(preset).includes(part) || findAssetSpec(preset, part) !== undefined;
}

/**
 * Base and quote asset of a futures symbol. Separated symbols (`BTC-USDT-SWAP`, `ETH/USDC`) take their second
 * part when it names a quote or a preset asset; otherwise the first part is split by its longest known quote
 * suffix (`BTCUSDT_UMCBL` → BTC / USDT).
 *
 * @throws BAD_SYMBOL when no quote asset can be told.
 * @example
 * parseSymbol(binance, 'btcusdt') // { base: 'BTC', quote: 'USDT' }
 */
export function parseSymbol(preset: Preset, symbol: string): SymbolParts {
  let cache = parsedCache.get(preset);
  if (!cache) {
    cache = new Map();
    parsedCache.set(preset, cache);
  }
  const known = cache.get(symbol);
  if (known) return known;
  const parts = splitSymbol(preset, symbol);
  if (cache.size >= MAX_CACHED_SYMBOLS) cache.clear();
  cache.set(symbol, parts);
  return parts;
}

function splitSymbol(preset: Preset, symbol: string): SymbolParts {
  const text = normalizeAsset(symbol);
  const parts = text.split(/[-/_:]/).filter((part) => part.length > 0);
  const [first, second] = parts;
  if (first !== undefined && second !== undefined && isQuoteLike(preset, second)) {
    return { base: first, quote: second };
  }
  const bySuffix = first === undefined ? undefined : splitBySuffix(preset, first);
  return bySuffix ?? fail('BAD_SYMBOL', { arg: 'positions', symbol });
}
