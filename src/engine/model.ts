import type { Dec } from './decimal';

/** Whether a tier's floor and cap are in quote value (USDT) or in coin quantity. */
export type TierUnit = 'value' | 'quantity';

/** One slice of a holding: the part between `floor` and `cap` counts at `ratio`. `cap: null` = no cap. */
export interface Tier {
  readonly floor: Dec;
  readonly cap: Dec | null;
  readonly ratio: Dec;
}

/**
 * How a preset values one asset. `tiers` is contiguous from 0. An empty list means the exchange has not
 * published this asset's tiers; a last tier with a cap means nothing is published beyond that cap.
 */
export interface AssetSpec {
  readonly asset: string;
  readonly tierUnit: TierUnit;
  readonly tiers: readonly Tier[];
  /** Multiplier on the value of a negative equity (Binance: 1 + askBuffer). 1 when not given. */
  readonly liabilityRate: Dec;
  readonly autoExchangeHaircut?: Dec;
  readonly hourlyInterestRate?: Dec;
  readonly interestFree?: Dec;
  readonly individualLimit?: Dec;
  readonly platformLimit?: Dec;
  /** Index price recorded by an importer (informational; cells always pass their own price). */
  readonly indexPrice?: Dec;
  /** A caveat shown to the user wherever this asset is shown (e.g. "valued at par in this snapshot"). */
  readonly note?: string;
}

/**
 * A leverage bracket: a position whose notional (|size| × mark) lies from `floor` up to `cap` has maintenance
 * margin `notional × mmr − cum` and initial margin `notional × imr`. `cap: null` = no cap.
 */
export interface Bracket {
  readonly floor: Dec;
  readonly cap: Dec | null;
  readonly mmr: Dec;
  readonly cum: Dec;
  /** Initial margin rate: as published, or 1 / maxLeverage. */
  readonly imr: Dec;
  readonly maxLeverage?: Dec;
}

export type ModeSwitchRule =
  | 'crossOnly'
  | 'noOpenPositions'
  | 'noOpenOrders'
  | 'noNegativeBalance'
  | 'marginSufficient'
  | 'quoteCoversMargin'
  | { readonly maintenanceRateBelow: Dec };

export type AssetMode = 'multi' | 'single';

export interface RiskBands {
  /** Margin ratio from which the account is in the warning band. */
  readonly warning: Dec;
  /** Margin ratio above which the account is in the danger band. */
  readonly danger: Dec;
}

export interface PresetRules {
  readonly riskBands: RiskBands;
  /** LTV at or above which an inactive account is auto-exchanged. Absent: the trigger does not apply. */
  readonly ltvTrigger?: Dec;
  /** Wallet-balance value (negative, quote currency) below which an asset is auto-exchanged, per user tier. */
  readonly autoExchangeThresholds?: Readonly<Record<string, Dec>>;
  /** The user tier used when a formula names none (the first key of the thresholds when absent). */
  readonly defaultUserTier?: string;
  readonly modeSwitch?: {
    readonly toMulti?: readonly ModeSwitchRule[];
    readonly toSingle?: readonly ModeSwitchRule[];
  };
  /** Maintenance margin charged on liabilities, as a rate of their value (Bitget: 0.05). */
  readonly liabilityMaintenanceRate?: Dec;
  /** Initial margin charged on liabilities, as a rate of their value (Bitget: 0.1). */
  readonly liabilityInitialRate?: Dec;
}

export type PresetStatus = 'documented' | 'illustrative' | 'imported' | 'custom';

/** A dated snapshot of one exchange's multi-asset rules. Asset keys are upper-case. */
export interface Preset {
  readonly id: string;
  readonly name: string;
  readonly asOf: string;
  readonly source: string;
  readonly status: PresetStatus;
  readonly quote: string;
  readonly assets: Readonly<Record<string, AssetSpec>>;
  readonly rules: PresetRules;
  /** Caveats about the whole preset, shown with it (e.g. "illustrative: sample tiers from the API docs"). */
  readonly notes?: readonly string[];
  /** Leverage brackets per symbol (upper-case keys), contiguous from notional 0. */
  readonly brackets?: Readonly<Record<string, readonly Bracket[]>>;
}

/** One row of a balances range. `amount` is the wallet balance in coin units; `price` the index price. */
export interface Balance {
  readonly asset: string;
  readonly amount: Dec;
  readonly price: Dec;
  readonly upnl?: Dec;
}

export type Side = 'LONG' | 'SHORT' | 'BOTH';
export type MarginMode = 'cross' | 'isolated';

/** One row of a positions range. LONG/SHORT take the size's magnitude; BOTH takes its sign. */
export interface Position {
  readonly symbol: string;
  readonly side: Side;
  readonly size: Dec;
  readonly entry: Dec;
  readonly mark: Dec;
  readonly mmr: Dec;
  readonly cum: Dec;
  readonly imr?: Dec;
  readonly marginMode: MarginMode;
  /**
   * The symbol's leverage brackets, when the row left mmr blank: maintenance margin (and initial margin when
   * imr was blank) then follows the bracket of the notional at the position's mark, wherever the mark moves.
   */
  readonly brackets?: readonly Bracket[];
}

/** A price shock: the asset's price (and the mark of its positions) moves by `change` (-0.2 = −20%). */
export interface Shock {
  readonly asset: string;
  readonly change: Dec;
}

export type RiskLevel = 'SAFE' | 'WARNING' | 'DANGER' | 'LIQUIDATION';

export type AutoExchangeTrigger = 'THRESHOLD' | 'LIQUIDATION' | 'LTV';

export interface Conversion {
  readonly fromAsset: string;
  readonly amountSold: Dec;
  readonly valueSold: Dec;
  readonly toAsset: string;
  readonly amountCovered: Dec;
  readonly trigger: AutoExchangeTrigger;
}

export interface AutoExchangeResult {
  /** True when at least one trigger fires. */
  readonly fired: boolean;
  /** Why it fires, or why nothing fires, in a sentence for the user. */
  readonly reason: string;
  readonly conversions: readonly Conversion[];
  /** Deficit value (quote currency) left uncovered because the positive assets ran out; zero otherwise. */
  readonly uncovered: Dec;
}

export interface RuleVerdict {
  /** The rule's name in the preset vocabulary, e.g. `crossOnly` or `maintenanceRateBelow 0.8`. */
  readonly rule: string;
  readonly pass: boolean;
  /** What was checked, and on failure the exchange's own wording. */
  readonly detail: string;
  /** The exchange's error code, where it has one (Binance −4167, −4169, −4170, −4172). */
  readonly code?: number;
}

export interface ModeSwitchResult {
  readonly eligible: boolean;
  readonly target: AssetMode;
  readonly rules: readonly RuleVerdict[];
}
