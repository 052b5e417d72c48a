import type { Dec } from '../../engine/decimal';
import { ONE, ZERO } from '../../engine/decimal';
import { field, invalid, item, readDecimal, readList, readObject, readText } from '../jsonRead';
import type { AccountSnapshot, ReportedFigure, SnapshotBalance, SnapshotPosition } from './snapshot';
import { optionalDecimal, readingDocument, reportedField } from './snapshot';

const ACCOUNTS = 'GET /api/v2/mix/account/accounts';
const POSITIONS = 'GET /api/v2/mix/position/all-position';

function firstData(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const data = (doc as Record<string, unknown>).data;
  return Array.isArray(data) ? data[0] : undefined;
}

/** The account list's rows carry `marginCoin` and `accountEquity`; the positions' carry `holdSide`. */
export function isBitgetAccounts(doc: unknown): boolean {
  const row = firstData(doc);
  return typeof row === 'object' && row !== null && 'accountEquity' in row;
}

export function isBitgetPositions(doc: unknown): boolean {
  const row = firstData(doc);
  const data = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).data : undefined;
  return (Array.isArray(data) && data.length === 0) || (typeof row === 'object' && row !== null && 'holdSide' in row);
}

function dataOf(doc: unknown): readonly unknown[] {
  const root = readObject(doc, 'response');
  if (root.code !== undefined && String(root.code) !== '00000') {
    invalid('response.code', `expected "00000" (success), got ${JSON.stringify(root.code)}: the exchange refused the request`);
  }
  return readList(root.data, 'response.data');
}

/** Bitget spells the field `unionTotalMargin` in its field table and `unionTotalMagin` in its example. */
function totalMarginField(row: Readonly<Record<string, unknown>>): string {
  return row.unionTotalMargin === undefined && row.unionTotalMagin !== undefined ? 'unionTotalMagin' : 'unionTotalMargin';
}

function readAccounts(doc: unknown, marks: ReadonlyMap<string, Dec>, crossPositions: boolean, notes: string[]) {
  const rows = dataOf(doc).map((row, i) => readObject(row, item('response.data', i)));
  const index = Math.max(
    0,
    rows.findIndex((r) => r.assetMode === 'union'),
  );
  const account = rows[index];
  if (!account) return invalid('response.data', 'expected at least one margin coin, got an empty list');
  const where = item('response.data', index);
  const marginCoin = readText(account.marginCoin, field(where, 'marginCoin')).toUpperCase();
  const accountEquity = readDecimal(account.accountEquity, field(where, 'accountEquity'));
  const crossedPnl = optionalDecimal(account.crossedUnrealizedPL) ?? ZERO;
  const isolatedPnl = optionalDecimal(account.isolatedUnrealizedPL) ?? ZERO;
  // The wallet balance is the equity without PnL; the cross PnL comes back from the positions, or as upnl.
  const amount = accountEquity.minus(crossedPnl).minus(isolatedPnl);
  const balances: SnapshotBalance[] = [
    {
      asset: marginCoin,
      amount,
      price: marginCoin === 'USDT' ? ONE : null,
      priceSource: marginCoin === 'USDT' ? 'the quote currency' : 'not in the responses',
      upnl: crossPositions || crossedPnl.isZero() ? null : crossedPnl,
    },
  ];
  notes.push(`${marginCoin} balance taken as accountEquity − crossedUnrealizedPL − isolatedUnrealizedPL`);
  if (Array.isArray(account.assetList)) {
    account.assetList.forEach((row, i) => {
      const at = item(field(where, 'assetList'), i);
      const a = readObject(row, at);
      const coin = readText(a.coin, field(at, 'coin')).toUpperCase();
      const balance = readDecimal(a.balance, field(at, 'balance'));
      if (balance.isZero() || coin === marginCoin) return;
      const mark = marks.get(coin) ?? null;
      balances.push({
        asset: coin,
        amount: balance,
        price: mark,
        priceSource: mark ? 'the mark of its USDT position' : 'not in the responses',
        upnl: null,
      });
    });
  }
  const reported: ReportedFigure[] = [
    reportedField('equity', account, totalMarginField(account)),
    reportedField('maint_margin', account, 'unionMm'),
    reportedField('margin_ratio', account, 'crossedRiskRate'),
    reportedField('available', account, 'unionAvailable'),
  ];
  return { balances, reported };
}

function readPositions(doc: unknown): SnapshotPosition[] {
  const positions: SnapshotPosition[] = [];
  dataOf(doc).forEach((row, i) => {
    const where = item('response.data', i);
    const p = readObject(row, where);
    const size = readDecimal(p.total, field(where, 'total'));
    if (size.isZero()) return;
    const leverage = optionalDecimal(p.leverage);
    positions.push({
      symbol: readText(p.symbol, field(where, 'symbol')).toUpperCase(),
      side: p.holdSide === 'short' ? 'SHORT' : 'LONG',
      size: size.abs(),
      entry: readDecimal(p.openPriceAvg, field(where, 'openPriceAvg')),
      mark: readDecimal(p.markPrice, field(where, 'markPrice')),
      mmr: optionalDecimal(p.keepMarginRate),
      cum: ZERO,
      // Bitget's initial margin is the notional over the position's leverage.
      imr: leverage && leverage.gt(ZERO) ? ONE.div(leverage) : null,
      marginMode: p.marginMode === 'isolated' ? 'isolated' : 'cross',
    });
  });
  return positions;
}

function marksByBase(positions: readonly SnapshotPosition[]): Map<string, Dec> {
  const marks = new Map<string, Dec>();
  for (const p of positions) if (p.symbol.endsWith('USDT')) marks.set(p.symbol.slice(0, -4), p.mark);
  return marks;
}

/**
 * Bitget USDT-M futures in multi-asset (`union`) mode: `/api/v2/mix/account/accounts` and
 * `/api/v2/mix/position/all-position`. The margin coin's balance is its equity without PnL; the multi-asset coins
 * of `assetList` take the mark of their USDT position as price (else `prices`, else none). Positions take
 * `keepMarginRate` as maintenance rate and 1 / leverage as initial rate.
 */
export function readBitgetSnapshot(accounts: unknown, positionsDoc: unknown | undefined): AccountSnapshot {
  const notes: string[] = [];
  const positions = positionsDoc === undefined ? [] : readingDocument('bitget', POSITIONS, () => readPositions(positionsDoc));
  const cross = positions.some((p) => p.marginMode === 'cross');
  const read = readingDocument('bitget', ACCOUNTS, () => readAccounts(accounts, marksByBase(positions), cross, notes));
  if (positionsDoc === undefined) notes.push('no positions response: the account is valued without positions');
  return {
    exchange: 'bitget',
    balances: read.balances,
    positions,
    reported: read.reported,
    reportedAssets: [],
    reportedUnit: 'USDT',
    notes,
  };
}
