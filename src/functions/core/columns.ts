import type { MarginMode, Side } from '../../engine/model';

/**
 * The one table of the columns of the balances, positions and shocks ranges: names, header aliases and the
 * rule for what a cell may hold. Every reader of these ranges goes through it: the functions (balances.ts,
 * positions.ts, shocks.ts), the number path's column reading (accountCells.ts), and the task pane's Read
 * selection and typed rows (taskpane/selectionGrid.ts, taskpane/scenarioRows.ts). To accept another header
 * spelling, add it to `aliases` below; every reader then knows it.
 */

/** What a number column accepts: any number, > 0, ≥ 0, or a rate in [0, 1]. */
export type NumberSign = 'any' | 'positive' | 'notNegative' | 'rate';

/** The words a choice column accepts (lower case) and what each means. A Map, so `constructor` is no word. */
export type Choices<T extends string = string> = ReadonlyMap<string, T>;

export type ColumnRule =
  | { readonly kind: 'text' }
  | { readonly kind: 'number'; readonly sign: NumberSign }
  | { readonly kind: 'choice'; readonly choices: Choices; readonly blank?: string };

/** A data row as a presence rule sees it. */
export interface RowCells {
  /** 1-based row number within the range. */
  readonly row: number;
}

/**
 * When a column the positional layout places among the required ones may still be left blank: a header row
 * need not name it, and a row may leave it blank when `holds` says so (for instance, a rate the preset's
 * leverage brackets give for the row's symbol). `reason` completes "blank (allowed only when …)" in the message otherwise.
 */
export interface OptionalWhen {
  readonly reason: string;
  readonly holds: (row: RowCells) => boolean;
}

export interface ColumnSpec {
  /** The canonical name, as printed in messages and in the positional order. */
  readonly name: string;
  /** Header spellings accepted besides `name` (compared after {@link headerKey}). */
  readonly aliases: readonly string[];
  /** A header row must name it and every data row must fill it (unless `optionalWhen` holds). */
  readonly required: boolean;
  readonly optionalWhen?: OptionalWhen;
  readonly rule: ColumnRule;
}

export interface TableSpec {
  /** Columns in their positional order (used when the range has no header row). */
  readonly columns: readonly ColumnSpec[];
}

export const SIDES: Choices<Side> = new Map([
  ['long', 'LONG'],
  ['short', 'SHORT'],
  ['both', 'BOTH'],
]);

export const MARGIN_MODES: Choices<MarginMode> = new Map([
  ['cross', 'cross'],
  ['crossed', 'cross'],
  ['isolated', 'isolated'],
]);

const TEXT: ColumnRule = { kind: 'text' };
const number = (sign: NumberSign): ColumnRule => ({ kind: 'number', sign });

/** `asset | amount | price [| upnl]`: wallet balance in coin units, index price, unrealized PnL in coin units. */
export const BALANCES_TABLE: TableSpec = {
  columns: [
    { name: 'asset', aliases: ['coin', 'currency', 'ccy'], required: true, rule: TEXT },
    {
      name: 'amount',
      aliases: ['balance', 'wallet balance', 'wallet', 'quantity', 'qty'],
      required: true,
      rule: number('any'),
    },
    { name: 'price', aliases: ['index price', 'index', 'index rate'], required: true, rule: number('positive') },
    {
      name: 'upnl',
      aliases: ['unrealized pnl', 'unrealised pnl', 'unrealized profit', 'pnl', 'unrealized'],
      required: false,
      rule: number('any'),
    },
  ],
};

/** `symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]`, one row per position. */
export const POSITIONS_TABLE: TableSpec = {
  columns: [
    { name: 'symbol', aliases: ['contract', 'pair', 'instrument'], required: true, rule: TEXT },
    { name: 'side', aliases: ['position side', 'direction'], required: true, rule: { kind: 'choice', choices: SIDES } },
    {
      name: 'size',
      aliases: ['quantity', 'qty', 'position size', 'position amt', 'amount', 'contracts'],
      required: true,
      rule: number('any'),
    },
    {
      name: 'entry',
      aliases: ['entry price', 'avg price', 'average price', 'open price'],
      required: true,
      rule: number('positive'),
    },
    { name: 'mark', aliases: ['mark price'], required: true, rule: number('positive') },
    {
      name: 'mmr',
      aliases: ['maint margin ratio', 'maintenance margin ratio', 'maint margin rate', 'maintenance margin rate', 'maintmarginratio'],
      required: true,
      // Blank: the rates come from the preset's brackets, checked per row where the preset is known (NO_BRACKETS).
      optionalWhen: { reason: 'the preset has leverage brackets for the symbol', holds: () => true },
      rule: number('rate'),
    },
    {
      name: 'cum',
      aliases: ['maintenance amount', 'maint amount', 'cum amount', 'cum fast'],
      required: false,
      rule: number('notNegative'),
    },
    {
      name: 'imr',
      aliases: ['initial margin ratio', 'initial margin rate', 'init margin ratio'],
      required: false,
      rule: number('rate'),
    },
    {
      name: 'margin_mode',
      aliases: ['margin mode', 'margin type', 'mode'],
      required: false,
      rule: { kind: 'choice', choices: MARGIN_MODES, blank: 'cross' },
    },
  ],
};

/** `asset | change`: a relative price move, -0.2 = −20%. */
export const SHOCKS_TABLE: TableSpec = {
  columns: [
    { name: 'asset', aliases: ['coin', 'currency', 'ccy'], required: true, rule: TEXT },
    {
      name: 'change',
      aliases: ['shock', 'relative change', 'price change', 'move'],
      required: true,
      rule: number('any'),
    },
  ],
};

/** `asset | price`: prices of settlement assets (MAINT_MARGIN's `prices`). */
export const PRICES_TABLE: TableSpec = {
  columns: [
    { name: 'asset', aliases: ['coin', 'currency', 'ccy'], required: true, rule: TEXT },
    { name: 'price', aliases: ['index price', 'index', 'index rate'], required: true, rule: number('positive') },
  ],
};

/** Lower case, separators as single spaces, a trailing unit in brackets dropped: "Index Price (USDT)" → "index price". */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s*[([][^)\]]*[)\]]\s*$/, '')
    .replace(/[\s_\-.]+/g, ' ')
    .trim();
}

const keyIndexes = new WeakMap<TableSpec, ReadonlyMap<string, ColumnSpec>>();

/** The column a header cell names (by name or alias, after {@link headerKey}), or undefined. */
export function columnFor(spec: TableSpec, text: string): ColumnSpec | undefined {
  let index = keyIndexes.get(spec);
  if (index === undefined) {
    const built = new Map<string, ColumnSpec>();
    for (const c of spec.columns) for (const word of [c.name, ...c.aliases]) built.set(headerKey(word), c);
    // Spellings without spaces too ("walletbalance", "markprice"), as sheets exported by exchanges write them.
    for (const c of spec.columns) {
      for (const word of [c.name, ...c.aliases]) {
        const joined = headerKey(word).replace(/ /g, '');
        if (!built.has(joined)) built.set(joined, c);
      }
    }
    index = built;
    keyIndexes.set(spec, index);
  }
  const k = headerKey(text);
  return index.get(k) ?? index.get(k.replace(/ /g, ''));
}

/** The column called `name` of `spec` (a bug when absent: callers name columns of their own table). */
export function columnNamed(spec: TableSpec, name: string): ColumnSpec {
  const column = spec.columns.find((c) => c.name === name);
  if (column === undefined) throw new Error(`no column "${name}"`);
  return column;
}

/** The choice words of a rule, for "expected one of …". */
export function choiceWords(choices: Choices): string {
  return [...new Set(choices.values())].join(', ');
}

/** The meaning of `word` (trimmed, any case) among `choices`, or undefined. Own entries only (a Map). */
export function lookupChoice<T extends string>(choices: Choices<T>, word: string): T | undefined {
  return choices.get(word.trim().toLowerCase());
}
