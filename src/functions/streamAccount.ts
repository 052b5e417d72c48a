import type { MarginError } from '../engine/errors';
import type { AccountHub } from '../live/stream/accountHub';
import { ArgList, FUNCTION_SPECS, toCellError } from './core';
import { readAccountRequest } from './core/accountArgs';
import { toCellArgs, toExcelError } from './excelAdapter';
import type { ExcelArg } from './excelAdapter';

/** The part of Excel's streaming invocation used here (`CustomFunctions.StreamingInvocation<any[][]>`). */
export interface AccountInvocation {
  setResult(value: (number | string)[][] | CustomFunctions.Error): void;
  onCanceled?: () => void;
}

/**
 * MARGIN.ACCOUNT in Excel: reads the arguments like every other function, then spills the account's table into
 * the cell through the shared hub until Excel cancels the cell.
 */
export function streamAccount(args: readonly ExcelArg[], invocation: AccountInvocation, hub: AccountHub): void {
  let cancel: (() => void) | null = null;
  try {
    const { exchange, part } = readAccountRequest(ArgList.of('ACCOUNT', FUNCTION_SPECS.ACCOUNT, toCellArgs(args)));
    cancel = hub.watch(exchange, part, {
      value: (table) => invocation.setResult(table),
      error: (error: MarginError) => invocation.setResult(toExcelError(toCellError(error))),
    });
  } catch (error) {
    invocation.setResult(toExcelError(toCellError(error)));
  }
  invocation.onCanceled = () => cancel?.();
}
