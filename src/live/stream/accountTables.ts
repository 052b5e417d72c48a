import type { Dec } from '../../engine/decimal';
import { toCellNumber } from '../../engine/decimal';
import type { AccountSnapshot, FigureName } from '../../presets/account';
import { balancesTable, positionsTable } from '../../presets/account';
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

/** A table of the snapshot path with blanks as "" (Excel spills "" as an empty-looking cell the functions read as blank). */
const cells = (table: (number | string | null)[][]): AccountTable => table.map((row) => row.map((c) => (c === null ? '' : c)));

/** One part of the account as the cells spill it: the same columns and figures as the pasted-snapshot tables. */
export function accountTable(snapshot: AccountSnapshot, part: AccountPart, totalsAt: number): AccountTable {
  if (part === 'balances') return cells(balancesTable(snapshot));
  if (part === 'positions') return cells(positionsTable(snapshot));
  return totalsTable(snapshot, totalsAt);
}
