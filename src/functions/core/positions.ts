import { bracketAt, findBrackets } from '../../engine/brackets';
import { ZERO } from '../../engine/decimal';
import { fail, isMarginError } from '../../engine/errors';
import type { MarginMode, Position, Preset, Side } from '../../engine/model';
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

/**
 * `symbol | side | size | entry | mark | mmr [| cum] [| imr] [| margin_mode]`, one row per position. The mmr
 * cell may be blank when the preset has leverage brackets for the symbol.
 */
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
      // Blank: the rates come from the preset's brackets (checked per row, where the preset is known).
      blankable: true,
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

function toPosition(r: TableRow, arg: string, presetOf: (() => Preset) | undefined): Position {
  const positive = (column: string) => requirePositive(requiredNumber(r.cell(column), r.label(column)), r.label(column));
  const optionalNotNegative = (column: string) => {
    const value = optionalNumber(r.cell(column), r.label(column));
    return value === null ? null : requireNotNegative(value, r.label(column));
  };
  const symbol = requiredText(r.cell('symbol'), r.label('symbol'));
  const side = requiredChoice(r.cell('side'), r.label('side'), SIDES);
  const size = requiredNumber(r.cell('size'), r.label('size'));
  const entry = positive('entry');
  const mark = positive('mark');
  const mmr = optionalNotNegative('mmr');
  const cum = optionalNotNegative('cum');
  const imr = optionalNotNegative('imr');
  const mode = r.cell('margin_mode');
  const marginMode = mode === null ? 'cross' : requiredChoice(mode, r.label('margin_mode'), MARGIN_MODES);
  const base = { symbol, side, size, entry, mark, marginMode, ...(imr === null ? {} : { imr }) };
  if (mmr !== null) return { ...base, mmr, cum: cum ?? ZERO };
  // A typed cum without its mmr would be silently replaced by the bracket's: say so instead.
  if (cum !== null) fail('BAD_ROW', { arg, row: r.row, detail: 'cum is given but mmr is blank; give both, or leave both blank to take them from the preset\'s brackets' });
  const preset = presetOf?.();
  const brackets = preset === undefined ? undefined : findBrackets(preset, symbol);
  if (brackets === undefined) {
    return fail('NO_BRACKETS', { arg, row: r.row, symbol: symbol.trim().toUpperCase(), preset: preset?.id ?? '(default)' });
  }
  // mmr and cum at today's mark, for readers of the row; the engine picks the bracket again wherever the mark moves.
  const bracket = bracketAt(brackets, size.abs().times(mark), symbol);
  return { ...base, mmr: bracket.mmr, cum: bracket.cum, brackets };
}

/**
 * Reads a positions range (header row optional, blank rows skipped). A range with a header row and no data
 * rows is an account without positions; a range with no rows at all is refused, as it is more likely the wrong
 * range than a deliberate "no positions". A row with a blank mmr takes its rates from the leverage brackets for its
 * symbol in the preset `presetOf` gives (asked only for such rows); without them it is NO_BRACKETS.
 */
export function readPositions(value: CellArg, arg: string, presetOf?: () => Preset): Position[] {
  let rows: readonly TableRow[];
  try {
    rows = readTable(value, arg, POSITIONS_TABLE, true).rows;
  } catch (error) {
    if (isMarginError(error) && error.code === 'EMPTY_RANGE') {
      return fail('NO_POSITION_ROWS', { arg, columns: columnsText(POSITIONS_TABLE) });
    }
    throw error;
  }
  return rows.map((row) => readRow(row, POSITIONS_TABLE, arg, (r) => toPosition(r, arg, presetOf)));
}
