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
import type { Preset } from '../../engine/model';
import { describePrice } from '../../prices/priceRequest';
import { readAccountRequest } from './accountArgs';
import { accountRangeCells } from './accountCells';
import type { ArgList, Args } from './args';
import type { BalanceRow } from './balances';
import { requireListedAssets } from './balances';
import { readPositions } from './positions';
import type { ParamName } from './specs';
import { compareTable, imrSchedule } from './deskCells';
import { readPriceRequest } from './priceArgs';
import { autoExchangeTable, bracketsTable, directedNumberCell, modeSwitchTable, numberCell, presetsTable, tiersTable } from './results';
import type { CellResult, FunctionContext, FunctionName } from './types';

/** The adapter of one function: its arguments come coerced by their kinds (`a.get`), as the function table says. */
type Handler<F extends FunctionName> = (a: Args<F>, ctx: FunctionContext) => CellResult;

/** Functions whose arguments include balances and the call's preset. */
type WithBalances = {
  [F in FunctionName]: 'balances' extends ParamName<F> ? ('exchange' extends ParamName<F> ? F : never) : never;
}[FunctionName];

/** The preset of the call, once the balances it will value are known to be listed in it. */
function presetFor<F extends WithBalances>(a: Args<F>, ctx: FunctionContext, rows: readonly BalanceRow[]): Preset {
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
function comparedPositions(
  a: Args<'COMPARE'>,
): (preset: Preset | undefined) => { readonly b: BalanceRow[]; readonly totals: SymbolTotals[] } {
  // null once a row is known to need a preset's brackets.
  let shared: SymbolTotals[] | null | undefined;
  return (preset) => {
    const b = a.get('balances');
    if (shared === undefined) {
      try {
        // COMPARE has no preset argument: rows that leave mmr blank fail NO_BRACKETS here.
        shared = positionTotals(a.get('positions'));
      } catch (error) {
        if (!isMarginError(error) || error.code !== 'NO_BRACKETS') throw error;
        shared = null;
      }
    }
    if (shared !== null || preset === undefined) return { b, totals: shared ?? [] };
    return { b, totals: positionTotals(readPositions(a.range('positions'), 'positions', () => preset)) };
  };
}

const TYPED_HANDLERS: { readonly [F in FunctionName]: Handler<F> } = {
  COLLATERAL_VALUE: (a, ctx) => {
    const [asset, amount, p] = [a.get('asset'), a.get('amount'), a.get('price')];
    return numberCell(collateralValue(a.preset(ctx), asset, amount, p));
  },
  COLLATERAL_RATIO: (a, ctx) => {
    const [asset, amount, p] = [a.get('asset'), a.get('amount'), a.get('price')];
    return numberCell(collateralRatio(a.preset(ctx), asset, amount, p));
  },
  COLLATERAL_TIERS: (a, ctx) => {
    const asset = a.get('asset');
    const preset = a.preset(ctx);
    return tiersTable(preset, assetSpec(preset, asset));
  },
  PRESETS: (_a, ctx) => presetsTable(ctx.registry.list()),
  ACCOUNT_EQUITY: (a, ctx) => {
    const rows = a.get('balances');
    const p = a.get('positions', ctx);
    return numberCell(accountEquity(presetFor(a, ctx, rows), rows, p ?? []));
  },
  MULTIASSET_LTV: (a, ctx) => {
    const rows = a.get('balances');
    const p = a.get('positions', ctx);
    return numberCell(multiAssetLtv(presetFor(a, ctx, rows), rows, p ?? []));
  },
  MAINT_MARGIN: (a, ctx) => {
    const rows = a.get('positions', ctx);
    const preset = a.preset(ctx);
    return numberCell(positionsMaintenance(preset, rows, a.get('prices')));
  },
  MARGIN_RATIO: (a, ctx) => {
    const [b, p] = [a.get('balances'), a.get('positions', ctx)];
    return numberCell(marginRatio(presetFor(a, ctx, b), b, p));
  },
  RISK_LEVEL: (a, ctx) => {
    const ratio = a.get('margin_ratio');
    return riskLevel(a.preset(ctx), ratio);
  },
  AVAILABLE_FOR_ORDER: (a, ctx) => {
    const [b, p, asset] = [a.get('balances'), a.get('positions', ctx), a.get('asset')];
    return numberCell(availableForOrder(presetFor(a, ctx, b), b, p, asset));
  },
  AUTO_EXCHANGE: (a, ctx) => {
    const rows = a.get('balances');
    const preset = presetFor(a, ctx, rows);
    const [userTier, hasPositions] = [a.get('user_tier'), a.get('has_positions')];
    return autoExchangeTable(autoExchange(preset, rows, { userTier, hasPositions }), preset.quote);
  },
  LIABILITY_INTEREST: (a) => {
    const [amount, rate, hours, free] = [a.get('amount'), a.get('hourly_rate'), a.get('hours'), a.get('interest_free')];
    return numberCell(liabilityInterest(amount, rate, hours, free ?? undefined));
  },
  LIQUIDATION_PRICE: (a, ctx) => {
    const [b, p, asset] = [a.get('balances'), a.get('positions', ctx), a.get('asset')];
    return numberCell(liquidationPrice(presetFor(a, ctx, b), b, p, asset));
  },
  STRESS_MARGIN_RATIO: (a, ctx) => {
    const [b, p, shocks] = [a.get('balances'), a.get('positions', ctx), a.get('shocks')];
    return numberCell(stressMarginRatio(presetFor(a, ctx, b), b, p, shocks));
  },
  MODE_SWITCH_CHECK: (a, ctx) => {
    const [target, b, p] = [a.get('target_mode'), a.get('balances'), a.get('positions', ctx)];
    const openOrders = a.get('open_orders');
    return modeSwitchTable(modeSwitchCheck(presetFor(a, ctx, b), target, b, p, openOrders));
  },
  // Excel streams this one (src/functions/streamPrice.ts); other hosts read a snapshot or explain why there is none.
  PRICE: (a, ctx) => {
    const request = readPriceRequest(a, ctx);
    if (ctx.livePrices === undefined) return fail('PRICE_STREAMS_IN_EXCEL', { what: describePrice(request) });
    return ctx.livePrices.price(request);
  },
  BRACKETS: (a, ctx) => {
    const symbol = a.get('symbol');
    return bracketsTable(symbolBrackets(a.preset(ctx), symbol));
  },
  TOPUP_NEEDED: (a, ctx) => {
    const [b, p, asset, target] = [a.get('balances'), a.get('positions', ctx), a.get('asset'), a.get('target_ratio')];
    return directedNumberCell(topUpNeeded(presetFor(a, ctx, b), b, p, asset, target), 'up');
  },
  MAX_WITHDRAWABLE: (a, ctx) => {
    const [b, p, asset] = [a.get('balances'), a.get('positions', ctx), a.get('asset')];
    return directedNumberCell(maxWithdrawable(presetFor(a, ctx, b), b, p, asset), 'down');
  },
  MAX_ORDER_SIZE: (a, ctx) => {
    const [b, p, symbol, orderPrice] = [a.get('balances'), a.get('positions', ctx), a.get('symbol'), a.get('price')];
    const preset = presetFor(a, ctx, b);
    const steps = imrSchedule(preset, p, symbol, a.get('imr'));
    return directedNumberCell(maxOrderSize(preset, b, p, symbol, orderPrice, steps), 'down');
  },
  COMPARE: (a, ctx) => {
    // Ranges of plain numbers are read once as cell numbers, and each preset values them by the number path;
    // the Decimal reading (and with it any error a range has) happens once, only when a preset needs it.
    const cells = accountRangeCells(a);
    const read = comparedPositions(a);
    if (cells === null) read(undefined);
    const memo = positionSumsMemo();
    const presets = a.get('exchanges', ctx);
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

/**
 * One adapter per function: read the arguments in their order (so the first bad one is reported), call one
 * engine function, convert its result. Each argument comes coerced by its kind in the function table.
 */
export const HANDLERS = TYPED_HANDLERS as unknown as Readonly<Record<FunctionName, (a: ArgList, ctx: FunctionContext) => CellResult>>;
