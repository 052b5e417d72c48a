import type { Dec } from '../decimal';
import type { AssetSpec } from '../model';
import { POW10, isSafe, SAFE } from './scaledDecimal';
import { tierTable } from '../tierTable';

/**
 * An asset's tier table and liability rate as integers at fixed scales, for the number path
 * (`collateralValueCell`, `accountSumsCell`): floors (and last cap) × 10^kf, ratios × 10^kr, intercepts ×
 * 10^(kf+kr), liability rate × 10^kl. Null when the tiers do not fit exactly in safe integers.
 */
export interface ScaledTiers {
  readonly floors: readonly number[];
  readonly ratios: readonly number[];
  readonly intercepts: readonly number[];
  /** The last cap × 10^kf, or Infinity when the last tier is open. */
  readonly cap: number;
  readonly kf: number;
  readonly kr: number;
  /** 10^kr, the ratios' denominator. */
  readonly ratioUnit: number;
  /** The liability rate × 10^kl; NaN when it does not fit a safe integer (liabilities then take the Decimal path). */
  readonly liability: number;
  readonly kl: number;
}

function scaledInts(values: readonly Dec[], k: number): number[] | null {
  const ints = values.map((v) => v.times(POW10[k] as number));
  if (!ints.every((v) => v.isInteger() && v.abs().lte(SAFE))) return null;
  return ints.map((v) => v.toNumber());
}

function build(spec: AssetSpec): ScaledTiers | null {
  const table = tierTable(spec);
  if (table.floors.length === 0) return null;
  const bounds = table.lastCap === null ? table.floors : [...table.floors, table.lastCap];
  const kf = Math.max(...bounds.map((d) => d.decimalPlaces()));
  const kr = Math.max(...table.ratios.map((d) => d.decimalPlaces()));
  if (kf + kr >= POW10.length) return null;
  const floors = scaledInts(table.floors, kf);
  const ratios = scaledInts(table.ratios, kr);
  const intercepts = scaledInts(table.intercepts, kf + kr);
  const cap = table.lastCap === null ? [Infinity] : scaledInts([table.lastCap], kf);
  if (!floors || !ratios || !intercepts || !cap) return null;
  const kl = spec.liabilityRate.decimalPlaces();
  const liability = kl < POW10.length ? scaledInts([spec.liabilityRate], kl)?.[0] : undefined;
  return { floors, ratios, intercepts, cap: cap[0] as number, kf, kr, ratioUnit: POW10[kr] as number, liability: liability ?? NaN, kl };
}

/** The scaled tables of `spec`, or null when its tiers do not fit safe integers (built once per asset book entry). */
export function scaledTiers(spec: AssetSpec): ScaledTiers | null {
  return build(spec);
}

/** The places of {@link tieredScaled}'s result for a holding of `kx` places. */
export function tieredScale(t: ScaledTiers, kx: number): number {
  return Math.max(kx, t.kf) + t.kr;
}

/**
 * Tiered value, as the scaled integer `N` of `N / 10^tieredScale(t, kx)`, of a holding `x = X / 10^kx` (X > 0
 * an exact integer); NaN (declined) when an intermediate would leave the exact integers or `x` is past the last
 * cap.
 */
export function tieredScaled(t: ScaledTiers, X: number, kx: number): number {
  const s = Math.max(kx, t.kf);
  const xs = X * (POW10[s - kx] as number);
  const floorScale = POW10[s - t.kf] as number;
  if (!isSafe(xs) || !isSafe(t.cap === Infinity ? 0 : t.cap * floorScale) || xs > t.cap * floorScale) return NaN;
  let i = t.floors.length - 1;
  while (i > 0 && (t.floors[i] as number) * floorScale > xs) i -= 1;
  const slope = xs * (t.ratios[i] as number);
  const intercept = (t.intercepts[i] as number) * floorScale;
  const n = slope + intercept;
  return isSafe(slope) && isSafe(intercept) && isSafe(n) ? n : NaN;
}

/**
 * The tier of a holding `xi + xf / 10^k` (xi ≥ 0, 0 ≤ xf < 10^k) on integer floors (kf = 0); NaN (declined)
 * when the floors are not integers or the holding is past the last cap.
 */
export function integerFloorTier(t: ScaledTiers, xi: number, xf: number): number {
  if (t.kf !== 0 || xi > t.cap || (xi === t.cap && xf > 0)) return NaN;
  let i = t.floors.length - 1;
  while (i > 0 && (t.floors[i] as number) > xi) i -= 1;
  return i;
}
