import type { Tier } from '../../engine/model';
import { assetNameField, field, item, numberField, optionalNumberField, readList, readObject, required } from '../jsonRead';
import { NON_NEGATIVE, RATIO } from '../bounds';
import { checkTierChain } from '../tierChain';
import { dataRows, hasFields } from './envelope';
import type { ImportedAsset, ImportedTable } from './importedTable';
import type { TieredAssetNames } from './readTierRows';
import { readTieredAsset } from './readTierRows';

/** The unified-account endpoint, whose rows carry `list` instead of `discountRateList`. */
export const BITGET_V3_DISCOUNT_RATE = 'https://api.bitget.com/api/v3/market/discount-rate';

const NAMES: TieredAssetNames = {
  asset: 'coin',
  list: 'discountRateList',
  floor: 'minAmount',
  cap: 'maxAmount',
  ratio: 'discountRate',
  openCap: '-1',
};

/**
 * Bitget `GET /api/v2/mix/market/discount-rate` (value tiers per coin with the transfer-in limits; an open top
 * tier is written `"maxAmount": "-1"`) or `GET /api/v3/market/discount-rate` (unified account: tier start
 * values only, each tier running to the next one's start). Either shape may be pasted.
 */
export function readBitgetDiscountRate(response: unknown): ImportedTable {
  const { rows, timeMs } = dataRows(response, '00000', 'requestTime');
  const unified = rows.every(({ value }) => isUnifiedRow(value));
  const assets = rows.map(({ value, where }) => (unified ? readUnifiedRow(value, where) : readRow(value, where)));
  return {
    assets,
    owns: ['tierUnit', 'tiers', 'individualLimit', 'platformLimit'],
    ...(timeMs === undefined ? {} : { timeMs }),
    ...(unified ? { source: BITGET_V3_DISCOUNT_RATE } : {}),
    howRead: unified
      ? 'Bitget unified-account discount-rate: value tiers in USDT from list (each tier from its tierStartValue to the next one, the last without cap; discountRate); the response carries no transfer-in limits.'
      : 'Bitget discount-rate: value tiers from discountRateList (minAmount, maxAmount, discountRate) in USDT, maxAmount -1 = no cap; individual and platform limits from userLimit and totalLimit.',
  };
}

function isUnifiedRow(value: unknown): boolean {
  return hasFields(value, 'list') && !hasFields(value, 'discountRateList');
}

function readRow(value: unknown, where: string): ImportedAsset {
  const obj = readObject(value, where);
  const individualLimit = optionalNumberField(obj, 'userLimit', where, NON_NEGATIVE);
  const platformLimit = optionalNumberField(obj, 'totalLimit', where, NON_NEGATIVE);
  return {
    ...readTieredAsset(obj, where, 'value', NAMES),
    ...(individualLimit === null ? {} : { individualLimit }),
    ...(platformLimit === null ? {} : { platformLimit }),
  };
}

function readUnifiedRow(value: unknown, where: string): ImportedAsset {
  const obj = readObject(value, where);
  const at = field(where, 'list');
  const starts = readList(required(obj, 'list', where), at).map((row, i) => {
    const rowAt = item(at, i);
    const tier = readObject(row, rowAt);
    return {
      floor: numberField(tier, 'tierStartValue', rowAt, NON_NEGATIVE),
      ratio: numberField(tier, 'discountRate', rowAt, RATIO),
    };
  });
  const tiers: Tier[] = starts.map((s, i) => ({ floor: s.floor, cap: starts[i + 1]?.floor ?? null, ratio: s.ratio }));
  // A tier's cap is the next row's start, so a bad cap is reported at that row.
  checkTierChain(tiers, (i, part) =>
    part === 'cap' ? field(item(at, i + 1), 'tierStartValue') : field(item(at, i), part === 'floor' ? 'tierStartValue' : 'discountRate'),
  );
  return { asset: assetNameField(obj, 'coin', where), where, tierUnit: 'value', tiers };
}
