import type { Dec } from '../../engine/decimal';

/** What a live fetch brings back: the responses the account readers read, and the prices they need. */
export interface LiveAccount {
  /** The exchange's own responses, as the pasted path takes them (account first, then positions). */
  readonly documents: readonly unknown[];
  /** Collateral prices the responses leave out, from the exchange's public prices. */
  readonly prices: ReadonlyMap<string, Dec>;
  /** Each request made, e.g. `GET /fapi/v3/account (signed)`, in order. */
  readonly requests: readonly string[];
  /** OKX: the public instruments responses of the contracts held, for their contract values (`ctVal`). */
  readonly instruments: readonly unknown[];
}
