import type { Workbook } from 'exceljs';

/** The sample desk workbook with its formulas, before values are computed (see make-desk-workbook.js). */
export function deskWorkbook(): Workbook;

/** Writes the sample workbook with its values computed by `multiasset recalc --out` (needs `npm run prepare`). */
export function main(out: string): Promise<void>;
