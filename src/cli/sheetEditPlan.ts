import type { CellValue } from 'hyperformula';
import type { CellBox } from './cellAddress';
import { a1, rangeText } from './cellAddress';
import type { Computed } from './format';
import { excelFormula } from './formulaNames';
import type { FormulaCell } from './workbookCells';

/**
 * What one cell becomes, as data:
 * - `clear`: a cell an earlier spill covered; its value goes, its style stays.
 * - `value`: a plain value, in a cell a table spills into (or a legacy array formula covers).
 * - `arrayFormula`: the anchor of an array formula over `ref`, showing its first value; `cm` marks it as a
 *   dynamic array (absent: a legacy array formula, or no dynamic-array metadata in the package).
 * - `formula`: a formula with one value. `shared` says which part of a shared formula group it is, when the group
 *   is kept (null: the formula is written whole).
 * Formulas are in Excel's spelling (`_xldudf_` names), not yet escaped for XML.
 */
export type CellPlan =
  | { readonly kind: 'clear' }
  | { readonly kind: 'value'; readonly value: CellValue }
  | { readonly kind: 'arrayFormula'; readonly formula: string; readonly ref: string; readonly value: CellValue; readonly cm?: number }
  | { readonly kind: 'formula'; readonly formula: string; readonly value: CellValue; readonly shared: 'master' | 'member' | null };

/** One planned edit: the cell (0-based row and column on its sheet) and what it becomes. */
export interface PlannedEdit {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly edit: CellPlan;
}

/** What the plan needs to know of the package. */
export interface PackageFacts {
  /** The `cm` index of the dynamic-array cell metadata; undefined when the package has none for spills. */
  readonly dynamicArrayIndex?: number;
  /** The anchors (`Sheet!A1`) of the array formulas the file marks as dynamic arrays. */
  readonly dynamicAnchors: ReadonlySet<string>;
}

type Cells = Map<string, Map<number, Map<number, CellPlan>>>;

function put(cells: Cells, sheet: string, row: number, col: number, edit: CellPlan): void {
  let rows = cells.get(sheet);
  if (rows === undefined) cells.set(sheet, (rows = new Map()));
  let cols = rows.get(row);
  if (cols === undefined) rows.set(row, (cols = new Map()));
  cols.set(col, edit);
}

/** The shared formula groups that must be broken: those one of whose cells now spills a table. */
function spillingGroups(formulas: readonly FormulaCell[], values: readonly (Computed | undefined)[]): Set<string> {
  const spilling = new Set<string>();
  formulas.forEach((cell, i) => {
    if (cell.shared && Array.isArray(values[i])) spilling.add(`${cell.sheet}!${cell.shared.master}`);
  });
  return spilling;
}

/**
 * Earlier spills are cleared first, so that no clearing undoes a table written in the same pass. A formula left
 * as the file has it (no value) keeps its range and the values saved in it.
 */
function planClears(cells: Cells, formulas: readonly FormulaCell[], values: readonly (Computed | undefined)[]): void {
  for (const [i, { sheet, stored }] of formulas.entries()) {
    if (stored === undefined || values[i] === undefined) continue;
    for (let r = stored.row; r < stored.row + stored.rows; r += 1) {
      for (let c = stored.col; c < stored.col + stored.cols; c += 1) put(cells, sheet, r, c, { kind: 'clear' });
    }
  }
}

/** A legacy (Ctrl+Shift+Enter) array formula keeps its range, every cell of it showing the one value, as in Excel. */
function planLegacyArray(cells: Cells, cell: FormulaCell, box: CellBox, value: CellValue): void {
  for (let r = box.row; r < box.row + box.rows; r += 1) {
    for (let c = box.col; c < box.col + box.cols; c += 1) {
      if (r !== cell.row || c !== cell.col) put(cells, cell.sheet, r, c, { kind: 'value', value });
    }
  }
  put(cells, cell.sheet, cell.row, cell.col, { kind: 'arrayFormula', formula: excelFormula(cell.formula), ref: rangeText(box), value });
}

/** A spilled table: the anchor holds the formula over the table's range, each other cell its value. */
function planSpill(cells: Cells, cell: FormulaCell, value: readonly (readonly CellValue[])[], cm: number | undefined): void {
  const box = { row: cell.row, col: cell.col, rows: value.length, cols: value[0]?.length ?? 1 };
  value.forEach((row, r) =>
    row.forEach((v, c) => {
      if (r > 0 || c > 0) put(cells, cell.sheet, cell.row + r, cell.col + c, { kind: 'value', value: v });
    }),
  );
  const anchor: CellPlan = { kind: 'arrayFormula', formula: excelFormula(cell.formula), ref: rangeText(box), value: value[0]?.[0] ?? null };
  put(cells, cell.sheet, cell.row, cell.col, cm === undefined ? anchor : { ...anchor, cm });
}

function sharedPart(cell: FormulaCell, spilling: ReadonlySet<string>): 'master' | 'member' | null {
  if (cell.shared === undefined || spilling.has(`${cell.sheet}!${cell.shared.master}`)) return null;
  return cell.shared.master === a1(cell.row, cell.col) ? 'master' : 'member';
}

/**
 * Every cell edit that stores the computed values, in the order the sheets, rows and cells were first planned;
 * a cell planned twice keeps its last edit. `values[i]` undefined leaves formula `i` as the file has it. Pure:
 * the package is read beforehand (`facts`) and written afterwards.
 */
export function planSheetEdits(
  formulas: readonly FormulaCell[],
  values: readonly (Computed | undefined)[],
  facts: PackageFacts,
): PlannedEdit[] {
  const spilling = spillingGroups(formulas, values);
  const cells: Cells = new Map();
  planClears(cells, formulas, values);
  formulas.forEach((cell, i) => {
    const value = values[i];
    if (value === undefined) return;
    if (Array.isArray(value)) planSpill(cells, cell, value, facts.dynamicArrayIndex);
    else if (cell.stored !== undefined && !facts.dynamicAnchors.has(`${cell.sheet}!${a1(cell.row, cell.col)}`))
      planLegacyArray(cells, cell, cell.stored, value);
    else
      put(cells, cell.sheet, cell.row, cell.col, {
        kind: 'formula',
        formula: excelFormula(cell.formula),
        value,
        shared: sharedPart(cell, spilling),
      });
  });
  return [...cells].flatMap(([sheet, rows]) =>
    [...rows].flatMap(([row, cols]) => [...cols].map(([col, edit]) => ({ sheet, row, col, edit }))),
  );
}
