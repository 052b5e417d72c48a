import type { Balance } from '../../engine/model';
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

/**
 * Reads a balances range (header row optional, blank rows skipped).
 *
 * @example
 * readBalances([['BTC', 10, 60000], ['USDT', -5000, 1]], 'balances') // two Balance rows
 */
export function readBalances(value: CellArg, arg: string): Balance[] {
  return readTable(value, arg, BALANCES_TABLE).rows.map((row) =>
    readRow(row, BALANCES_TABLE, arg, (r) => {
      const upnl = optionalNumber(r.cell('upnl'), r.label('upnl'));
      return {
        asset: requiredText(r.cell('asset'), r.label('asset')),
        amount: requiredNumber(r.cell('amount'), r.label('amount')),
        price: requirePositive(requiredNumber(r.cell('price'), r.label('price')), r.label('price')),
        ...(upnl === null ? {} : { upnl }),
      };
    }),
  );
}
