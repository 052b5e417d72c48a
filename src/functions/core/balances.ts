import { findAssetSpec, normalizeAsset } from '../../engine/assetSpec';
import { fail } from '../../engine/errors';
import type { Balance, Preset } from '../../engine/model';
import type { AssetPrice } from '../../engine/maintenance';
import { isBlankCell, isEmptyCell, requiredText } from './coerce';
import { BALANCES_TABLE, columnFor, PRICES_TABLE } from './columns';
import type { RowNumbering } from './tables';
import { readRow, readTable, requiredRowNumber, rowNumber, toGrid } from './tables';
import type { CellArg } from './types';

export { BALANCES_TABLE } from './columns';

/** A balances row and where it is in its range, so that later checks can name the row. */
export interface BalanceRow extends Balance {
  readonly row: number;
}

/**
 * Reads a balances range (header row optional, blank rows skipped); `numbering` says how messages count rows.
 *
 * @example
 * readBalances([['BTC', 10, 60000], ['USDT', -5000, 1]], 'balances') // two Balance rows
 */
export function readBalances(value: CellArg, arg: string, numbering: RowNumbering = 'range'): BalanceRow[] {
  return readTable(value, arg, BALANCES_TABLE, false, numbering).rows.map((row) =>
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

/** True when a range is `asset | price` (two columns, or a header naming only those), not a balances range. */
function isPriceList(value: CellArg, arg: string): boolean {
  const first = toGrid(value, arg)[0] ?? [];
  const filled = first.filter((c) => !isEmptyCell(c));
  if (filled.length > 0 && filled.every((c) => typeof c === 'string' && columnFor(PRICES_TABLE, c) !== undefined)) return true;
  return first.length === 2 && filled.some((c) => typeof c !== 'string' || columnFor(BALANCES_TABLE, c) === undefined);
}

/**
 * Reads prices of assets (MAINT_MARGIN's `prices`): `asset | price` rows, or a balances range whose prices are
 * taken (its amounts are not). Blank (omitted) is no prices; an asset twice is DUPLICATE_ASSET.
 */
export function readPrices(value: CellArg, arg: string): AssetPrice[] {
  if (value === null || (!Array.isArray(value) && isBlankCell(value))) return [];
  const rows = isPriceList(value, arg)
    ? readTable(value, arg, PRICES_TABLE).rows.map((row) =>
        readRow(row, PRICES_TABLE, arg, (r) => ({
          asset: requiredText(r.cell('asset'), r.label('asset')),
          price: requiredRowNumber(r, PRICES_TABLE, 'price'),
        })),
      )
    : readBalances(value, arg).map(({ asset, price }) => ({ asset, price }));
  const seen = new Set<string>();
  for (const { asset } of rows) {
    const key = normalizeAsset(asset);
    if (seen.has(key)) fail('DUPLICATE_ASSET', { arg, asset: key });
    seen.add(key);
  }
  return rows;
}
