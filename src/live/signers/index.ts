import { signBinance } from './binance';
import { signBitget } from './bitget';
import { signBybit } from './bybit';
import { signOkx } from './okx';
import type { Signer } from './request';

export { binanceQuery, binanceWsPayload, signBinance, signBinanceWsParams } from './binance';
export type { BinanceWsParams } from './binance';
export { bitgetPrehash, signBitget } from './bitget';
export { bybitPrehash, signBybit } from './bybit';
export { okxPrehash, okxTimestamp, signOkx } from './okx';
export { queryString, RECV_WINDOW_MS, withQuery } from './request';
export type { Credentials, RequestToSign, SignedRequest, Signer } from './request';

/** Each exchange's signer, by the id the rest of the add-in uses. */
export const SIGNERS: Readonly<Record<'binance' | 'okx' | 'bybit' | 'bitget', Signer>> = {
  binance: signBinance,
  okx: signOkx,
  bybit: signBybit,
  bitget: signBitget,
};
