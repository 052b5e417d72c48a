import type { Tier, TierUnit } from '../../engine/model';
import { assetNameField, field, item, numberField, readBounded, readList, readObject, required } from '../jsonRead';
import { NON_NEGATIVE, POSITIVE, RATIO } from '../bounds';
import { checkTierChain } from '../tierChain';
import type { ImportedAsset } from './importedTable';

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
      floor: numberField(obj, names.floor, at, NON_NEGATIVE),
      cap: open ? null : readBounded(capValue, field(at, names.cap), POSITIVE),
      ratio: numberField(obj, names.ratio, at, RATIO),
    };
  });
  checkTierChain(tiers, (i, part) => field(item(where, i), names[part]));
  return tiers;
}

/** The response's names for an asset row that holds its tiers in a list: the asset, the list, and the tier fields. */
export interface TieredAssetNames extends TierFieldNames {
  readonly asset: string;
  readonly list: string;
}

/** An asset row with its tiers in a list of their own (e.g. Bybit `{ currency, collateralRatioList: [...] }`). */
export function readTieredAsset(
  obj: Readonly<Record<string, unknown>>,
  where: string,
  tierUnit: TierUnit,
  names: TieredAssetNames,
): ImportedAsset {
  return {
    asset: assetNameField(obj, names.asset, where),
    where,
    tierUnit,
    tiers: readTierRows(required(obj, names.list, where), field(where, names.list), names),
  };
}
