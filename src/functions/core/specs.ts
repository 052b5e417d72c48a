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
const range = (name: string, description: string, optional = false): ParamSpec => ({ name, kind: 'range', optional, description });

const EXCHANGE = scalar(
  'exchange',
  'Preset id ("binance", "bitget", "bitmart", "okx", "bybit" or a custom id); blank = the workbook default',
  true,
);
const BALANCES = range('balances', 'Range asset | amount | price [| upnl], header row optional');
const POSITIONS = range(
  'positions',
  'Range symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode], header row optional',
);

const POSITIONS_OPTIONAL = range(
  'positions',
  'Positions range; with it, the unrealized PnL of cross positions counts (as in MARGIN_RATIO); blank = balances only',
  true,
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
    params: [BALANCES, EXCHANGE, POSITIONS_OPTIONAL],
    spills: false,
    description:
      'Account equity in quote currency: haircut positives plus marked-up liabilities; with positions, cross PnL included.',
  },
  MULTIASSET_LTV: {
    params: [BALANCES, EXCHANGE, POSITIONS_OPTIONAL],
    spills: false,
    description: 'Loan-to-value: valued liabilities / valued collateral; with positions, cross PnL included.',
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
  TOPUP_NEEDED: {
    params: [
      BALANCES,
      POSITIONS,
      scalar('asset', 'Asset to deposit, e.g. "USDT"; needs a balances row for its price (amount may be 0)'),
      scalar('target_ratio', 'Margin ratio to reach or go under, e.g. 0.5'),
      EXCHANGE,
    ],
    spills: false,
    description: 'Coin units of the asset to deposit so the margin ratio is at most the target; 0 when it already is.',
  },
  MAX_WITHDRAWABLE: {
    params: [BALANCES, POSITIONS, scalar('asset', 'Asset to withdraw, e.g. "BTC"'), EXCHANGE],
    spills: false,
    description: 'Most coin units of the asset that can leave with the margin free for orders at 0 or more, capped at its balance.',
  },
  MAX_ORDER_SIZE: {
    params: [
      BALANCES,
      POSITIONS,
      scalar('symbol', 'Symbol of the order, e.g. "BTCUSDT"'),
      scalar('price', 'Order price in the symbol\'s quote asset'),
      scalar('imr', 'Initial margin rate, e.g. 0.05 for 20x; required unless the preset has the symbol\'s brackets', true),
      EXCHANGE,
    ],
    spills: false,
    description: 'Base quantity of a new order whose initial margin fits in the margin free for new orders.',
  },
  COMPARE: {
    params: [
      BALANCES,
      POSITIONS,
      range('exchanges', 'Preset ids, as a range or a comma-separated text; blank = every preset of the workbook', true),
    ],
    spills: true,
    description:
      'The account under each preset: exchange, equity, maint_margin, margin_ratio, risk, ltv, available; a preset that cannot value it shows why.',
  },
};
