import type { FunctionName } from '../../src/functions/core';
import { FUNCTION_NAMES } from '../../src/functions/core';
import * as excel from '../../src/functions/functions';
import { shown, type Shown } from './customFunctionsStub';

type ExcelFunction = (...args: never[]) => unknown;

/**
 * The functions whose cell gets one result per call; PRICE and ACCOUNT stream (test/prices/priceStreaming.test.ts,
 * test/functions/accountStreaming.test.ts).
 */
export type CellFunctionName = Exclude<FunctionName, 'PRICE' | 'ACCOUNT'>;
export const CELL_FUNCTION_NAMES = FUNCTION_NAMES.filter((n): n is CellFunctionName => n !== 'PRICE' && n !== 'ACCOUNT');

/** Each MARGIN id and the function Excel calls for it (the build associates them by these names). */
export const BY_ID: Readonly<Record<CellFunctionName, ExcelFunction>> = {
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
  BRACKETS: excel.brackets,
  TOPUP_NEEDED: excel.topupNeeded,
  MAX_WITHDRAWABLE: excel.maxWithdrawable,
  MAX_ORDER_SIZE: excel.maxOrderSize,
  COMPARE: excel.compare,
};

/**
 * What the cell shows at once when Excel calls the function for `id` with these arguments. PRICE streams: its
 * immediate result is the one it sets before returning (bad input, or no feed for the preset); a call that
 * would start streaming is cancelled and shows nothing (`{ value: undefined }`).
 */
export const call = (id: FunctionName, ...args: unknown[]): Shown => {
  if (id !== 'PRICE' && id !== 'ACCOUNT') return shown(() => (BY_ID[id] as (...a: unknown[]) => unknown)(...args));
  const set: unknown[] = [];
  const invocation = { setResult: (v: unknown) => set.push(v), onCanceled: undefined as (() => void) | undefined };
  const [first, second, third] = [...args, null, null, null];
  if (id === 'PRICE') excel.price(first, second, third, invocation as unknown as CustomFunctions.StreamingInvocation<number>);
  else excel.account(first, second, invocation as unknown as CustomFunctions.StreamingInvocation<unknown[][]>);
  invocation.onCanceled?.();
  return shown(() => {
    const [first] = set;
    if (first instanceof Error || (typeof first === 'object' && first !== null)) throw first;
    return first;
  });
};
