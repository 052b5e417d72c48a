import { Dec, dec, ONE, ZERO } from '../../engine/decimal';
import { isMarginError } from '../../engine/errors';
import { liquidationPrice, marginRatio, shockAccount, trySymbol } from '../../engine';
import type { Balance, Position, Preset, Shock } from '../../engine/model';
import { formatPercent, formatPrice } from '../ui/formatting';
import { attempt, type Outcome } from '../ui/outcome';

/** The price axis spans at least this move either side of today's price (and reaches the liquidation price). */
export const CHART_MIN_CHANGE = dec('-0.5');
export const CHART_MAX_CHANGE = dec('0.5');
/** Room left beyond a liquidation price outside ±50%, as a share of the whole span. */
const LIQUIDATION_MARGIN = dec('0.05');
/** Sampled prices across the axis (plus today's and the liquidation price, sampled exactly). */
export const CHART_SAMPLES = 41;
/** The ratio axis tops out here: above 100% the account is liquidated, so higher values are drawn at the top. */
export const CHART_RATIO_TOP = dec('1.2');

/** One sampled price: the engine's exact margin ratio there, or `null` where equity is not positive. */
export interface ChartPoint {
  readonly price: Dec;
  readonly change: Dec;
  readonly ratio: Dec | null;
}

export interface PriceChartView {
  readonly asset: string;
  /** The coin's price today (before its own shock). */
  readonly today: Dec;
  /** The coin's price in the scenario (after the sliders). */
  readonly scenario: Dec;
  readonly scenarioRatio: Dec | null;
  readonly minPrice: Dec;
  readonly maxPrice: Dec;
  readonly points: readonly ChartPoint[];
  readonly warning: Dec;
  readonly danger: Dec;
  /** The coin's price at which the margin ratio reaches 100%, with every other shock applied; `null` when none. */
  readonly liquidation: Dec | null;
  /** Why there is no liquidation price (good news, or a figure that cannot be computed). */
  readonly liquidationNote: string | null;
  /** Axis and marker labels, formatted once here. */
  readonly labels: {
    readonly today: string;
    readonly scenario: string;
    readonly liquidation: string | null;
    readonly min: string;
    readonly max: string;
  };
}

export interface ChartInput {
  readonly balances: readonly Balance[];
  readonly positions: readonly Position[];
  /** The scenario's shocks, the chosen coin's included. */
  readonly shocks: readonly Shock[];
}

/** The coin's price before shocks: its balance price, else the mark of the first position on it. */
export function todayPrice(preset: Preset, balances: readonly Balance[], positions: readonly Position[], asset: string): Dec | null {
  const balance = balances.find((b) => b.asset.toUpperCase() === asset);
  if (balance !== undefined) return balance.price;
  const position = positions.find((p) => trySymbol(preset, p.symbol)?.base === asset);
  return position === undefined ? null : position.mark;
}

function ratioAt(preset: Preset, balances: readonly Balance[], positions: readonly Position[], asset: string, change: Dec): Dec | null {
  const own: Shock[] = change.isZero() ? [] : [{ asset, change }];
  try {
    const shocked = shockAccount(preset, balances, positions, own);
    return marginRatio(preset, shocked.balances, shocked.positions);
  } catch (error) {
    // Equity at or below zero has no ratio: the account is past liquidation there.
    if (isMarginError(error) && error.code === 'EQUITY_NOT_POSITIVE') return null;
    throw error;
  }
}

function axis(liquidationChange: Dec | null): { min: Dec; max: Dec } {
  let min = CHART_MIN_CHANGE;
  let max = CHART_MAX_CHANGE;
  if (liquidationChange !== null && liquidationChange.lt(min))
    min = liquidationChange.minus(max.minus(liquidationChange).times(LIQUIDATION_MARGIN));
  if (liquidationChange !== null && liquidationChange.gt(max))
    max = liquidationChange.plus(liquidationChange.minus(min).times(LIQUIDATION_MARGIN));
  // Prices stay positive: the lowest sample is a hair above zero, never zero itself.
  return { min: Dec.max(min, dec('-0.99')), max };
}

/**
 * The margin ratio of the account against the price of one coin, from the engine: every other coin keeps its
 * shocked price, the chosen coin's price (balance and position marks together) sweeps the axis, and each
 * sample is the exact `marginRatio` there. The liquidation price is the engine's `liquidationPrice`.
 *
 * @example priceChartView(bitget, 'BTC', { balances: [{ asset: 'BTC', amount: dec(10), price: dec(60000) }], positions: [], shocks: [] })
 */
export function priceChartView(preset: Preset, asset: string, input: ChartInput): Outcome<PriceChartView> {
  const others = input.shocks.filter((s) => s.asset !== asset);
  const shocked = attempt(() => shockAccount(preset, input.balances, input.positions, others));
  if (!shocked.ok) return shocked;
  const { balances, positions } = shocked.value;
  const today = todayPrice(preset, balances, positions, asset);
  if (today === null || !today.gt(ZERO)) return { ok: false, message: `No chart for ${asset}: the scenario gives it no positive price.` };
  return attempt(() => {
    const ownChange = input.shocks.find((s) => s.asset === asset)?.change ?? ZERO;
    const liq = attempt(() => liquidationPrice(preset, balances, positions, asset));
    const liquidation = liq.ok ? liq.value : null;
    const { min, max } = axis(liquidation === null ? null : liquidation.div(today).minus(ONE));
    const step = max.minus(min).div(CHART_SAMPLES - 1);
    const changes = Array.from({ length: CHART_SAMPLES }, (_, i) => min.plus(step.times(i)));
    changes.push(ZERO, ownChange);
    if (liquidation !== null) changes.push(liquidation.div(today).minus(ONE));
    const unique = [...new Map(changes.map((c) => [c.toFixed(), c])).values()].sort((a, b) => a.comparedTo(b));
    const points = unique.map((change) => ({
      change,
      price: today.times(ONE.plus(change)),
      ratio: ratioAt(preset, balances, positions, asset, change),
    }));
    const scenario = today.times(ONE.plus(ownChange));
    const scenarioRatio = points.find((p) => p.change.eq(ownChange))?.ratio ?? null;
    return {
      asset,
      today,
      scenario,
      scenarioRatio,
      minPrice: today.times(ONE.plus(min)),
      maxPrice: today.times(ONE.plus(max)),
      points,
      warning: preset.rules.riskBands.warning,
      danger: preset.rules.riskBands.danger,
      liquidation,
      liquidationNote: liq.ok ? null : liq.message,
      labels: {
        today: formatPrice(today),
        scenario: `${formatPrice(scenario)} (${scenarioRatio === null ? 'no equity' : formatPercent(scenarioRatio)})`,
        liquidation: liquidation === null ? null : formatPrice(liquidation),
        min: formatPrice(today.times(ONE.plus(min))),
        max: formatPrice(today.times(ONE.plus(max))),
      },
    };
  });
}
