import type { AccountSums, BalanceCells, PositionCells } from '../../engine/accountCell';
import { accountSumsCell } from '../../engine/accountCell';
import type { Dec } from '../../engine/decimal';
import { isMarginError } from '../../engine/errors';
import type { MarginMode, Side } from '../../engine/model';
import type { ArgList } from './args';
import { isReadableNumber } from './coerce';
import type { TableSpec } from './columns';
import { BALANCES_TABLE, columnNamed, lookupChoice, POSITIONS_TABLE } from './columns';
import { numberCell } from './results';
import type { TableLayout } from './tables';
import { readLayout } from './tables';
import type { CellArg, CellScalar, FunctionContext } from './types';

/**
 * The number path of ACCOUNT_EQUITY, MULTIASSET_LTV and MARGIN_RATIO: ranges of plain numbers go straight to
 * the engine's exact integer sums, with no Decimal per row. Anything else (numeric text, a bad cell, an
 * account the engine would refuse) gives null, and the handler reads the ranges the full way, which reports
 * the problem or computes the value through Decimal. Both ways give the same numbers.
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
  const mmrs = column(layout, 'mmr', numbers(T, 'mmr', false));
  const cums = column(layout, 'cum', numbers(T, 'cum', true));
  const imrs = column(layout, 'imr', numbers(T, 'imr', true));
  const modes = column(layout, 'margin_mode', choice<MarginMode>(T, 'margin_mode'));
  if (!symbols || !sides || !sizes || !entries || !marks || !mmrs || !cums || !imrs || !modes) return null;
  if (!cums.every((cum, i) => cumClearlyBelow(sizes[i] as number, marks[i] as number, mmrs[i] as number, cum))) return null;
  const signed = sizes.map((size, i) => (sides[i] === 'LONG' ? Math.abs(size) : sides[i] === 'SHORT' ? -Math.abs(size) : size));
  return { symbols, sizes: signed, entries, marks, mmrs, cums, cross: modes.map((m) => m === 'cross') };
}

export type AccountFigure = 'equity' | 'ltv' | 'ratio';

function figure(kind: AccountFigure, sums: AccountSums): Dec | null {
  const equity = sums.collateral.minus(sums.liabilities);
  if (kind === 'equity') return equity;
  if (kind === 'ltv') {
    if (sums.liabilities.isZero()) return sums.liabilities;
    return sums.collateral.isZero() ? null : sums.liabilities.div(sums.collateral);
  }
  if (sums.maintenance === null || !equity.isPositive() || equity.isZero()) return null;
  return sums.maintenance.div(equity);
}

/**
 * ACCOUNT_EQUITY (`equity`), MULTIASSET_LTV (`ltv`) or MARGIN_RATIO (`ratio`) by the number path, or null
 * when the call needs the full path.
 */
export function accountFigureCell(a: ArgList, ctx: FunctionContext, kind: AccountFigure): number | null {
  try {
    const balances = balanceCells(a.range('balances'));
    const positions = kind === 'ratio' ? positionCells(a.range('positions')) : null;
    if (!balances || (kind === 'ratio' && !positions)) return null;
    const sums = accountSumsCell(a.preset(ctx), balances, positions);
    const value = sums && figure(kind, sums);
    return value ? numberCell(value) : null;
  } catch (error) {
    if (isMarginError(error)) return null;
    throw error;
  }
}
