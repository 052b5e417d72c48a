import type { SimpleCellAddress } from 'hyperformula';
import type { CellResult, FunctionContext } from '../functions/core';

/**
 * What the MARGIN plugin of one HyperFormula instance shares with the code that runs it (passed as
 * HyperFormula's `context` setting, since plugins are registered once for every instance).
 */
export interface SheetContext {
  readonly functions: FunctionContext;
  /** The last result per call site (formula AST node) and the arguments it was computed from. */
  readonly results: WeakMap<object, { readonly key: string; readonly result: CellResult }>;
  /** Formula cells whose table came out another size than the space reserved for it, keyed "sheet:col:row". */
  readonly resized: Map<string, SimpleCellAddress>;
}

export function createSheetContext(functions: FunctionContext): SheetContext {
  return { functions, results: new WeakMap(), resized: new Map() };
}
