import type { AccountExchange } from '../presets/account';

/** The exchanges whose accounts are fetched live: those whose responses the account readers read. */
export type LiveExchange = AccountExchange;

/** How each exchange is named to the user. */
export const EXCHANGE_NAMES: Readonly<Record<LiveExchange, string>> = {
  binance: 'Binance',
  okx: 'OKX',
  bybit: 'Bybit',
  bitget: 'Bitget',
};

/** Exchanges whose keys carry a passphrase chosen when the key was made. */
export const NEEDS_PASSPHRASE: Readonly<Record<LiveExchange, boolean>> = {
  binance: false,
  okx: true,
  bybit: false,
  bitget: true,
};
