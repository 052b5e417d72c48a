import type { RawCellContent, Sheets } from 'hyperformula';
import type { CellBox } from './cellAddress';
import { a1, parseRange } from './cellAddress';
import { normalizeFormula } from './formulaNames';
import { resolveStructuredReferences, StructuredReferenceError } from './structuredRefs';
import type { PlainValue, TableModel, WorkbookModel } from './workbookModel';

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
  /** The value Excel saved with the formula (text prefixed "'"), kept where the engine cannot compute the formula. */
  readonly cached?: PlainValue;
  /** The array formula is marked as a dynamic array (`cm`) in the file. */
  readonly dynamic?: boolean;
  /** The formula as the engine reads it: structured references as ranges, names in HyperFormula's spelling. */
  readonly engineFormula?: string;
  /** Why the engine cannot compute this formula, found while reading it (an external link, a bad reference). */
  readonly limit?: string;
}

/** A defined name as the engine takes it: a named expression, global or scoped to a sheet. */
export interface NamedExpression {
  readonly name: string;
  readonly sheet: string | null;
  readonly expression: string;
  /** Why the engine cannot take it. */
  readonly limit?: string;
}

export interface WorkbookCells {
  readonly sheets: Sheets;
  readonly formulas: readonly FormulaCell[];
  readonly names: readonly NamedExpression[];
}

/** A reference to another workbook: `[1]Sheet1!A1`, `'[1]Rates'!B2`, `[1]!Name`. */
const EXTERNAL = /(^|[^\w\]])'?\[\d+\]/;

const QUOTED = /("(?:[^"]|"")*")/;

/** Whether the formula, outside its text literals, refers to another workbook. */
function externalLink(formula: string): boolean {
  return formula.split(QUOTED).some((part, i) => i % 2 === 0 && EXTERNAL.test(part));
}

/** The formula as the engine reads it, or why it cannot. */
function forEngine(
  formula: string,
  tables: readonly TableModel[],
  site: { sheet: string; row: number; col: number } | null,
): { text: string; limit?: string } {
  if (externalLink(formula)) return { text: '', limit: 'it refers to another workbook (an external link)' };
  try {
    return { text: normalizeFormula(resolveStructuredReferences(formula, tables, site)) };
  } catch (error) {
    if (error instanceof StructuredReferenceError) return { text: '', limit: error.message };
    throw error;
  }
}

/** Built-in names Excel keeps for itself (print area, filters); no formula refers to them. */
const RESERVED_NAME = /^_xlnm\./i;

/**
 * Every sheet's cells for HyperFormula (formulas translated for it), the list of formula cells in sheet order,
 * and the workbook's defined names as named expressions.
 */
export function workbookCells(model: WorkbookModel): WorkbookCells {
  const sheets: Sheets = {};
  const formulas: FormulaCell[] = [];
  for (const sheet of model.sheets) {
    const rows: RawCellContent[][] = [];
    const covered: CellBox[] = [];
    const ordered = [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    for (const cell of ordered) {
      const cells = (rows[cell.row] ??= []);
      if (cell.formula === undefined) {
        cells[cell.col] = cell.value;
        continue;
      }
      const box = cell.arrayRef ? parseRange(cell.arrayRef) : undefined;
      const stored = box && (box.rows > 1 || box.cols > 1) ? box : undefined;
      if (stored) covered.push(stored);
      const { text, limit } = forEngine(cell.formula, model.tables, { sheet: sheet.name, row: cell.row, col: cell.col });
      formulas.push({
        sheet: sheet.name,
        row: cell.row,
        col: cell.col,
        formula: cell.formula,
        ...(stored ? { stored } : {}),
        ...(cell.shared ? { shared: cell.shared } : {}),
        cached: cell.value,
        ...(cell.dynamic ? { dynamic: true } : {}),
        engineFormula: text,
        ...(limit !== undefined ? { limit } : {}),
      });
      cells[cell.col] = limit === undefined ? text : cell.value;
    }
    // The other cells of an array formula hold its last values; left in, they would block its spill.
    for (const box of covered) {
      for (let r = box.row; r < box.row + box.rows; r += 1) {
        for (let c = box.col; c < box.col + box.cols; c += 1) {
          const cells = rows[r];
          if (cells && (r !== box.row || c !== box.col)) cells[c] = null;
        }
      }
    }
    sheets[sheet.name] = Array.from(rows, (cells) => Array.from(cells ?? [], (cell) => cell ?? null));
  }
  const names: NamedExpression[] = model.names
    .filter((n) => !RESERVED_NAME.test(n.name))
    .map((n) => {
      const { text, limit } = forEngine(n.formula, model.tables, null);
      return { name: n.name, sheet: n.sheet, expression: text, ...(limit !== undefined ? { limit } : {}) };
    });
  return { sheets, formulas, names };
}

/** `Sheet!A1` of a formula cell. */
export const cellKey = (cell: { readonly sheet: string; readonly row: number; readonly col: number }): string =>
  `${cell.sheet}!${a1(cell.row, cell.col)}`;
