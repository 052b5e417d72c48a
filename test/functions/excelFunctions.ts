import type { FunctionName } from '../../src/functions/core';
import { FUNCTION_NAMES } from '../../src/functions/core';
import { CUSTOM_FUNCTIONS } from '../../src/functions/customFunctions';
import { shown, type Shown } from './customFunctionsStub';

type ExcelFunction = (...args: never[]) => unknown;

/**
 * The functions whose cell gets one result per call; PRICE and ACCOUNT stream (test/prices/priceStreaming.test.ts,
 * test/functions/accountStreaming.test.ts).
 */
export type CellFunctionName = Exclude<FunctionName, 'PRICE' | 'ACCOUNT'>;
export const CELL_FUNCTION_NAMES = FUNCTION_NAMES.filter((n): n is CellFunctionName => n !== 'PRICE' && n !== 'ACCOUNT');

/** Each MARGIN id and the function Excel calls for it (functions.ts associates them by these names). */
export const BY_ID: Readonly<Record<CellFunctionName, ExcelFunction>> = Object.fromEntries(
  CELL_FUNCTION_NAMES.map((name) => [name, CUSTOM_FUNCTIONS[name]]),
) as unknown as Record<CellFunctionName, ExcelFunction>;

/**
 * What the cell shows at once when Excel calls the function for `id` with these arguments. PRICE streams: its
 * immediate result is the one it sets before returning (bad input, or no feed for the preset); a call that
 * would start streaming is cancelled and shows nothing (`{ value: undefined }`).
 */
export const call = (id: FunctionName, ...args: unknown[]): Shown => {
  if (id !== 'PRICE' && id !== 'ACCOUNT') return shown(() => (BY_ID[id] as (...a: unknown[]) => unknown)(...args));
  const set: unknown[] = [];
  const invocation = { setResult: (v: unknown) => set.push(v), onCanceled: undefined as (() => void) | undefined };
  const [first, second, third] = [...args, null, null, null];
  if (id === 'PRICE') CUSTOM_FUNCTIONS.PRICE(first, second, third, invocation);
  else CUSTOM_FUNCTIONS.ACCOUNT(first, second, invocation);
  invocation.onCanceled?.();
  return shown(() => {
    const [first] = set;
    if (first instanceof Error || (typeof first === 'object' && first !== null)) throw first;
    return first;
  });
};
