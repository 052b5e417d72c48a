import type { PriceRequest } from '../../prices/priceRequest';
import { priceRequest } from '../../prices/priceRequest';
import type { Args } from './args';
import type { FunctionContext } from './types';

/** The live price a PRICE call asks for, read in argument order so that the first bad argument is reported. */
export function readPriceRequest(a: Args<'PRICE'>, ctx: FunctionContext): PriceRequest {
  const symbol = a.get('symbol_or_asset');
  const preset = a.preset(ctx);
  return priceRequest(preset, symbol, a.get('kind'));
}
