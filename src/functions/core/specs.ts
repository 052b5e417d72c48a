/**
 * The signature of every MARGIN function, declared once: its parameters (name, order, single cell or range,
 * optional, and how each argument is coerced) and the shape of its result. Everything else is derived from this
 * table: the functions.json Excel reads (scripts/functionTable.js, in the build), the registration of the
 * functions in Excel (functions.ts) and in the CLI's formula engine (marginPlugin.ts), the argument coercion of
 * `invoke` (coercions.ts), the committed signatures the tests hold the table to, and the function reference.
 * What the user reads about each function (descriptions, units, examples) is in docs.ts, keyed by these names.
 *
 * This file holds data only and imports nothing: the build reads it before any bundle is compiled.
 */

/**
 * How `invoke` turns an argument into what the function computes with (coercions.ts), as a formula engine's
 * function runner does for its parameter types. Blank cells reach a function as `null`, `0` or `""`, and an
 * omitted optional argument as `null`; each kind says what they mean.
 *
 * - `number`, `positive`, `notNegative`: a number (numeric text accepted); required: blank is MISSING_ARGUMENT
 *   (`0` is zero); optional: blank (`null`, `""`) is no value. `positive` refuses ≤ 0, `notNegative` < 0.
 * - `text`: required: blank (`null`, `""`, `0`) is MISSING_ARGUMENT; optional: no value. Numbers as their text.
 * - `boolean`: TRUE/FALSE, 1/0 or their text; blank is FALSE.
 * - `count`: a whole number ≥ 0; blank is 0.
 * - `preset`: a preset id; blank is the workbook's default preset.
 * - `presetList`: preset ids as a range or a comma-separated text; blank is every preset known.
 * - `assetMode`, `priceKind`, `accountExchange`, `accountPart`: one of a fixed set of words, case-insensitive;
 *   blank is MISSING_ARGUMENT when required, the kind's default when optional (`mark`, `balances`).
 * - `balances`, `positions`, `prices`, `shocks`: a range read by its table's columns (columns.ts); an omitted
 *   optional `positions` is no positions, omitted `prices` none. Positions that leave mmr blank take the
 *   leverage brackets of the call's `preset` argument.
 */
export type Coercion =
  | 'number'
  | 'positive'
  | 'notNegative'
  | 'text'
  | 'boolean'
  | 'count'
  | 'preset'
  | 'presetList'
  | 'assetMode'
  | 'priceKind'
  | 'accountExchange'
  | 'accountPart'
  | 'balances'
  | 'positions'
  | 'prices'
  | 'shocks';

export interface ParamSpec<N extends string = string, C extends Coercion = Coercion, O extends boolean = boolean> {
  readonly name: N;
  /** A single cell (`scalar`; a one-cell range counts as its cell) or a range (`matrix`), as in functions.json. */
  readonly dimensionality: 'scalar' | 'matrix';
  readonly optional: O;
  /** True for a last parameter that may be given any number of times (Excel's `repeating`). */
  readonly repeating: boolean;
  readonly coerce: C;
}

export interface FunctionSpec {
  readonly params: readonly ParamSpec[];
  /** What the cell holds: a number, text, or a table that spills over several cells. */
  readonly result: 'number' | 'text' | 'table';
  /** True when the result is a table that spills over several cells. */
  readonly spills: boolean;
  /** True when Excel streams the result into the cell (the function runs on, pushing each new value). */
  readonly stream: boolean;
}

const param =
  <O extends boolean>(dimensionality: 'scalar' | 'matrix', optional: O) =>
  <N extends string, C extends Coercion>(name: N, coerce: C): ParamSpec<N, C, O> => ({
    name,
    dimensionality,
    optional,
    repeating: false,
    coerce,
  });
const cell = param('scalar', false);
const optionalCell = param('scalar', true);
const range = param('matrix', false);
const optionalRange = param('matrix', true);

const EXCHANGE = optionalCell('exchange', 'preset');
const BALANCES = range('balances', 'balances');
const POSITIONS = range('positions', 'positions');
const ASSET = cell('asset', 'text');

const returns =
  <R extends FunctionSpec['result'], S extends boolean = false>(result: R, stream?: S) =>
  <P extends readonly ParamSpec[]>(...params: P) => ({ params, result, spills: result === 'table', stream: (stream ?? false) as S });
const number = returns('number');
const text = returns('text');
const table = returns('table');

/**
 * Every MARGIN function, in the order Excel lists them. Ids never change once shipped (saved workbooks name
 * them); a new function is one more line here, its text in docs.ts and its handler.
 */
export const FUNCTION_SPECS = {
  COLLATERAL_VALUE: number(ASSET, cell('amount', 'number'), cell('price', 'positive'), EXCHANGE),
  COLLATERAL_RATIO: number(ASSET, cell('amount', 'number'), cell('price', 'positive'), EXCHANGE),
  COLLATERAL_TIERS: table(ASSET, EXCHANGE),
  PRESETS: table(),
  ACCOUNT_EQUITY: number(BALANCES, EXCHANGE, optionalRange('positions', 'positions')),
  MULTIASSET_LTV: number(BALANCES, EXCHANGE, optionalRange('positions', 'positions')),
  MAINT_MARGIN: number(POSITIONS, EXCHANGE, optionalRange('prices', 'prices')),
  MARGIN_RATIO: number(BALANCES, POSITIONS, EXCHANGE),
  RISK_LEVEL: text(cell('margin_ratio', 'notNegative'), EXCHANGE),
  AVAILABLE_FOR_ORDER: number(BALANCES, POSITIONS, optionalCell('asset', 'text'), EXCHANGE),
  AUTO_EXCHANGE: table(BALANCES, EXCHANGE, optionalCell('user_tier', 'text'), optionalCell('has_positions', 'boolean')),
  LIABILITY_INTEREST: number(
    cell('amount', 'number'),
    cell('hourly_rate', 'notNegative'),
    cell('hours', 'notNegative'),
    optionalCell('interest_free', 'notNegative'),
  ),
  LIQUIDATION_PRICE: number(BALANCES, POSITIONS, ASSET, EXCHANGE),
  STRESS_MARGIN_RATIO: number(BALANCES, POSITIONS, range('shocks', 'shocks'), EXCHANGE),
  MODE_SWITCH_CHECK: table(cell('target_mode', 'assetMode'), BALANCES, POSITIONS, optionalCell('open_orders', 'count'), EXCHANGE),
  PRICE: returns('number', true)(cell('symbol_or_asset', 'text'), EXCHANGE, optionalCell('kind', 'priceKind')),
  BRACKETS: table(cell('symbol', 'text'), EXCHANGE),
  TOPUP_NEEDED: number(BALANCES, POSITIONS, ASSET, cell('target_ratio', 'positive'), EXCHANGE),
  MAX_WITHDRAWABLE: number(BALANCES, POSITIONS, ASSET, EXCHANGE),
  MAX_ORDER_SIZE: number(BALANCES, POSITIONS, cell('symbol', 'text'), cell('price', 'positive'), optionalCell('imr', 'number'), EXCHANGE),
  COMPARE: table(BALANCES, POSITIONS, optionalRange('exchanges', 'presetList')),
  ACCOUNT: returns('table', true)(cell('exchange', 'accountExchange'), optionalCell('part', 'accountPart')),
} as const satisfies Readonly<Record<string, FunctionSpec>>;

export type FunctionName = keyof typeof FUNCTION_SPECS;

/** The MARGIN functions, in the order Excel lists them. */
export const FUNCTION_NAMES = Object.keys(FUNCTION_SPECS) as readonly FunctionName[];

/** The parameters of a function, as declared. */
export type ParamsOf<F extends FunctionName> = (typeof FUNCTION_SPECS)[F]['params'][number];

/** The parameter names of a function. */
export type ParamName<F extends FunctionName> = ParamsOf<F>['name'];
