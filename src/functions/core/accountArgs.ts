import type { AccountPart } from '../../live/stream/accountTables';
import type { AccountExchange } from '../../presets/account/snapshot';
import type { Args } from './args';

export interface AccountRequest {
  readonly exchange: AccountExchange;
  readonly part: AccountPart;
}

/** The account an ACCOUNT call asks for: which exchange's, and which table of it (balances when omitted). */
export function readAccountRequest(a: Args<'ACCOUNT'>): AccountRequest {
  return { exchange: a.get('exchange'), part: a.get('part') };
}
