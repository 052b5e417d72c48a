import type { Dec } from '../../../engine/decimal';
import { bracketFault, completeBrackets as completeRows } from '../../../engine/brackets';
import type { Bracket } from '../../../engine/model';
import { field, invalid, numberField, textField } from '../../jsonRead';
import { AT_LEAST_ONE, NON_NEGATIVE, POSITIVE, RATIO } from '../../bounds';
import { SYMBOL_KEY } from '../../bracketsJson';
import { checkTierChain } from '../../tierChain';

/** What a bracket reader makes of one exchange response: brackets per symbol, in response order. */
export interface ImportedBrackets {
  readonly symbols: readonly { readonly symbol: string; readonly where: string; readonly brackets: readonly Bracket[] }[];
  readonly timeMs?: number;
  /** The public endpoint, the imported preset's source. */
  readonly source: string;
  readonly howRead: string;
}

/**
 * The response's names of a bracket's fields, for messages: floor, cap and mmr always; cum, imr and maxLeverage
 * where the response publishes them under another name.
 */
export interface BracketNames {
  readonly floor: string;
  readonly cap: string;
  readonly mmr: string;
  readonly cum?: string;
  readonly imr?: string;
  readonly maxLeverage?: string;
}

/** One bracket as read, with the response paths of its fields for messages. */
export interface BracketRow {
  readonly floor: Dec;
  readonly cap: Dec | null;
  readonly mmr: Dec;
  readonly cum?: Dec;
  readonly imr?: Dec;
  readonly maxLeverage?: Dec;
  /** Coin per contract, where the bounds count contracts (OKX). */
  readonly contractValue?: Dec;
  /** Path of the row, and the response's names of its floor, cap and mmr fields. */
  readonly at: string;
  readonly names: BracketNames;
}

/**
 * Checks a symbol's rows tile the notional from 0 (as preset tiers must) and completes them: cum derived where
 * the response has none, imr = 1 / max leverage where it publishes none.
 */
export function completeBrackets(rows: readonly BracketRow[], where: string): Bracket[] {
  if (rows.length === 0) invalid(where, 'expected at least one bracket, got an empty list');
  checkTierChain(
    rows.map((r) => ({ floor: r.floor, cap: r.cap, ratio: r.mmr })),
    (i, part) => {
      const r = rows[i] as BracketRow;
      return field(r.at, part === 'ratio' ? r.names.mmr : r.names[part]);
    },
  );
  const brackets = completeRows(rows, (i) => invalid((rows[i] as BracketRow).at, 'expected an initial margin rate or a max leverage'));
  brackets.forEach((bracket, i) => {
    const r = rows[i] as BracketRow;
    const fault = bracketFault(bracket);
    if (fault !== undefined) invalid(field(r.at, faultField(r, fault.part)), fault.detail);
  });
  return brackets;
}

/** The response's name of the field a {@link bracketFault} is about. */
function faultField(r: BracketRow, part: 'cum' | 'imr'): string {
  if (part === 'cum') return r.names.cum ?? 'cum';
  return r.imr !== undefined ? (r.names.imr ?? 'imr') : (r.names.maxLeverage ?? 'maxLeverage');
}

/** A response's symbol as a preset key (upper case), refused where a preset could not hold it. */
export function symbolKey(value: string, where: string): string {
  if (!SYMBOL_KEY.test(value)) invalid(where, `expected a symbol such as "BTCUSDT", got ${JSON.stringify(value)}`);
  return value.toUpperCase();
}

/** A row's `symbol` field as a preset key. */
export function symbolField(obj: Readonly<Record<string, unknown>>, where: string): string {
  return symbolKey(textField(obj, 'symbol', where), field(where, 'symbol'));
}

/**
 * A bracket row whose fields the response names in `names`: floor, cap, mmr and max leverage, and cum where the
 * response publishes it.
 */
export function readNamedRow(
  obj: Readonly<Record<string, unknown>>,
  at: string,
  names: BracketNames & { readonly maxLeverage: string },
): BracketRow {
  return {
    floor: numberField(obj, names.floor, at, NON_NEGATIVE),
    cap: numberField(obj, names.cap, at, POSITIVE),
    mmr: numberField(obj, names.mmr, at, RATIO),
    ...(names.cum === undefined ? {} : { cum: numberField(obj, names.cum, at, NON_NEGATIVE) }),
    maxLeverage: numberField(obj, names.maxLeverage, at, AT_LEAST_ONE),
    at,
    names,
  };
}

/** Groups rows by symbol in order of first appearance. */
export function groupBySymbol<T extends { readonly symbol: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.symbol);
    if (list) list.push(row);
    else groups.set(row.symbol, [row]);
  }
  return groups;
}
