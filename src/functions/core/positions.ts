import { bracketRates, findBrackets } from '../../engine/brackets';
import { ZERO } from '../../engine/decimal';
import { fail, isMarginError } from '../../engine/errors';
import type { Bracket, MarginMode, Position, Preset, Side } from '../../engine/model';
import { checkPositionCum } from '../../engine/positions';
import { requiredText } from './coerce';
import { POSITIONS_TABLE } from './columns';
import type { RowNumbering, TableRow } from './tables';
import { columnsText, readRow, readTable, requiredRowNumber, rowChoice, rowNumber } from './tables';
import type { CellArg } from './types';

export { MARGIN_MODES, POSITIONS_TABLE, SIDES } from './columns';

/** Brackets by symbol for one read: the preset is resolved once, and each symbol looked up once. */
type BracketsOf = (symbol: string) => { readonly preset: Preset | undefined; readonly brackets: readonly Bracket[] | undefined };

function bracketsLookup(presetOf: (() => Preset) | undefined): BracketsOf {
  let preset: Preset | undefined;
  let resolved = false;
  const bySymbol = new Map<string, readonly Bracket[] | undefined>();
  return (symbol) => {
    if (!resolved) {
      preset = presetOf?.();
      resolved = true;
    }
    if (preset === undefined) return { preset, brackets: undefined };
    if (!bySymbol.has(symbol)) bySymbol.set(symbol, findBrackets(preset, symbol));
    return { preset, brackets: bySymbol.get(symbol) };
  };
}

function toPosition(r: TableRow, arg: string, bracketsOf: BracketsOf): Position {
  const number = (column: string) => requiredRowNumber(r, POSITIONS_TABLE, column);
  const symbol = requiredText(r.cell('symbol'), r.label('symbol'));
  const side = rowChoice<Side>(r, POSITIONS_TABLE, 'side') ?? fail('MISSING_ARGUMENT', { arg: r.label('side') });
  const size = number('size');
  const entry = number('entry');
  const mark = number('mark');
  const mmr = rowNumber(r, POSITIONS_TABLE, 'mmr');
  const cum = rowNumber(r, POSITIONS_TABLE, 'cum');
  const imr = rowNumber(r, POSITIONS_TABLE, 'imr');
  const marginMode = rowChoice<MarginMode>(r, POSITIONS_TABLE, 'margin_mode') ?? 'cross';
  if (mmr !== null) {
    // One object literal of one shape for every row (no spreads): a range of a thousand rows reads in one pass.
    const position: Position =
      imr === null
        ? { symbol, side, size, entry, mark, mmr, cum: cum ?? ZERO, marginMode }
        : { symbol, side, size, entry, mark, mmr, cum: cum ?? ZERO, imr, marginMode };
    checkPositionCum(position, () => `${arg}, row ${r.row}`);
    return position;
  }
  // A typed cum without its mmr would be silently replaced by the bracket's: say so instead.
  if (cum !== null) {
    fail('BAD_ROW', {
      arg,
      row: r.row,
      detail: "cum is given but mmr is blank; give both, or leave both blank to take them from the preset's brackets",
    });
  }
  const { preset, brackets } = bracketsOf(symbol);
  const rates = bracketRates(preset, brackets, symbol, { size, mark }, { arg, row: r.row });
  return imr === null
    ? { symbol, side, size, entry, mark, mmr: rates.mmr, cum: rates.cum, marginMode, brackets: rates.brackets }
    : { symbol, side, size, entry, mark, mmr: rates.mmr, cum: rates.cum, imr, marginMode, brackets: rates.brackets };
}

/**
 * Reads a positions range (header row optional, blank rows skipped). A range with a header row and no data
 * rows is an account without positions; a range with no rows at all is refused, as it is more likely the wrong
 * range than a deliberate "no positions". A row with a blank mmr takes its rates from the leverage brackets for its
 * symbol in the preset `presetOf` gives (asked only for such rows); without them it is NO_BRACKETS. `numbering`
 * says how messages count rows.
 */
export function readPositions(value: CellArg, arg: string, presetOf?: () => Preset, numbering: RowNumbering = 'range'): Position[] {
  let rows: readonly TableRow[];
  try {
    rows = readTable(value, arg, POSITIONS_TABLE, true, numbering).rows;
  } catch (error) {
    if (isMarginError(error) && error.code === 'EMPTY_RANGE') {
      return fail('NO_POSITION_ROWS', { arg, columns: columnsText(POSITIONS_TABLE) });
    }
    throw error;
  }
  const bracketsOf = bracketsLookup(presetOf);
  return rows.map((row) => readRow(row, POSITIONS_TABLE, arg, (r) => toPosition(r, arg, bracketsOf)));
}
