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
}

/** The functions of the MARGIN namespace. Ids never change once shipped. */
export const FUNCTION_NAMES = [
  'COLLATERAL_VALUE',
  'COLLATERAL_RATIO',
  'COLLATERAL_TIERS',
  'PRESETS',
  'ACCOUNT_EQUITY',
  'MULTIASSET_LTV',
  'MAINT_MARGIN',
  'MARGIN_RATIO',
  'RISK_LEVEL',
  'AVAILABLE_FOR_ORDER',
  'AUTO_EXCHANGE',
  'LIABILITY_INTEREST',
  'LIQUIDATION_PRICE',
  'STRESS_MARGIN_RATIO',
  'MODE_SWITCH_CHECK',
  'PRICE',
  'BRACKETS',
  'TOPUP_NEEDED',
  'MAX_WITHDRAWABLE',
  'MAX_ORDER_SIZE',
  'COMPARE',
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

export function isCellError(value: CellResult): value is CellErrorValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value;
}
