import type { Preset } from '../../engine/model';
import { BINANCE_PRESET } from './binance';
import { BITGET_PRESET } from './bitget';
import { BITMART_PRESET } from './bitmart';
import { BYBIT_PRESET } from './bybit';
import { OKX_PRESET } from './okx';

export { BINANCE_JSON, BINANCE_PRESET } from './binance';
export { BITGET_JSON, BITGET_PRESET } from './bitget';
export { BITMART_JSON, BITMART_PRESET } from './bitmart';
export { BYBIT_JSON, BYBIT_PRESET } from './bybit';
export { OKX_JSON, OKX_PRESET } from './okx';

/** The presets shipped with the product: documented ones first, then the illustrative ones. */
export const BUILTIN_PRESETS: readonly Preset[] = Object.freeze([BINANCE_PRESET, BITGET_PRESET, BITMART_PRESET, OKX_PRESET, BYBIT_PRESET]);
