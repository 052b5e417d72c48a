import { findAssetSpec, normalizeAsset } from './assetSpec';
import { fail, isMarginError } from './errors';
import type { Preset } from './model';

/**
 * Coins pegged to a currency: quote-like for the engine. `suffix` says whether a symbol may end in it
 * (`BTCUSDT`); TUSD, DAI and USDE may not, since DOTUSD is DOT against USD, not DO against TUSD.
 */
const PEGGED: readonly { readonly asset: string; readonly suffix: boolean }[] = [
  { asset: 'USDT', suffix: true },
  { asset: 'USDC', suffix: true },
  { asset: 'FDUSD', suffix: true },
  { asset: 'BUSD', suffix: true },
  { asset: 'USD', suffix: true },
  { asset: 'DAI', suffix: false },
  { asset: 'TUSD', suffix: false },
  { asset: 'USDE', suffix: false },
];

/** Quote assets recognised as a symbol's suffix (`BTCUSDT`), besides the preset's own quote. */
export const KNOWN_QUOTES: readonly string[] = PEGGED.filter((p) => p.suffix).map((p) => p.asset);

/** Coins pegged to a currency: a price scenario's "all assets" move leaves them alone. */
export const STABLE_ASSETS: readonly string[] = PEGGED.map((p) => p.asset);

/** Whether an asset is pegged, or is the preset's quote. */
export function isStable(preset: Preset, asset: string): boolean {
  const a = normalizeAsset(asset);
  return STABLE_ASSETS.includes(a) || a === normalizeAsset(preset.quote);
}

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

/**
 * The symbol's base and quote, or null where {@link parseSymbol} refuses it: for views that show what they can
 * and leave the refusal to the figures that need the symbol.
 *
 * @example trySymbol(binance, 'BTC-USDT-SWAP') // { base: 'BTC', quote: 'USDT' }
 * @example trySymbol(binance, '???') // null
 */
export function trySymbol(preset: Preset, symbol: string): SymbolParts | null {
  try {
    return parseSymbol(preset, symbol);
  } catch (error) {
    if (isMarginError(error) && error.code === 'BAD_SYMBOL') return null;
    throw error;
  }
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
