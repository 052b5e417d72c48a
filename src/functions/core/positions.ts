import { ZERO } from '../../engine/decimal';
import { fail, isMarginError } from '../../engine/errors';
import type { MarginMode, Position, Side } from '../../engine/model';
import {
  optionalNumber,
  requiredChoice,
  requiredNumber,
  requiredText,
  requireNotNegative,
  requirePositive,
} from './coerce';
import type { TableRow, TableSpec } from './tables';
import { columnsText, readRow, readTable } from './tables';
import type { CellArg } from './types';

/** `symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]`, one row per position. */
export const POSITIONS_TABLE: TableSpec = {
  columns: [
    { name: 'symbol', aliases: ['contract', 'pair', 'instrument'], required: true },
    { name: 'side', aliases: ['position side', 'direction'], required: true },
    { name: 'size', aliases: ['quantity', 'qty', 'position size', 'position amt', 'amount', 'contracts'], required: true },
    { name: 'entry', aliases: ['entry price', 'avg price', 'average price', 'open price'], required: true },
    { name: 'mark', aliases: ['mark price'], required: true },
    {
      name: 'mmr',
      aliases: [
        'maint margin ratio',
        'maintenance margin ratio',
        'maint margin rate',
        'maintenance margin rate',
        'maintmarginratio',
      ],
      required: true,
    },
    { name: 'cum', aliases: ['maintenance amount', 'maint amount', 'cum amount', 'cum fast'], required: false },
    { name: 'imr', aliases: ['initial margin ratio', 'initial margin rate', 'init margin ratio'], required: false },
    { name: 'margin_mode', aliases: ['margin mode', 'margin type', 'mode'], required: false },
  ],
};

export const SIDES: Readonly<Record<string, Side>> = { long: 'LONG', short: 'SHORT', both: 'BOTH' };
export const MARGIN_MODES: Readonly<Record<string, MarginMode>> = {
  cross: 'cross',
  crossed: 'cross',
  isolated: 'isolated',
};

function toPosition(r: TableRow): Position {
  const positive = (column: string) => requirePositive(requiredNumber(r.cell(column), r.label(column)), r.label(column));
  const optionalNotNegative = (column: string) => {
    const value = optionalNumber(r.cell(column), r.label(column));
    return value === null ? null : requireNotNegative(value, r.label(column));
  };
  const imr = optionalNotNegative('imr');
  const mode = r.cell('margin_mode');
  return {
    symbol: requiredText(r.cell('symbol'), r.label('symbol')),
    side: requiredChoice(r.cell('side'), r.label('side'), SIDES),
    size: requiredNumber(r.cell('size'), r.label('size')),
    entry: positive('entry'),
    mark: positive('mark'),
    mmr: requireNotNegative(requiredNumber(r.cell('mmr'), r.label('mmr')), r.label('mmr')),
    cum: optionalNotNegative('cum') ?? ZERO,
    ...(imr === null ? {} : { imr }),
    marginMode: mode === null ? 'cross' : requiredChoice(mode, r.label('margin_mode'), MARGIN_MODES),
  };
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
  return rows.map((row) => readRow(row, POSITIONS_TABLE, arg, toPosition));
}
