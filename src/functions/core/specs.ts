import type { FunctionName } from './types';

export interface ParamSpec {
  readonly name: string;
  readonly kind: 'scalar' | 'range';
  readonly optional: boolean;
  readonly description: string;
}

export interface FunctionSpec {
  readonly params: readonly ParamSpec[];
  /** True when the result is a table that spills over several cells. */
  readonly spills: boolean;
  readonly description: string;
}

const scalar = (name: string, description: string, optional = false): ParamSpec => ({
  name,
  kind: 'scalar',
  optional,
  description,
});
const range = (name: string, description: string): ParamSpec => ({ name, kind: 'range', optional: false, description });

const EXCHANGE = scalar(
  'exchange',
  'Preset id ("binance", "bitget", "bitmart", "okx", "bybit" or a custom id); blank = the workbook default',
  true,
);
const BALANCES = range('balances', 'Range asset | amount | price [| upnl], header row optional');
const POSITIONS = range(
  'positions',
  'Range symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode], header row optional; blank mmr = from the preset brackets',
);

/** The signature and description of every MARGIN function: the one list both hosts read. */
export const FUNCTION_SPECS: Readonly<Record<FunctionName, FunctionSpec>> = {
  COLLATERAL_VALUE: {
    params: [
      scalar('asset', 'Collateral asset, e.g. "BTC"'),
      scalar('amount', 'Holding in coin units (negative = liability)'),
      scalar('price', 'Index price in the quote currency'),
      EXCHANGE,
    ],
    spills: false,
    description: 'Margin value of a holding in quote currency: tiered haircut, or liability value when negative.',
  },
  COLLATERAL_RATIO: {
    params: [
      scalar('asset', 'Collateral asset, e.g. "BTC"'),
      scalar('amount', 'Holding in coin units'),
      scalar('price', 'Index price in the quote currency'),
      EXCHANGE,
    ],
    spills: false,
    description: 'Effective collateral ratio: value / (amount × price).',
  },
  COLLATERAL_TIERS: {
    params: [scalar('asset', 'Collateral asset, e.g. "BTC"'), EXCHANGE],
    spills: true,
    description: 'Haircut tiers of an asset: floor, cap (blank = no cap), ratio, unit (value or quantity).',
  },
  PRESETS: {
    params: [],
    spills: true,
    description: 'The presets available: id, name, as-of date, source, status.',
  },
  ACCOUNT_EQUITY: {
    params: [BALANCES, EXCHANGE],
    spills: false,
    description: 'Account equity in quote currency: haircut positives plus marked-up liabilities.',
  },
  MULTIASSET_LTV: {
    params: [BALANCES, EXCHANGE],
    spills: false,
    description: 'Loan-to-value: valued liabilities / valued collateral.',
  },
  MAINT_MARGIN: {
    params: [POSITIONS, EXCHANGE],
    spills: false,
    description: 'Account maintenance margin of the cross positions, in quote currency.',
  },
  MARGIN_RATIO: {
    params: [BALANCES, POSITIONS, EXCHANGE],
    spills: false,
    description: 'Account maintenance margin / account equity (1 or more means liquidation).',
  },
  RISK_LEVEL: {
    params: [scalar('margin_ratio', 'A margin ratio, e.g. 0.35'), EXCHANGE],
    spills: false,
    description: 'Risk band of a margin ratio: SAFE, WARNING, DANGER or LIQUIDATION.',
  },
  AVAILABLE_FOR_ORDER: {
    params: [
      BALANCES,
      POSITIONS,
      scalar('asset', 'Asset to express the result in; blank = the quote currency', true),
      EXCHANGE,
    ],
    spills: false,
    description: 'Margin free for new orders: equity − initial margin, in the quote currency or in asset units.',
  },
  AUTO_EXCHANGE: {
    params: [
      BALANCES,
      EXCHANGE,
      scalar('user_tier', 'User tier for the threshold, e.g. "regular" or "vip"; blank = the preset default', true),
      scalar('has_positions', 'TRUE when the account has open positions; blank = FALSE', true),
    ],
    spills: true,
    description:
      'Auto-exchange outcome: from_asset, amount_sold, value_sold, to_asset, amount_covered, trigger; or why none fires.',
  },
  LIABILITY_INTEREST: {
    params: [
      scalar('amount', 'Liability in coin units (its sign is ignored)'),
      scalar('hourly_rate', 'Hourly interest rate, e.g. 0.00001'),
      scalar('hours', 'Number of hours'),
      scalar('interest_free', 'Interest-free amount in coin units; blank = 0', true),
    ],
    spills: false,
    description: 'Simple interest: max(0, |amount| − interest_free) × hourly_rate × hours.',
  },
  LIQUIDATION_PRICE: {
    params: [BALANCES, POSITIONS, scalar('asset', 'Asset whose price moves, e.g. "BTC"'), EXCHANGE],
    spills: false,
    description: 'Price of the asset at which the margin ratio reaches 100%; #N/A with the reason when none exists.',
  },
  STRESS_MARGIN_RATIO: {
    params: [BALANCES, POSITIONS, range('shocks', 'Range asset | change, e.g. BTC, -0.2; header row optional'), EXCHANGE],
    spills: false,
    description: 'Margin ratio after the price shocks.',
  },
  MODE_SWITCH_CHECK: {
    params: [
      scalar('target_mode', '"multi" or "single"'),
      BALANCES,
      POSITIONS,
      scalar('open_orders', 'Number of open orders; blank = 0', true),
      EXCHANGE,
    ],
    spills: true,
    description: 'Whether the account may switch asset mode: the verdict, then each rule with PASS/FAIL and detail.',
  },
  BRACKETS: {
    params: [scalar('symbol', 'Futures symbol, e.g. "BTCUSDT"'), EXCHANGE],
    spills: true,
    description: 'Leverage brackets of a symbol: notional floor, cap (blank = no cap), mmr, cum, imr, max leverage.',
  },
};
