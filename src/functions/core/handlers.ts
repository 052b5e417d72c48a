import type { Dec } from '../../engine/decimal';
import type { SymbolTotals } from '../../engine';
import {
  accountEquity,
  assetSpec,
  autoExchange,
  availableForOrder,
  collateralRatio,
  collateralValue,
  compareRowCells,
  compareRowFromTotals,
  liabilityInterest,
  liquidationPrice,
  marginRatio,
  maxOrderSize,
  maxWithdrawable,
  modeSwitchCheck,
  positionsMaintenance,
  multiAssetLtv,
  positionSumsMemo,
  positionTotals,
  riskLevel,
  stressMarginRatio,
  topUpNeeded,
  unvaluedRow,
} from '../../engine';
import { fail, isBracketError, isMarginError } from '../../engine/errors';
import { symbolBrackets } from '../../engine/brackets';
import type { AssetMode, Preset } from '../../engine/model';
import { describePrice } from '../../prices/priceRequest';
import { readAccountRequest } from './accountArgs';
import { accountRangeCells } from './accountCells';
import type { ArgList } from './args';
import type { BalanceRow } from './balances';
import { readBalances, readPrices, requireListedAssets } from './balances';
import {
  optionalBoolean,
  optionalCount,
  optionalNumber,
  optionalText,
  requiredChoice,
  requiredNumber,
  requiredText,
  requireNotNegative,
  requirePositive,
} from './coerce';
import { comparedPresets, compareTable, imrSchedule, isOmitted } from './deskCells';
import { readPositions } from './positions';
import { readPriceRequest } from './priceArgs';
import { autoExchangeTable, bracketsTable, directedNumberCell, modeSwitchTable, numberCell, presetsTable, tiersTable } from './results';
import { readShocks } from './shocks';
import type { CellResult, FunctionContext, FunctionName } from './types';

type Handler = (args: ArgList, ctx: FunctionContext) => CellResult;

// A Map, so that only these words are modes (`constructor` is not).
const MODES: ReadonlyMap<string, AssetMode> = new Map([
  ['multi', 'multi'],
  ['multi-asset', 'multi'],
  ['single', 'single'],
  ['single-asset', 'single'],
]);

const number = (a: ArgList, name: string): Dec => requiredNumber(a.cell(name), name);
const text = (a: ArgList, name: string): string => requiredText(a.cell(name), name);
const price = (a: ArgList, name: string): Dec => requirePositive(number(a, name), name);
const notNegative = (a: ArgList, name: string): Dec => requireNotNegative(number(a, name), name);
const balances = (a: ArgList) => readBalances(a.range('balances'), 'balances');
/** With ctx, rows with a blank mmr take the preset's leverage brackets (the preset is resolved only for them). */
const positions = (a: ArgList, ctx?: FunctionContext) =>
  readPositions(a.range('positions'), 'positions', ctx === undefined ? undefined : () => a.preset(ctx));

/** The optional positions of ACCOUNT_EQUITY and MULTIASSET_LTV: none when omitted. */
const optionalPositions = (a: ArgList, ctx: FunctionContext) => (isOmitted(a.range('positions')) ? null : positions(a, ctx));

/** The preset of the call, once the balances it will value are known to be listed in it. */
function presetFor(a: ArgList, ctx: FunctionContext, rows: readonly BalanceRow[]): Preset {
  const preset = a.preset(ctx);
  requireListedAssets(preset, rows, 'balances');
  return preset;
}

/**
 * COMPARE's Decimal reading of its ranges, once: the balances, and the positions summed per symbol. Rows that
 * leave mmr blank take each preset's own brackets, as MARGIN_RATIO does, so those are read again per preset
 * (`undefined`: read only to report a bad range). A preset without brackets for a symbol throws NO_BRACKETS
 * naming itself.
 */
function comparedPositions(a: ArgList): (preset: Preset | undefined) => { readonly b: BalanceRow[]; readonly totals: SymbolTotals[] } {
  let b: BalanceRow[] | undefined;
  // null once a row is known to need a preset's brackets.
  let shared: SymbolTotals[] | null | undefined;
  return (preset) => {
    b ??= balances(a);
    if (shared === undefined) {
      try {
        shared = positionTotals(positions(a));
      } catch (error) {
        if (!isMarginError(error) || error.code !== 'NO_BRACKETS') throw error;
        shared = null;
      }
    }
    if (shared !== null || preset === undefined) return { b, totals: shared ?? [] };
    return { b, totals: positionTotals(readPositions(a.range('positions'), 'positions', () => preset)) };
  };
}

/**
 * One adapter per function: read the arguments in their order (so the first bad one is reported), call one
 * engine function, convert its result.
 */
export const HANDLERS: Readonly<Record<FunctionName, Handler>> = {
  COLLATERAL_VALUE: (a, ctx) => {
    const [asset, amount, p] = [text(a, 'asset'), number(a, 'amount'), price(a, 'price')];
    return numberCell(collateralValue(a.preset(ctx), asset, amount, p));
  },
  COLLATERAL_RATIO: (a, ctx) => {
    const [asset, amount, p] = [text(a, 'asset'), number(a, 'amount'), price(a, 'price')];
    return numberCell(collateralRatio(a.preset(ctx), asset, amount, p));
  },
  COLLATERAL_TIERS: (a, ctx) => {
    const asset = text(a, 'asset');
    const preset = a.preset(ctx);
    return tiersTable(preset, assetSpec(preset, asset));
  },
  PRESETS: (_a, ctx) => presetsTable(ctx.registry.list()),
  ACCOUNT_EQUITY: (a, ctx) => {
    const rows = balances(a);
    const p = optionalPositions(a, ctx);
    return numberCell(accountEquity(presetFor(a, ctx, rows), rows, p ?? []));
  },
  MULTIASSET_LTV: (a, ctx) => {
    const rows = balances(a);
    const p = optionalPositions(a, ctx);
    return numberCell(multiAssetLtv(presetFor(a, ctx, rows), rows, p ?? []));
  },
  MAINT_MARGIN: (a, ctx) => {
    const rows = positions(a, ctx);
    const preset = a.preset(ctx);
    const prices = readPrices(a.range('prices'), 'prices');
    return numberCell(positionsMaintenance(preset, rows, prices));
  },
  MARGIN_RATIO: (a, ctx) => {
    const [b, p] = [balances(a), positions(a, ctx)];
    return numberCell(marginRatio(presetFor(a, ctx, b), b, p));
  },
  RISK_LEVEL: (a, ctx) => {
    const ratio = notNegative(a, 'margin_ratio');
    return riskLevel(a.preset(ctx), ratio);
  },
  AVAILABLE_FOR_ORDER: (a, ctx) => {
    const [b, p, asset] = [balances(a), positions(a, ctx), optionalText(a.cell('asset'), 'asset')];
    return numberCell(availableForOrder(presetFor(a, ctx, b), b, p, asset));
  },
  AUTO_EXCHANGE: (a, ctx) => {
    const rows = balances(a);
    const preset = presetFor(a, ctx, rows);
    const userTier = optionalText(a.cell('user_tier'), 'user_tier');
    const hasPositions = optionalBoolean(a.cell('has_positions'), 'has_positions');
    return autoExchangeTable(autoExchange(preset, rows, { userTier, hasPositions }), preset.quote);
  },
  LIABILITY_INTEREST: (a) => {
    const [amount, rate, hours] = [number(a, 'amount'), notNegative(a, 'hourly_rate'), notNegative(a, 'hours')];
    const free = optionalNumber(a.cell('interest_free'), 'interest_free');
    return numberCell(liabilityInterest(amount, rate, hours, free === null ? undefined : requireNotNegative(free, 'interest_free')));
  },
  LIQUIDATION_PRICE: (a, ctx) => {
    const [b, p, asset] = [balances(a), positions(a, ctx), text(a, 'asset')];
    return numberCell(liquidationPrice(presetFor(a, ctx, b), b, p, asset));
  },
  STRESS_MARGIN_RATIO: (a, ctx) => {
    const [b, p, shocks] = [balances(a), positions(a, ctx), readShocks(a.range('shocks'), 'shocks')];
    return numberCell(stressMarginRatio(presetFor(a, ctx, b), b, p, shocks));
  },
  MODE_SWITCH_CHECK: (a, ctx) => {
    const target = requiredChoice(a.cell('target_mode'), 'target_mode', MODES);
    const [b, p] = [balances(a), positions(a, ctx)];
    const openOrders = optionalCount(a.cell('open_orders'), 'open_orders');
    return modeSwitchTable(modeSwitchCheck(presetFor(a, ctx, b), target, b, p, openOrders));
  },
  // Excel streams this one (src/functions/streamPrice.ts); other hosts read a snapshot or explain why there is none.
  PRICE: (a, ctx) => {
    const request = readPriceRequest(a, ctx);
    if (ctx.livePrices === undefined) return fail('PRICE_STREAMS_IN_EXCEL', { what: describePrice(request) });
    return ctx.livePrices.price(request);
  },
  BRACKETS: (a, ctx) => {
    const symbol = text(a, 'symbol');
    return bracketsTable(symbolBrackets(a.preset(ctx), symbol));
  },
  TOPUP_NEEDED: (a, ctx) => {
    const [b, p, asset] = [balances(a), positions(a, ctx), text(a, 'asset')];
    const target = requirePositive(number(a, 'target_ratio'), 'target_ratio');
    return directedNumberCell(topUpNeeded(presetFor(a, ctx, b), b, p, asset, target), 'up');
  },
  MAX_WITHDRAWABLE: (a, ctx) => {
    const [b, p, asset] = [balances(a), positions(a, ctx), text(a, 'asset')];
    return directedNumberCell(maxWithdrawable(presetFor(a, ctx, b), b, p, asset), 'down');
  },
  MAX_ORDER_SIZE: (a, ctx) => {
    const [b, p, symbol, orderPrice] = [balances(a), positions(a, ctx), text(a, 'symbol'), price(a, 'price')];
    const preset = presetFor(a, ctx, b);
    const steps = imrSchedule(preset, p, symbol, a.cell('imr'));
    return directedNumberCell(maxOrderSize(preset, b, p, symbol, orderPrice, steps), 'down');
  },
  COMPARE: (a, ctx) => {
    // Ranges of plain numbers are read once as cell numbers, and each preset values them by the number path;
    // the Decimal reading (and with it any error a range has) happens once, only when a preset needs it.
    const cells = accountRangeCells(a);
    const read = comparedPositions(a);
    if (cells === null) read(undefined);
    const memo = positionSumsMemo();
    const presets = comparedPresets(ctx.registry, a.range('exchanges'));
    // With no preset to value the account, the ranges are still read, so that a bad one is reported.
    if (!presets.some((preset) => 'assets' in preset)) read(undefined);
    return compareTable(
      presets.flatMap((preset) => {
        if (!('assets' in preset)) return [unvaluedRow(preset.id, preset.message)];
        const fast = cells === null ? null : compareRowCells(preset, cells.balances, cells.positions, memo);
        if (fast !== null) return [fast];
        let account;
        try {
          account = read(preset);
        } catch (error) {
          // A preset without brackets for a symbol shows its message in its own row.
          if (!isBracketError(error)) throw error;
          return [unvaluedRow(preset.id, error.message)];
        }
        try {
          requireListedAssets(preset, account.b, 'balances');
        } catch (error) {
          if (!isMarginError(error)) throw error;
          return [unvaluedRow(preset.id, error.message)];
        }
        return [compareRowFromTotals(preset, account.b, account.totals)];
      }),
    );
  },
  ACCOUNT: (a, ctx) => {
    const { exchange, part } = readAccountRequest(a);
    if (ctx.liveAccounts === undefined) return fail('ACCOUNT_STREAMS_IN_EXCEL', { exchange });
    return ctx.liveAccounts.table(exchange, part);
  },
};
