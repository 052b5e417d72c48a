import type { Dec } from '../../engine/decimal';
import { isMarginError } from '../../engine/errors';
import {
  accountEquity,
  assetEquities,
  autoExchange,
  availableForOrder,
  buildAccount,
  liquidationPrice,
  maintenanceMargin,
  marginRatio,
  multiAssetLtv,
  riskLevel,
} from '../../engine';
import type { Balance, Position, Preset, RiskLevel, Shock } from '../../engine/model';
import { liabilityMargin } from '../../engine/margins';
import { formatCoin, formatMoney, formatPercent, formatPrice, formatShock, formatSignedPercent } from '../ui/formatting';
import { attempt, type Outcome } from '../ui/outcome';
import { type BalanceRow, parseBalanceRows, parsePositionRows, type PositionRow } from './scenarioRows';
import { effectiveShocks, shockableAssets, shockBalances, type ShockSettings, shockPositions, symbolBase } from './shocks';

export interface ScenarioInput {
  readonly balances: readonly BalanceRow[];
  readonly positions: readonly PositionRow[];
  readonly shocks: ShockSettings;
  /** The auto-exchange user tier; the preset's default when omitted. */
  readonly userTier?: string | null;
}

/** A figure as shown: the exact value (for writing to the sheet) and its display text. */
export interface FigureValue {
  readonly value: Dec;
  readonly text: string;
}
export type Figure = Outcome<FigureValue>;

export type Band = 'green' | 'yellow' | 'red';

export interface RiskView {
  readonly level: RiskLevel;
  readonly band: Band;
}

export interface AssetLine {
  readonly asset: string;
  /** The asset's equity in its own places (`20,000.00` USDT, `10` BTC). */
  readonly equity: string;
  readonly price: string;
  readonly value: string;
}

export interface ConversionLine {
  readonly fromAsset: string;
  readonly amountSold: FigureValue;
  readonly valueSold: FigureValue;
  readonly toAsset: string;
  readonly amountCovered: FigureValue;
  readonly trigger: string;
}

export interface AutoExchangeView {
  readonly fired: boolean;
  readonly reason: string;
  readonly conversions: readonly ConversionLine[];
  /** Deficit left uncovered; `null` when everything is covered. */
  readonly uncovered: FigureValue | null;
}

export interface LiquidationLine {
  readonly asset: string;
  /** The asset's price in the (shocked) scenario. */
  readonly current: FigureValue | null;
  readonly price: Figure;
  /** How far the price must move to reach liquidation, e.g. −38.12%. */
  readonly distance: Figure;
  /**
   * True when there is no liquidation price because none is needed (the ratio stays below 100% at every
   * price, or the asset only backs isolated positions): good news, not an error.
   */
  readonly noneNeeded: boolean;
}

export interface MaintenanceParts {
  readonly positions: FigureValue;
  readonly liabilities: FigureValue;
  /** The preset's rate on liabilities as shown, `5.00%`. */
  readonly rate: string;
}

export interface ShockLine {
  readonly asset: string;
  readonly change: Dec;
  readonly text: string;
}

export interface ScenarioResults {
  readonly assets: Outcome<readonly AssetLine[]>;
  readonly equity: Figure;
  readonly ltv: Figure;
  readonly maintenanceMargin: Figure;
  /**
   * The maintenance margin split in its two parts, when the preset charges one on liabilities (Bitget: 5% of
   * the debt): the positions' part and the liabilities' part, with the rate. `null` when the preset charges none.
   */
  readonly maintenanceParts: Outcome<MaintenanceParts> | null;
  readonly marginRatio: Figure;
  readonly risk: Outcome<RiskView>;
  readonly available: Figure;
  readonly autoExchange: Outcome<AutoExchangeView>;
  readonly liquidation: readonly LiquidationLine[];
}

/**
 * Everything the Scenario section shows. `inputError` is set when a typed row cannot be read (then `results`
 * is `null`); `results` is `null` too while both grids are empty.
 */
export interface ScenarioView {
  /** The typed rows as read (before shocks), for the price chart; `null` when a row cannot be read. */
  readonly parsed: { readonly balances: readonly Balance[]; readonly positions: readonly Position[] } | null;
  readonly presetId: string;
  readonly quote: string;
  readonly inputError: string | null;
  readonly shockable: readonly string[];
  readonly shocks: readonly ShockLine[];
  readonly results: ScenarioResults | null;
}

const BANDS: Readonly<Record<RiskLevel, Band>> = { SAFE: 'green', WARNING: 'yellow', DANGER: 'red', LIQUIDATION: 'red' };

export function riskBand(level: RiskLevel): Band {
  return BANDS[level];
}

function money(value: Dec): FigureValue {
  return { value, text: formatMoney(value) };
}

function percent(value: Dec): FigureValue {
  return { value, text: formatPercent(value) };
}

function coin(value: Dec, asset: string, quote: string): FigureValue {
  return { value, text: formatCoin(value, asset, quote) };
}

/** A move shown with its sign, `+145.10%`, `−38.12%`. */
function move(value: Dec): FigureValue {
  return { value, text: formatSignedPercent(value) };
}

function price(value: Dec): FigureValue {
  return { value, text: formatPrice(value) };
}

function figure(compute: () => Dec, show: (d: Dec) => FigureValue): Figure {
  const out = attempt(compute);
  return out.ok ? { ok: true, value: show(out.value) } : out;
}

/**
 * The wallet balances with the cross positions' unrealized PnL as each asset's upnl: auto-exchange's
 * liquidation trigger looks at account equity, which must be the same equity the pane shows.
 */
export function balancesWithPositionPnl(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): Balance[] {
  return buildAccount(preset, balances, positions).assets.map((s) => {
    const upnl = s.equity.minus(s.amount);
    return upnl.isZero()
      ? { asset: s.asset, amount: s.amount, price: s.price }
      : { asset: s.asset, amount: s.amount, price: s.price, upnl };
  });
}

function autoExchangeView(preset: Preset, balances: readonly Balance[], positions: readonly Position[], userTier?: string | null) {
  return attempt((): AutoExchangeView => {
    const wallet = balancesWithPositionPnl(preset, balances, positions);
    const result = autoExchange(preset, wallet, { userTier: userTier ?? null, hasPositions: positions.length > 0 });
    return {
      fired: result.fired,
      reason: result.reason,
      conversions: result.conversions.map((c) => ({
        fromAsset: c.fromAsset,
        amountSold: coin(c.amountSold, c.fromAsset, preset.quote),
        valueSold: money(c.valueSold),
        toAsset: c.toAsset,
        amountCovered: coin(c.amountCovered, c.toAsset, preset.quote),
        trigger: c.trigger,
      })),
      uncovered: result.uncovered.isZero() ? null : money(result.uncovered),
    };
  });
}

function currentPrice(preset: Preset, balances: readonly Balance[], positions: readonly Position[], asset: string): Dec | null {
  const balance = balances.find((b) => b.asset.toUpperCase() === asset);
  if (balance !== undefined) return balance.price;
  const position = positions.find((p) => symbolBase(preset, p.symbol) === asset);
  return position === undefined ? null : position.mark;
}

function liquidationLines(
  preset: Preset,
  assets: readonly string[],
  balances: readonly Balance[],
  positions: readonly Position[],
): LiquidationLine[] {
  return assets.map((asset) => {
    const now = currentPrice(preset, balances, positions, asset);
    let noneNeeded = false;
    const liq = figure(() => {
      try {
        return liquidationPrice(preset, balances, positions, asset);
      } catch (error) {
        // A price that is not positive is bad input, not the absence of risk.
        noneNeeded = isMarginError(error) && error.code === 'NO_LIQUIDATION_PRICE' && !/not positive/.test(error.message);
        throw error;
      }
    }, price);
    const distance: Figure =
      liq.ok && now !== null
        ? { ok: true, value: move(liq.value.value.div(now).minus(1)) }
        : liq.ok
          ? { ok: false, message: 'no current price' }
          : liq;
    return { asset, current: now === null ? null : price(now), price: liq, distance, noneNeeded };
  });
}

/** The maintenance margin's positions part and liabilities part, for a preset that charges liabilities. */
function maintenanceParts(preset: Preset, balances: readonly Balance[], positions: readonly Position[]): Outcome<MaintenanceParts> | null {
  const rate = preset.rules.liabilityMaintenanceRate;
  if (rate === undefined) return null;
  return attempt(() => {
    const total = maintenanceMargin(preset, positions, balances);
    const onLiabilities = liabilityMargin(preset, buildAccount(preset, balances, positions), rate);
    return { positions: money(total.minus(onLiabilities)), liabilities: money(onLiabilities), rate: formatPercent(rate) };
  });
}

function computeResults(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  input: ScenarioInput,
  assets: readonly string[],
): ScenarioResults {
  const ratio = attempt(() => marginRatio(preset, balances, positions));
  return {
    assets: attempt(() =>
      assetEquities(preset, balances, positions).map((row) => ({
        asset: row.asset,
        equity: formatCoin(row.equity, row.asset, preset.quote),
        price: formatPrice(row.price),
        value: formatMoney(row.value),
      })),
    ),
    equity: figure(() => accountEquity(preset, balances, positions), money),
    ltv: figure(() => multiAssetLtv(preset, balances, positions), percent),
    maintenanceMargin: figure(() => maintenanceMargin(preset, positions, balances), money),
    maintenanceParts: maintenanceParts(preset, balances, positions),
    marginRatio: ratio.ok ? { ok: true, value: percent(ratio.value) } : ratio,
    risk: ratio.ok
      ? attempt(() => {
          const level = riskLevel(preset, ratio.value);
          return { level, band: riskBand(level) };
        })
      : ratio,
    available: figure(() => availableForOrder(preset, balances, positions, null), money),
    autoExchange: autoExchangeView(preset, balances, positions, input.userTier),
    liquidation: liquidationLines(preset, assets, balances, positions),
  };
}

function shockLines(shocks: readonly Shock[]): ShockLine[] {
  return shocks.map((s) => ({ asset: s.asset, change: s.change, text: formatShock(s.change) }));
}

/**
 * Computes every figure of the Scenario section from the typed grids and the shock sliders, through the
 * engine: the shocks move each asset's balance price and the marks of its positions before anything is
 * computed, so every figure (not only the margin ratio) shows the shocked account.
 *
 * @example scenarioView(bitget, { balances: [{ asset: 'BTC', amount: '10', price: '60000', upnl: '' }], positions: [], shocks: NO_SHOCKS })
 */
export function scenarioView(preset: Preset, input: ScenarioInput): ScenarioView {
  const base = { presetId: preset.id, quote: preset.quote };
  const parsed = attempt(() => ({ balances: parseBalanceRows(input.balances), positions: parsePositionRows(input.positions, preset) }));
  if (!parsed.ok) return { ...base, parsed: null, inputError: parsed.message, shockable: [], shocks: [], results: null };
  const { balances, positions } = parsed.value;
  const shockable = shockableAssets(preset, balances, positions);
  const shocks = effectiveShocks(shockable, input.shocks);
  const empty = balances.length === 0 && positions.length === 0;
  const results = empty
    ? null
    : computeResults(preset, shockBalances(balances, shocks), shockPositions(preset, positions, shocks), input, shockable);
  return { ...base, parsed: parsed.value, inputError: null, shockable, shocks: shockLines(shocks), results };
}

/** The liquidation line nearest to today's prices (smallest move), for the compact summary; `null` when none. */
export function nearestLiquidation(lines: readonly LiquidationLine[]): LiquidationLine | null {
  let best: LiquidationLine | null = null;
  for (const line of lines) {
    if (!line.distance.ok) continue;
    if (best === null || !best.distance.ok || line.distance.value.value.abs().lt(best.distance.value.value.abs())) best = line;
  }
  return best;
}
