import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from 'hyperformula';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { ErrorKind } from '../engine/errors';
import type { CellArg, CellResult, CellScalar } from '../functions/core';
import { isCellError } from '../functions/core';

/** HyperFormula's value of one cell, as its interpreter hands it to a function. */
type HfScalar = SimpleRangeValue['data'][number][number];

const ERROR_TYPES: Readonly<Record<ErrorKind, ErrorType>> = {
  value: ErrorType.VALUE,
  na: ErrorType.NA,
  num: ErrorType.NUM,
};

/** The one place a product error becomes a formula-engine error (Excel's side has its own, in src/functions). */
export function toHfError(kind: ErrorKind, message: string): CellError {
  return new CellError(ERROR_TYPES[kind], message);
}

/** Dates, percents and currencies arrive wrapped; the functions want the plain number. */
function unwrapNumber(value: object): number | undefined {
  const raw = (value as { val?: unknown }).val;
  return typeof raw === 'number' ? raw : undefined;
}

function toCellScalar(value: HfScalar): CellScalar | CellError {
  if (value instanceof CellError) return value;
  if (value === EmptyValue) return null;
  if (typeof value === 'object') return unwrapNumber(value) ?? null;
  return value;
}

/**
 * One evaluated argument as a cell argument. A spreadsheet error anywhere in it is returned instead, so the
 * call can pass it on unchanged, as every built-in function does.
 */
export function toCellArg(value: InterpreterValue): CellArg | CellError {
  if (!(value instanceof SimpleRangeValue)) return toCellScalar(value);
  const rows: CellScalar[][] = [];
  for (const row of value.data) {
    const cells: CellScalar[] = [];
    for (const cell of row) {
      const converted = toCellScalar(cell);
      if (converted instanceof CellError) return converted;
      cells.push(converted);
    }
    rows.push(cells);
  }
  return rows;
}

/** A function's result as a value HyperFormula stores: a table becomes a range value that spills. */
export function toInterpreterValue(result: CellResult): InterpreterValue {
  if (isCellError(result)) return toHfError(result.error, result.message);
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result.map((row) => row.map((c) => c ?? EmptyValue)));
  return result;
}

/** Rows × columns of a result: a table's size, 1 × 1 for anything else. */
export function resultSize(result: CellResult): { readonly rows: number; readonly cols: number } {
  if (!Array.isArray(result)) return { rows: 1, cols: 1 };
  return { rows: result.length, cols: Math.max(0, ...result.map((r) => r.length)) };
}
