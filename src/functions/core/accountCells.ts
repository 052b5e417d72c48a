import type { AccountFigure, BalanceCells, PositionCells, ShockCells } from '../../engine';
import { accountFigureCell as accountFigureNumbers } from '../../engine';
import { isMarginError } from '../../engine/errors';
import type { ArgList } from './args';
import { BALANCES_TABLE } from './balances';
import { MARGIN_MODES, POSITIONS_TABLE, SIDES } from './positions';
import { SHOCKS_TABLE } from './shocks';
import type { TableLayout } from './tables';
import { readLayout } from './tables';
import type { CellArg, CellScalar, FunctionContext } from './types';

/**
 * The number path of ACCOUNT_EQUITY, MULTIASSET_LTV and MARGIN_RATIO: ranges of plain numbers go straight to
 * the engine's exact integer sums, with no Decimal per row. Anything else (numeric text, a bad cell, an
 * account the engine would refuse) declines with NaN, and the function's handler reads the ranges the full way,
 * which reports the problem or computes the value through Decimal. Both ways give the same numbers.
 */

const isNumber = (cell: CellScalar | undefined): cell is number => typeof cell === 'number' && Number.isFinite(cell);
const isBlank = (cell: CellScalar | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** Column `name` of every data row, or null when a cell is not what `accept` takes. */
function column<T>(layout: TableLayout, name: string, accept: (cell: CellScalar | undefined) => T | null): T[] | null {
  const index = layout.indexes.get(name);
  const out: T[] = [];
  for (const r of layout.dataRows) {
    const value = accept(index === undefined ? null : layout.grid[r]?.[index]);
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

const text = (cell: CellScalar | undefined): string | null => (typeof cell === 'string' && cell.trim() !== '' ? cell : null);
const finite = (cell: CellScalar | undefined): number | null => (isNumber(cell) ? cell : null);
const positive = (cell: CellScalar | undefined): number | null => (isNumber(cell) && cell > 0 ? cell : null);
const notNegative = (cell: CellScalar | undefined): number | null => (isNumber(cell) && cell >= 0 ? cell : null);
const blankOr = (accept: (cell: CellScalar | undefined) => number | null) => (cell: CellScalar | undefined) =>
  isBlank(cell) ? 0 : accept(cell);

function choice<T extends string>(choices: Readonly<Record<string, T>>, blank: T | null) {
  return (cell: CellScalar | undefined): T | null => {
    if (isBlank(cell)) return blank;
    if (typeof cell !== 'string') return null;
    const word = cell.trim().toLowerCase();
    return Object.prototype.hasOwnProperty.call(choices, word) ? (choices[word] as T) : null;
  };
}

function balanceCells(value: CellArg): BalanceCells | null {
  const layout = readLayout(value, 'balances', BALANCES_TABLE);
  const assets = column(layout, 'asset', text);
  const amounts = column(layout, 'amount', finite);
  const prices = column(layout, 'price', positive);
  const upnls = column(layout, 'upnl', blankOr(finite));
  return assets && amounts && prices && upnls ? { assets, amounts, prices, upnls } : null;
}

function positionCells(value: CellArg): PositionCells | null {
  const layout = readLayout(value, 'positions', POSITIONS_TABLE, true);
  const symbols = column(layout, 'symbol', text);
  const sides = column(layout, 'side', choice(SIDES, null));
  const sizes = column(layout, 'size', finite);
  const entries = column(layout, 'entry', positive);
  const marks = column(layout, 'mark', positive);
  const mmrs = column(layout, 'mmr', notNegative);
  const cums = column(layout, 'cum', blankOr(notNegative));
  // A blank imr is NaN: that position's initial margin is its maintenance margin (0 would be an imr of 0).
  const imrs = column(layout, 'imr', (cell) => (isBlank(cell) ? NaN : notNegative(cell)));
  const modes = column(layout, 'margin_mode', choice(MARGIN_MODES, 'cross'));
  if (!symbols || !sides || !sizes || !entries || !marks || !mmrs || !cums || !imrs || !modes) return null;
  const signed = sizes.map((size, i) => (sides[i] === 'LONG' ? Math.abs(size) : sides[i] === 'SHORT' ? -Math.abs(size) : size));
  return { symbols, sizes: signed, entries, marks, mmrs, cums, imrs, cross: modes.map((m) => m === 'cross') };
}

/** A shocks range of plain numbers: asset text and a finite change (the engine checks the rest). */
function shockCells(value: CellArg): ShockCells | null {
  const layout = readLayout(value, 'shocks', SHOCKS_TABLE);
  const assets = column(layout, 'asset', text);
  const changes = column(layout, 'change', finite);
  return assets && changes ? { assets, changes } : null;
}

export type { AccountFigure };

/**
 * ACCOUNT_EQUITY (`equity`), MULTIASSET_LTV (`ltv`), MARGIN_RATIO (`ratio`), AVAILABLE_FOR_ORDER in the quote
 * currency (`available`) or STRESS_MARGIN_RATIO (`stress`) by the number path, or NaN when the call needs the
 * full path.
 */
export function accountFigureCell(a: ArgList, ctx: FunctionContext, kind: AccountFigure): number {
  try {
    const balances = balanceCells(a.range('balances'));
    const withPositions = kind !== 'equity' && kind !== 'ltv';
    const positions = withPositions ? positionCells(a.range('positions')) : null;
    const shocks = kind === 'stress' ? shockCells(a.range('shocks')) : null;
    if (!balances || (withPositions && !positions) || (kind === 'stress' && !shocks)) return NaN;
    return accountFigureNumbers(a.preset(ctx), balances, positions, kind, shocks);
  } catch (error) {
    if (isMarginError(error)) return NaN;
    throw error;
  }
}
