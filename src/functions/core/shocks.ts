import { messageNumber } from '../../engine/numberText';
import { fail } from '../../engine/errors';
import type { Shock } from '../../engine/model';
import { requiredText } from './coerce';
import { SHOCKS_TABLE } from './columns';
import { readRow, readTable, requiredRowNumber } from './tables';
import type { CellArg } from './types';

export { SHOCKS_TABLE } from './columns';

/** Reads a shocks range. A change of -1 or less would put a price at or below zero: BAD_SHOCK. */
export function readShocks(value: CellArg, arg: string): Shock[] {
  return readTable(value, arg, SHOCKS_TABLE).rows.map((row) =>
    readRow(row, SHOCKS_TABLE, arg, (r) => {
      const asset = requiredText(r.cell('asset'), r.label('asset'));
      const change = requiredRowNumber(r, SHOCKS_TABLE, 'change');
      if (change.lte(-1)) fail('BAD_SHOCK', { row: r.row, asset, got: messageNumber(change) });
      return { asset, change };
    }),
  );
}
