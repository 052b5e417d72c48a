import { CellError, DetailedCellError, ErrorType, HyperFormula, NotAFormulaError } from 'hyperformula';
import type { ConfigParams, Sheets, SimpleCellAddress } from 'hyperformula';
import type { FunctionContext } from '../functions/core';
import type { Computed } from './format';
import { FUNCTION_NAMES } from '../functions/core';
import { normalizeFormula } from './formulaNames';
import { MarginPlugin, NAMESPACE } from './marginPlugin';
import type { SheetContext } from './sheetContext';
import { createSheetContext } from './sheetContext';

/** The largest sheet Excel holds: 1,048,576 rows by 16,384 columns (A to XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/**
 * HyperFormula as the CLI's formula engine. `smartRounding: false` because by default it rounds every
 * number it exports to `precisionRounding` significant digits, which would undo the exact decimal results.
 */
const CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  smartRounding: false,
  // Excel's grid; HyperFormula's own default stops at 40,000 rows and 18,278 columns.
  maxRows: EXCEL_MAX_ROWS,
  maxColumns: EXCEL_MAX_COLUMNS,
};

/** Passes over the sheet to place tables whose size depended on cells not yet computed. */
const MAX_SETTLE_PASSES = 20;

/** Registers `MARGIN.*` with HyperFormula (once per process: plugins are global to the library). */
export function registerMarginFunctions(): void {
  if (HyperFormula.getRegisteredFunctionNames('enGB').includes(`${NAMESPACE}.PRESETS`)) return;
  const names = Object.fromEntries(FUNCTION_NAMES.map((n) => [`${NAMESPACE}.${n}`, `${NAMESPACE}.${n}`]));
  HyperFormula.registerFunctionPlugin(MarginPlugin, { enGB: names });
}

export interface FormulaEngine {
  readonly hf: HyperFormula;
  readonly context: SheetContext;
}

/**
 * Re-enters every formula whose table turned out another size than reserved, until none does. Each pass
 * sizes the tables from values computed in the pass before, so a chain of tables feeding tables settles
 * in as many passes as it is long.
 */
function settleTables(engine: FormulaEngine): void {
  for (let pass = 0; pass < MAX_SETTLE_PASSES && engine.context.resized.size > 0; pass += 1) {
    const cells = [...engine.context.resized.values()];
    engine.context.resized.clear();
    for (const address of cells) {
      const formula = engine.hf.getCellFormula(address);
      if (formula !== undefined) engine.hf.setCellContents(address, [[formula]]);
    }
  }
}

/** A defined name for the engine: its expression (starting "=") and the sheet it is scoped to (null: the workbook). */
export interface EngineName {
  readonly name: string;
  readonly sheet: string | null;
  readonly expression: string;
}

/**
 * Adds the names HyperFormula takes as named expressions, each scoped to its sheet, and says why each other
 * one is refused (a name HyperFormula does not allow, such as one that reads as a cell address), so that one
 * bad name does not refuse the workbook.
 */
function namedExpressions(hf: HyperFormula, names: readonly EngineName[]): Map<string, string> {
  const refused = new Map<string, string>();
  for (const n of names) {
    const scope = n.sheet === null ? undefined : hf.getSheetId(n.sheet);
    if (n.sheet !== null && scope === undefined) continue;
    if (!hf.isItPossibleToAddNamedExpression(n.name, n.expression, scope)) {
      refused.set(n.name.toUpperCase(), `the engine does not take the defined name ${n.name}`);
      continue;
    }
    hf.addNamedExpression(n.name, n.expression, scope);
  }
  return refused;
}

/**
 * Builds an engine over `sheets` (cells as HyperFormula takes them: values, or formula text starting "="),
 * with the workbook's defined names as named expressions. `refusedNames` (upper case) says why each name the
 * engine could not take was left out.
 */
export function buildFormulaEngine(
  sheets: Sheets,
  functions: FunctionContext,
  names: readonly EngineName[] = [],
): FormulaEngine & { readonly refusedNames: ReadonlyMap<string, string> } {
  registerMarginFunctions();
  for (const [name, rows] of Object.entries(sheets)) {
    const columns = rows.reduce((most, row) => Math.max(most, row.length), 0);
    if (rows.length > EXCEL_MAX_ROWS || columns > EXCEL_MAX_COLUMNS) {
      throw new Error(
        `sheet ${name} has ${rows.length} rows and ${columns} columns; ` +
          `a sheet holds at most ${EXCEL_MAX_ROWS} rows and ${EXCEL_MAX_COLUMNS} columns`,
      );
    }
  }
  const context = createSheetContext(functions);
  let hf: HyperFormula;
  let refused = new Map<string, string>();
  if (names.length === 0) hf = HyperFormula.buildFromSheets(sheets, { ...CONFIG, context });
  else {
    // Names first, then the cells: built in one go with names, HyperFormula 3.x fails on ROWS(name) and the like.
    hf = HyperFormula.buildFromSheets(Object.fromEntries(Object.keys(sheets).map((k) => [k, []])), { ...CONFIG, context });
    refused = namedExpressions(hf, names);
    hf.batch(() => {
      for (const [name, rows] of Object.entries(sheets)) hf.setSheetContent(hf.getSheetId(name) ?? 0, rows);
    });
  }
  const engine = { hf, context, refusedNames: refused };
  settleTables(engine);
  return engine;
}

/** A formula HyperFormula cannot parse, as the error value a cell would show for it. */
export function unreadableFormula(formula: string): DetailedCellError {
  return new DetailedCellError(new CellError(ErrorType.ERROR, `cannot parse the formula ${formula}`), '#ERROR!');
}

/**
 * Evaluates standalone formulas as Excel would (see {@link normalizeFormula}), with no sheet cells to refer to;
 * a table comes back whole, as rows. A formula that does not parse gives {@link unreadableFormula}.
 */
export function evaluateFormulas(formulas: readonly string[], functions: FunctionContext): Computed[] {
  const { hf } = buildFormulaEngine({ Sheet1: [] }, functions);
  const sheet = hf.getSheetId('Sheet1') ?? 0;
  return formulas.map((formula) => {
    try {
      return hf.calculateFormula(normalizeFormula(formula), sheet);
    } catch (error) {
      if (error instanceof NotAFormulaError) return unreadableFormula(formula);
      throw error;
    }
  });
}

/**
 * The value of a formula cell: its own value, or the whole table when it spills. HyperFormula's public API
 * has no call for a spill's extent, so it is read from the array's vertex.
 */
export function computedAt(engine: FormulaEngine, address: SimpleCellAddress): Computed {
  const array = engine.hf.arrayMapping.getArrayByCorner(address);
  if (array === undefined || (array.width === 1 && array.height === 1)) return engine.hf.getCellValue(address);
  const end = { sheet: address.sheet, col: address.col + array.width - 1, row: address.row + array.height - 1 };
  return engine.hf.getRangeValues({ start: address, end });
}
