import { findAssetSpec, normalizeAsset } from './assetSpec';
import type { AssetSpec, Preset } from './model';
import type { ScaledTiers } from './scaledTiers';
import { scaledTiers } from './scaledTiers';

/**
 * An asset of a preset as the number paths need it, resolved once: canonical name, spec (undefined when the
 * preset does not list it) and scaled tiers; and in which call and row an account last saw it, so that a
 * repeated asset is found without building a map per call.
 */
export interface AssetEntry {
  readonly asset: string;
  readonly spec: AssetSpec | undefined;
  readonly tiers: ScaledTiers | null;
  /** The same tiers when they are value tiers on whole-number floors (the common case), else null. */
  readonly valueTiers: ScaledTiers | null;
  seenIn: number;
  row: number;
}

/** The entries of one preset, by name as a sheet spells it and by canonical name (spellings share an entry). */
export interface AssetBook {
  readonly bySpelling: Map<string, AssetEntry>;
  readonly byAsset: Map<string, AssetEntry>;
}

const books = new WeakMap<Preset, AssetBook>();
/** Past this many spellings the book starts over (when asked for between calls, never during one). */
const MAX_SPELLINGS = 100_000;

/** The book of `preset` (specs are immutable: a replaced preset brings a new object and a new book). */
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
      entry = { asset, spec, tiers, valueTiers, seenIn: 0, row: -1 };
      book.byAsset.set(asset, entry);
    }
    book.bySpelling.set(spelling, entry);
  }
  return entry;
}
