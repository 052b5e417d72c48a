import { findAssetSpec, normalizeAsset } from '../assetSpec';
import type { AssetSpec, Preset } from '../model';
import type { ScaledTiers } from './scaledTiers';
import { scaledTiers } from './scaledTiers';

/**
 * An asset of a preset as the number path needs it, resolved once: canonical name, spec (undefined when the
 * preset does not list it) and scaled tiers. Entries are immutable; `id` numbers them within their book, so
 * that a call can keep its own per-asset facts in an array.
 */
export interface AssetEntry {
  readonly id: number;
  readonly asset: string;
  readonly spec: AssetSpec | undefined;
  readonly tiers: ScaledTiers | null;
  /** The same tiers when they are value tiers on whole-number floors (the common case), else null. */
  readonly valueTiers: ScaledTiers | null;
}

/** The entries of one preset, by name as a sheet spells it and by canonical name (spellings share an entry). */
export interface AssetBook {
  readonly bySpelling: Map<string, AssetEntry>;
  readonly byAsset: Map<string, AssetEntry>;
}

const books = new WeakMap<Preset, AssetBook>();
/** Past this many spellings the book starts over (when asked for between calls, never during one). */
const MAX_SPELLINGS = 100_000;

/**
 * The book of `preset`, a memo of pure lookups (specs are immutable: a replaced preset brings a new object and a
 * new book). Entries are only added, never changed, so a book may be shared by any number of calls.
 */
export function assetBook(preset: Preset): AssetBook {
  let book = books.get(preset);
  if (!book || book.bySpelling.size > MAX_SPELLINGS) {
    book = { bySpelling: new Map(), byAsset: new Map() };
    books.set(preset, book);
  }
  return book;
}

/**
 * The entry of an asset as spelled in a cell (`btc`, ` BTC `).
 *
 * @example
 * assetEntry(bitget, assetBook(bitget), 'btc').asset // 'BTC'
 */
export function assetEntry(preset: Preset, book: AssetBook, spelling: string): AssetEntry {
  let entry = book.bySpelling.get(spelling);
  if (!entry) {
    const asset = normalizeAsset(spelling);
    entry = book.byAsset.get(asset);
    if (!entry) {
      const spec = findAssetSpec(preset, asset);
      const tiers = spec ? scaledTiers(spec) : null;
      const valueTiers = tiers !== null && tiers.kf === 0 && spec?.tierUnit === 'value' ? tiers : null;
      entry = { id: book.byAsset.size, asset, spec, tiers, valueTiers };
      book.byAsset.set(asset, entry);
    }
    book.bySpelling.set(spelling, entry);
  }
  return entry;
}
