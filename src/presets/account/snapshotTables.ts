import type { Dec } from '../../engine/decimal';
import { toCellNumber } from '../../engine/decimal';
import type { Reconciliation } from './reconcile';
import type { AccountSnapshot, SnapshotBalance, SnapshotPosition } from './snapshot';

/** A table cell: a number (rounded once, from the exact decimal), text, or blank. */
export type SnapshotCell = number | string | null;
export type SnapshotTable = SnapshotCell[][];

const num = (d: Dec | null): SnapshotCell => (d === null ? null : toCellNumber(d));

export const SNAPSHOT_BALANCES_HEADER = ['asset', 'amount', 'price', 'upnl'] as const;
export const SNAPSHOT_POSITIONS_HEADER = ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'] as const;
export const RECONCILIATION_HEADER = ['figure', 'ours', 'exchange_field', 'exchange', 'difference', 'cause'] as const;

/** One row of the balances range: asset, amount, price, upnl. */
export function balancesTableRow(b: SnapshotBalance): SnapshotCell[] {
  return [b.asset, num(b.amount), num(b.price), num(b.upnl)];
}

/** One row of the positions range, in the order of {@link SNAPSHOT_POSITIONS_HEADER}. */
export function positionsTableRow(p: SnapshotPosition): SnapshotCell[] {
  return [
    p.symbol,
    p.side,
    num(p.size),
    num(p.entry),
    num(p.mark),
    num(p.mmr),
    // A blank rate is taken, with its cum, from the preset's brackets: a cum beside a blank mmr is refused.
    num(p.mmr === null ? null : p.cum),
    num(p.imr),
    p.marginMode,
  ];
}

/** The balances range, as MARGIN functions read it; a price the responses lack is left blank to fill in. */
export function balancesTable(snapshot: AccountSnapshot): SnapshotTable {
  return [[...SNAPSHOT_BALANCES_HEADER], ...snapshot.balances.map(balancesTableRow)];
}

/** The positions range, as MARGIN functions read it; a rate the responses lack is left blank to fill in. */
export function positionsTable(snapshot: AccountSnapshot): SnapshotTable {
  return [[...SNAPSHOT_POSITIONS_HEADER], ...snapshot.positions.map(positionsTableRow)];
}

/** Ours beside the exchange's, per figure; the exchange's money figures are in `snapshot.reportedUnit`. */
export function reconciliationTable(reconciliation: Reconciliation): SnapshotTable {
  return [
    [...RECONCILIATION_HEADER],
    ...reconciliation.rows.map((r) => [r.figure, num(r.ours), r.field, num(r.reported), num(r.difference), r.cause]),
  ];
}
