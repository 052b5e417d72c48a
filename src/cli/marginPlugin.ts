import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import type { CellArg, CellResult, FunctionName, FunctionSpec } from '../functions/core';
import { FUNCTION_NAMES, FUNCTION_SPECS, invoke } from '../functions/core';
import { resultSize, toCellArg, toInterpreterValue } from './hfValues';
import type { SheetContext } from './sheetContext';

/** Formula names are `MARGIN.<NAME>`, as in Excel. */
export const NAMESPACE = 'MARGIN';

/** `COLLATERAL_VALUE` → `collateralValue`: the plugin method HyperFormula calls for `MARGIN.COLLATERAL_VALUE`. */
export function methodName(name: FunctionName): string {
  return name.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function implementedFunctions(): ImplementedFunctions {
  const entries = FUNCTION_NAMES.map((name) => {
    const spec: FunctionSpec = FUNCTION_SPECS[name];
    const repeating = spec.params.filter((p) => p.repeating).length;
    const metadata = {
      method: methodName(name),
      ...(spec.spills ? { sizeOfResultArrayMethod: 'spillSize' } : {}),
      // ANY: the cells reach `invoke` as they are, and it coerces each by its kind in the function table.
      parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
      ...(repeating > 0 ? { repeatLastArgs: repeating } : {}),
      // Arguments are evaluated here, not by HyperFormula: a range must reach the function whole.
      vectorizationForbidden: true,
    };
    return [`${NAMESPACE}.${name}`, metadata] as const;
  });
  return Object.fromEntries(entries);
}

function functionNameOf(ast: ProcedureAst): FunctionName {
  const bare = ast.procedureName.slice(NAMESPACE.length + 1);
  const name = FUNCTION_NAMES.find((n) => n === bare);
  if (name === undefined) throw new Error(`not a ${NAMESPACE} function: ${ast.procedureName}`);
  return name;
}

/** The call at the top of a formula, under any brackets: `=(MARGIN.PRESETS())`. */
function outermostNode(formula: unknown): unknown {
  let node = formula;
  while (typeof node === 'object' && node !== null && 'expression' in node) node = node.expression;
  return node;
}

/** The parts of HyperFormula's formula vertex read here: its formula and, for a table, the space it reserved. */
interface VertexView {
  readonly formula?: unknown;
  readonly width?: number;
  readonly height?: number;
}

/**
 * The MARGIN functions for HyperFormula. One method per function, generated from {@link FUNCTION_NAMES} below:
 * evaluate the arguments, call {@link invoke}, return its result. HyperFormula reserves a table's cells before it
 * evaluates the formula, so the spilling functions compute their real result already when asked for its size.
 */
export class MarginPlugin extends FunctionPlugin {
  static implementedFunctions = implementedFunctions();

  /** The adapter every generated method calls. */
  callMargin(name: FunctionName, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.call(name, ast, state);
  }

  /**
   * Size of a spilling function's table. Called while the sheet is being built, when cells this formula
   * reads may not be computed yet: then the size is unknown (one cell), and {@link call} reports the formula
   * as resized once its real table exists, so that it is entered again.
   */
  spillSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    try {
      const args = this.cellArgs(ast, state);
      if (args instanceof CellError) return ArraySize.scalar();
      const { rows, cols } = resultSize(this.result(functionNameOf(ast), ast, args));
      return rows === 1 && cols === 1 ? ArraySize.scalar() : new ArraySize(cols, rows);
    } catch {
      // Reading a cell that is not computed yet throws inside HyperFormula; the size is settled later.
      return ArraySize.scalar();
    }
  }

  private get sheetContext(): SheetContext {
    return this.config.context as SheetContext;
  }

  private call(name: FunctionName, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const args = this.cellArgs(ast, state);
    const value = args instanceof CellError ? args : this.result(name, ast, args);
    return this.fitted(value, ast, state);
  }

  private cellArgs(ast: ProcedureAst, state: InterpreterState): CellArg[] | CellError {
    const args: CellArg[] = [];
    for (const node of ast.args) {
      const arg = toCellArg(this.evaluateAst(node, state));
      if (arg instanceof CellError) return arg;
      args.push(arg);
    }
    return args;
  }

  /** The function's result, reused when the same call site is asked again with the same arguments. */
  private result(name: FunctionName, ast: ProcedureAst, args: CellArg[]): CellResult {
    const key = JSON.stringify(args);
    const cached = this.sheetContext.results.get(ast);
    if (cached?.key === key) return cached.result;
    const result = invoke(name, args, this.sheetContext.functions);
    this.sheetContext.results.set(ast, { key, result });
    return result;
  }

  /**
   * The value for the cell; for the formula's outermost call, only if its size is the size reserved for it.
   * Otherwise the cell is reported as resized and holds an error until it is entered again.
   */
  private fitted(value: CellResult | CellError, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const vertex = state.formulaVertex as VertexView | undefined;
    const converted = value instanceof CellError ? value : toInterpreterValue(value);
    if (vertex === undefined || outermostNode(vertex.formula) !== ast) return converted;
    const actual = value instanceof CellError ? { rows: 1, cols: 1 } : resultSize(value);
    if (actual.rows === (vertex.height ?? 1) && actual.cols === (vertex.width ?? 1)) return converted;
    const address = state.formulaAddress;
    this.sheetContext.resized.set(`${address.sheet}:${address.col}:${address.row}`, address);
    return new CellError(ErrorType.VALUE, 'the size of this table changed; recalculate to place it');
  }
}

// HyperFormula calls each function by the method name its metadata gives; one per MARGIN function, none typed twice.
for (const name of FUNCTION_NAMES) {
  Object.defineProperty(MarginPlugin.prototype, methodName(name), {
    value(this: MarginPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.callMargin(name, ast, state);
    },
  });
}
