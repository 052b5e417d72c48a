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
  readonly amount: Dec;
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
    .map((s) => ({ asset: s.asset, price: s.price, keep: haircutKeep(preset, s.asset), amount: s.amount }))
    .filter((s) => s.keep.gt(ZERO));
}

/** A deficit with its amount (positive, coin units), price and value in the quote currency. */
interface Need {
  readonly deficit: Deficit;
  readonly amount: Dec;
  readonly price: Dec;
  readonly value: Dec;
}

function needOf(account: Account, deficit: Deficit): Need {
  const state = account.byAsset.get(deficit.asset) as AssetState;
  if (!state.price.gt(ZERO)) fail('NOT_POSITIVE', { arg: `balances (price of ${deficit.asset})`, got: messageNumber(state.price) });
  const amount = state.amount.neg();
  return { deficit, amount, price: state.price, value: amount.times(state.price) };
}

interface Cover {
  readonly conversions: Conversion[];
  readonly uncovered: Dec;
}

/** What one source sells in all: amount, market value, and value after its haircut (what it covers). */
interface Sale {
  readonly source: Source;
  readonly amount: Dec;
  readonly value: Dec;
  readonly covers: Dec;
}

/**
 * The sales, each source selling the same share of its market value: the share that covers every deficit, or
 * everything when the sources cannot (then `uncovered` is the rest of the deficits' value).
 */
function salesOf(sources: readonly Source[], total: Dec): { sales: Sale[]; uncovered: Dec } {
  const capacity = sources.reduce((sum, s) => sum.plus(s.amount.times(s.price).times(s.keep)), ZERO);
  if (capacity.lte(total)) {
    const sales = sources.map((s) => {
      const value = s.amount.times(s.price);
      return { source: s, amount: s.amount, value, covers: value.times(s.keep) };
    });
    return { sales, uncovered: total.minus(capacity) };
  }
  const share = total.div(capacity);
  const sales = sources.map((s) => {
    const value = s.amount.times(s.price).times(share);
    return { source: s, amount: s.amount.times(share), value, covers: value.times(s.keep) };
  });
  return { sales, uncovered: ZERO };
}

/**
 * Converts positive non-quote wallet balances into the negative ones, proportionally to their market value,
 * after each source's auto-exchange haircut: Σ valueSoldᵢ × (1 − haircutᵢ) = Σ deficit values, every source
 * selling the same share of its value. When the sources run out, everything is sold, the deficits are covered
 * in order, and the rest is `uncovered` (quote currency).
 *
 * The sales are then matched to the deficits in order, source by source (each row moves what is left of a sale
 * into what is left of a deficit), so there are at most sources + deficits − 1 rows, and each deficit's last
 * row takes its remainder: the amounts covered add up to each deficit exactly.
 *
 * @throws HAIRCUT_UNPUBLISHED when a source's auto-exchange haircut is not in the preset.
 */
export function coverDeficits(preset: Preset, account: Account, deficits: readonly Deficit[]): Cover {
  if (deficits.length === 0) return { conversions: [], uncovered: ZERO };
  const needs = deficits.map((d) => needOf(account, d));
  const total = needs.reduce((sum, n) => sum.plus(n.value), ZERO);
  const sources = sourcesOf(preset, account);
  if (sources.length === 0) return { conversions: [], uncovered: total };
  const { sales, uncovered } = salesOf(sources, total);
  const covering = uncovered.isZero();
  const conversions: Conversion[] = [];
  let i = 0;
  let supply = (sales[0] as Sale).covers;
  let soldAmount = ZERO;
  let soldValue = ZERO;
  for (const need of needs) {
    let left = need.value;
    let covered = ZERO;
    while (left.gt(ZERO) && i < sales.length) {
      const sale = sales[i] as Sale;
      const { source } = sale;
      // While every deficit is covered, the last sale supplies all that remains (its share absorbs the rounding).
      const endsDeficit = supply.gte(left) || (covering && i === sales.length - 1);
      let row: Conversion;
      if (endsDeficit) {
        const amountCovered = need.amount.minus(covered);
        const valueSold = amountCovered.times(need.price).div(source.keep);
        row = conversion(source.asset, valueSold.div(source.price), valueSold, need, amountCovered);
        supply = supply.minus(left);
        left = ZERO;
      } else {
        row = conversion(source.asset, sale.amount.minus(soldAmount), sale.value.minus(soldValue), need, supply.div(need.price));
        left = left.minus(supply);
        supply = ZERO;
      }
      conversions.push(row);
      covered = covered.plus(row.amountCovered);
      // A sale with supply left (or the last one while covering) goes on into the next deficit.
      if (endsDeficit && (supply.gt(ZERO) || (covering && i === sales.length - 1))) {
        soldAmount = soldAmount.plus(row.amountSold);
        soldValue = soldValue.plus(row.valueSold);
      } else {
        i += 1;
        supply = i < sales.length ? (sales[i] as Sale).covers : ZERO;
        soldAmount = ZERO;
        soldValue = ZERO;
      }
    }
  }
  return { conversions, uncovered };
}

function conversion(fromAsset: string, amountSold: Dec, valueSold: Dec, need: Need, amountCovered: Dec): Conversion {
  return { fromAsset, amountSold, valueSold, toAsset: need.deficit.asset, amountCovered, trigger: need.deficit.trigger };
}
