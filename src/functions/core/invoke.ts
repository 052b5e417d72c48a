import { isMarginError, MarginError } from '../../engine/errors';
import { ArgList } from './args';
import { FAST_HANDLERS } from './fastHandlers';
import { HANDLERS } from './handlers';
import { FUNCTION_SPECS } from './specs';
import type { CellArg, CellErrorValue, CellResult, FunctionContext, FunctionName } from './types';

/** Any thrown value as a cell error: a MarginError keeps its kind and message; anything else is an internal error. */
export function toCellError(error: unknown): CellErrorValue {
  const margin = isMarginError(error)
    ? error
    : new MarginError('INTERNAL_ERROR', { detail: error instanceof Error ? error.message : String(error) });
  return { error: margin.kind, message: margin.message };
}

/**
 * Calls a MARGIN function with cell arguments, as both hosts (Excel and the CLI's formula engine) do. Never
 * throws: bad input and missing data come back as `{ error, message }`. The one place where the path is chosen:
 * a function's number path ({@link FAST_HANDLERS}) is tried first, and when it declines (NaN) its Decimal
 * handler runs.
 *
 * @example
 * invoke('COLLATERAL_VALUE', ['BTC', 10, 60000, 'bitget'], { registry }) // 582000
 * invoke('COLLATERAL_VALUE', ['BTC', 'ten', 60000, null], { registry })
 * // { error: 'value', message: 'amount: expected a number, got "ten"' }
 */
export function invoke(name: FunctionName, args: readonly CellArg[], ctx: FunctionContext): CellResult {
  try {
    const list = ArgList.of(name, FUNCTION_SPECS[name], args);
    const fast = FAST_HANDLERS[name];
    const value = fast === undefined ? NaN : fast(list, ctx);
    return value === value ? value : HANDLERS[name](list, ctx);
  } catch (error) {
    return toCellError(error);
  }
}
