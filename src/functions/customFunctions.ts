import type { CellGrid, FunctionName } from './core';
import { FUNCTION_NAMES, FUNCTION_SPECS } from './core';
import type { ExcelArg } from './excelAdapter';
import { evaluateNumber, evaluateTable, evaluateText, excelContext } from './excelAdapter';
import { sharedPriceHub } from './livePrices';
import { streamAccount } from './streamAccount';
import { streamPrice } from './streamPrice';

/** The functions whose result Excel streams (`stream` in the function table). */
type Streaming = { [F in FunctionName]: (typeof FUNCTION_SPECS)[F]['stream'] extends true ? F : never }[FunctionName];

/** The streaming functions: they keep Excel's invocation and push each new value into the cell. */
const STREAMS: { readonly [F in Streaming]: (args: readonly ExcelArg[], invocation: never) => void } = {
  PRICE: (args, invocation: CustomFunctions.StreamingInvocation<number>) => streamPrice(args, invocation, sharedPriceHub, excelContext),
  // Loaded on first use: the live account's code (readers, signers, streams) stays out of the functions bundle.
  ACCOUNT: (args, invocation: CustomFunctions.StreamingInvocation<CellGrid>) =>
    streamAccount(
      args,
      invocation,
      import('./liveAccount').then((m) => m.sharedAccountHub),
    ),
};

const EVALUATE = { number: evaluateNumber, text: evaluateText, table: evaluateTable } as const;

/** What Excel calls for one MARGIN function: its arguments, then (streaming functions only) the invocation. */
export type CustomFunction = (...args: ExcelArg[]) => unknown;

/**
 * The function Excel calls for `name`, built from its entry in the function table. Excel passes one value per
 * declared parameter (an omitted optional one as `null`), then, for a streaming function, the invocation, which
 * is always the last; anything past the parameters is not an argument.
 */
function customFunction(name: FunctionName): CustomFunction {
  const spec = FUNCTION_SPECS[name];
  const count = spec.params.length;
  if (spec.stream) {
    const stream = STREAMS[name as Streaming];
    // The invocation comes last, even from a caller that leaves trailing optional arguments out.
    return (...args) => stream(args.slice(0, Math.min(count, args.length - 1)), args[args.length - 1] as never);
  }
  const evaluate = EVALUATE[spec.result];
  return (...args) => evaluate(name, args.slice(0, count));
}

/**
 * Every MARGIN function as Excel calls it, by id, in the table's order (functions.json's order). Excel hands each
 * argument over untouched (every parameter is `any`), and `invoke` coerces it by its kind.
 */
export const CUSTOM_FUNCTIONS: Readonly<Record<FunctionName, CustomFunction>> = Object.fromEntries(
  FUNCTION_NAMES.map((name) => [name, customFunction(name)]),
) as Record<FunctionName, CustomFunction>;
