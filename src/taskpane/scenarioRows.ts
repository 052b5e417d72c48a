import { type Dec, dec, ZERO } from '../engine/decimal';
import { fail } from '../engine/errors';
import type { Balance, MarginMode, Position, Side } from '../engine/model';

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

// Thousands separators are accepted because people type "60,000"; nothing else beyond a plain decimal is.
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

type Check = 'any' | 'positive' | 'nonNegative';

function readNumber(text: string, grid: string, row: number, column: string, check: Check): Dec {
  const t = text.trim().replace(/^−/, '-');
  if (t === '' || !NUMBER_TEXT.test(t) || !/\d/.test(t)) {
    const got = t === '' ? 'a blank cell' : JSON.stringify(text);
    return fail('BAD_ROW', { arg: grid, row, detail: `${column}: expected a number, got ${got}` });
  }
  const value = dec(t.replace(/,/g, ''));
  if (check === 'positive' && !value.gt(0)) {
    return fail('BAD_ROW', { arg: grid, row, detail: `${column}: expected a positive number, got ${t}` });
  }
  if (check === 'nonNegative' && value.lt(0)) {
    return fail('BAD_ROW', { arg: grid, row, detail: `${column}: expected zero or a positive number, got ${t}` });
  }
  return value.isZero() ? ZERO : value;
}

function readOptional(text: string, grid: string, row: number, column: string, check: Check): Dec | undefined {
  return text.trim() === '' ? undefined : readNumber(text, grid, row, column, check);
}

function readName(text: string, grid: string, row: number, column: string): string {
  const t = text.trim();
  return t === '' ? fail('BAD_ROW', { arg: grid, row, detail: `${column}: required, but blank` }) : t;
}

function readSide(text: string, row: number): Side {
  const t = text.trim().toUpperCase();
  if (t === 'LONG' || t === 'SHORT' || t === 'BOTH') return t;
  return fail('BAD_ROW', { arg: 'positions', row, detail: `side: expected LONG, SHORT or BOTH, got ${JSON.stringify(text)}` });
}

function readMarginMode(text: string, row: number): MarginMode {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'cross') return 'cross';
  if (t === 'isolated') return 'isolated';
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
    const upnl = readOptional(r.upnl, 'balances', row, 'upnl', 'any');
    out.push({
      asset: readName(r.asset, 'balances', row, 'asset').toUpperCase(),
      amount: readNumber(r.amount, 'balances', row, 'amount', 'any'),
      price: readNumber(r.price, 'balances', row, 'price', 'positive'),
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

export function parsePositionRows(rows: readonly PositionRow[]): Position[] {
  const out: Position[] = [];
  rows.forEach((r, i) => {
    if (isBlankPosition(r)) return;
    const row = i + 1;
    const g = 'positions';
    const imr = readOptional(r.imr, g, row, 'imr', 'nonNegative');
    out.push({
      symbol: readName(r.symbol, g, row, 'symbol').toUpperCase(),
      side: readSide(r.side, row),
      size: readNumber(r.size, g, row, 'size', 'any'),
      entry: readNumber(r.entry, g, row, 'entry', 'positive'),
      mark: readNumber(r.mark, g, row, 'mark', 'positive'),
      mmr: readNumber(r.mmr, g, row, 'mmr', 'nonNegative'),
      cum: readOptional(r.cum, g, row, 'cum', 'any') ?? ZERO,
      ...(imr === undefined ? {} : { imr }),
      marginMode: readMarginMode(r.marginMode, row),
    });
  });
  return out;
}
