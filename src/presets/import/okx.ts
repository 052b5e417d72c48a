import type { Tier } from '../../engine/model';
import { optionalNumberField, readObject } from '../jsonRead';
import { NON_NEGATIVE, RATIO } from '../bounds';
import { dataRows } from './envelope';
import type { ImportedAsset, ImportedTable } from './importedTable';
import type { TieredAssetNames } from './readTierRows';
import { readTieredAsset } from './readTierRows';

const NAMES: TieredAssetNames = { asset: 'ccy', list: 'details', floor: 'minAmt', cap: 'maxAmt', ratio: 'discountRate' };

/** OKX `GET /api/v5/public/discount-rate-interest-free-quota`: quantity tiers per currency, interest-free quota. */
export function readOkxDiscountRate(response: unknown): ImportedTable {
  const { rows } = dataRows(response, '0');
  return {
    assets: rows.map(({ value, where }) => readRow(value, where)),
    owns: ['tierUnit', 'tiers', 'interestFree'],
    howRead:
      'OKX discount-rate-interest-free-quota: quantity tiers from details (minAmt, maxAmt, discountRate; "" = no cap), then beyond the last maxAmt an open tier at minDiscountRate; interestFree = amt. The response carries no time.',
  };
}

function readRow(value: unknown, where: string): ImportedAsset {
  const obj = readObject(value, where);
  const interestFree = optionalNumberField(obj, 'amt', where, NON_NEGATIVE);
  const read = readTieredAsset(obj, where, 'quantity', NAMES);
  return {
    ...read,
    tiers: withBeyondLast(read.tiers, optionalNumberField(obj, 'minDiscountRate', where, RATIO)),
    ...(interestFree === null ? {} : { interestFree }),
  };
}

/** OKX documents `minDiscountRate` as the rate once a holding exceeds the last tier's `maxAmt`. */
function withBeyondLast(tiers: readonly Tier[], beyond: Tier['ratio'] | null): readonly Tier[] {
  const last = tiers[tiers.length - 1];
  if (beyond === null || last === undefined || last.cap === null) return tiers;
  return [...tiers, { floor: last.cap, cap: null, ratio: beyond }];
}
