import type { FunctionName, ParamName } from './specs';

/**
 * What the user reads about each MARGIN function: its description, each parameter's, what the result holds and
 * worked examples. functions.json (Excel's autocomplete and help) and the function reference (docs/FUNCTIONS.md,
 * FUNCTIONS.html) are generated from this table and the signatures of specs.ts; the types make every function
 * and every parameter of specs.ts have its text, and no other. Data only: the build reads it before compiling,
 * and no bundle includes it.
 */

/** A formula the reference shows, computed by `multiasset eval` when the reference is generated. */
export interface FunctionExample {
  readonly formula: string;
  /** Why the result is what it is, in a sentence or two. */
  readonly explanation?: string;
}

export interface FunctionDoc<F extends FunctionName> {
  readonly description: string;
  readonly params: { readonly [P in ParamName<F>]: string };
  /** The result's unit, or the columns of a spilled table. */
  readonly returns: string;
  readonly examples: readonly FunctionExample[];
}

export const FUNCTION_DOCS: { readonly [F in FunctionName]: FunctionDoc<F> } = {
  COLLATERAL_VALUE: {
    description:
      "Margin value of a holding after the exchange's haircut, in the preset's quote currency (e.g. USDT): tiered haircut for a positive amount, marked-up liability value (negative) for a negative amount.",
    params: {
      asset: 'Collateral asset, e.g. "BTC" (case-insensitive).',
      amount: 'Holding in coin units; negative for a liability.',
      price: 'Index price of one coin, in the quote currency.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Margin value in the quote currency.',
    examples: [
      { formula: '=MARGIN.COLLATERAL_VALUE("BTC", 10, 60000, "bitget")' },
      { formula: '=MARGIN.COLLATERAL_VALUE("BTC", -2, 60000, "binance")' },
    ],
  },
  COLLATERAL_RATIO: {
    description: 'Effective collateral ratio of a holding: its margin value divided by amount × price (0.95 = counted at 95%).',
    params: {
      asset: 'Collateral asset, e.g. "BTC" (case-insensitive).',
      amount: "Holding in coin units; negative for a liability; 0 gives the first tier's ratio.",
      price: 'Index price of one coin, in the quote currency.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Ratio as a fraction (no unit).',
    examples: [{ formula: '=MARGIN.COLLATERAL_RATIO("BTC", 10, 60000, "bitget")' }],
  },
  COLLATERAL_TIERS: {
    description:
      'Spills the haircut tiers of an asset: one row per tier with floor, cap, ratio and unit ("value" in quote currency or "quantity" in coins).',
    params: {
      asset: 'Collateral asset, e.g. "BTC" (case-insensitive).',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns:
      'Table with a header row: floor and cap (in quote currency for "value" tiers, in coins for "quantity" tiers; cap blank = no cap), ratio (fraction) and unit.',
    examples: [{ formula: '=MARGIN.COLLATERAL_TIERS("BTC", "bitget")' }],
  },
  PRESETS: {
    description: "Spills the presets this workbook knows: built-in exchanges and the workbook's custom presets.",
    params: {},
    returns:
      'Table with a header row: id, name, as_of (date), source (URL or text) and status (documented, illustrative, imported or custom).',
    examples: [{ formula: '=MARGIN.PRESETS()' }],
  },
  ACCOUNT_EQUITY: {
    description:
      "Account equity: the sum of every asset's valued equity (haircut positives, marked-up liabilities), in the preset's quote currency.",
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
      positions:
        "Positions range; with it, the unrealized PnL of cross positions counts, exactly as in MARGIN_RATIO's denominator. Without it, balances only.",
    },
    returns: 'Account equity in the quote currency.',
    examples: [
      { formula: '=MARGIN.ACCOUNT_EQUITY({"BTC",10,60000;"USDT",-100000,1}, "bitget")' },
      {
        formula:
          '=MARGIN.ACCOUNT_EQUITY({"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1},"binance",{"symbol","side","size","entry","mark","mmr","cum","imr","margin_mode";"BTCUSDT","LONG",1.5,58000,60000,0.004,0,0.02,"cross";"ETHUSDT","SHORT",30,3100,3000,0.005,50,0.02,"cross";"BNBUSDT","LONG",10,590,600,0.01,0,0.05,"isolated"})',
        explanation:
          "The sample desk account. USDT 20,000 plus the cross PnL settling in USDT (BTC long +3,000, ETH short +3,000) = 26,000; BTC 2 × 60,000 × 0.95 = 114,000; the USDC debt −8,000. The isolated BNB position's PnL stays out. This is the equity MARGIN_RATIO divides by and the task pane shows.",
      },
      {
        formula: '=MARGIN.ACCOUNT_EQUITY({"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1},"binance")',
        explanation: 'The same balances without positions: 20,000 + 114,000 − 8,000, before any position PnL.',
      },
    ],
  },
  MULTIASSET_LTV: {
    description:
      "Multi-asset loan-to-value: valued liabilities divided by haircut positive collateral (auto-exchange fires for an inactive account at the preset's trigger, e.g. 0.995).",
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
      positions: 'Positions range; with it, the unrealized PnL of cross positions counts. Without it, balances only.',
    },
    returns: 'LTV as a fraction (no unit).',
    examples: [
      { formula: '=MARGIN.MULTIASSET_LTV({"BTC",10,60000;"USDT",-100000,1}, "bitget")' },
      {
        formula:
          '=MARGIN.MULTIASSET_LTV({"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1},"binance",{"symbol","side","size","entry","mark","mmr","cum","imr","margin_mode";"BTCUSDT","LONG",1.5,58000,60000,0.004,0,0.02,"cross";"ETHUSDT","SHORT",30,3100,3000,0.005,50,0.02,"cross";"BNBUSDT","LONG",10,590,600,0.01,0,0.05,"isolated"})',
        explanation: '8,000 of USDC debt over 26,000 + 114,000 of collateral (cross PnL included) = 8,000 / 140,000.',
      },
    ],
  },
  MAINT_MARGIN: {
    description:
      "Account maintenance margin: the sum over cross positions of |size| × mark × mmr − cum (size in base coins, mark in the symbol's quote asset), converted at each quote asset's liability rate, in the preset's quote currency.",
    params: {
      positions:
        'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
      prices: 'Prices of settlement assets other than the quote: asset | price rows, or a balances range.',
    },
    returns: 'Maintenance margin in the quote currency.',
    examples: [{ formula: '=MARGIN.MAINT_MARGIN({"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, "bitget")' }],
  },
  MARGIN_RATIO: {
    description: 'Account margin ratio: maintenance margin divided by account equity; 1 or more means every cross position is liquidated.',
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      positions:
        'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Margin ratio as a fraction (1 = 100%).',
    examples: [
      { formula: '=MARGIN.MARGIN_RATIO({"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, "bitget")' },
    ],
  },
  RISK_LEVEL: {
    description: 'Risk band of a margin ratio by the preset\'s bands: "SAFE", "WARNING", "DANGER" or "LIQUIDATION".',
    params: {
      margin_ratio: 'Margin ratio as a fraction, e.g. from MARGIN.MARGIN_RATIO.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Band name as text.',
    examples: [{ formula: '=MARGIN.RISK_LEVEL(0.62, "binance")' }],
  },
  AVAILABLE_FOR_ORDER: {
    description: 'Margin free for new orders: account equity minus initial margin, in the quote currency or in units of the given asset.',
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      positions:
        'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.',
      asset: 'Asset to express the amount in, e.g. "BTC"; the preset\'s quote currency when omitted.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Available margin in units of the asset (quote currency by default).',
    examples: [
      {
        formula:
          '=MARGIN.AVAILABLE_FOR_ORDER({"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, "BTC", "bitget")',
      },
    ],
  },
  AUTO_EXCHANGE: {
    description:
      'Spills the auto-exchange outcome: a header row, then one row per forced conversion (from_asset, amount_sold, value_sold, to_asset, amount_covered, trigger), or one row saying why no trigger fires.',
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
      user_tier: 'User tier whose threshold applies, e.g. "regular" or "vip"; the preset\'s default tier when omitted.',
      has_positions:
        'TRUE when the account holds open positions (then the liquidation trigger applies, not the LTV trigger); FALSE when omitted.',
    },
    returns:
      'Table with a header row: from_asset, amount_sold (coins), value_sold (quote currency), to_asset, amount_covered (coins of to_asset), trigger; or one row saying that no trigger fires and why.',
    examples: [{ formula: '=MARGIN.AUTO_EXCHANGE({"BTC",1,60000;"USDT",-6000,1}, "binance", "regular")' }],
  },
  LIABILITY_INTEREST: {
    description: "Simple interest on a liability: max(0, abs(amount) − interest_free) × hourly_rate × hours, in the asset's units.",
    params: {
      amount: 'Liability in coin units (the sign is ignored).',
      hourly_rate: 'Interest rate per hour as a fraction, e.g. 0.00001.',
      hours: 'Number of hours the liability is held.',
      interest_free: 'Interest-free amount in coin units; 0 when omitted.',
    },
    returns: "Interest in coin units of the liability's asset.",
    examples: [{ formula: '=MARGIN.LIABILITY_INTEREST(-10000, 0.00001, 24)' }],
  },
  LIQUIDATION_PRICE: {
    description:
      "Price of an asset at which the margin ratio reaches 100%, moving the asset's collateral and its positions' marks together; #N/A with the reason when none exists.",
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      positions:
        'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.',
      asset: 'Asset whose price moves, e.g. "BTC".',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Liquidation price of the asset in the quote currency.',
    examples: [
      {
        formula:
          '=MARGIN.LIQUIDATION_PRICE({"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, "BTC", "bitget")',
      },
    ],
  },
  STRESS_MARGIN_RATIO: {
    description:
      "Margin ratio after price shocks: each shocked asset's price and the marks of its positions move by the given relative change.",
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      positions:
        'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.',
      shocks: 'Shocks range: asset | change, e.g. BTC, -0.2 for a 20% fall; header row optional.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Shocked margin ratio as a fraction (1 = 100%).',
    examples: [
      {
        formula:
          '=MARGIN.STRESS_MARGIN_RATIO({"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, {"BTC",-0.2}, "bitget")',
      },
    ],
  },
  MODE_SWITCH_CHECK: {
    description:
      "Spills whether the account may switch asset mode: first row the verdict (ELIGIBLE or BLOCKED), then one row per rule with PASS/FAIL and the detail, with the exchange's error code where it has one.",
    params: {
      target_mode: 'Mode to switch to: "multi" or "single".',
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      positions:
        'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.',
      open_orders: 'Number of open orders; 0 when omitted.',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns:
      "Table: first row the verdict (ELIGIBLE or BLOCKED) with the target mode and a summary; then one row per rule: rule, PASS or FAIL, detail (with the exchange's error code where it has one).",
    examples: [
      {
        formula:
          '=MARGIN.MODE_SWITCH_CHECK("single", {"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, 0, "bitget")',
      },
    ],
  },
  PRICE: {
    description:
      'Live price streamed from the exchange\'s public market-data websocket (no key): mark price by default, or the index or last traded price. Updates at most once per interval (1 s by default, set in the task pane); a price older than the age limit shows #N/A "stale since HH:MM:SS". Example: =MARGIN.PRICE("BTC", "okx") streams the mark price of OKX\'s BTC-USDT-SWAP.',
    params: {
      symbol_or_asset:
        'Asset, e.g. "BTC" (quoted in the preset\'s quote currency: BTCUSDT, BTC-USDT-SWAP), or the exchange\'s symbol, e.g. "ETHUSDT".',
      exchange: 'Preset with a live feed: "binance", "okx", "bybit" or "bitget"; the workbook\'s default preset when omitted.',
      kind: '"mark" (when omitted), "index" or "last".',
    },
    returns: 'Price of one unit of the base asset in the quote currency.',
    examples: [{ formula: '=MARGIN.PRICE("BTC", "okx")' }],
  },
  BRACKETS: {
    description:
      'Spills the leverage brackets of a futures symbol from the preset: one row per bracket with the notional floor and cap, maintenance rate, maintenance amount, initial rate and max leverage.',
    params: {
      symbol: 'Futures symbol, e.g. "BTCUSDT" (case-insensitive; "BTC-USDT-SWAP" finds the same brackets).',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns:
      'Table with a header row: floor and cap (notional in the quote currency; blank cap = no cap), mmr (fraction), cum (quote currency), imr (fraction) and max_leverage. A table bounded by position size (OKX position tiers) has floor_contracts and cap_contracts instead, and a last column contract_value (coin per contract).',
    examples: [{ formula: '=MARGIN.BRACKETS("BTCUSDT", "bitget-brackets")' }],
  },
  TOPUP_NEEDED: {
    description:
      'Coin units of an asset to deposit so that the margin ratio is at most the target; 0 when it already is. Exact across haircut tiers (the deposit is valued slice by slice), and given as the number a cell holds at or above the exact answer, so depositing it is enough; #N/A with the reason when no amount reaches the target.',
    params: {
      balances: 'Balances range: asset | amount | price [| upnl]; the asset needs a row here for its price (its amount may be 0).',
      positions: 'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional.',
      asset: 'Asset to deposit, e.g. "USDT" (case-insensitive).',
      target_ratio: 'Margin ratio to reach or go under, as a fraction (e.g. 0.5 = 50%).',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Amount to deposit in coin units of the asset.',
    examples: [
      {
        formula: '=MARGIN.TOPUP_NEEDED({"USDT",1000,1},{"BTCUSDT","LONG",1,60000,60000,0.01,0,0.05},"USDT",0.5,"binance")',
        explanation:
          'A 1 BTC long at 60,000 with a 1% maintenance rate needs 600 USDT of maintenance margin; on 1,000 USDT the margin ratio is 0.6. 600 / 0.5 = 1,200 of equity, so 200 USDT more.',
      },
      {
        formula: '=MARGIN.TOPUP_NEEDED({"BTC",0,60000;"USDT",10000,1},{"BTCUSDT","LONG",20,60000,60000,0.004},"BTC",0.01,"bitget")',
        explanation:
          "MM is 20 × 60,000 × 0.4% = 4,800; a ratio of 1% needs 480,000 of equity, 470,000 of it from BTC. On Bitget's tiers the first 100,000 USDT of BTC counts 97,500 and the rest 97%: 100,000 + 372,500 / 0.97 = 484,020.618… USDT of BTC, or 8.0670103… BTC at 60,000.",
      },
      {
        formula: '=MARGIN.TOPUP_NEEDED({"BTC",0,60000},{"BTCUSDT","LONG",1000,60000,60000,0.5},"BTC",0.5,"bybit")',
        explanation: "Bybit's illustrated BTC tiers count nothing above 50 BTC, so no deposit of BTC can carry this book.",
      },
    ],
  },
  MAX_WITHDRAWABLE: {
    description:
      'Most coin units of an asset that can be withdrawn while the margin free for new orders stays at 0 or more, capped at its positive wallet balance. Exact across haircut tiers, and given as the number a cell holds at or below the exact answer.',
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      positions: 'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional.',
      asset: 'Asset to withdraw, e.g. "BTC" (case-insensitive).',
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Amount that can leave, in coin units of the asset.',
    examples: [
      {
        formula: '=MARGIN.MAX_WITHDRAWABLE({"USDT",10000,1},{"BTCUSDT","LONG",1,60000,60000,0.01,0,0.05},"USDT","binance")',
        explanation: "The long's initial margin is 60,000 × 5% = 3,000 USDT; 7,000 USDT can leave with the margin free for orders at 0.",
      },
      {
        formula: '=MARGIN.MAX_WITHDRAWABLE({"BTC",10,60000},{"BTCUSDT","LONG",10,60000,60000,0.004,0,0.05},"BTC","bitget")',
        explanation:
          "30,000 USDT of initial margin must stay covered. The BTC left must be worth 30,000 after Bitget's first-tier 97.5%: 30,000 / 0.975 / 60,000 = 0.5128… BTC stays, 9.4871… BTC can leave.",
      },
    ],
  },
  MAX_ORDER_SIZE: {
    description:
      "Base quantity of a new order that the margin free for new orders can carry. One leverage per symbol: after the order, the whole position (open and new) pays its notional × the imr of the bracket it falls in, converted from the symbol's quote asset. Given as the number a cell holds at or below the exact answer.",
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      positions: 'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional.',
      symbol: 'Symbol of the order, e.g. "BTCUSDT".',
      price: "Order price in the symbol's quote asset.",
      imr: "Initial margin rate from 0 to 1, e.g. 0.05 for 20x leverage; when blank, the preset's leverage brackets for the symbol, else the imr of the open positions on it (they must agree).",
      exchange: 'Preset id, e.g. "binance"; the workbook\'s default preset when omitted.',
    },
    returns: 'Order quantity in base units (e.g. BTC).',
    examples: [
      {
        formula: '=MARGIN.MAX_ORDER_SIZE({"USDT",10000,1},{"BTCUSDT","LONG",1,60000,60000,0.01,0,0.05},"BTCUSDT",60000,0.05,"binance")',
        explanation:
          '10,000 of equity less 3,000 of initial margin leaves 7,000; each BTC at 60,000 with a 5% initial rate needs 3,000: 7,000 / 3,000 BTC, shown a hair below 2.333… so that it fits. Leaving imr blank takes the 5% of the open BTCUSDT position.',
      },
    ],
  },
  COMPARE: {
    description:
      "Spills the account under several presets side by side: exchange, equity, maint_margin, margin_ratio, risk, ltv, available (money in each preset's quote currency). Positions that leave mmr, cum and imr blank take each preset's own leverage brackets. A preset that cannot value the account (or has no brackets for such a position) shows its message in its row.",
    params: {
      balances: 'Balances range: asset | amount | price [| upnl], one row per asset; header row optional.',
      positions: 'Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional.',
      exchanges: 'Preset ids as a range or a comma-separated text, e.g. "binance,bitget"; every preset of the workbook when omitted.',
    },
    returns: 'Table with a header row, then one row per preset.',
    examples: [
      {
        formula:
          '=MARGIN.COMPARE({"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1},{"symbol","side","size","entry","mark","mmr","cum","imr","margin_mode";"BTCUSDT","LONG",1.5,58000,60000,0.004,0,0.02,"cross";"ETHUSDT","SHORT",30,3100,3000,0.005,50,0.02,"cross";"BNBUSDT","LONG",10,590,600,0.01,0,0.05,"isolated"},"binance,bitget,bitmart")',
        explanation:
          "The sample desk account on three presets. Bitget's BTC tiers give 116,900 instead of 114,000, and its USDC debt adds 5% of maintenance margin (400) and 10% of initial margin (800). BitMart lists no USDC, so its row says so and the others stay.",
      },
    ],
  },
  ACCOUNT: {
    description:
      'The connected exchange account, live: spills its balances (default), positions or totals, kept current by the exchange\'s private websocket after a signed snapshot. The balances and positions have the columns the other functions read, so =MARGIN.MARGIN_RATIO(A1#, H1#, "binance") follows the account. Connect the exchange in the task pane (Connections) first; #N/A "stale since HH:MM:SS" when nothing has been heard from the exchange for the age limit.',
    params: {
      exchange: 'Exchange connected in the task pane: "binance", "okx", "bybit" or "bitget".',
      part: '"balances" (when omitted): asset | amount | price | upnl; "positions": symbol | side | size | entry | mark | mmr | cum | imr | margin_mode; "totals": the exchange\'s own equity, maintenance margin and available, with its unit and field and the time it reported them.',
    },
    returns:
      'Table with a header row: amounts in coin units, prices and money in the quote currency (totals: in the unit the exchange reports).',
    examples: [{ formula: '=MARGIN.ACCOUNT("binance", "positions")' }],
  },
};
