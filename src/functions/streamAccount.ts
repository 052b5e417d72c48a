import type { MarginError } from '../engine/errors';
import type { AccountHub } from '../live/stream/accountHub';
import { ArgList, toCellError } from './core';
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
 * the cell through the shared hub until Excel cancels the cell. The hub may still be loading (a promise): the
 * live account's code is loaded on first use, so that the functions bundle stays small.
 */
export function streamAccount(args: readonly ExcelArg[], invocation: AccountInvocation, hub: AccountHub | Promise<AccountHub>): void {
  let cancel: (() => void) | null = null;
  let cancelled = false;
  invocation.onCanceled = () => {
    cancelled = true;
    cancel?.();
  };
  let request: ReturnType<typeof readAccountRequest>;
  try {
    request = readAccountRequest(ArgList.call('ACCOUNT', toCellArgs(args)));
  } catch (error) {
    invocation.setResult(toExcelError(toCellError(error)));
    return;
  }
  const watch = (on: AccountHub): void => {
    if (cancelled) return;
    cancel = on.watch(request.exchange, request.part, {
      value: (table) => invocation.setResult(table),
      error: (error: MarginError) => invocation.setResult(toExcelError(toCellError(error))),
    });
  };
  if (hub instanceof Promise) hub.then(watch, (error: unknown) => invocation.setResult(toExcelError(toCellError(error))));
  else watch(hub);
}
