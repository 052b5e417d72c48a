import type { Dec } from '../../engine/decimal';
import { toCellNumber } from '../../engine/decimal';
import type { AccountSnapshot, FigureName, SnapshotCell } from '../../presets/account';
import { balancesTableRow, positionsTableRow, SNAPSHOT_BALANCES_HEADER, SNAPSHOT_POSITIONS_HEADER } from '../../presets/account';
import { clockText } from '../../prices/clockText';

/** What MARGIN.ACCOUNT spills. */
export const ACCOUNT_PARTS = ['balances', 'positions', 'totals'] as const;
export type AccountPart = (typeof ACCOUNT_PARTS)[number];

export type AccountCell = number | string;
export type AccountTable = AccountCell[][];

export const TOTALS_HEADER = ['figure', 'value', 'unit', 'exchange_field', 'as_of'] as const;
const TOTALS: readonly FigureName[] = ['equity', 'maint_margin', 'available'];

const num = (d: Dec | null): AccountCell => (d === null ? '' : toCellNumber(d));

/** The exchange's own equity, maintenance margin and available, as it reported them and when. */
export function totalsTable(snapshot: AccountSnapshot, asOf: number): AccountTable {
  const rows = TOTALS.map((figure) => {
    const reported = snapshot.reported.find((r) => r.figure === figure);
    return [figure, num(reported?.value ?? null), snapshot.reportedUnit, reported?.field ?? '', clockText(asOf)];
  });
  return [[...TOTALS_HEADER], ...rows];
}

/** A row of the snapshot path with blanks as "" (Excel spills "" as an empty-looking cell the functions read as blank). */
const cells = (row: readonly SnapshotCell[]): AccountCell[] => row.map((c) => (c === null ? '' : c));

/**
 * Table rows kept by the snapshot row they show, for an account read again after each event: a row that was not
 * read again (the same object) keeps its cells. Rows handed out are never changed.
 */
export type TableRows = WeakMap<object, AccountCell[]>;

/**
 * One part of the account as the cells spill it: the same columns and figures as the pasted-snapshot tables.
 * With `kept`, the rows of snapshot rows already shown are taken from it.
 */
export function accountTable(snapshot: AccountSnapshot, part: AccountPart, totalsAt: number, kept?: TableRows): AccountTable {
  const rowOf = <T extends object>(row: T, make: (row: T) => SnapshotCell[]): AccountCell[] => {
    const known = kept?.get(row);
    if (known !== undefined) return known;
    const made = cells(make(row));
    kept?.set(row, made);
    return made;
  };
  if (part === 'balances') return [[...SNAPSHOT_BALANCES_HEADER], ...snapshot.balances.map((b) => rowOf(b, balancesTableRow))];
  if (part === 'positions') return [[...SNAPSHOT_POSITIONS_HEADER], ...snapshot.positions.map((p) => rowOf(p, positionsTableRow))];
  return totalsTable(snapshot, totalsAt);
}
