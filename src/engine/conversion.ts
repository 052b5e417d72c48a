import type { Account, AssetState } from './account';
import { assetSpec, normalizeAsset } from './assetSpec';
import type { Dec } from './decimal';
import { ONE, ZERO } from './decimal';
import { fail } from './errors';
import type { AutoExchangeTrigger, Conversion, Preset } from './model';
import { messageNumber } from './numberText';

/** A negative wallet balance to bring back to zero, and the trigger that makes the exchange do it. */
export interface Deficit {
  readonly asset: string;
  readonly trigger: AutoExchangeTrigger;
}

interface Source {
  readonly asset: string;
  readonly price: Dec;
  /** 1 − auto-exchange haircut. */
  readonly keep: Dec;
  remaining: Dec;
}

function haircutKeep(preset: Preset, asset: string): Dec {
  const haircut = assetSpec(preset, asset).autoExchangeHaircut;
  if (haircut === undefined) fail('HAIRCUT_UNPUBLISHED', { asset, preset: preset.id });
  return ONE.minus(haircut);
}

/** Positive wallet balances that may be sold: not the preset's quote, priced, and not wholly eaten by the haircut. */
function sourcesOf(preset: Preset, account: Account): Source[] {
  const quote = normalizeAsset(preset.quote);
  const candidates = account.assets.filter(
    (s: AssetState) => s.asset !== quote && s.amount.isPositive() && !s.amount.isZero() && s.price.gt(ZERO),
  );
  return candidates
    .map((s) => ({ asset: s.asset, price: s.price, keep: haircutKeep(preset, s.asset), remaining: s.amount }))
    .filter((s) => s.keep.gt(ZERO));
}

interface Cover {
  readonly conversions: Conversion[];
  readonly uncovered: Dec;
}

function sellAll(sources: readonly Source[], deficit: Deficit, targetPrice: Dec, value: Dec, capacity: Dec): Cover {
  const conversions = sources.map((s) => {
    const valueSold = s.remaining.times(s.price);
    const row = conversionRow(s, deficit, s.remaining, valueSold, valueSold.times(s.keep).div(targetPrice));
    s.remaining = ZERO;
    return row;
  });
  return { conversions, uncovered: value.minus(capacity) };
}

function conversionRow(source: Source, deficit: Deficit, amountSold: Dec, valueSold: Dec, amountCovered: Dec): Conversion {
  return { fromAsset: source.asset, amountSold, valueSold, toAsset: deficit.asset, amountCovered, trigger: deficit.trigger };
}

function sellProportionally(sources: readonly Source[], deficit: Deficit, amount: Dec, targetPrice: Dec, share: Dec): Conversion[] {
  const conversions: Conversion[] = [];
  let coveredSoFar = ZERO;
  sources.forEach((s, i) => {
    const isLast = i === sources.length - 1;
    // The last row takes the remainder, so the covered amounts add up to the deficit exactly.
    const amountCovered = isLast ? amount.minus(coveredSoFar) : s.remaining.times(s.price).times(share).times(s.keep).div(targetPrice);
    const valueSold = isLast ? amountCovered.times(targetPrice).div(s.keep) : s.remaining.times(s.price).times(share);
    const amountSold = isLast ? valueSold.div(s.price) : s.remaining.times(share);
    coveredSoFar = coveredSoFar.plus(amountCovered);
    s.remaining = s.remaining.minus(amountSold);
    conversions.push(conversionRow(s, deficit, amountSold, valueSold, amountCovered));
  });
  return conversions;
}

function coverOne(account: Account, sources: Source[], deficit: Deficit): Cover {
  const state = account.byAsset.get(deficit.asset) as AssetState;
  const amount = state.amount.neg();
  if (!state.price.gt(ZERO)) fail('NOT_POSITIVE', { arg: `balances (price of ${deficit.asset})`, got: messageNumber(state.price) });
  const value = amount.times(state.price);
  const live = sources.filter((s) => s.asset !== deficit.asset && s.remaining.gt(ZERO));
  const capacity = live.reduce((sum, s) => sum.plus(s.remaining.times(s.price).times(s.keep)), ZERO);
  if (capacity.isZero()) return { conversions: [], uncovered: value };
  if (capacity.lte(value)) return sellAll(live, deficit, state.price, value, capacity);
  // Every source sells the same share of its market value, so the sale is proportional to value.
  const share = value.div(capacity);
  return { conversions: sellProportionally(live, deficit, amount, state.price, share), uncovered: ZERO };
}

/**
 * Converts positive non-quote wallet balances into each negative one, proportionally to their market value,
 * after each source's auto-exchange haircut: Σ valueSoldᵢ × (1 − haircutᵢ) = deficit value. When the sources
 * run out, everything is sold and the rest is `uncovered` (quote currency).
 *
 * @throws HAIRCUT_UNPUBLISHED when a source's auto-exchange haircut is not in the preset.
 */
export function coverDeficits(preset: Preset, account: Account, deficits: readonly Deficit[]): Cover {
  if (deficits.length === 0) return { conversions: [], uncovered: ZERO };
  const sources = sourcesOf(preset, account);
  const conversions: Conversion[] = [];
  let uncovered = ZERO;
  for (const deficit of deficits) {
    const cover = coverOne(account, sources, deficit);
    conversions.push(...cover.conversions);
    uncovered = uncovered.plus(cover.uncovered);
  }
  return { conversions, uncovered };
}
