import type { Tier } from '../../engine/model';
import { field, item, NON_NEGATIVE, POSITIVE, RATIO, readBounded, readList, readObject, required } from '../jsonRead';
import { checkTierChain } from '../tierChain';

/** The response's names for a tier's floor, cap and ratio (e.g. Bitget `minAmount`, `maxAmount`, `discountRate`). */
export interface TierFieldNames {
  readonly floor: string;
  readonly cap: string;
  readonly ratio: string;
  /** A cap value that the exchange documents as "no limit" (Bitget writes `"-1"`), besides empty, null or absent. */
  readonly openCap?: string;
}

/**
 * Reads a response's tier list into contiguous tiers. An empty, null or absent cap means "no cap"
 * (OKX and Bybit write `""`, Bitget `"-1"` where `openCap` says so); only the last tier may have none.
 */
export function readTierRows(value: unknown, where: string, names: TierFieldNames): readonly Tier[] {
  const tiers = readList(value, where).map((row, i) => {
    const at = item(where, i);
    const obj = readObject(row, at);
    const capValue = obj[names.cap];
    const open =
      capValue === '' || capValue === null || capValue === undefined || (names.openCap !== undefined && String(capValue) === names.openCap);
    return {
      floor: readBounded(required(obj, names.floor, at), field(at, names.floor), NON_NEGATIVE),
      cap: open ? null : readBounded(capValue, field(at, names.cap), POSITIVE),
      ratio: readBounded(required(obj, names.ratio, at), field(at, names.ratio), RATIO),
    };
  });
  checkTierChain(tiers, (i, part) => field(item(where, i), names[part]));
  return tiers;
}
