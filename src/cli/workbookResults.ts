import type ExcelJS from 'exceljs';
import { DetailedCellError, ErrorType } from 'hyperformula';
import type { CellValue } from 'hyperformula';
import type { CellBox } from './cellAddress';
import { a1, rangeText } from './cellAddress';
import type { Computed } from './format';
import type { FormulaCell } from './workbookCells';

/**
 * The error codes a workbook file may hold. HyperFormula has a few of its own (#CYCLE!, #ERROR!, #LIC!);
 * Excel would refuse them in a file, so they are stored as #VALUE!.
 */
const FILE_ERRORS: Partial<Record<ErrorType, string>> = {
  [ErrorType.NA]: '#N/A',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.SPILL]: '#SPILL!',
};

type StoredValue = number | string | boolean | ExcelJS.CellErrorValue | null;

function storedValue(value: CellValue): StoredValue {
  if (value instanceof DetailedCellError) return { error: (FILE_ERRORS[value.type] ?? '#VALUE!') as ExcelJS.CellErrorValue['error'] };
  return value;
}

function clearStored(ws: ExcelJS.Worksheet, cell: FormulaCell, box: CellBox): void {
  for (let r = box.row; r < box.row + box.rows; r += 1) {
    for (let c = box.col; c < box.col + box.cols; c += 1) {
      if (r !== cell.row || c !== cell.col) ws.getCell(r + 1, c + 1).value = null;
    }
  }
}

/** A formula cell's content with its result, keeping it shared when it was (and its group stays one cell each). */
function formulaWithResult(cell: FormulaCell, result: StoredValue, keepShared: boolean): ExcelJS.CellValue {
  const shared = keepShared ? cell.shared : undefined;
  if (shared?.ref !== undefined) return { formula: cell.formula, result, shareType: 'shared', ref: shared.ref } as ExcelJS.CellValue;
  if (shared !== undefined && shared.master !== a1(cell.row, cell.col)) return { sharedFormula: shared.master, result } as ExcelJS.CellValue;
  return { formula: cell.formula, result } as ExcelJS.CellValue;
}

/**
 * Caches one computed value in its formula cell. A table is stored as an array formula over the cells it
 * spills into, each of them holding its value, which is how a spilled result is kept in a file.
 */
function storeResult(ws: ExcelJS.Worksheet, cell: FormulaCell, value: Computed, keepShared: boolean): void {
  if (cell.stored) clearStored(ws, cell, cell.stored);
  const master = ws.getCell(cell.row + 1, cell.col + 1);
  if (!Array.isArray(value)) {
    master.value = formulaWithResult(cell, storedValue(value), keepShared);
    return;
  }
  const box = { row: cell.row, col: cell.col, rows: value.length, cols: value[0]?.length ?? 1 };
  value.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (r > 0 || c > 0) ws.getCell(cell.row + r + 1, cell.col + c + 1).value = storedValue(v);
    }),
  );
  master.value = {
    formula: cell.formula,
    result: storedValue(value[0]?.[0] ?? null),
    shareType: 'array',
    ref: rangeText(box),
  } as ExcelJS.CellValue;
}

/**
 * Writes every formula cell's computed value into the workbook (formulas stay as they were in the file). A
 * shared formula stays shared unless one of its cells now spills a table, which a shared formula cannot hold.
 */
export function storeResults(workbook: ExcelJS.Workbook, formulas: readonly FormulaCell[], values: readonly Computed[]): void {
  const spilling = new Set<string>();
  formulas.forEach((cell, i) => {
    if (cell.shared && Array.isArray(values[i])) spilling.add(`${cell.sheet}!${cell.shared.master}`);
  });
  formulas.forEach((cell, i) => {
    const ws = workbook.getWorksheet(cell.sheet);
    const value = values[i];
    const keepShared = cell.shared !== undefined && !spilling.has(`${cell.sheet}!${cell.shared.master}`);
    if (ws && value !== undefined) storeResult(ws, cell, value, keepShared);
  });
}
