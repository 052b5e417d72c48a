import { fail } from '../../engine/errors';
import type { Shock } from '../../engine/model';
import { requiredNumber, requiredText } from './coerce';
import type { TableSpec } from './tables';
import { readRow, readTable } from './tables';
import type { CellArg } from './types';

/** `asset | change`: a relative price move, -0.2 = −20%. */
export const SHOCKS_TABLE: TableSpec = {
  columns: [
    { name: 'asset', aliases: ['coin', 'currency', 'ccy'], required: true },
    { name: 'change', aliases: ['shock', 'relative change', 'price change', 'move'], required: true },
  ],
};

/** Reads a shocks range. A change of -1 or less would put a price at or below zero: BAD_SHOCK. */
export function readShocks(value: CellArg, arg: string): Shock[] {
  return readTable(value, arg, SHOCKS_TABLE).rows.map((row) =>
    readRow(row, SHOCKS_TABLE, arg, (r) => {
      const asset = requiredText(r.cell('asset'), r.label('asset'));
      const change = requiredNumber(r.cell('change'), r.label('change'));
      if (change.lte(-1)) fail('BAD_SHOCK', { row: r.row, asset, got: change.toString() });
      return { asset, change };
    }),
  );
}
