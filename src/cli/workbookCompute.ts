import { DetailedCellError, ErrorType, HyperFormula } from 'hyperformula';
import type { RawCellContent, Sheets } from 'hyperformula';
import type { FunctionContext } from '../functions/core';
import type { Computed } from './format';
import { buildFormulaEngine, computedAt, registerMarginFunctions } from './formulaEngine';
import type { FormulaCell, NamedExpression, WorkbookCells } from './workbookCells';

/**
 * A formula the command line's engine cannot compute: an unsupported function (INDIRECT), a link to another
 * workbook, a formula it cannot parse. Not an Excel error: the cell keeps the value Excel saved with it.
 */
export interface EngineLimit {
  readonly cell: FormulaCell;
  readonly reason: string;
}

export interface ComputedWorkbook {
  /** Each formula cell's value, in the order of the formulas; for a cell at a limit, the value Excel saved. */
  readonly values: readonly Computed[];
  /** The formula cells at an engine limit, by index into the formulas. */
  readonly limits: ReadonlyMap<number, string>;
}

const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
const CALL = /(?<![\w.$])([A-Za-z_][\w.]*)\s*\(/g;

let knownFunctions: Set<string> | undefined;

/** The functions the engine computes: HyperFormula's and the MARGIN functions. */
function functionNames(): Set<string> {
  if (knownFunctions !== undefined) return knownFunctions;
  registerMarginFunctions();
  knownFunctions = new Set(HyperFormula.getRegisteredFunctionNames('enGB').map((n) => n.toUpperCase()));
  return knownFunctions;
}

/** The first function a formula (as the engine reads it) calls that the engine does not have. */
function unknownFunction(formula: string): string | undefined {
  const known = functionNames();
  for (const [i, part] of formula.split(QUOTED).entries()) {
    if (i % 2 === 1) continue;
    for (const m of part.matchAll(CALL)) {
      const name = (m[1] ?? '').toUpperCase();
      if (!known.has(name)) return m[1];
    }
  }
  return undefined;
}

const unsupported = (name: string): string => `${name} is not a function the command line's engine computes`;

/** Why the engine cannot compute a value it returned, when that is the engine's limit and not an Excel error. */
function limitOf(value: Computed, refusedNames: ReadonlyMap<string, string>): string | undefined {
  if (!(value instanceof DetailedCellError)) return undefined;
  if (value.type === ErrorType.ERROR && /^Parsing error/i.test(value.message)) return `the engine cannot parse it (${value.message})`;
  // Excel keeps a circular reference's last value (or iterates, when the workbook asks it to).
  if (value.type === ErrorType.CYCLE) return 'a circular reference, which the engine does not iterate';
  if (value.type === ErrorType.NAME) {
    const fn = /^Function name (.+) not recognized/.exec(value.message)?.[1];
    if (fn !== undefined) return unsupported(fn);
    const name = /^Named expression (.+) not recognized/.exec(value.message)?.[1];
    if (name !== undefined) return refusedNames.get(name.toUpperCase());
  }
  return undefined;
}

/** The sheets with each limited formula replaced by the value Excel saved with it, so that its dependents use that. */
function withCachedValues(sheets: Sheets, formulas: readonly FormulaCell[], limits: ReadonlyMap<number, string>): Sheets {
  const copy: Record<string, RawCellContent[][]> = { ...sheets };
  const copied = new Set<string>();
  for (const i of limits.keys()) {
    const cell = formulas[i];
    if (cell === undefined) continue;
    const rows = copy[cell.sheet];
    if (rows === undefined) continue;
    if (!copied.has(cell.sheet)) {
      copy[cell.sheet] = rows.slice();
      copied.add(cell.sheet);
    }
    const sheet = copy[cell.sheet] ?? [];
    const row = (sheet[cell.row] ?? []).slice();
    row[cell.col] = cell.cached ?? null;
    sheet[cell.row] = row;
  }
  return copy;
}

/**
 * Computes every formula cell. A formula beyond the engine (found while reading it, by the functions it calls,
 * or by the engine refusing to parse it) is computed no further: its cell holds the value Excel saved, which
 * the formulas depending on it then use, and it is listed in `limits` with the reason.
 */
export function computeWorkbook(cells: WorkbookCells, functions: FunctionContext): ComputedWorkbook {
  const limits = new Map<number, string>();
  const nameLimits = new Map<string, string>();
  for (const n of cells.names) {
    const fn = n.limit === undefined ? unknownFunction(n.expression) : undefined;
    const why = n.limit ?? (fn === undefined ? undefined : unsupported(fn));
    if (why !== undefined) nameLimits.set(n.name.toUpperCase(), `the defined name ${n.name}: ${why}`);
  }
  const names: NamedExpression[] = cells.names.filter((n) => !nameLimits.has(n.name.toUpperCase()));
  cells.formulas.forEach((cell, i) => {
    if (cell.limit !== undefined) {
      limits.set(i, cell.limit);
      return;
    }
    const fn = unknownFunction(cell.engineFormula ?? '');
    if (fn !== undefined) limits.set(i, unsupported(fn));
  });
  for (let pass = 0; ; pass += 1) {
    const engine = buildFormulaEngine(withCachedValues(cells.sheets, cells.formulas, limits), functions, names);
    const refused = new Map([...nameLimits, ...engine.refusedNames]);
    const values = cells.formulas.map((cell) => {
      const sheet = engine.hf.getSheetId(cell.sheet) ?? 0;
      return computedAt(engine, { sheet, row: cell.row, col: cell.col });
    });
    let found = false;
    values.forEach((value, i) => {
      if (limits.has(i)) return;
      const why = limitOf(value, refused);
      if (why !== undefined) {
        limits.set(i, why);
        found = true;
      }
    });
    if (!found || pass >= 3) return { values, limits };
  }
}
