import { normalizeAsset } from '../../engine/assetSpec';
import type { Balance, Position, Preset } from '../../engine/model';
import { readBalances } from '../../functions/core/balances';
import { readPositions } from '../../functions/core/positions';
import type { CellGrid } from '../../functions/core/types';
import type { BalanceGridRow, GridRow, PositionGridRow } from '../context/scenarioState';
import { BALANCE_COLUMNS, POSITION_COLUMNS } from '../context/scenarioState';

/** Side and margin mode are chosen from lists, never blank: a row counts once it names a symbol or a number. */
const CHOSEN: readonly string[] = ['side', 'margin_mode'];

const isBlank = (row: Readonly<Record<string, string>>): boolean =>
  Object.entries(row).every(([column, text]) => CHOSEN.includes(column) || text.trim() === '');

/** The grid as a range with its header row; a blank row stays, blank, so that rows keep their numbers. */
function asRange<C extends string>(columns: readonly C[], rows: readonly GridRow<C>[]): CellGrid {
  return [[...columns], ...rows.map((row) => columns.map((c) => (isBlank(row) ? '' : row[c])))];
}

/**
 * The balances grid read as a balances range is, with the functions' messages (`balances, row 2, amount: …`);
 * rows numbered from 1 below the column labels, blank rows skipped, assets as the engine names them.
 */
export function parseBalanceRows(rows: readonly BalanceGridRow[]): Balance[] {
  if (rows.every(isBlank)) return [];
  return readBalances(asRange(BALANCE_COLUMNS, rows), 'balances', 'data').map(({ row: _row, ...b }) => ({
    ...b,
    asset: normalizeAsset(b.asset),
  }));
}

/**
 * The positions grid read as a positions range is. A row that leaves mmr (and cum) blank takes them from the
 * leverage brackets for its symbol in `preset`, as a positions range does in a formula.
 */
export function parsePositionRows(rows: readonly PositionGridRow[], preset?: Preset): Position[] {
  if (rows.every(isBlank)) return [];
  const positions = readPositions(asRange(POSITION_COLUMNS, rows), 'positions', preset === undefined ? undefined : () => preset, 'data');
  return positions.map((p) => ({ ...p, symbol: normalizeAsset(p.symbol) }));
}
