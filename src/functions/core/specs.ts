/**
 * How each MARGIN function's arguments are read: names, order, single cell or range, optional. What the user reads
 * (descriptions, units) lives once, in the JSDoc of `src/functions/functions.ts`, which the build turns into
 * functions.json; a test checks that both agree on every parameter.
 */
export interface ParamSpec {
  readonly name: string;
  readonly kind: 'scalar' | 'range';
  readonly optional: boolean;
}

export interface FunctionSpec {
  readonly params: readonly ParamSpec[];
  /** True when the result is a table that spills over several cells. */
  readonly spills: boolean;
}

const cell = (name: string): ParamSpec => ({ name, kind: 'scalar', optional: false });
const optionalCell = (name: string): ParamSpec => ({ name, kind: 'scalar', optional: true });
const range = (name: string): ParamSpec => ({ name, kind: 'range', optional: false });
const optionalRange = (name: string): ParamSpec => ({ name, kind: 'range', optional: true });

const EXCHANGE = optionalCell('exchange');
const BALANCES = range('balances');
const POSITIONS = range('positions');
const value = (...params: ParamSpec[]): FunctionSpec => ({ params, spills: false });
const table = (...params: ParamSpec[]): FunctionSpec => ({ params, spills: true });

/**
 * The signature of every MARGIN function: the one list both hosts read, and the list of the functions itself
 * (ids never change once shipped; a new function is one more line here, its JSDoc block in functions.ts and its
 * handler).
 */
export const FUNCTION_SPECS = {
  COLLATERAL_VALUE: value(cell('asset'), cell('amount'), cell('price'), EXCHANGE),
  COLLATERAL_RATIO: value(cell('asset'), cell('amount'), cell('price'), EXCHANGE),
  COLLATERAL_TIERS: table(cell('asset'), EXCHANGE),
  PRESETS: table(),
  ACCOUNT_EQUITY: value(BALANCES, EXCHANGE, optionalRange('positions')),
  MULTIASSET_LTV: value(BALANCES, EXCHANGE, optionalRange('positions')),
  MAINT_MARGIN: value(POSITIONS, EXCHANGE, optionalRange('prices')),
  MARGIN_RATIO: value(BALANCES, POSITIONS, EXCHANGE),
  RISK_LEVEL: value(cell('margin_ratio'), EXCHANGE),
  AVAILABLE_FOR_ORDER: value(BALANCES, POSITIONS, optionalCell('asset'), EXCHANGE),
  AUTO_EXCHANGE: table(BALANCES, EXCHANGE, optionalCell('user_tier'), optionalCell('has_positions')),
  LIABILITY_INTEREST: value(cell('amount'), cell('hourly_rate'), cell('hours'), optionalCell('interest_free')),
  LIQUIDATION_PRICE: value(BALANCES, POSITIONS, cell('asset'), EXCHANGE),
  STRESS_MARGIN_RATIO: value(BALANCES, POSITIONS, range('shocks'), EXCHANGE),
  MODE_SWITCH_CHECK: table(cell('target_mode'), BALANCES, POSITIONS, optionalCell('open_orders'), EXCHANGE),
  PRICE: value(cell('symbol_or_asset'), EXCHANGE, optionalCell('kind')),
  BRACKETS: table(cell('symbol'), EXCHANGE),
  TOPUP_NEEDED: value(BALANCES, POSITIONS, cell('asset'), cell('target_ratio'), EXCHANGE),
  MAX_WITHDRAWABLE: value(BALANCES, POSITIONS, cell('asset'), EXCHANGE),
  MAX_ORDER_SIZE: value(BALANCES, POSITIONS, cell('symbol'), cell('price'), optionalCell('imr'), EXCHANGE),
  COMPARE: table(BALANCES, POSITIONS, optionalRange('exchanges')),
  ACCOUNT: table(cell('exchange'), optionalCell('part')),
} as const satisfies Readonly<Record<string, FunctionSpec>>;

export type FunctionName = keyof typeof FUNCTION_SPECS;

/** The MARGIN functions, in the order Excel lists them. */
export const FUNCTION_NAMES = Object.keys(FUNCTION_SPECS) as readonly FunctionName[];
