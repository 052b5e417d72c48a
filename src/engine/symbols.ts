import { findAssetSpec, normalizeAsset } from './assetSpec';
import { fail } from './errors';
import type { Preset } from './model';

/** Quote assets recognised as a symbol's suffix (`BTCUSDT`), besides the preset's own quote. */
export const KNOWN_QUOTES: readonly string[] = ['FDUSD', 'USDT', 'USDC', 'BUSD', 'USD'];

export interface SymbolParts {
  readonly base: string;
  readonly quote: string;
}

function suffixQuotes(preset: Preset): string[] {
  const quotes = new Set([...KNOWN_QUOTES, normalizeAsset(preset.quote)]);
  // Longest first, so BTCFDUSD reads as FDUSD rather than USD.
  return [...quotes].sort((a, b) => b.length - a.length);
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
  const text = normalizeAsset(symbol);
  const parts = text.split(/[-/_:]/).filter((part) => part.length > 0);
  const [first, second] = parts;
  if (first !== undefined && second !== undefined && isQuoteLike(preset, second)) {
    return { base: first, quote: second };
  }
  const bySuffix = first === undefined ? undefined : splitBySuffix(preset, first);
  return bySuffix ?? fail('BAD_SYMBOL', { arg: 'positions', symbol });
}
