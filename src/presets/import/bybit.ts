import { readObject } from '../jsonRead';
import { resultListRows } from './envelope';
import type { ImportedTable } from './importedTable';
import type { TieredAssetNames } from './readTierRows';
import { readTieredAsset } from './readTierRows';

const NAMES: TieredAssetNames = {
  asset: 'currency',
  list: 'collateralRatioList',
  floor: 'minQty',
  cap: 'maxQty',
  ratio: 'collateralRatio',
};

/** Bybit `GET /v5/spot-margin-trade/collateral`: collateral value ratio tiers by coin quantity. */
export function readBybitCollateral(response: unknown): ImportedTable {
  const { rows, timeMs } = resultListRows(response);
  return {
    assets: rows.map(({ value, where }) => readTieredAsset(readObject(value, where), where, 'quantity', NAMES)),
    owns: ['tierUnit', 'tiers'],
    ...(timeMs === undefined ? {} : { timeMs }),
    howRead:
      'Bybit collateral: quantity tiers from collateralRatioList (minQty, maxQty, collateralRatio; "" = no cap), applied to positive balances only.',
  };
}
