import ExcelJS from 'exceljs';
import type { RawCellContent, Sheets } from 'hyperformula';
import type { CellBox } from './cellAddress';
import { parseRange } from './cellAddress';
import { normalizeFormula } from './formulaNames';

/** A formula cell of the workbook, where it is and its formula as stored in the file (no "="). */
export interface FormulaCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  /** The cells an array formula covered in the file (its previous spill), when it covered more than itself. */
  readonly stored?: CellBox;
  /** Part of a shared formula: the master's address, and on the master the range the formula is shared over. */
  readonly shared?: { readonly master: string; readonly ref?: string };
}

export interface WorkbookCells {
  readonly sheets: Sheets;
  readonly formulas: readonly FormulaCell[];
}

/** Day 0 of Excel's 1900 date system, for cells that exceljs hands over as dates. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** exceljs keeps `shareType` and `ref` of array and shared formulas, but its typings omit them. */
interface FormulaModel {
  readonly formula?: string;
  readonly sharedFormula?: string;
  readonly shareType?: string;
  readonly ref?: string;
}

function sharedPart(model: FormulaModel, address: string): FormulaCell['shared'] {
  if (model.sharedFormula !== undefined) return { master: model.sharedFormula };
  if (model.shareType === 'shared') return { master: address, ...(model.ref ? { ref: model.ref } : {}) };
  return undefined;
}

/**
 * A cell's content as HyperFormula takes it. Text is prefixed with an apostrophe so that HyperFormula keeps
 * it as text, as Excel did ("60000", "TRUE" or "2026-11-21" typed as text stay text).
 */
function plainContent(value: ExcelJS.CellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return `'${value}`;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
  if ('error' in value) return value.error;
  if ('richText' in value) return `'${value.richText.map((r) => r.text).join('')}`;
  if ('text' in value && typeof value.text === 'string') return `'${value.text}`;
  return null;
}

function readSheet(ws: ExcelJS.Worksheet, formulas: FormulaCell[]): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  const covered: CellBox[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const [r, c] = [rowNumber - 1, colNumber - 1];
      const cells = (rows[r] ??= []);
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (cell.type !== ExcelJS.ValueType.Formula) {
        cells[c] = plainContent(cell.value);
        return;
      }
      const model = cell.value as FormulaModel;
      const box = model.shareType === 'array' && model.ref ? parseRange(model.ref) : undefined;
      const stored = box && (box.rows > 1 || box.cols > 1) ? box : undefined;
      if (stored) covered.push(stored);
      const shared = sharedPart(model, cell.address);
      formulas.push({
        sheet: ws.name,
        row: r,
        col: c,
        formula: cell.formula,
        ...(stored ? { stored } : {}),
        ...(shared ? { shared } : {}),
      });
      cells[c] = normalizeFormula(cell.formula);
    });
  });
  // The other cells of an array formula hold its last values; left in, they would block its spill.
  for (const box of covered) {
    for (let r = box.row; r < box.row + box.rows; r += 1) {
      for (let c = box.col; c < box.col + box.cols; c += 1) {
        const cells = rows[r];
        if (cells && (r !== box.row || c !== box.col)) cells[c] = null;
      }
    }
  }
  return Array.from(rows, (cells) => Array.from(cells ?? [], (cell) => cell ?? null));
}

/** Every sheet's cells for HyperFormula (formulas normalised), and the list of formula cells in sheet order. */
export function workbookCells(workbook: ExcelJS.Workbook): WorkbookCells {
  const sheets: Sheets = {};
  const formulas: FormulaCell[] = [];
  workbook.eachSheet((ws) => {
    sheets[ws.name] = readSheet(ws, formulas);
  });
  return { sheets, formulas };
}
