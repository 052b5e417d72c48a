import type { FunctionName } from '../../src/functions/core';
import * as excel from '../../src/functions/functions';
import { shown, type Shown } from './customFunctionsStub';

type ExcelFunction = (...args: never[]) => unknown;

/** Each MARGIN id and the function Excel calls for it (the build associates them by these names). */
export const BY_ID: Readonly<Record<FunctionName, ExcelFunction>> = {
  COLLATERAL_VALUE: excel.collateralValue,
  COLLATERAL_RATIO: excel.collateralRatio,
  COLLATERAL_TIERS: excel.collateralTiers,
  PRESETS: excel.presets,
  ACCOUNT_EQUITY: excel.accountEquity,
  MULTIASSET_LTV: excel.multiassetLtv,
  MAINT_MARGIN: excel.maintMargin,
  MARGIN_RATIO: excel.marginRatio,
  RISK_LEVEL: excel.riskLevel,
  AVAILABLE_FOR_ORDER: excel.availableForOrder,
  AUTO_EXCHANGE: excel.autoExchange,
  LIABILITY_INTEREST: excel.liabilityInterest,
  LIQUIDATION_PRICE: excel.liquidationPrice,
  STRESS_MARGIN_RATIO: excel.stressMarginRatio,
  MODE_SWITCH_CHECK: excel.modeSwitchCheck,
  TOPUP_NEEDED: excel.topupNeeded,
  MAX_WITHDRAWABLE: excel.maxWithdrawable,
  MAX_ORDER_SIZE: excel.maxOrderSize,
  COMPARE: excel.compare,
};

/** What the cell shows when Excel calls the function for `id` with these arguments. */
export const call = (id: FunctionName, ...args: unknown[]): Shown =>
  shown(() => (BY_ID[id] as (...a: unknown[]) => unknown)(...args));
