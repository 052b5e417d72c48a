import type { ErrorKind } from '../../engine/errors';
import type { PresetRegistry } from '../../presets/registry';
import type { LivePrices } from '../../prices/snapshotPrices';

/** A single cell as a host hands it over. Blank cells arrive as `null`, `0` or `""` depending on the host. */
export type CellScalar = number | string | boolean | null;

/** A range (or an array constant): rows of cells. */
export type CellGrid = CellScalar[][];

/** One argument of a MARGIN function: a single cell, or a range. Omitted optional arguments are `null`. */
export type CellArg = CellScalar | CellGrid;

/** A spreadsheet error with the message Excel shows for `#VALUE!` and `#N/A`. */
export interface CellErrorValue {
  readonly error: ErrorKind;
  readonly message: string;
}

/** What a MARGIN function returns: a number, text, a spilled table, or an error. Never NaN, ±Infinity or -0. */
export type CellResult = number | string | boolean | CellGrid | CellErrorValue;

/** What every function call can see besides its arguments: the presets, including the workbook's default. */
export interface FunctionContext {
  readonly registry: PresetRegistry;
  /** Live prices for MARGIN.PRICE outside Excel (the CLI's --live); without them PRICE explains it streams in Excel. */
  readonly livePrices?: LivePrices;
  /** Connected accounts for MARGIN.ACCOUNT outside Excel (e.g. one signed snapshot); without them ACCOUNT explains it streams in Excel. */
  readonly liveAccounts?: LiveAccounts;
}

/** An account's tables as MARGIN.ACCOUNT spills them, by exchange and part; throws a MarginError when it has none. */
export interface LiveAccounts {
  table(exchange: 'binance' | 'okx' | 'bybit' | 'bitget', part: 'balances' | 'positions' | 'totals'): CellGrid;
}

// The function names are the keys of FUNCTION_SPECS, the one list of the MARGIN functions (specs.ts).
export { FUNCTION_NAMES } from './specs';
export type { FunctionName } from './specs';

export function isCellError(value: CellResult): value is CellErrorValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value;
}
