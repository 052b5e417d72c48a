import { messageNumber } from './numberText';
import type { Dec } from './decimal';
import { ONE, ZERO } from './decimal';
import { fail } from './errors';
import type { Bracket, BracketShape, Position, Preset } from './model';
import { trySymbol } from './symbols';

/** A leverage bracket as far as the maintenance amount needs it. */
export interface BracketInput {
  readonly floor: Dec;
  readonly mmr: Dec;
  readonly contractValue?: Dec;
}

/**
 * Maintenance amounts (`cum`) of a bracket table, so that `notional × mmr − cum` is continuous across
 * brackets: cum₀ = 0, cumₙ = floorₙ × (mmrₙ − mmrₙ₋₁) + cumₙ₋₁. Brackets in ascending floor order.
 * A table bounded by contracts (see {@link BracketShape}) applies each rate to the whole position: its cums are 0.
 *
 * @example
 * bracketCum([{ floor: dec(0), mmr: dec('0.004') }, { floor: dec(50000), mmr: dec('0.005') }]).map(String) // ['0', '50']
 */
export function bracketCum(brackets: readonly BracketInput[]): Dec[] {
  if (bySize(brackets)) return brackets.map(() => ZERO);
  const cums: Dec[] = [];
  let cum = ZERO;
  brackets.forEach((bracket, i) => {
    const previous = brackets[i - 1];
    if (previous) cum = bracket.floor.times(bracket.mmr.minus(previous.mmr)).plus(cum);
    cums.push(cum);
  });
  return cums;
}

/** A bracket's rates, as {@link bracketFault} checks them. */
export interface BracketRates {
  readonly floor: Dec;
  readonly mmr: Dec;
  readonly cum: Dec;
  readonly imr: Dec;
}

/** What makes a bracket unsound, naming its field (`cum` or `imr`), or undefined when it is sound. */
export interface BracketFault {
  readonly part: 'cum' | 'imr';
  readonly detail: string;
}

/**
 * Why a completed bracket cannot be used, or undefined. A `cum` above floor × mmr makes the maintenance margin
 * negative at the bracket's floor (a table whose cums follow {@link bracketCum} never does); an initial rate
 * below the maintenance rate would open a position already past liquidation. Presets and imports refuse both.
 *
 * @example
 * bracketFault({ floor: dec(50000), mmr: dec('0.005'), cum: dec(100000), imr: dec('0.01') })?.part // 'cum'
 */
export function bracketFault(bracket: BracketRates): BracketFault | undefined {
  const atFloor = bracket.floor.times(bracket.mmr);
  if (bracket.cum.gt(atFloor)) {
    return {
      part: 'cum',
      detail: `expected at most floor × mmr = ${messageNumber(atFloor)}, got ${messageNumber(bracket.cum)}: the maintenance margin at the bracket's floor would be negative`,
    };
  }
  if (bracket.imr.lt(bracket.mmr)) {
    return {
      part: 'imr',
      detail: `expected an initial margin rate of at least the maintenance rate ${messageNumber(bracket.mmr)}, got ${messageNumber(bracket.imr)}`,
    };
  }
  return undefined;
}

/**
 * Brackets completed as the engine holds them: `cum` derived ({@link bracketCum}) where none is given, `imr` as
 * 1 / max leverage where none is published. The one completion for preset documents and imported responses;
 * `noInitialRate` refuses a bracket with neither, in its reader's words.
 *
 * @example completeBrackets([{ floor: dec(0), cap: null, mmr: dec('0.004'), maxLeverage: dec(125) }], refuse)[0].imr // 0.008
 */
export function completeBrackets(rows: readonly BracketShape<Dec>[], noInitialRate: (index: number) => never): Bracket[] {
  const derived = bracketCum(rows);
  return rows.map((r, i) => {
    const imr = r.imr ?? (r.maxLeverage === undefined ? noInitialRate(i) : ONE.div(r.maxLeverage));
    return {
      floor: r.floor,
      cap: r.cap,
      mmr: r.mmr,
      cum: r.cum ?? (derived[i] as Dec),
      imr,
      ...(r.maxLeverage === undefined ? {} : { maxLeverage: r.maxLeverage }),
      ...(r.contractValue === undefined ? {} : { contractValue: r.contractValue }),
    };
  });
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
    fail('BEYOND_BRACKETS', { symbol, what: `notional ${messageNumber(notional)}`, cap: messageNumber(found.cap) });
  }
  return found;
}

/**
 * The bracket of a position of `size` (coin, signed or not) at `mark`: by its notional |size| × mark, or, for a
 * table bounded by contracts, by |size| / contractValue, the first bracket whose cap is at or above it (OKX's
 * maxSz is the largest position of its tier). The one place a position's bracket is picked.
 *
 * @throws BEYOND_BRACKETS past the last bracket's cap.
 * @example
 * bracketFor(okxTiers, dec(20), dec(60000), 'BTC-USDT-SWAP').mmr.toString() // tier of 2000 contracts of 0.01 BTC
 */
export function bracketFor(brackets: readonly Bracket[], size: Dec, mark: Dec, symbol: string): Bracket {
  const contractValue = brackets[0]?.contractValue;
  if (contractValue === undefined) return bracketAt(brackets, size.abs().times(mark), symbol);
  // cap × contractValue ≥ |size|: exact, where |size| / contractValue may not be.
  const found = brackets.find((b) => b.cap === null || b.cap.times(contractValue).gte(size.abs()));
  if (found !== undefined) return found;
  const what = `position of ${messageNumber(size.abs().div(contractValue))} contracts of ${messageNumber(contractValue)}`;
  return fail('BEYOND_BRACKETS', { symbol, what, cap: `${messageNumber(brackets[brackets.length - 1]?.cap ?? ZERO)} contracts` });
}

/** Whether a bracket table is bounded by position size in contracts, so a position's bracket never moves with the mark. */
export function bySize(brackets: readonly { readonly contractValue?: unknown }[]): boolean {
  return brackets[0]?.contractValue !== undefined;
}

function symbolKey(preset: Preset, symbol: string): string | undefined {
  const parts = trySymbol(preset, symbol);
  return parts === null ? undefined : `${parts.base}/${parts.quote}`;
}

/**
 * A symbol's brackets in a preset: by its key as written (case-insensitive), else by the same base and quote
 * (`BTC-USDT-SWAP` finds `BTCUSDT`). Undefined when the preset has none for it.
 */
export function findBrackets(preset: Preset, symbol: string): readonly Bracket[] | undefined {
  const table = preset.brackets;
  if (table === undefined) return undefined;
  // A range of positions asks for the same few symbols' tables row after row: each is looked up once per table.
  let known = FOUND.get(preset);
  if (known === undefined || known.table !== table) {
    known = { table, bySymbol: new Map() };
    FOUND.set(preset, known);
  }
  if (known.bySymbol.has(symbol)) return known.bySymbol.get(symbol);
  const found = lookUpBrackets(preset, table, symbol);
  known.bySymbol.set(symbol, found);
  return found;
}

/** What {@link findBrackets} found per preset, for the bracket table the preset has (presets are not changed once built). */
const FOUND = new WeakMap<Preset, { table: NonNullable<Preset['brackets']>; bySymbol: Map<string, readonly Bracket[] | undefined> }>();

function lookUpBrackets(preset: Preset, table: NonNullable<Preset['brackets']>, symbol: string): readonly Bracket[] | undefined {
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

/** The bracket of a bracketed position at its current mark; undefined for a position with typed rates. */
export function positionBracket(position: Position): Bracket | undefined {
  return position.brackets === undefined ? undefined : bracketFor(position.brackets, position.size, position.mark, position.symbol);
}

/**
 * The rates of a position row that left mmr (and cum) blank: those of its bracket (see {@link bracketFor}), from
 * its symbol's brackets in `preset`, with the brackets themselves so that the engine picks the bracket again
 * wherever the mark moves. NO_BRACKETS, naming `arg` and `row`, when the preset has none for the symbol.
 * Every reader of position rows (cells, the pane's typed rows) takes blank rates through here.
 */
export function bracketRates(
  preset: Preset | undefined,
  brackets: readonly Bracket[] | undefined,
  symbol: string,
  position: { readonly size: Dec; readonly mark: Dec },
  where: { readonly arg: string; readonly row: number },
): { readonly mmr: Dec; readonly cum: Dec; readonly brackets: readonly Bracket[] } {
  if (brackets === undefined) {
    return fail('NO_BRACKETS', { ...where, symbol: symbol.trim().toUpperCase(), preset: preset?.id ?? '(default)' });
  }
  const bracket = bracketFor(brackets, position.size, position.mark, symbol);
  return { mmr: bracket.mmr, cum: bracket.cum, brackets };
}
