import { messageNumber } from './numberText';
import type { Dec } from './decimal';
import { ZERO } from './decimal';
import { fail } from './errors';
import type { Bracket, Position, Preset } from './model';
import { parseSymbol } from './symbols';

/** A leverage bracket as far as the maintenance amount needs it. */
export interface BracketInput {
  readonly floor: Dec;
  readonly mmr: Dec;
}

/**
 * Maintenance amounts (`cum`) of a bracket table, so that `notional × mmr − cum` is continuous across
 * brackets: cum₀ = 0, cumₙ = floorₙ × (mmrₙ − mmrₙ₋₁) + cumₙ₋₁. Brackets in ascending floor order.
 *
 * @example
 * bracketCum([{ floor: dec(0), mmr: dec('0.004') }, { floor: dec(50000), mmr: dec('0.005') }]).map(String) // ['0', '50']
 */
export function bracketCum(brackets: readonly BracketInput[]): Dec[] {
  const cums: Dec[] = [];
  let cum = ZERO;
  brackets.forEach((bracket, i) => {
    const previous = brackets[i - 1];
    if (previous) cum = bracket.floor.times(bracket.mmr.minus(previous.mmr)).plus(cum);
    cums.push(cum);
  });
  return cums;
}

/**
 * The bracket a notional falls in: the last whose floor is at or below it. A notional exactly at a cap stays
 * in the lower bracket only when it is the last one (maintenance margin is continuous there anyway).
 *
 * @throws BEYOND_BRACKETS when the notional is above the last bracket's cap.
 * @example
 * bracketAt(btcBrackets, dec(60000), 'BTCUSDT').mmr.toString() // '0.005' with brackets 0–50000 and 50000–250000
 */
export function bracketAt(brackets: readonly Bracket[], notional: Dec, symbol: string): Bracket {
  let lo = 0;
  let hi = brackets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((brackets[mid] as Bracket).floor.lte(notional)) lo = mid;
    else hi = mid - 1;
  }
  const found = brackets[lo];
  if (found === undefined) return fail('UNKNOWN_BRACKETS', { preset: '(this)', symbol });
  if (found.cap !== null && notional.gt(found.cap)) {
    fail('BEYOND_BRACKETS', { symbol, notional: messageNumber(notional), cap: messageNumber(found.cap) });
  }
  return found;
}

function symbolKey(preset: Preset, symbol: string): string | undefined {
  try {
    const { base, quote } = parseSymbol(preset, symbol);
    return `${base}/${quote}`;
  } catch {
    return undefined;
  }
}

/**
 * A symbol's brackets in a preset: by its key as written (case-insensitive), else by the same base and quote
 * (`BTC-USDT-SWAP` finds `BTCUSDT`). Undefined when the preset has none for it.
 */
export function findBrackets(preset: Preset, symbol: string): readonly Bracket[] | undefined {
  const table = preset.brackets;
  if (table === undefined) return undefined;
  const exact = table[symbol.trim().toUpperCase()];
  if (exact !== undefined) return exact;
  const wanted = symbolKey(preset, symbol);
  if (wanted === undefined) return undefined;
  const key = Object.keys(table).find((k) => symbolKey(preset, k) === wanted);
  return key === undefined ? undefined : table[key];
}

/**
 * A symbol's brackets, for MARGIN.BRACKETS.
 *
 * @throws UNKNOWN_BRACKETS naming the symbol and how to add its brackets.
 */
export function symbolBrackets(preset: Preset, symbol: string): readonly Bracket[] {
  return findBrackets(preset, symbol) ?? fail('UNKNOWN_BRACKETS', { preset: preset.id, symbol: symbol.trim().toUpperCase() });
}

/** |size| × mark: the notional that picks a position's bracket. */
export function positionNotional(position: Position): Dec {
  return position.size.abs().times(position.mark);
}

/** The bracket of a bracketed position at its current mark; undefined for a position with typed rates. */
export function positionBracket(position: Position): Bracket | undefined {
  return position.brackets === undefined ? undefined : bracketAt(position.brackets, positionNotional(position), position.symbol);
}

/**
 * The rates of a position row that left mmr (and cum) blank: those of the bracket its notional |size| × mark falls
 * in, from its symbol's brackets in `preset`, with the brackets themselves so that the engine picks the bracket
 * again wherever the mark moves. NO_BRACKETS, naming `arg` and `row`, when the preset has none for the symbol.
 * Every reader of position rows (cells, the pane's typed rows) takes blank rates through here.
 */
export function bracketRates(
  preset: Preset | undefined,
  brackets: readonly Bracket[] | undefined,
  symbol: string,
  notional: Dec,
  where: { readonly arg: string; readonly row: number },
): { readonly mmr: Dec; readonly cum: Dec; readonly brackets: readonly Bracket[] } {
  if (brackets === undefined) {
    return fail('NO_BRACKETS', { ...where, symbol: symbol.trim().toUpperCase(), preset: preset?.id ?? '(default)' });
  }
  const bracket = bracketAt(brackets, notional, symbol);
  return { mmr: bracket.mmr, cum: bracket.cum, brackets };
}
