import { type Dec, ZERO } from '../../engine/decimal';
import { fail } from '../../engine/errors';
import { bracketRates, findBrackets } from '../../engine/brackets';
import type { Balance, MarginMode, Position, Preset, Side } from '../../engine/model';
import { checkPositionCum } from '../../engine/positions';
import { columnNumber } from '../../functions/core/coerce';
import type { ColumnSpec, TableSpec } from '../../functions/core/columns';
import { BALANCES_TABLE, columnNamed, lookupChoice, MARGIN_MODES, POSITIONS_TABLE, SIDES } from '../../functions/core/columns';

/** A balances grid row as typed (or read from a sheet): every field is text until it is parsed. */
export interface BalanceRow {
  readonly asset: string;
  readonly amount: string;
  readonly price: string;
  readonly upnl: string;
}

/** A positions grid row as typed; `cum`, `imr` and `marginMode` may be left blank. */
export interface PositionRow {
  readonly symbol: string;
  readonly side: string;
  readonly size: string;
  readonly entry: string;
  readonly mark: string;
  readonly mmr: string;
  readonly cum: string;
  readonly imr: string;
  readonly marginMode: string;
}

export const BALANCE_COLUMNS = ['asset', 'amount', 'price', 'upnl'] as const satisfies readonly (keyof BalanceRow)[];
export const POSITION_COLUMNS = [
  'symbol',
  'side',
  'size',
  'entry',
  'mark',
  'mmr',
  'cum',
  'imr',
  'marginMode',
] as const satisfies readonly (keyof PositionRow)[];

export const EMPTY_BALANCE: BalanceRow = { asset: '', amount: '', price: '', upnl: '' };
export const EMPTY_POSITION: PositionRow = {
  symbol: '',
  side: 'LONG',
  size: '',
  entry: '',
  mark: '',
  mmr: '',
  cum: '',
  imr: '',
  marginMode: 'cross',
};

/** The column of the shared table a grid field holds: grid fields are camelCase (`marginMode` → `margin_mode`). */
function columnOf(spec: TableSpec, field: string): ColumnSpec {
  return columnNamed(
    spec,
    field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  );
}

/**
 * A typed field by its column's rule in the shared table, through the same number reader as the functions;
 * messages read `positions, row 2: mark: …`. A required field left blank is `required, but blank`.
 */
function readNumberField(spec: TableSpec, text: string, grid: string, row: number, field: string): Dec {
  const column = columnOf(spec, field);
  if (text.trim() === '') return fail('BAD_ROW', { arg: grid, row, detail: `${column.name}: required, but blank` });
  return columnNumber(column, text, `${grid}, row ${row}: ${column.name}`);
}

function readOptional(spec: TableSpec, text: string, grid: string, row: number, field: string): Dec | undefined {
  return text.trim() === '' ? undefined : readNumberField(spec, text, grid, row, field);
}

function readName(text: string, grid: string, row: number, column: string): string {
  const t = text.trim();
  return t === '' ? fail('BAD_ROW', { arg: grid, row, detail: `${column}: required, but blank` }) : t;
}

function readSide(text: string, row: number): Side {
  const side = lookupChoice(SIDES, text);
  if (side !== undefined) return side;
  return fail('BAD_ROW', { arg: 'positions', row, detail: `side: expected LONG, SHORT or BOTH, got ${JSON.stringify(text)}` });
}

function readMarginMode(text: string, row: number): MarginMode {
  if (text.trim() === '') return 'cross';
  const mode = lookupChoice(MARGIN_MODES, text);
  if (mode !== undefined) return mode;
  return fail('BAD_ROW', {
    arg: 'positions',
    row,
    detail: `margin_mode: expected cross or isolated, got ${JSON.stringify(text)}`,
  });
}

function isBlank(row: object): boolean {
  return Object.values(row).every((v) => typeof v !== 'string' || v.trim() === '');
}

/** Rows numbered from 1 as the user sees them; rows left entirely blank are skipped. */
export function parseBalanceRows(rows: readonly BalanceRow[]): Balance[] {
  const out: Balance[] = [];
  rows.forEach((r, i) => {
    if (isBlank(r)) return;
    const row = i + 1;
    const B = BALANCES_TABLE;
    const upnl = readOptional(B, r.upnl, 'balances', row, 'upnl');
    out.push({
      asset: readName(r.asset, 'balances', row, 'asset').toUpperCase(),
      amount: readNumberField(B, r.amount, 'balances', row, 'amount'),
      price: readNumberField(B, r.price, 'balances', row, 'price'),
      ...(upnl === undefined ? {} : { upnl }),
    });
  });
  return out;
}

/** Blank side and margin mode rows are not blank rows: a row counts once it names a symbol or a number. */
function isBlankPosition(r: PositionRow): boolean {
  const { side: _side, marginMode: _mode, ...rest } = r;
  return isBlank(rest);
}

/**
 * Typed positions, numbered from 1. A row that leaves mmr (and cum) blank takes them from the leverage brackets
 * for its symbol in `preset`, as a positions range does in a formula; without brackets it says how to add them.
 */
export function parsePositionRows(rows: readonly PositionRow[], preset?: Preset): Position[] {
  const out: Position[] = [];
  rows.forEach((r, i) => {
    if (isBlankPosition(r)) return;
    const row = i + 1;
    const g = 'positions';
    const P = POSITIONS_TABLE;
    const imr = readOptional(P, r.imr, g, row, 'imr');
    const mmr = readOptional(P, r.mmr, g, row, 'mmr');
    const cum = readOptional(P, r.cum, g, row, 'cum');
    const symbol = readName(r.symbol, g, row, 'symbol').toUpperCase();
    const fields = {
      symbol,
      side: readSide(r.side, row),
      size: readNumberField(P, r.size, g, row, 'size'),
      entry: readNumberField(P, r.entry, g, row, 'entry'),
      mark: readNumberField(P, r.mark, g, row, 'mark'),
      ...(imr === undefined ? {} : { imr }),
      marginMode: readMarginMode(r.marginMode, row),
    };
    if (mmr === undefined && cum !== undefined) {
      fail('BAD_ROW', {
        arg: g,
        row,
        detail: "cum is given but mmr is blank; give both, or leave both blank to take them from the preset's brackets",
      });
    }
    const rates =
      mmr === undefined
        ? bracketRates(preset, preset === undefined ? undefined : findBrackets(preset, symbol), symbol, fields, { arg: g, row })
        : { mmr, cum: cum ?? ZERO };
    const position: Position = { ...fields, ...rates };
    if (mmr !== undefined) checkPositionCum(position, `${g}, row ${row}`);
    out.push(position);
  });
  return out;
}
