import type { PresetStatus, TierUnit } from '../engine/model';
import type { BracketJson } from './bracketsJson';

/**
 * The preset document: what the task pane stores in the workbook, the CLI loads with `--preset` and
 * {@link presetToJson} writes. Numbers may be JSON numbers or decimal strings (strings keep every digit).
 */
export type JsonDecimal = number | string;

export interface TierJson {
  readonly floor: JsonDecimal;
  readonly cap: JsonDecimal | null;
  readonly ratio: JsonDecimal;
}

export interface AssetJson {
  readonly tierUnit: TierUnit;
  readonly tiers: readonly TierJson[];
  readonly liabilityRate?: JsonDecimal;
  readonly autoExchangeHaircut?: JsonDecimal;
  readonly hourlyInterestRate?: JsonDecimal;
  readonly interestFree?: JsonDecimal;
  readonly individualLimit?: JsonDecimal;
  readonly platformLimit?: JsonDecimal;
  readonly indexPrice?: JsonDecimal;
  readonly note?: string;
}

export type ModeSwitchRuleJson =
  | 'crossOnly'
  | 'noOpenPositions'
  | 'noOpenOrders'
  | 'noNegativeBalance'
  | 'marginSufficient'
  | 'quoteCoversMargin'
  | { readonly maintenanceRateBelow: JsonDecimal };

export interface RulesJson {
  readonly riskBands: { readonly warning: JsonDecimal; readonly danger: JsonDecimal };
  readonly ltvTrigger?: JsonDecimal;
  readonly autoExchangeThresholds?: Readonly<Record<string, JsonDecimal>>;
  readonly defaultUserTier?: string;
  readonly modeSwitch?: {
    readonly toMulti?: readonly ModeSwitchRuleJson[];
    readonly toSingle?: readonly ModeSwitchRuleJson[];
  };
  readonly liabilityMaintenanceRate?: JsonDecimal;
  readonly liabilityInitialRate?: JsonDecimal;
}

export interface PresetJson {
  readonly id: string;
  readonly name: string;
  readonly asOf: string;
  readonly source: string;
  readonly status: PresetStatus;
  readonly quote: string;
  readonly assets: Readonly<Record<string, AssetJson>>;
  readonly rules: RulesJson;
  readonly notes?: readonly string[];
  readonly brackets?: Readonly<Record<string, readonly BracketJson[]>>;
}

export const PRESET_STATUSES = ['documented', 'illustrative', 'imported', 'custom'] as const;
export const TIER_UNITS = ['value', 'quantity'] as const;
export const MODE_SWITCH_WORDS = [
  'crossOnly',
  'noOpenPositions',
  'noOpenOrders',
  'noNegativeBalance',
  'marginSufficient',
  'quoteCoversMargin',
] as const;
