import type { AccountFigure, BalanceCells, PositionCells, ShockCells } from '../../engine';
import { accountFigureCell as accountFigureNumbers, liquidationPriceCell as liquidationPriceNumbers } from '../../engine';
import { isMarginError } from '../../engine/errors';
import type { MarginMode, Side } from '../../engine/model';
import type { ArgList } from './args';
import { isReadableNumber } from './coerce';
import type { TableSpec } from './columns';
import { BALANCES_TABLE, columnNamed, lookupChoice, POSITIONS_TABLE, SHOCKS_TABLE } from './columns';
import type { TableLayout } from './tables';
import { readLayout } from './tables';
import type { CellArg, CellScalar, FunctionContext } from './types';

/**
 * The number path of ACCOUNT_EQUITY, MULTIASSET_LTV and MARGIN_RATIO: ranges of plain numbers go straight to
 * the engine's exact integer sums, with no Decimal per row. Anything else (numeric text, a bad cell, an
 * account the engine would refuse) declines with NaN, and the function's handler reads the ranges the full way,
 * which reports the problem or computes the value through Decimal. Both ways give the same numbers.
 */

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

/**
 * The plain numbers the column's rule takes, as the full reader would take them; anything else (text, a
 * number the reader bounds or the rule refuses) is null, so the full path reads it and says what is wrong.
 */
function numbers(spec: TableSpec, name: string, blankAsZero: boolean) {
  const rule = columnNamed(spec, name).rule;
  const sign = rule.kind === 'number' ? rule.sign : 'any';
  return (cell: CellScalar | undefined): number | null => {
    if (isBlank(cell)) return blankAsZero ? 0 : null;
    if (!isReadableNumber(cell)) return null;
    if (sign === 'positive' && !(cell > 0)) return null;
    if ((sign === 'notNegative' || sign === 'rate') && cell < 0) return null;
    if (sign === 'rate' && cell > 1) return null;
    return cell;
  };
}

const text = (cell: CellScalar | undefined): string | null => (typeof cell === 'string' && cell.trim() !== '' ? cell : null);

function choice<T extends string>(spec: TableSpec, name: string) {
  const rule = columnNamed(spec, name).rule;
  return (cell: CellScalar | undefined): T | null => {
    if (rule.kind !== 'choice') return null;
    if (isBlank(cell)) return (rule.blank as T | undefined) ?? null;
    return typeof cell === 'string' ? ((lookupChoice(rule.choices, cell) as T | undefined) ?? null) : null;
  };
}

function balanceCells(value: CellArg): BalanceCells | null {
  const layout = readLayout(value, 'balances', BALANCES_TABLE);
  const assets = column(layout, 'asset', text);
  const amounts = column(layout, 'amount', numbers(BALANCES_TABLE, 'amount', false));
  const prices = column(layout, 'price', numbers(BALANCES_TABLE, 'price', false));
  const upnls = column(layout, 'upnl', numbers(BALANCES_TABLE, 'upnl', true));
  return assets && amounts && prices && upnls ? { assets, amounts, prices, upnls } : null;
}

/**
 * A cum near or beyond |size| × mark × mmr goes the full way, which decides exactly (and refuses a cum beyond
 * it); doubles only say it is clearly below.
 */
const cumClearlyBelow = (size: number, mark: number, mmr: number, cum: number): boolean =>
  cum === 0 || cum < Math.abs(size) * mark * mmr * (1 - 1e-9);

function positionCells(value: CellArg): PositionCells | null {
  const T = POSITIONS_TABLE;
  const layout = readLayout(value, 'positions', T, true);
  const symbols = column(layout, 'symbol', text);
  const sides = column(layout, 'side', choice<Side>(T, 'side'));
  const sizes = column(layout, 'size', numbers(T, 'size', false));
  const entries = column(layout, 'entry', numbers(T, 'entry', false));
  const marks = column(layout, 'mark', numbers(T, 'mark', false));
  // A blank mmr is NaN: the row takes its rates from the preset's leverage brackets, as the full reader does
  // (a blank cum then too, NaN; with a typed mmr, a blank cum is 0).
  const mmrOrBlank = numbers(T, 'mmr', false);
  const mmrs = column(layout, 'mmr', (cell) => (isBlank(cell) ? NaN : mmrOrBlank(cell)));
  const cumOrBlank = numbers(T, 'cum', false);
  const cums = column(layout, 'cum', (cell) => (isBlank(cell) ? NaN : cumOrBlank(cell)));
  // A blank imr is NaN: that position's initial margin is its maintenance margin (0 would be an imr of 0).
  const blankOrImr = numbers(T, 'imr', false);
  const imrs = column(layout, 'imr', (cell) => (isBlank(cell) ? NaN : blankOrImr(cell)));
  const modes = column(layout, 'margin_mode', choice<MarginMode>(T, 'margin_mode'));
  if (!symbols || !sides || !sizes || !entries || !marks || !mmrs || !cums || !imrs || !modes) return null;
  for (let i = 0; i < mmrs.length; i += 1) {
    const [mmr, cum] = [mmrs[i] as number, cums[i] as number];
    if (mmr !== mmr) {
      // A typed cum without its mmr is refused by the full reader.
      if (cum === cum) return null;
    } else if (cum !== cum) cums[i] = 0;
    else if (!cumClearlyBelow(sizes[i] as number, marks[i] as number, mmr, cum)) return null;
  }
  const signed = sizes.map((size, i) => (sides[i] === 'LONG' ? Math.abs(size) : sides[i] === 'SHORT' ? -Math.abs(size) : size));
  return { symbols, sizes: signed, entries, marks, mmrs, cums, imrs, cross: modes.map((m) => m === 'cross') };
}

/** A shocks range of plain numbers: asset text and a finite change (the engine checks the rest). */
function shockCells(value: CellArg): ShockCells | null {
  const layout = readLayout(value, 'shocks', SHOCKS_TABLE);
  const assets = column(layout, 'asset', text);
  const changes = column(layout, 'change', numbers(SHOCKS_TABLE, 'change', false));
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

/**
 * LIQUIDATION_PRICE by the number path (the positions that do not move with the asset summed on integers), or
 * NaN when the call needs the full path.
 */
export function liquidationPriceCell(a: ArgList, ctx: FunctionContext): number {
  try {
    const asset = a.cell('asset');
    if (typeof asset !== 'string' || asset.trim() === '') return NaN;
    const balances = balanceCells(a.range('balances'));
    const positions = balances === null ? null : positionCells(a.range('positions'));
    return balances === null || positions === null ? NaN : liquidationPriceNumbers(a.preset(ctx), balances, positions, asset);
  } catch (error) {
    if (isMarginError(error)) return NaN;
    throw error;
  }
}

/**
 * The balances and positions ranges as cell numbers, for a function that values them under several presets
 * (COMPARE); null when either needs the full reader (which then reports the problem or reads the Decimals).
 */
export function accountRangeCells(a: ArgList): { readonly balances: BalanceCells; readonly positions: PositionCells } | null {
  try {
    const balances = balanceCells(a.range('balances'));
    const positions = balances === null ? null : positionCells(a.range('positions'));
    // COMPARE reads no brackets (a blank mmr is its error to report): such rows go the full way.
    if (positions !== null && positions.mmrs.some((mmr) => mmr !== mmr)) return null;
    return balances !== null && positions !== null ? { balances, positions } : null;
  } catch (error) {
    if (isMarginError(error)) return null;
    throw error;
  }
}
