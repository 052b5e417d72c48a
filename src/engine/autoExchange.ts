import type { Account } from './account';
import { buildAccount, valueState } from './account';
import { ltvOrUnbounded, splitAccount } from './collateralSplit';
import type { Deficit } from './conversion';
import { coverDeficits } from './conversion';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import type { AutoExchangeResult, AutoExchangeTrigger, Balance, Preset } from './model';
import type { UserTierThreshold } from './userTier';
import { userTierThreshold } from './userTier';
import { messageNumber } from './numberText';

export interface AutoExchangeOptions {
  /** User tier for the THRESHOLD trigger; blank = the preset's default tier. */
  readonly userTier?: string | null;
  /** Whether the account holds positions (selects the LIQUIDATION trigger) or not (the LTV trigger). */
  readonly hasPositions: boolean;
}

interface Verdict {
  readonly fired: boolean;
  readonly sentence: string;
}

interface AccountVerdict extends Verdict {
  readonly trigger: AutoExchangeTrigger;
}

function walletValue(account: Account, asset: string): Dec {
  const state = account.byAsset.get(asset);
  return state ? state.amount.times(state.price) : ZERO;
}

/** Assets whose wallet balance value (amount × price, no unrealized PnL) is strictly below the threshold. */
function breaches(account: Account, tier: UserTierThreshold | undefined): string[] {
  if (!tier) return [];
  return account.assets.filter((s) => walletValue(account, s.asset).lt(tier.threshold)).map((s) => s.asset);
}

function thresholdSentence(
  account: Account,
  tier: UserTierThreshold | undefined,
  userTier: string | null | undefined,
  hits: string[],
): Verdict {
  if (!tier) {
    const ignored = userTier?.trim() ? ` (user tier "${userTier.trim()}" is not used)` : '';
    return {
      fired: false,
      sentence: `the preset publishes no auto-exchange thresholds, so the THRESHOLD trigger does not apply${ignored}`,
    };
  }
  const limit = `the ${tier.tier} threshold ${messageNumber(tier.threshold)}`;
  if (hits.length > 0) {
    const list = hits.map((a) => `${a} wallet balance value ${messageNumber(walletValue(account, a))}`).join(', ');
    return { fired: true, sentence: `THRESHOLD: ${list} ${hits.length > 1 ? 'are' : 'is'} below ${limit}` };
  }
  const lowest = account.assets.reduce<string | undefined>(
    (low, s) => (low === undefined || walletValue(account, s.asset).lt(walletValue(account, low)) ? s.asset : low),
    undefined,
  );
  const detail = lowest ? ` (lowest: ${lowest} ${messageNumber(walletValue(account, lowest))})` : '';
  return { fired: false, sentence: `every wallet balance value is at or above ${limit}${detail}` };
}

function liquidationVerdict(preset: Preset, account: Account): AccountVerdict {
  const equity = account.assets.reduce((sum, s) => sum.plus(valueState(preset, s)), ZERO);
  if (equity.gt(ZERO)) {
    return {
      trigger: 'LIQUIDATION',
      fired: false,
      sentence: `account equity ${messageNumber(equity)} is positive, so no liquidation forces an exchange`,
    };
  }
  return {
    trigger: 'LIQUIDATION',
    fired: true,
    sentence: `LIQUIDATION: the account holds positions and its equity ${messageNumber(equity)} is zero or negative`,
  };
}

function ltvVerdict(preset: Preset, account: Account): AccountVerdict {
  const trigger = preset.rules.ltvTrigger;
  if (trigger === undefined) {
    return { trigger: 'LTV', fired: false, sentence: 'the preset publishes no LTV trigger, so the LTV trigger does not apply' };
  }
  const split = splitAccount(preset, account);
  const ltv = ltvOrUnbounded(split);
  if (split.liabilities.isZero())
    return { trigger: 'LTV', fired: false, sentence: `LTV is 0 (no liabilities), below the trigger ${messageNumber(trigger)}` };
  if (ltv === null) {
    return { trigger: 'LTV', fired: true, sentence: 'LTV: no positions, and LTV is unbounded (liabilities with no positive collateral)' };
  }
  const fired = ltv.gte(trigger);
  const comparison = fired ? `LTV: no positions, and LTV ${messageNumber(ltv)} is at or above` : `LTV ${messageNumber(ltv)} is below`;
  return { trigger: 'LTV', fired, sentence: `${comparison} the trigger ${messageNumber(trigger)}` };
}

function deficitsOf(account: Account, hits: readonly string[], accountVerdict: AccountVerdict): Deficit[] {
  const deficits: Deficit[] = [];
  for (const state of account.assets) {
    if (!state.amount.isNeg() || state.amount.isZero()) continue;
    if (hits.includes(state.asset)) deficits.push({ asset: state.asset, trigger: 'THRESHOLD' });
    else if (accountVerdict.fired) deficits.push({ asset: state.asset, trigger: accountVerdict.trigger });
  }
  return deficits;
}

/**
 * What the exchange's Auto-Exchange would do to these wallet balances. Triggers: THRESHOLD (an asset's wallet
 * balance value below the user tier's threshold, per asset), LIQUIDATION (positions held and account equity
 * ≤ 0), LTV (no positions and LTV ≥ the preset's trigger). Each negative wallet balance that a trigger covers
 * is converted from the positive non-quote assets, proportionally to their value, after haircuts.
 *
 * @throws UNKNOWN_USER_TIER, HAIRCUT_UNPUBLISHED, UNKNOWN_ASSET.
 * @example
 * // −10,001 USDC is below the −10,000 threshold: sell BTC worth 10001 / 0.975 (2.5% haircut)
 * autoExchange(binance, [{ asset: 'USDC', amount: dec(-10001), price: dec(1) }, { asset: 'BTC', amount: dec(1), price: dec(100000) }],
 *   { userTier: 'vip2', hasPositions: true })
 */
export function autoExchange(preset: Preset, balances: readonly Balance[], options: AutoExchangeOptions): AutoExchangeResult {
  const account = buildAccount(preset, balances, []);
  const tier = userTierThreshold(preset, options.userTier);
  const hits = breaches(account, tier);
  const threshold = thresholdSentence(account, tier, options.userTier, hits);
  const accountVerdict = options.hasPositions ? liquidationVerdict(preset, account) : ltvVerdict(preset, account);
  const fired = threshold.fired || accountVerdict.fired;
  const { conversions, uncovered } = coverDeficits(preset, account, deficitsOf(account, hits, accountVerdict));
  return { fired, reason: reasonOf(fired, threshold, accountVerdict, conversions.length, uncovered), conversions, uncovered };
}

function reasonOf(fired: boolean, threshold: Verdict, accountVerdict: Verdict, rows: number, uncovered: Dec): string {
  if (!fired) return `No trigger fires: ${threshold.sentence}; ${accountVerdict.sentence}.`;
  const causes = [threshold, accountVerdict].filter((v) => v.fired).map((v) => v.sentence);
  const notes: string[] = [];
  if (rows === 0 && uncovered.isZero()) notes.push('no wallet balance is negative, so nothing is converted');
  if (uncovered.gt(ZERO)) notes.push(`the positive assets run out: ${messageNumber(uncovered)} of deficit value stays uncovered`);
  return `${[...causes, ...notes].join('; ')}.`;
}
