import { ZERO } from '../../engine/decimal';
import { fail, isMarginError } from '../../engine/errors';
import type { MarginMode, Position, Side } from '../../engine/model';
import { checkPositionCum } from '../../engine/positions';
import { requiredText } from './coerce';
import { POSITIONS_TABLE } from './columns';
import type { TableRow } from './tables';
import { columnsText, readRow, readTable, requiredRowNumber, rowChoice, rowNumber } from './tables';
import type { CellArg } from './types';

export { MARGIN_MODES, POSITIONS_TABLE, SIDES } from './columns';

function toPosition(r: TableRow, arg: string): Position {
  const number = (column: string) => requiredRowNumber(r, POSITIONS_TABLE, column);
  const imr = rowNumber(r, POSITIONS_TABLE, 'imr');
  const position: Position = {
    symbol: requiredText(r.cell('symbol'), r.label('symbol')),
    side: rowChoice<Side>(r, POSITIONS_TABLE, 'side') ?? fail('MISSING_ARGUMENT', { arg: r.label('side') }),
    size: number('size'),
    entry: number('entry'),
    mark: number('mark'),
    mmr: number('mmr'),
    cum: rowNumber(r, POSITIONS_TABLE, 'cum') ?? ZERO,
    ...(imr === null ? {} : { imr }),
    marginMode: rowChoice<MarginMode>(r, POSITIONS_TABLE, 'margin_mode') ?? 'cross',
  };
  checkPositionCum(position, `${arg}, row ${r.row}`);
  return position;
}

/**
 * Reads a positions range (header row optional, blank rows skipped). A range with a header row and no data
 * rows is an account without positions; a range with no rows at all is refused, as it is more likely the wrong
 * range than a deliberate "no positions".
 */
export function readPositions(value: CellArg, arg: string): Position[] {
  let rows: readonly TableRow[];
  try {
    rows = readTable(value, arg, POSITIONS_TABLE, true).rows;
  } catch (error) {
    if (isMarginError(error) && error.code === 'EMPTY_RANGE') {
      return fail('NO_POSITION_ROWS', { arg, columns: columnsText(POSITIONS_TABLE) });
    }
    throw error;
  }
  return rows.map((row) => readRow(row, POSITIONS_TABLE, arg, (r) => toPosition(r, arg)));
}
