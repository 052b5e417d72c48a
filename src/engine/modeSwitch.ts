import type { Account } from './account';
import { buildAccount, quoteRate, valueState } from './account';
import { normalizeAsset } from './assetSpec';
import type { Dec } from './decimal';
import { dec, ZERO } from './decimal';
import { fail, isMarginError } from './errors';
import { marginRatio } from './marginRatio';
import type { AssetMode, Balance, ModeSwitchResult, ModeSwitchRule, Position, Preset, RuleVerdict } from './model';
import { isCross, positionInitial } from './positions';
import { parseSymbol } from './symbols';
import { messageNumber } from './numberText';

/** Binance's own error codes and messages for a refused asset-mode switch (USDⓈ-M error-code list). */
export const BINANCE_MODE_SWITCH_ERRORS = {
  crossOnly: { code: -4167, message: 'Unable to adjust to Multi-Assets mode with symbols of USDⓈ-M Futures under isolated-margin mode.' },
  marginSufficient: { code: -4169, message: 'Unable to adjust Multi-Assets Mode with insufficient margin balance in USDⓈ-M Futures.' },
  noOpenOrders: { code: -4170, message: 'Unable to adjust Multi-Assets Mode with open orders in USDⓈ-M Futures.' },
  alreadySet: { code: -4171, message: 'Adjusted asset mode is currently set and does not need to be adjusted repeatedly.' },
  noNegativeBalance: {
    code: -4172,
    message: 'Unable to adjust Multi-Assets Mode with a negative wallet balance of margin available asset in USDⓈ-M Futures account.',
  },
} as const;

interface Check {
  readonly pass: boolean;
  readonly detail: string;
}

interface Context {
  readonly preset: Preset;
  readonly target: AssetMode;
  readonly balances: readonly Balance[];
  readonly positions: readonly Position[];
  readonly openOrders: number;
  readonly account: Account;
}

const plural = (n: number, word: string): string => `${messageNumber(dec(n))} ${word}${n === 1 ? '' : 's'}`;

function openPositions(positions: readonly Position[]): Position[] {
  return positions.filter((p) => !p.size.isZero());
}

function initialOf(ctx: Context, positions: readonly Position[]): { margin: Dec; estimated: number } {
  let margin = ZERO;
  let estimated = 0;
  for (const position of positions) {
    const initial = positionInitial(position);
    if (initial.estimated) estimated += 1;
    const { quote } = parseSymbol(ctx.preset, position.symbol);
    margin = margin.plus(initial.margin.times(quoteRate(ctx.preset, ctx.account, quote)));
  }
  return { margin, estimated };
}

function estimatedNote(estimated: number): string {
  return estimated === 0 ? '' : ` (${plural(estimated, 'position')} without an imr counted at maintenance margin instead)`;
}

function crossOnly(ctx: Context): Check {
  const isolated = openPositions(ctx.positions).filter((p) => !isCross(p));
  if (isolated.length === 0) return { pass: true, detail: 'no position is in isolated margin' };
  const list = isolated.map((p) => p.symbol).join(', ');
  return {
    pass: false,
    detail: `${plural(isolated.length, 'position')} in isolated margin (${list}); multi-asset mode works only with cross margin`,
  };
}

function noOpenOrders(ctx: Context): Check {
  if (ctx.openOrders === 0) return { pass: true, detail: 'no open orders' };
  return { pass: false, detail: `${plural(ctx.openOrders, 'open order')}; cancel them first` };
}

function noOpenPositions(ctx: Context): Check {
  const open = openPositions(ctx.positions);
  if (open.length === 0) return { pass: true, detail: 'no open positions' };
  return { pass: false, detail: `${plural(open.length, 'open position')} (${open.map((p) => p.symbol).join(', ')}); close them first` };
}

function noNegativeBalance(ctx: Context): Check {
  const negative = ctx.balances.filter((b) => b.amount.isNeg() && !b.amount.isZero());
  if (negative.length === 0) return { pass: true, detail: 'no wallet balance is negative' };
  const list = negative.map((b) => `${normalizeAsset(b.asset)} ${messageNumber(b.amount)}`).join(', ');
  return { pass: false, detail: `negative wallet balance: ${list}` };
}

function quoteValue(ctx: Context): Dec {
  const quote = ctx.account.byAsset.get(normalizeAsset(ctx.preset.quote));
  return quote ? quote.equity.times(quote.price) : ZERO;
}

function marginSufficient(ctx: Context): Check {
  const cross = openPositions(ctx.positions).filter(isCross);
  const { margin: needed, estimated } = initialOf(ctx, cross);
  const multi = ctx.target === 'multi';
  const margin = multi ? ctx.account.assets.reduce((sum, s) => sum.plus(valueState(ctx.preset, s)), ZERO) : quoteValue(ctx);
  const what = multi ? 'account equity with haircuts' : `${normalizeAsset(ctx.preset.quote)} equity alone`;
  const verb = margin.gte(needed) ? 'covers' : 'does not cover';
  const detail = `after the switch the margin (${what}) ${messageNumber(margin)} ${verb} the initial margin ${messageNumber(needed)} of the cross positions${estimatedNote(estimated)}`;
  return { pass: margin.gte(needed), detail };
}

function quoteCoversMargin(ctx: Context): Check {
  const { margin: needed, estimated } = initialOf(ctx, openPositions(ctx.positions));
  const have = quoteValue(ctx);
  const orders = ctx.openOrders > 0 ? '; the margin of pending orders is not included' : '';
  const verb = have.gte(needed) ? 'covers' : 'does not cover';
  const detail = `${normalizeAsset(ctx.preset.quote)} equity ${messageNumber(have)} ${verb} the initial margin ${messageNumber(needed)} of all positions${estimatedNote(estimated)}${orders}`;
  return { pass: have.gte(needed), detail };
}

function maintenanceRateBelow(ctx: Context, limit: Dec): Check {
  try {
    const ratio = marginRatio(ctx.preset, ctx.balances, ctx.positions);
    const verb = ratio.lt(limit) ? 'is below' : 'is not below';
    return { pass: ratio.lt(limit), detail: `margin ratio ${messageNumber(ratio)} ${verb} ${messageNumber(limit)}` };
  } catch (error) {
    if (isMarginError(error) && error.code === 'EQUITY_NOT_POSITIVE') return { pass: false, detail: error.message };
    throw error;
  }
}

function ruleName(rule: ModeSwitchRule): string {
  return typeof rule === 'string' ? rule : `maintenanceRateBelow ${messageNumber(rule.maintenanceRateBelow)}`;
}

function runRule(ctx: Context, rule: ModeSwitchRule): Check {
  if (typeof rule !== 'string') return maintenanceRateBelow(ctx, rule.maintenanceRateBelow);
  const checks: Record<Exclude<ModeSwitchRule, object>, (c: Context) => Check> = {
    crossOnly,
    noOpenOrders,
    noOpenPositions,
    noNegativeBalance,
    marginSufficient,
    quoteCoversMargin,
  };
  return checks[rule](ctx);
}

function isBinance(preset: Preset): boolean {
  return [preset.id, preset.name, preset.source].some((text) => /binance/i.test(text));
}

function verdictOf(ctx: Context, rule: ModeSwitchRule): RuleVerdict {
  const check = runRule(ctx, rule);
  const name = ruleName(rule);
  const binance =
    typeof rule === 'string' && isBinance(ctx.preset)
      ? BINANCE_MODE_SWITCH_ERRORS[rule as keyof typeof BINANCE_MODE_SWITCH_ERRORS]
      : undefined;
  if (check.pass || !binance) return { rule: name, pass: check.pass, detail: check.detail };
  return { rule: name, pass: false, detail: `${check.detail}. Binance ${binance.code}: ${binance.message}`, code: binance.code };
}

/**
 * Whether the account may switch to `target` asset mode under the preset's published rules, rule by rule.
 * Failing Binance rules carry the exchange's error code and wording. (Asking for the mode already set is
 * Binance −4171; the engine does not know the current mode, so it does not check that.)
 *
 * @throws MODE_SWITCH_UNPUBLISHED when the preset publishes no rules for that direction; NEGATIVE for a bad
 * open-order count.
 * @example
 * modeSwitchCheck(binance, 'multi', balances, positions, 0).eligible // true when every rule passes
 */
export function modeSwitchCheck(
  preset: Preset,
  target: AssetMode,
  balances: readonly Balance[],
  positions: readonly Position[],
  openOrders: number,
): ModeSwitchResult {
  const rules = preset.rules.modeSwitch?.[target === 'multi' ? 'toMulti' : 'toSingle'];
  if (rules === undefined) fail('MODE_SWITCH_UNPUBLISHED', { preset: preset.id, target });
  if (!Number.isFinite(openOrders) || openOrders < 0) fail('NEGATIVE', { arg: 'open_orders', got: String(openOrders) });
  const ctx: Context = { preset, target, balances, positions, openOrders, account: buildAccount(preset, balances, positions) };
  const verdicts = rules.map((rule) => verdictOf(ctx, rule));
  return { eligible: verdicts.every((v) => v.pass), target, rules: verdicts };
}
