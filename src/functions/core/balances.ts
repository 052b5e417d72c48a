import { findAssetSpec } from '../../engine/assetSpec';
import { fail } from '../../engine/errors';
import type { Balance, Preset } from '../../engine/model';
import { requiredText } from './coerce';
import { BALANCES_TABLE } from './columns';
import { readRow, readTable, requiredRowNumber, rowNumber } from './tables';
import type { CellArg } from './types';

export { BALANCES_TABLE } from './columns';

/** A balances row and where it is in its range, so that later checks can name the row. */
export interface BalanceRow extends Balance {
  readonly row: number;
}

/**
 * Reads a balances range (header row optional, blank rows skipped).
 *
 * @example
 * readBalances([['BTC', 10, 60000], ['USDT', -5000, 1]], 'balances') // two Balance rows
 */
export function readBalances(value: CellArg, arg: string): BalanceRow[] {
  return readTable(value, arg, BALANCES_TABLE).rows.map((row) =>
    readRow(row, BALANCES_TABLE, arg, (r) => {
      const upnl = rowNumber(r, BALANCES_TABLE, 'upnl');
      return {
        row: r.row,
        asset: requiredText(r.cell('asset'), r.label('asset')),
        amount: requiredRowNumber(r, BALANCES_TABLE, 'amount'),
        price: requiredRowNumber(r, BALANCES_TABLE, 'price'),
        ...(upnl === null ? {} : { upnl }),
      };
    }),
  );
}

/**
 * Names the row of an asset the preset does not list (the engine's own message can only say "asset"). A row
 * with nothing in it (amount and upnl zero) is left to the engine, which ignores it.
 */
export function requireListedAssets(preset: Preset, rows: readonly BalanceRow[], arg: string): void {
  for (const b of rows) {
    const empty = b.amount.isZero() && (b.upnl?.isZero() ?? true);
    if (!empty && findAssetSpec(preset, b.asset) === undefined) {
      fail('UNKNOWN_RANGE_ASSET', { arg, row: b.row, asset: b.asset, preset: preset.id });
    }
  }
}
