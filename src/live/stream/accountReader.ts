import type { Dec } from '../../engine/decimal';
import type { AccountExchange, AccountSnapshot } from '../../presets/account';
import { importAccountSnapshot, RowMemo } from '../../presets/account';
import type { AccountDocuments } from './accountDocuments';
import type { AccountPart, AccountTable, TableRows } from './accountTables';
import { accountTable } from './accountTables';

/**
 * Reads one live account's documents into its snapshot and the tables its cells spill, again after every event,
 * reading only what the event changed: the event appliers keep every unchanged row object of the documents, so
 * the readers read only the new rows ({@link RowMemo}), and the tables keep the rows of unchanged positions. The
 * figures are those of `importAccountSnapshot` and `accountTable` on the same documents.
 */
export class AccountReader {
  private readonly memo = new RowMemo();
  private readonly rows: TableRows = new WeakMap();

  constructor(readonly exchange: AccountExchange) {}

  /**
   * The account the documents describe, collateral priced by `livePrices` first (prices streamed now win over
   * those fetched with the snapshot). Throws as `importAccountSnapshot` does.
   */
  snapshot(docs: AccountDocuments, livePrices: ReadonlyMap<string, Dec> = new Map()): AccountSnapshot {
    const documents = docs.positions === undefined ? [docs.account] : [docs.account, docs.positions];
    const prices = new Map([...(docs.prices ?? new Map<string, Dec>()), ...livePrices]);
    return importAccountSnapshot(this.exchange, documents, { prices, instruments: docs.instruments ?? [], memo: this.memo });
  }

  /** One part of `snapshot` as the cells spill it. */
  table(snapshot: AccountSnapshot, part: AccountPart, totalsAt: number): AccountTable {
    return accountTable(snapshot, part, totalsAt, this.rows);
  }
}
