import type { PriceKind } from '../../prices/feeds';
import { PRICE_KINDS } from '../../prices/feeds';
import type { PriceRequest } from '../../prices/priceRequest';
import { priceRequest } from '../../prices/priceRequest';
import type { ArgList } from './args';
import { isBlankCell, requiredChoice, requiredText } from './coerce';
import type { FunctionContext } from './types';

const KINDS: Readonly<Record<string, PriceKind>> = Object.fromEntries(PRICE_KINDS.map((kind) => [kind, kind]));

/** The live price a PRICE call asks for, read in argument order so that the first bad argument is reported. */
export function readPriceRequest(a: ArgList, ctx: FunctionContext): PriceRequest {
  const symbol = requiredText(a.cell('symbol_or_asset'), 'symbol_or_asset');
  const preset = a.preset(ctx);
  const kindCell = a.cell('kind');
  const kind = isBlankCell(kindCell) ? 'mark' : requiredChoice(kindCell, 'kind', KINDS);
  return priceRequest(preset, symbol, kind);
}
