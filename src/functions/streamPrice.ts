import type { MarginError } from '../engine/errors';
import type { PriceHub } from '../prices/priceHub';
import { ArgList, toCellError } from './core';
import { readPriceRequest } from './core/priceArgs';
import type { FunctionContext } from './core';
import { toExcelError, toCellArgs } from './excelAdapter';
import type { ExcelArg } from './excelAdapter';

/** The part of Excel's streaming invocation used here (`CustomFunctions.StreamingInvocation<number>`). */
export interface PriceInvocation {
  setResult(value: number | CustomFunctions.Error): void;
  onCanceled?: () => void;
}

/**
 * MARGIN.PRICE in Excel: reads the arguments like every other function, then streams the price into the cell
 * through the shared hub until Excel cancels the cell (formula deleted or changed, workbook closed).
 */
export function streamPrice(args: readonly ExcelArg[], invocation: PriceInvocation, hub: PriceHub, ctx: FunctionContext): void {
  let cancel: (() => void) | null = null;
  try {
    const request = readPriceRequest(ArgList.call('PRICE', toCellArgs(args)), ctx);
    cancel = hub.watch(request, {
      value: (price) => invocation.setResult(price),
      error: (error: MarginError) => invocation.setResult(toExcelError(toCellError(error))),
    });
  } catch (error) {
    invocation.setResult(toExcelError(toCellError(error)));
  }
  invocation.onCanceled = () => cancel?.();
}
