import { field, readAssetName, readObject, required } from '../jsonRead';
import { resultListRows } from './envelope';
import type { ImportedAsset, ImportedTable } from './importedTable';
import { readTierRows } from './readTierRows';

/** Bybit `GET /v5/spot-margin-trade/collateral`: collateral value ratio tiers by coin quantity. */
export function readBybitCollateral(response: unknown): ImportedTable {
  const { rows, timeMs } = resultListRows(response);
  return {
    assets: rows.map(({ value, where }) => readRow(value, where)),
    owns: ['tierUnit', 'tiers'],
    ...(timeMs === undefined ? {} : { timeMs }),
    howRead:
      'Bybit collateral: quantity tiers from collateralRatioList (minQty, maxQty, collateralRatio; "" = no cap), applied to positive balances only.',
  };
}

function readRow(value: unknown, where: string): ImportedAsset {
  const obj = readObject(value, where);
  return {
    asset: readAssetName(required(obj, 'currency', where), field(where, 'currency')),
    where,
    tierUnit: 'quantity',
    tiers: readTierRows(required(obj, 'collateralRatioList', where), field(where, 'collateralRatioList'), {
      floor: 'minQty',
      cap: 'maxQty',
      ratio: 'collateralRatio',
    }),
  };
}
