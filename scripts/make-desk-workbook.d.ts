import type { Workbook } from 'exceljs';

/** The sample desk workbook with its formulas, before values are computed (see make-desk-workbook.js). */
export function deskWorkbook(): Workbook;
