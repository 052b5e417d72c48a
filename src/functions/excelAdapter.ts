import type { ErrorKind } from '../engine/errors';
import { invoke, isCellError, toCellError } from './core';
import type { CellArg, CellErrorValue, CellGrid, CellResult, CellScalar, FunctionContext, FunctionName } from './core';
import { sharedRegistry } from './workbookSettings';

/**
 * What Excel hands a custom function for one argument: a cell, a range, a data-type value (an object with a
 * `basicValue`, since the metadata allows custom data for `any` parameters), or `undefined` when a caller other
 * than Excel leaves an optional argument out.
 */
export type ExcelArg = unknown;

/**
 * Excel's error for each kind of product error. Looked up on each call, not at load: outside Excel (the task
 * pane in a plain browser loads this bundle too) `CustomFunctions.ErrorCode` does not exist.
 */
function excelErrorCode(kind: ErrorKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case 'value':
      return CustomFunctions.ErrorCode.invalidValue;
    case 'na':
      return CustomFunctions.ErrorCode.notAvailable;
    case 'num':
      return CustomFunctions.ErrorCode.invalidNumber;
  }
}

/** The context every MARGIN function sees: the workbook's presets, kept by the shared runtime. */
export const excelContext: FunctionContext = { registry: sharedRegistry };

/** The one place a product error becomes an Excel error. */
export function toExcelError(error: CellErrorValue): CustomFunctions.Error {
  const code = excelErrorCode(error.error);
  // Excel shows custom messages for #VALUE! and #N/A only; #NUM! takes none.
  return error.error === 'num' ? new CustomFunctions.Error(code) : new CustomFunctions.Error(code, error.message);
}

/** A result of the wrong shape is a defect of the adapter layer; the cell still says so instead of crashing. */
function misfit(name: FunctionName, expected: string, got: CellResult): CustomFunctions.Error {
  const shape = Array.isArray(got) ? 'a table' : typeof got;
  return toExcelError(toCellError(new Error(`${name} returned ${shape} where ${expected} was expected`)));
}

function toCellArg(arg: ExcelArg): CellArg {
  return Array.isArray(arg)
    ? arg.map((row: unknown) => (Array.isArray(row) ? row.map(toCellScalar) : [toCellScalar(row)]))
    : toCellScalar(arg);
}

/** Data-type cells (formatted numbers, entities) count as their plain value; anything else unknown as text. */
function toCellScalar(value: unknown): CellScalar {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && 'basicValue' in value) return toCellScalar(value.basicValue);
  return String(value);
}

/** The arguments as the adapter layer takes them. */
export function toCellArgs(args: readonly ExcelArg[]): CellArg[] {
  return args.map(toCellArg);
}

/** Runs one MARGIN function; an error result is thrown, which is how Excel expects a custom function to fail. */
function evaluate(name: FunctionName, args: readonly ExcelArg[]): Exclude<CellResult, CellErrorValue> {
  const result = invoke(name, toCellArgs(args), excelContext);
  if (isCellError(result)) throw toExcelError(result);
  return result;
}

/** A MARGIN function whose cell holds a number. */
export function evaluateNumber(name: FunctionName, args: readonly ExcelArg[]): number {
  const result = evaluate(name, args);
  if (typeof result !== 'number') throw misfit(name, 'a number', result);
  return result;
}

/** A MARGIN function whose cell holds text. */
export function evaluateText(name: FunctionName, args: readonly ExcelArg[]): string {
  const result = evaluate(name, args);
  if (typeof result !== 'string') throw misfit(name, 'text', result);
  return result;
}

/** A MARGIN function that spills a table (the adapter layer already makes it rectangular, blanks as ""). */
export function evaluateTable(name: FunctionName, args: readonly ExcelArg[]): CellGrid {
  const result = evaluate(name, args);
  if (!Array.isArray(result)) throw misfit(name, 'a table', result);
  return result;
}
