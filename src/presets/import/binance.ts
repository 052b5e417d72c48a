import { ONE, ZERO } from '../../engine/decimal';
import { field, invalid, readBounded, readObject, readText, required } from '../jsonRead';
import { HAIRCUT, NON_NEGATIVE, POSITIVE, RATIO } from '../bounds';
import { bareRows, readTimeMs } from './envelope';
import type { ImportedAsset, ImportedTable } from './importedTable';

/**
 * Binance `GET /fapi/v1/assetIndex`: one buffer pair per asset, no tiers. Positive equity is valued at
 * index × (1 − bidBuffer), so the ratio is one value tier of 1 − bidBuffer; negative at index × (1 + askBuffer).
 */
export function readBinanceAssetIndex(response: unknown): ImportedTable {
  const { rows } = bareRows(response);
  let timeMs: number | undefined;
  const assets = rows.map(({ value, where }) => {
    const obj = readObject(value, where);
    if (obj.time !== undefined) timeMs = Math.max(timeMs ?? 0, readTimeMs(obj.time, field(where, 'time')));
    return readRow(obj, where);
  });
  return {
    assets,
    owns: ['tierUnit', 'tiers', 'liabilityRate', 'autoExchangeHaircut', 'indexPrice'],
    ...(timeMs === undefined ? {} : { timeMs }),
    howRead:
      'Binance assetIndex: each asset is one value tier at 1 − bidBuffer, liabilities at 1 + askBuffer, auto-exchange haircut = autoExchangeBidBuffer, indexPrice = index at the response time.',
  };
}

function readRow(obj: Readonly<Record<string, unknown>>, where: string): ImportedAsset {
  const symbolAt = field(where, 'symbol');
  const symbol = readText(required(obj, 'symbol', where), symbolAt);
  const m = /^([A-Z0-9]{1,20})USD$/.exec(symbol);
  if (m === null) invalid(symbolAt, `expected an asset symbol ending in "USD" (e.g. "BTCUSD"), got ${JSON.stringify(symbol)}`);
  const bidBuffer = readBounded(required(obj, 'bidBuffer', where), field(where, 'bidBuffer'), RATIO);
  const askBuffer = readBounded(required(obj, 'askBuffer', where), field(where, 'askBuffer'), NON_NEGATIVE);
  return {
    asset: m[1] as string,
    where,
    tierUnit: 'value',
    tiers: [{ floor: ZERO, cap: null, ratio: ONE.minus(bidBuffer) }],
    liabilityRate: ONE.plus(askBuffer),
    autoExchangeHaircut: readBounded(required(obj, 'autoExchangeBidBuffer', where), field(where, 'autoExchangeBidBuffer'), HAIRCUT),
    indexPrice: readBounded(required(obj, 'index', where), field(where, 'index'), POSITIVE),
  };
}
