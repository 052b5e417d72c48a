import type { Dec } from '../../engine/decimal';
import {
  accountEquity,
  assetSpec,
  autoExchange,
  availableForOrder,
  collateralRatio,
  collateralValue,
  liabilityInterest,
  liquidationPrice,
  maintenanceMargin,
  marginRatio,
  modeSwitchCheck,
  multiAssetLtv,
  riskLevel,
  stressMarginRatio,
} from '../../engine';
import type { AssetMode, Preset } from '../../engine/model';
import type { ArgList } from './args';
import type { BalanceRow } from './balances';
import { readBalances, requireListedAssets } from './balances';
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
import { readPositions } from './positions';
import { autoExchangeTable, modeSwitchTable, numberCell, presetsTable, tiersTable } from './results';
import { readShocks } from './shocks';
import type { CellResult, FunctionContext, FunctionName } from './types';

type Handler = (args: ArgList, ctx: FunctionContext) => CellResult;

const MODES: Readonly<Record<string, AssetMode>> = {
  multi: 'multi',
  'multi-asset': 'multi',
  single: 'single',
  'single-asset': 'single',
};

const number = (a: ArgList, name: string): Dec => requiredNumber(a.cell(name), name);
const text = (a: ArgList, name: string): string => requiredText(a.cell(name), name);
const price = (a: ArgList, name: string): Dec => requirePositive(number(a, name), name);
const notNegative = (a: ArgList, name: string): Dec => requireNotNegative(number(a, name), name);
const balances = (a: ArgList) => readBalances(a.range('balances'), 'balances');
const positions = (a: ArgList) => readPositions(a.range('positions'), 'positions');

/** The preset of the call, once the balances it will value are known to be listed in it. */
function presetFor(a: ArgList, ctx: FunctionContext, rows: readonly BalanceRow[]): Preset {
  const preset = a.preset(ctx);
  requireListedAssets(preset, rows, 'balances');
  return preset;
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
    return numberCell(accountEquity(presetFor(a, ctx, rows), rows));
  },
  MULTIASSET_LTV: (a, ctx) => {
    const rows = balances(a);
    return numberCell(multiAssetLtv(presetFor(a, ctx, rows), rows));
  },
  MAINT_MARGIN: (a, ctx) => {
    const rows = positions(a);
    return numberCell(maintenanceMargin(a.preset(ctx), rows));
  },
  MARGIN_RATIO: (a, ctx) => {
    const [b, p] = [balances(a), positions(a)];
    return numberCell(marginRatio(presetFor(a, ctx, b), b, p));
  },
  RISK_LEVEL: (a, ctx) => {
    const ratio = notNegative(a, 'margin_ratio');
    return riskLevel(a.preset(ctx), ratio);
  },
  AVAILABLE_FOR_ORDER: (a, ctx) => {
    const [b, p, asset] = [balances(a), positions(a), optionalText(a.cell('asset'), 'asset')];
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
    const [b, p, asset] = [balances(a), positions(a), text(a, 'asset')];
    return numberCell(liquidationPrice(presetFor(a, ctx, b), b, p, asset));
  },
  STRESS_MARGIN_RATIO: (a, ctx) => {
    const [b, p, shocks] = [balances(a), positions(a), readShocks(a.range('shocks'), 'shocks')];
    return numberCell(stressMarginRatio(presetFor(a, ctx, b), b, p, shocks));
  },
  MODE_SWITCH_CHECK: (a, ctx) => {
    const target = requiredChoice(a.cell('target_mode'), 'target_mode', MODES);
    const [b, p] = [balances(a), positions(a)];
    const openOrders = optionalCount(a.cell('open_orders'), 'open_orders');
    return modeSwitchTable(modeSwitchCheck(presetFor(a, ctx, b), target, b, p, openOrders));
  },
};
