import { field, NON_NEGATIVE, readAssetName, readObject, readOptionalBounded, required } from '../jsonRead';
import { dataRows } from './envelope';
import type { ImportedAsset, ImportedTable } from './importedTable';
import { readTierRows } from './readTierRows';

/** Bitget `GET /api/v2/mix/market/discount-rate`: value tiers per coin with the transfer-in limits. */
export function readBitgetDiscountRate(response: unknown): ImportedTable {
  const { rows, timeMs } = dataRows(response, '00000', 'requestTime');
  return {
    assets: rows.map(({ value, where }) => readRow(value, where)),
    owns: ['tierUnit', 'tiers', 'individualLimit', 'platformLimit'],
    ...(timeMs === undefined ? {} : { timeMs }),
    howRead:
      'Bitget discount-rate: value tiers from discountRateList (minAmount, maxAmount, discountRate) in USDT; individual and platform limits from userLimit and totalLimit.',
  };
}

function readRow(value: unknown, where: string): ImportedAsset {
  const obj = readObject(value, where);
  const individualLimit = readOptionalBounded(obj.userLimit, field(where, 'userLimit'), NON_NEGATIVE);
  const platformLimit = readOptionalBounded(obj.totalLimit, field(where, 'totalLimit'), NON_NEGATIVE);
  return {
    asset: readAssetName(required(obj, 'coin', where), field(where, 'coin')),
    where,
    tierUnit: 'value',
    tiers: readTierRows(required(obj, 'discountRateList', where), field(where, 'discountRateList'), {
      floor: 'minAmount',
      cap: 'maxAmount',
      ratio: 'discountRate',
    }),
    ...(individualLimit === undefined ? {} : { individualLimit }),
    ...(platformLimit === undefined ? {} : { platformLimit }),
  };
}
