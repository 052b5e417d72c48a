import type { Dec } from '../../engine/decimal';
import { fail } from '../../engine/errors';
import type { AssetPrice } from '../../engine/maintenance';
import type { AssetMode, Position, Preset, Shock } from '../../engine/model';
import type { AccountPart } from '../../live/stream/accountTables';
import type { AccountExchange } from '../../presets/account/snapshot';
import { ACCOUNT_EXCHANGES } from '../../presets/account/snapshot';
import type { PriceKind } from '../../prices/feeds';
import { PRICE_KINDS } from '../../prices/feeds';
import type { BalanceRow } from './balances';
import { readBalances, readPrices } from './balances';
import {
  isBlankCell,
  optionalBoolean,
  optionalCount,
  optionalNumber,
  optionalText,
  requiredChoice,
  requiredNumber,
  requiredText,
  requireSign,
} from './coerce';
import type { Choices } from './columns';
import type { ComparedPreset } from './deskCells';
import { comparedPresets, isOmitted } from './deskCells';
import { readPositions } from './positions';
import { readShocks } from './shocks';
import type { Coercion, ParamSpec } from './specs';
import type { CellArg, CellScalar, FunctionContext } from './types';

/** What each coercion kind of the function table (specs.ts) gives a handler. */
export interface CoercedValues {
  readonly number: Dec;
  readonly positive: Dec;
  readonly notNegative: Dec;
  readonly text: string;
  readonly boolean: boolean;
  readonly count: number;
  readonly preset: Preset;
  readonly presetList: readonly ComparedPreset[];
  readonly assetMode: AssetMode;
  readonly priceKind: PriceKind;
  readonly accountExchange: AccountExchange;
  readonly accountPart: AccountPart;
  readonly balances: BalanceRow[];
  readonly positions: Position[];
  readonly prices: AssetPrice[];
  readonly shocks: Shock[];
}

/** The kinds whose blank means something of its own when the argument is optional; the others give `null`. */
type Defaulted = 'boolean' | 'count' | 'preset' | 'presetList' | 'priceKind' | 'accountPart' | 'prices';

/** The value a parameter is coerced to: optional ones without a default of their own may be `null` (blank). */
export type ArgValue<P extends ParamSpec> =
  P extends ParamSpec<string, infer C, infer O>
    ? O extends true
      ? C extends Defaulted
        ? CoercedValues[C]
        : CoercedValues[C] | null
      : CoercedValues[C]
    : never;

const words = <T extends string>(list: readonly T[]): Choices<T> => new Map(list.map((w) => [w, w]));

/** The kinds that are one of a fixed set of words, and what their blank means when the argument is optional. */
const CHOICES: { readonly [C in Coercion]?: { readonly words: Choices<CoercedValues[C] & string>; readonly blank?: CoercedValues[C] } } = {
  // A Map, so that only these words are modes (`constructor` is not).
  assetMode: {
    words: new Map([
      ['multi', 'multi'],
      ['multi-asset', 'multi'],
      ['single', 'single'],
      ['single-asset', 'single'],
    ]),
  },
  priceKind: { words: words(PRICE_KINDS), blank: 'mark' },
  accountExchange: { words: words(ACCOUNT_EXCHANGES) },
  accountPart: { words: words(['balances', 'positions', 'totals']), blank: 'balances' },
};

/** One argument as the function table declares it, with what its coercion may need besides its value. */
export interface ArgSource {
  readonly param: ParamSpec;
  /** The argument as given: a cell, a range, or `null` when omitted. */
  readonly value: CellArg;
  /** The argument as a single cell (a one-cell range counts as its cell); a larger range is NOT_A_CELL. */
  cell(): CellScalar;
  /** The call's preset (its `preset` argument), for positions that take the preset's leverage brackets. */
  readonly preset?: () => Preset;
  readonly ctx?: FunctionContext;
}

function contextOf(source: ArgSource): FunctionContext {
  // A handler reading a preset without the call's context is a bug here, not bad input.
  return source.ctx ?? fail('INTERNAL_ERROR', { detail: `${source.param.name}: read without the call's context` });
}

function numberOf(source: ArgSource, sign: 'any' | 'positive' | 'notNegative'): Dec | null {
  const { name, optional } = source.param;
  const value = optional ? optionalNumber(source.cell(), name) : requiredNumber(source.cell(), name);
  return value === null ? null : requireSign(value, sign, name);
}

/**
 * Coerces one argument by its kind: the one place where what a host hands over (blank as `null`, `0` or `""`,
 * an omitted optional argument as `null`) becomes what a function computes with, or an error naming the
 * argument. Formula engines do this in their function runner; here `ArgList.get` calls it once per argument.
 */
export function coerceArg(source: ArgSource): unknown {
  const { name, optional, coerce } = source.param;
  const choice = CHOICES[coerce];
  if (choice !== undefined) {
    const cell = source.cell();
    if (optional && isBlankCell(cell)) return choice.blank ?? null;
    return requiredChoice(cell, name, choice.words);
  }
  switch (coerce) {
    case 'number':
      return numberOf(source, 'any');
    case 'positive':
    case 'notNegative':
      return numberOf(source, coerce);
    case 'text':
      return optional ? optionalText(source.cell(), name) : requiredText(source.cell(), name);
    case 'boolean':
      return optionalBoolean(source.cell(), name);
    case 'count':
      return optionalCount(source.cell(), name);
    case 'preset':
      return contextOf(source).registry.resolve(optionalText(source.cell(), name));
    case 'presetList':
      return comparedPresets(contextOf(source).registry, source.value);
    case 'balances':
      return readBalances(source.value, name);
    case 'positions':
      return optional && isOmitted(source.value) ? null : readPositions(source.value, name, source.preset);
    case 'prices':
      return readPrices(source.value, name);
    case 'shocks':
      return readShocks(source.value, name);
    default:
      return fail('INTERNAL_ERROR', { detail: `${name}: no coercion ${coerce}` });
  }
}
