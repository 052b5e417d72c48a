import type { Dec } from './decimal';

/** Whether a tier's floor and cap are in quote value (USDT) or in coin quantity. */
export type TierUnit = 'value' | 'quantity';

/** Where a number of an asset must lie: each preset reader maps these to its checks and their wording. */
export type AssetNumberRange = 'atLeastOne' | 'haircut' | 'nonNegative' | 'positive';

interface AssetNumberFieldSpec {
  readonly range: AssetNumberRange;
  /** The value when a document leaves the field out; without one the field is optional. */
  readonly absent?: string;
  /** Whether comparing two presets shows a change of this field. */
  readonly compared: boolean;
  /** The field in words ("liability rate", shown as "BTC liability rate"), and the preset editor's hint after it; a field without them is not edited there. */
  readonly label?: string;
  readonly hint?: string;
}

/**
 * The number fields of an asset, in document order. This table is the one place to add an asset field: the
 * types below, reading and writing preset documents (parseAssetSpec, presetToJson), comparing presets
 * (diffPresets) and the preset editor all follow from it.
 */
export const ASSET_NUMBER_FIELDS = {
  /** Multiplier on the value of a negative equity (Binance: 1 + askBuffer). 1 when not given. */
  liabilityRate: { range: 'atLeastOne', absent: '1', compared: true, label: 'liability rate', hint: ' (≥ 1)' },
  autoExchangeHaircut: { range: 'haircut', compared: true, label: 'auto-exchange haircut', hint: ' (blank: none)' },
  hourlyInterestRate: { range: 'nonNegative', compared: true },
  interestFree: { range: 'nonNegative', compared: true },
  individualLimit: { range: 'nonNegative', compared: true },
  platformLimit: { range: 'nonNegative', compared: true },
  /** Index price recorded by an importer (informational: cells pass their own price, and it moves with every import). */
  indexPrice: { range: 'positive', compared: false },
} as const satisfies Readonly<Record<string, AssetNumberFieldSpec>>;

export type AssetNumberField = keyof typeof ASSET_NUMBER_FIELDS;

/** The number fields that have a value when a document leaves them out (always present in an engine preset). */
type DefaultedField = {
  [K in AssetNumberField]: (typeof ASSET_NUMBER_FIELDS)[K] extends { readonly absent: string } ? K : never;
}[AssetNumberField];

/**
 * The Preset shape, once, over its number type: `Dec` in the engine ({@link Preset}), a JSON number or decimal
 * string in a preset document (PresetJson in src/presets).
 */
export interface TierShape<N> {
  readonly floor: N;
  readonly cap: N | null;
  readonly ratio: N;
}

/**
 * One slice of a holding: the part between `floor` and `cap` counts at `ratio`. `cap: null` = no cap.
 */
export type Tier = TierShape<Dec>;

/** An asset's number fields, each optional (see {@link ASSET_NUMBER_FIELDS}). */
export type AssetNumbers<N> = { readonly [K in AssetNumberField]?: N };

/**
 * How a preset values one asset. `tiers` is contiguous from 0. An empty list means the exchange has not
 * published this asset's tiers; a last tier with a cap means nothing is published beyond that cap.
 */
export type AssetShape<N> = AssetNumbers<N> & {
  readonly tierUnit: TierUnit;
  readonly tiers: readonly TierShape<N>[];
  /** A caveat shown to the user wherever this asset is shown (e.g. "valued at par in this snapshot"). */
  readonly note?: string;
};

/**
 * A leverage bracket over the number type `N`: a position whose notional (|size| × mark) lies from `floor` up to
 * `cap` has maintenance margin `notional × mmr − cum` and initial margin `notional × imr`. `cap: null` = no cap.
 * A document may leave out `cum` (derived from the brackets below) and `imr` (1 / maxLeverage).
 *
 * With `contractValue` (given on every bracket of the symbol, OKX's position tiers) the bounds count contracts of
 * `contractValue` coin each, not notional: a position is in the first bracket whose cap is at or above
 * |size| / contractValue, and its rates apply to the whole position (`cum` is 0), wherever the mark moves.
 */
export interface BracketShape<N> {
  readonly floor: N;
  readonly cap: N | null;
  readonly mmr: N;
  readonly cum?: N;
  readonly imr?: N;
  readonly maxLeverage?: N;
  readonly contractValue?: N;
}

/** A bracket as the engine holds it: `cum` and `imr` always present. */
export interface Bracket extends BracketShape<Dec> {
  readonly cum: Dec;
  /** Initial margin rate: as published, or 1 / maxLeverage. */
  readonly imr: Dec;
}

/** An asset as the engine holds it: named, and with every field that has a default present. */
export type AssetSpec = AssetShape<Dec> & { readonly asset: string } & { readonly [K in DefaultedField]: Dec };

export type ModeSwitchWord =
  'crossOnly' | 'noOpenPositions' | 'noOpenOrders' | 'noNegativeBalance' | 'marginSufficient' | 'quoteCoversMargin';

export type ModeSwitchRuleShape<N> = ModeSwitchWord | { readonly maintenanceRateBelow: N };

export type ModeSwitchRule = ModeSwitchRuleShape<Dec>;

export type AssetMode = 'multi' | 'single';

export interface RiskBandsShape<N> {
  /** Margin ratio from which the account is in the warning band. */
  readonly warning: N;
  /** Margin ratio above which the account is in the danger band. */
  readonly danger: N;
}

export type RiskBands = RiskBandsShape<Dec>;

export interface RulesShape<N> {
  readonly riskBands: RiskBandsShape<N>;
  /** LTV at or above which an inactive account is auto-exchanged. Absent: the trigger does not apply. */
  readonly ltvTrigger?: N;
  /** Wallet-balance value (negative, quote currency) below which an asset is auto-exchanged, per user tier. */
  readonly autoExchangeThresholds?: Readonly<Record<string, N>>;
  /** The user tier used when a formula names none (the first key of the thresholds when absent). */
  readonly defaultUserTier?: string;
  readonly modeSwitch?: {
    readonly toMulti?: readonly ModeSwitchRuleShape<N>[];
    readonly toSingle?: readonly ModeSwitchRuleShape<N>[];
  };
  /** Maintenance margin charged on liabilities, as a rate of their value (Bitget: 0.05). */
  readonly liabilityMaintenanceRate?: N;
  /** Initial margin charged on liabilities, as a rate of their value (Bitget: 0.1). */
  readonly liabilityInitialRate?: N;
}

export type PresetRules = RulesShape<Dec>;

export type PresetStatus = 'documented' | 'illustrative' | 'imported' | 'custom';

/** A dated snapshot of one exchange's multi-asset rules, over its number type `N` and its asset shape `A`. */
export interface PresetShape<N, A = AssetShape<N>, B = BracketShape<N>> {
  readonly id: string;
  readonly name: string;
  readonly asOf: string;
  readonly source: string;
  readonly status: PresetStatus;
  readonly quote: string;
  /** Asset keys are upper-case in an engine preset. */
  readonly assets: Readonly<Record<string, A>>;
  readonly rules: RulesShape<N>;
  /** Caveats about the whole preset, shown with it (e.g. "illustrative: sample tiers from the API docs"). */
  readonly notes?: readonly string[];
  /** Leverage brackets per symbol (upper-case keys), contiguous from notional 0. */
  readonly brackets?: Readonly<Record<string, readonly B[]>>;
}

/** A dated snapshot of one exchange's multi-asset rules, as the engine computes with it. */
export type Preset = PresetShape<Dec, AssetSpec, Bracket>;

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
