import type { Workbook } from 'exceljs';

type Row = readonly (string | number | null)[];

/** The rows (header first) of the three tables of a desk workbook. */
export interface DeskData {
  readonly balances: readonly Row[];
  readonly positions: readonly Row[];
  readonly shocks: readonly Row[];
}

/** The sample desk's tables, and the blank template's (one example row each). */
export const DESK: DeskData;
export const TEMPLATE: DeskData;

/** The desk workbook with its formulas, before values are computed (see make-desk-workbook.js). */
export function deskWorkbook(data?: DeskData): Workbook;

/**
 * Writes the sample workbook with its values computed by `multiasset recalc --out` (needs `npm run prepare`),
 * and the blank template when `template` is given.
 */
export function main(out: string, template?: string): Promise<void>;
