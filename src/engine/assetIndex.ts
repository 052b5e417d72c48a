import type { Dec } from './decimal';
import { ONE } from './decimal';

/**
 * Binance's valuation rates of an asset index (`GET /fapi/v1/assetIndex`): positive equity is valued at
 * bidRate = index × (1 − bidBuffer), negative at askRate = index × (1 + askBuffer).
 *
 * @example
 * assetIndexRates(dec('1.92957370'), dec('0.10'), dec('0.10')).bidRate.toString() // '1.73661633'
 */
export function assetIndexRates(index: Dec, bidBuffer: Dec, askBuffer: Dec): { bidRate: Dec; askRate: Dec } {
  return { bidRate: index.times(ONE.minus(bidBuffer)), askRate: index.times(ONE.plus(askBuffer)) };
}
