import type { Tier } from '../../engine/model';
import { field, NON_NEGATIVE, RATIO, readAssetName, readObject, readOptionalBounded, required } from '../jsonRead';
import { dataRows } from './envelope';
import type { ImportedAsset, ImportedTable } from './importedTable';
import { readTierRows } from './readTierRows';

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
  const interestFree = readOptionalBounded(obj.amt, field(where, 'amt'), NON_NEGATIVE);
  const tiers = readTierRows(required(obj, 'details', where), field(where, 'details'), {
    floor: 'minAmt',
    cap: 'maxAmt',
    ratio: 'discountRate',
  });
  return {
    asset: readAssetName(required(obj, 'ccy', where), field(where, 'ccy')),
    where,
    tierUnit: 'quantity',
    tiers: withBeyondLast(tiers, readOptionalBounded(obj.minDiscountRate, field(where, 'minDiscountRate'), RATIO)),
    ...(interestFree === undefined ? {} : { interestFree }),
  };
}

/** OKX documents `minDiscountRate` as the rate once a holding exceeds the last tier's `maxAmt`. */
function withBeyondLast(tiers: readonly Tier[], beyond: Tier['ratio'] | undefined): readonly Tier[] {
  const last = tiers[tiers.length - 1];
  if (beyond === undefined || last === undefined || last.cap === null) return tiers;
  return [...tiers, { floor: last.cap, cap: null, ratio: beyond }];
}
