/* eslint-disable @typescript-eslint/no-explicit-any --
 * The metadata generator turns these TypeScript types into Excel's: `any` makes Excel hand over cells
 * untouched (blank, text, number), so coercion and its error messages happen once, in `invoke`.
 */
import { evaluateNumber, evaluateTable, evaluateText, excelContext } from './excelAdapter';
import { sharedPriceHub } from './livePrices';
import { streamAccount } from './streamAccount';
import { streamPrice } from './streamPrice';
import { loadWhenReady } from './workbookSettings';

/*
 * The MARGIN custom functions. This file is the contract Excel reads: the build turns each JSDoc block into
 * functions.json (descriptions, parameters, help links) and associates each id with its function. Each body is
 * one call into the shared adapter layer.
 */

loadWhenReady();

/**
 * Margin value of a holding after the exchange's haircut, in the preset's quote currency (e.g. USDT): tiered haircut for a positive amount, marked-up liability value (negative) for a negative amount.
 * @customfunction COLLATERAL_VALUE
 * @helpurl https://localhost:3000/FUNCTIONS.html#collateral_value
 * @param asset Collateral asset, e.g. "BTC" (case-insensitive).
 * @param amount Holding in coin units; negative for a liability.
 * @param price Index price of one coin, in the quote currency.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Margin value in the quote currency.
 * @example =MARGIN.COLLATERAL_VALUE("BTC", 10, 60000, "bitget")
 * @example =MARGIN.COLLATERAL_VALUE("BTC", -2, 60000, "binance")
 */
export function collateralValue(asset: any, amount: any, price: any, exchange?: any): number {
  return evaluateNumber('COLLATERAL_VALUE', [asset, amount, price, exchange]);
}

/**
 * Effective collateral ratio of a holding: its margin value divided by amount × price (0.95 = counted at 95%).
 * @customfunction COLLATERAL_RATIO
 * @helpurl https://localhost:3000/FUNCTIONS.html#collateral_ratio
 * @param asset Collateral asset, e.g. "BTC" (case-insensitive).
 * @param amount Holding in coin units; negative for a liability; 0 gives the first tier's ratio.
 * @param price Index price of one coin, in the quote currency.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Ratio as a fraction (no unit).
 * @example =MARGIN.COLLATERAL_RATIO("BTC", 10, 60000, "bitget")
 */
export function collateralRatio(asset: any, amount: any, price: any, exchange?: any): number {
  return evaluateNumber('COLLATERAL_RATIO', [asset, amount, price, exchange]);
}

/**
 * Spills the haircut tiers of an asset: one row per tier with floor, cap, ratio and unit ("value" in quote currency or "quantity" in coins).
 * @customfunction COLLATERAL_TIERS
 * @helpurl https://localhost:3000/FUNCTIONS.html#collateral_tiers
 * @param asset Collateral asset, e.g. "BTC" (case-insensitive).
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Table with a header row: floor and cap (in quote currency for "value" tiers, in coins for "quantity" tiers; cap blank = no cap), ratio (fraction) and unit.
 * @example =MARGIN.COLLATERAL_TIERS("BTC", "bitget")
 */
export function collateralTiers(asset: any, exchange?: any): any[][] {
  return evaluateTable('COLLATERAL_TIERS', [asset, exchange]);
}

/**
 * Spills the presets this workbook knows: built-in exchanges and the workbook's custom presets.
 * @customfunction PRESETS
 * @helpurl https://localhost:3000/FUNCTIONS.html#presets
 * @returns Table with a header row: id, name, as_of (date), source (URL or text) and status (documented, illustrative, imported or custom).
 * @example =MARGIN.PRESETS()
 */
export function presets(): any[][] {
  return evaluateTable('PRESETS', []);
}

/**
 * Account equity: the sum of every asset's valued equity (haircut positives, marked-up liabilities), in the preset's quote currency.
 * @customfunction ACCOUNT_EQUITY
 * @helpurl https://localhost:3000/FUNCTIONS.html#account_equity
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @param [positions] Positions range; with it, the unrealized PnL of cross positions counts, exactly as in MARGIN_RATIO's denominator. Without it, balances only.
 * @returns Account equity in the quote currency.
 * @example =MARGIN.ACCOUNT_EQUITY({"BTC",10,60000;"USDT",-100000,1}, "bitget")
 * @example =MARGIN.ACCOUNT_EQUITY({"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1},"binance",{"symbol","side","size","entry","mark","mmr","cum","imr","margin_mode";"BTCUSDT","LONG",1.5,58000,60000,0.004,0,0.02,"cross";"ETHUSDT","SHORT",30,3100,3000,0.005,50,0.02,"cross";"BNBUSDT","LONG",10,590,600,0.01,0,0.05,"isolated"})
 * The sample desk account. USDT 20,000 plus the cross PnL settling in USDT (BTC long +3,000, ETH short +3,000) = 26,000; BTC 2 × 60,000 × 0.95 = 114,000; the USDC debt −8,000. The isolated BNB position's PnL stays out. This is the equity MARGIN_RATIO divides by and the task pane shows.
 * @example =MARGIN.ACCOUNT_EQUITY({"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1},"binance")
 * The same balances without positions: 20,000 + 114,000 − 8,000, before any position PnL.
 */
export function accountEquity(balances: any[][], exchange?: any, positions?: any[][]): number {
  return evaluateNumber('ACCOUNT_EQUITY', [balances, exchange, positions]);
}

/**
 * Multi-asset loan-to-value: valued liabilities divided by haircut positive collateral (auto-exchange fires for an inactive account at the preset's trigger, e.g. 0.995).
 * @customfunction MULTIASSET_LTV
 * @helpurl https://localhost:3000/FUNCTIONS.html#multiasset_ltv
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @param [positions] Positions range; with it, the unrealized PnL of cross positions counts. Without it, balances only.
 * @returns LTV as a fraction (no unit).
 * @example =MARGIN.MULTIASSET_LTV({"BTC",10,60000;"USDT",-100000,1}, "bitget")
 * @example =MARGIN.MULTIASSET_LTV({"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1},"binance",{"symbol","side","size","entry","mark","mmr","cum","imr","margin_mode";"BTCUSDT","LONG",1.5,58000,60000,0.004,0,0.02,"cross";"ETHUSDT","SHORT",30,3100,3000,0.005,50,0.02,"cross";"BNBUSDT","LONG",10,590,600,0.01,0,0.05,"isolated"})
 * 8,000 of USDC debt over 26,000 + 114,000 of collateral (cross PnL included) = 8,000 / 140,000.
 */
export function multiassetLtv(balances: any[][], exchange?: any, positions?: any[][]): number {
  return evaluateNumber('MULTIASSET_LTV', [balances, exchange, positions]);
}

/**
 * Account maintenance margin: the sum over cross positions of |size| × mark × mmr − cum (size in base coins, mark in the symbol's quote asset), converted at each quote asset's liability rate, in the preset's quote currency.
 * @customfunction MAINT_MARGIN
 * @helpurl https://localhost:3000/FUNCTIONS.html#maint_margin
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @param [prices] Prices of settlement assets other than the quote: asset | price rows, or a balances range.
 * @returns Maintenance margin in the quote currency.
 * @example =MARGIN.MAINT_MARGIN({"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, "bitget")
 */
export function maintMargin(positions: any[][], exchange?: any, prices?: any[][]): number {
  return evaluateNumber('MAINT_MARGIN', [positions, exchange, prices]);
}

/**
 * Account margin ratio: maintenance margin divided by account equity; 1 or more means every cross position is liquidated.
 * @customfunction MARGIN_RATIO
 * @helpurl https://localhost:3000/FUNCTIONS.html#margin_ratio
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Margin ratio as a fraction (1 = 100%).
 * @example =MARGIN.MARGIN_RATIO({"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, "bitget")
 */
export function marginRatio(balances: any[][], positions: any[][], exchange?: any): number {
  return evaluateNumber('MARGIN_RATIO', [balances, positions, exchange]);
}

/**
 * Risk band of a margin ratio by the preset's bands: "SAFE", "WARNING", "DANGER" or "LIQUIDATION".
 * @customfunction RISK_LEVEL
 * @helpurl https://localhost:3000/FUNCTIONS.html#risk_level
 * @param margin_ratio Margin ratio as a fraction, e.g. from MARGIN.MARGIN_RATIO.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Band name as text.
 * @example =MARGIN.RISK_LEVEL(0.62, "binance")
 */
export function riskLevel(margin_ratio: any, exchange?: any): string {
  return evaluateText('RISK_LEVEL', [margin_ratio, exchange]);
}

/**
 * Margin free for new orders: account equity minus initial margin, in the quote currency or in units of the given asset.
 * @customfunction AVAILABLE_FOR_ORDER
 * @helpurl https://localhost:3000/FUNCTIONS.html#available_for_order
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.
 * @param [asset] Asset to express the amount in, e.g. "BTC"; the preset's quote currency when omitted.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Available margin in units of the asset (quote currency by default).
 * @example =MARGIN.AVAILABLE_FOR_ORDER({"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, "BTC", "bitget")
 */
export function availableForOrder(balances: any[][], positions: any[][], asset?: any, exchange?: any): number {
  return evaluateNumber('AVAILABLE_FOR_ORDER', [balances, positions, asset, exchange]);
}

/**
 * Spills the auto-exchange outcome: a header row, then one row per forced conversion (from_asset, amount_sold, value_sold, to_asset, amount_covered, trigger), or one row saying why no trigger fires.
 * @customfunction AUTO_EXCHANGE
 * @helpurl https://localhost:3000/FUNCTIONS.html#auto_exchange
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @param [user_tier] User tier whose threshold applies, e.g. "regular" or "vip"; the preset's default tier when omitted.
 * @param [has_positions] TRUE when the account holds open positions (then the liquidation trigger applies, not the LTV trigger); FALSE when omitted.
 * @returns Table with a header row: from_asset, amount_sold (coins), value_sold (quote currency), to_asset, amount_covered (coins of to_asset), trigger; or one row saying that no trigger fires and why.
 * @example =MARGIN.AUTO_EXCHANGE({"BTC",1,60000;"USDT",-6000,1}, "binance", "regular")
 */
export function autoExchange(balances: any[][], exchange?: any, user_tier?: any, has_positions?: any): any[][] {
  return evaluateTable('AUTO_EXCHANGE', [balances, exchange, user_tier, has_positions]);
}

/**
 * Simple interest on a liability: max(0, abs(amount) − interest_free) × hourly_rate × hours, in the asset's units.
 * @customfunction LIABILITY_INTEREST
 * @helpurl https://localhost:3000/FUNCTIONS.html#liability_interest
 * @param amount Liability in coin units (the sign is ignored).
 * @param hourly_rate Interest rate per hour as a fraction, e.g. 0.00001.
 * @param hours Number of hours the liability is held.
 * @param [interest_free] Interest-free amount in coin units; 0 when omitted.
 * @returns Interest in coin units of the liability's asset.
 * @example =MARGIN.LIABILITY_INTEREST(-10000, 0.00001, 24)
 */
export function liabilityInterest(amount: any, hourly_rate: any, hours: any, interest_free?: any): number {
  return evaluateNumber('LIABILITY_INTEREST', [amount, hourly_rate, hours, interest_free]);
}

/**
 * Price of an asset at which the margin ratio reaches 100%, moving the asset's collateral and its positions' marks together; #N/A with the reason when none exists.
 * @customfunction LIQUIDATION_PRICE
 * @helpurl https://localhost:3000/FUNCTIONS.html#liquidation_price
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.
 * @param asset Asset whose price moves, e.g. "BTC".
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Liquidation price of the asset in the quote currency.
 * @example =MARGIN.LIQUIDATION_PRICE({"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, "BTC", "bitget")
 */
export function liquidationPrice(balances: any[][], positions: any[][], asset: any, exchange?: any): number {
  return evaluateNumber('LIQUIDATION_PRICE', [balances, positions, asset, exchange]);
}

/**
 * Margin ratio after price shocks: each shocked asset's price and the marks of its positions move by the given relative change.
 * @customfunction STRESS_MARGIN_RATIO
 * @helpurl https://localhost:3000/FUNCTIONS.html#stress_margin_ratio
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.
 * @param shocks Shocks range: asset | change, e.g. BTC, -0.2 for a 20% fall; header row optional.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Shocked margin ratio as a fraction (1 = 100%).
 * @example =MARGIN.STRESS_MARGIN_RATIO({"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, {"BTC",-0.2}, "bitget")
 */
export function stressMarginRatio(balances: any[][], positions: any[][], shocks: any[][], exchange?: any): number {
  return evaluateNumber('STRESS_MARGIN_RATIO', [balances, positions, shocks, exchange]);
}

/**
 * Spills whether the account may switch asset mode: first row the verdict (ELIGIBLE or BLOCKED), then one row per rule with PASS/FAIL and the detail, with the exchange's error code where it has one.
 * @customfunction MODE_SWITCH_CHECK
 * @helpurl https://localhost:3000/FUNCTIONS.html#mode_switch_check
 * @param target_mode Mode to switch to: "multi" or "single".
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional; mmr, cum and imr may be blank when the preset has leverage brackets for the symbol.
 * @param [open_orders] Number of open orders; 0 when omitted.
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Table: first row the verdict (ELIGIBLE or BLOCKED) with the target mode and a summary; then one row per rule: rule, PASS or FAIL, detail (with the exchange's error code where it has one).
 * @example =MARGIN.MODE_SWITCH_CHECK("single", {"BTC",10,60000;"USDT",-100000,1}, {"BTCUSDT","LONG",2,60000,60000,0.004,0,0.01}, 0, "bitget")
 */
export function modeSwitchCheck(target_mode: any, balances: any[][], positions: any[][], open_orders?: any, exchange?: any): any[][] {
  return evaluateTable('MODE_SWITCH_CHECK', [target_mode, balances, positions, open_orders, exchange]);
}

/**
 * Live price streamed from the exchange's public market-data websocket (no key): mark price by default, or the index or last traded price. Updates at most once per interval (1 s by default, set in the task pane); a price older than the age limit shows #N/A "stale since HH:MM:SS". Example: =MARGIN.PRICE("BTC", "okx") streams the mark price of OKX's BTC-USDT-SWAP.
 * @customfunction PRICE
 * @helpurl https://localhost:3000/FUNCTIONS.html#price
 * @streaming
 * @param symbol_or_asset Asset, e.g. "BTC" (quoted in the preset's quote currency: BTCUSDT, BTC-USDT-SWAP), or the exchange's symbol, e.g. "ETHUSDT".
 * @param [exchange] Preset with a live feed: "binance", "okx", "bybit" or "bitget"; the workbook's default preset when omitted.
 * @param [kind] "mark" (when omitted), "index" or "last".
 * @param invocation Provided by Excel: receives each price and tells when the cell is cancelled.
 * @returns Price of one unit of the base asset in the quote currency.
 * @example =MARGIN.PRICE("BTC", "okx")
 */
export function price(symbol_or_asset: any, exchange: any, kind: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamPrice([symbol_or_asset, exchange, kind], invocation, sharedPriceHub, excelContext);
}

/**
 * Spills the leverage brackets of a futures symbol from the preset: one row per bracket with the notional floor and cap, maintenance rate, maintenance amount, initial rate and max leverage.
 * @customfunction BRACKETS
 * @helpurl https://localhost:3000/FUNCTIONS.html#brackets
 * @param symbol Futures symbol, e.g. "BTCUSDT" (case-insensitive; "BTC-USDT-SWAP" finds the same brackets).
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Table with a header row: floor and cap (notional in the quote currency; blank cap = no cap), mmr (fraction), cum (quote currency), imr (fraction) and max_leverage. A table bounded by position size (OKX position tiers) has floor_contracts and cap_contracts instead, and a last column contract_value (coin per contract).
 * @example =MARGIN.BRACKETS("BTCUSDT", "bitget-brackets")
 */
export function brackets(symbol: any, exchange?: any): any[][] {
  return evaluateTable('BRACKETS', [symbol, exchange]);
}

/**
 * Coin units of an asset to deposit so that the margin ratio is at most the target; 0 when it already is. Exact across haircut tiers (the deposit is valued slice by slice), and given as the number a cell holds at or above the exact answer, so depositing it is enough; #N/A with the reason when no amount reaches the target.
 * @customfunction TOPUP_NEEDED
 * @helpurl https://localhost:3000/FUNCTIONS.html#topup_needed
 * @param balances Balances range: asset | amount | price [| upnl]; the asset needs a row here for its price (its amount may be 0).
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional.
 * @param asset Asset to deposit, e.g. "USDT" (case-insensitive).
 * @param target_ratio Margin ratio to reach or go under, as a fraction (e.g. 0.5 = 50%).
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Amount to deposit in coin units of the asset.
 * @example =MARGIN.TOPUP_NEEDED({"USDT",1000,1},{"BTCUSDT","LONG",1,60000,60000,0.01,0,0.05},"USDT",0.5,"binance")
 * A 1 BTC long at 60,000 with a 1% maintenance rate needs 600 USDT of maintenance margin; on 1,000 USDT the margin ratio is 0.6. 600 / 0.5 = 1,200 of equity, so 200 USDT more.
 * @example =MARGIN.TOPUP_NEEDED({"BTC",0,60000;"USDT",10000,1},{"BTCUSDT","LONG",20,60000,60000,0.004},"BTC",0.01,"bitget")
 * MM is 20 × 60,000 × 0.4% = 4,800; a ratio of 1% needs 480,000 of equity, 470,000 of it from BTC. On Bitget's tiers the first 100,000 USDT of BTC counts 97,500 and the rest 97%: 100,000 + 372,500 / 0.97 = 484,020.618… USDT of BTC, or 8.0670103… BTC at 60,000.
 * @example =MARGIN.TOPUP_NEEDED({"BTC",0,60000},{"BTCUSDT","LONG",1000,60000,60000,0.5},"BTC",0.5,"bybit")
 * Bybit's illustrated BTC tiers count nothing above 50 BTC, so no deposit of BTC can carry this book.
 */
export function topupNeeded(balances: any[][], positions: any[][], asset: any, target_ratio: any, exchange?: any): number {
  return evaluateNumber('TOPUP_NEEDED', [balances, positions, asset, target_ratio, exchange]);
}

/**
 * Most coin units of an asset that can be withdrawn while the margin free for new orders stays at 0 or more, capped at its positive wallet balance. Exact across haircut tiers, and given as the number a cell holds at or below the exact answer.
 * @customfunction MAX_WITHDRAWABLE
 * @helpurl https://localhost:3000/FUNCTIONS.html#max_withdrawable
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional.
 * @param asset Asset to withdraw, e.g. "BTC" (case-insensitive).
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Amount that can leave, in coin units of the asset.
 * @example =MARGIN.MAX_WITHDRAWABLE({"USDT",10000,1},{"BTCUSDT","LONG",1,60000,60000,0.01,0,0.05},"USDT","binance")
 * The long's initial margin is 60,000 × 5% = 3,000 USDT; 7,000 USDT can leave with the margin free for orders at 0.
 * @example =MARGIN.MAX_WITHDRAWABLE({"BTC",10,60000},{"BTCUSDT","LONG",10,60000,60000,0.004,0,0.05},"BTC","bitget")
 * 30,000 USDT of initial margin must stay covered. The BTC left must be worth 30,000 after Bitget's first-tier 97.5%: 30,000 / 0.975 / 60,000 = 0.5128… BTC stays, 9.4871… BTC can leave.
 */
export function maxWithdrawable(balances: any[][], positions: any[][], asset: any, exchange?: any): number {
  return evaluateNumber('MAX_WITHDRAWABLE', [balances, positions, asset, exchange]);
}

/**
 * Base quantity of a new order that the margin free for new orders can carry. One leverage per symbol: after the order, the whole position (open and new) pays its notional × the imr of the bracket it falls in, converted from the symbol's quote asset. Given as the number a cell holds at or below the exact answer.
 * @customfunction MAX_ORDER_SIZE
 * @helpurl https://localhost:3000/FUNCTIONS.html#max_order_size
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional.
 * @param symbol Symbol of the order, e.g. "BTCUSDT".
 * @param price Order price in the symbol's quote asset.
 * @param [imr] Initial margin rate from 0 to 1, e.g. 0.05 for 20x leverage; when blank, the preset's leverage brackets for the symbol, else the imr of the open positions on it (they must agree).
 * @param [exchange] Preset id, e.g. "binance"; the workbook's default preset when omitted.
 * @returns Order quantity in base units (e.g. BTC).
 * @example =MARGIN.MAX_ORDER_SIZE({"USDT",10000,1},{"BTCUSDT","LONG",1,60000,60000,0.01,0,0.05},"BTCUSDT",60000,0.05,"binance")
 * 10,000 of equity less 3,000 of initial margin leaves 7,000; each BTC at 60,000 with a 5% initial rate needs 3,000: 7,000 / 3,000 BTC, shown a hair below 2.333… so that it fits. Leaving imr blank takes the 5% of the open BTCUSDT position.
 */
export function maxOrderSize(balances: any[][], positions: any[][], symbol: any, price: any, imr?: any, exchange?: any): number {
  return evaluateNumber('MAX_ORDER_SIZE', [balances, positions, symbol, price, imr, exchange]);
}

/**
 * Spills the account under several presets side by side: exchange, equity, maint_margin, margin_ratio, risk, ltv, available (money in each preset's quote currency). Positions that leave mmr, cum and imr blank take each preset's own leverage brackets. A preset that cannot value the account (or has no brackets for such a position) shows its message in its row.
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/FUNCTIONS.html#compare
 * @param balances Balances range: asset | amount | price [| upnl], one row per asset; header row optional.
 * @param positions Positions range: symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]; header row optional.
 * @param [exchanges] Preset ids as a range or a comma-separated text, e.g. "binance,bitget"; every preset of the workbook when omitted.
 * @returns Table with a header row, then one row per preset.
 * @example =MARGIN.COMPARE({"asset","amount","price";"USDT",20000,1;"BTC",2,60000;"USDC",-8000,1},{"symbol","side","size","entry","mark","mmr","cum","imr","margin_mode";"BTCUSDT","LONG",1.5,58000,60000,0.004,0,0.02,"cross";"ETHUSDT","SHORT",30,3100,3000,0.005,50,0.02,"cross";"BNBUSDT","LONG",10,590,600,0.01,0,0.05,"isolated"},"binance,bitget,bitmart")
 * The sample desk account on three presets. Bitget's BTC tiers give 116,900 instead of 114,000, and its USDC debt adds 5% of maintenance margin (400) and 10% of initial margin (800). BitMart lists no USDC, so its row says so and the others stay.
 */
export function compare(balances: any[][], positions: any[][], exchanges?: any[][]): any[][] {
  return evaluateTable('COMPARE', [balances, positions, exchanges]);
}

/**
 * The connected exchange account, live: spills its balances (default), positions or totals, kept current by the exchange's private websocket after a signed snapshot. The balances and positions have the columns the other functions read, so =MARGIN.MARGIN_RATIO(A1#, H1#, "binance") follows the account. Connect the exchange in the task pane (Connections) first; #N/A "stale since HH:MM:SS" when nothing has been heard from the exchange for the age limit.
 * @customfunction ACCOUNT
 * @helpurl https://localhost:3000/FUNCTIONS.html#account
 * @streaming
 * @param exchange Exchange connected in the task pane: "binance", "okx", "bybit" or "bitget".
 * @param [part] "balances" (when omitted): asset | amount | price | upnl; "positions": symbol | side | size | entry | mark | mmr | cum | imr | margin_mode; "totals": the exchange's own equity, maintenance margin and available, with its unit and field and the time it reported them.
 * @param invocation Provided by Excel: receives each table and tells when the cell is cancelled.
 * @returns Table with a header row: amounts in coin units, prices and money in the quote currency (totals: in the unit the exchange reports).
 * @example =MARGIN.ACCOUNT("binance", "positions")
 */
export function account(exchange: any, part: any, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  // Loaded on first use: the live account's code (readers, signers, streams) stays out of the functions bundle.
  streamAccount(
    [exchange, part],
    invocation,
    import('./liveAccount').then((m) => m.sharedAccountHub),
  );
}
