import { findAssetSpec } from '../../engine/assetSpec';
import { fail } from '../../engine/errors';
import type { Balance, Preset } from '../../engine/model';
import { optionalNumber, requiredNumber, requiredText, requirePositive } from './coerce';
import type { TableSpec } from './tables';
import { readRow, readTable } from './tables';
import type { CellArg } from './types';

/** `asset | amount | price [| upnl]`: wallet balance in coin units, index price, unrealized PnL in coin units. */
export const BALANCES_TABLE: TableSpec = {
  columns: [
    { name: 'asset', aliases: ['coin', 'currency', 'ccy'], required: true },
    { name: 'amount', aliases: ['balance', 'wallet balance', 'wallet', 'quantity', 'qty'], required: true },
    { name: 'price', aliases: ['index price', 'index', 'index rate'], required: true },
    {
      name: 'upnl',
      aliases: ['unrealized pnl', 'unrealised pnl', 'unrealized profit', 'pnl', 'unrealized'],
      required: false,
    },
  ],
};

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
      const upnl = optionalNumber(r.cell('upnl'), r.label('upnl'));
      return {
        row: r.row,
        asset: requiredText(r.cell('asset'), r.label('asset')),
        amount: requiredNumber(r.cell('amount'), r.label('amount')),
        price: requirePositive(requiredNumber(r.cell('price'), r.label('price')), r.label('price')),
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
