import { ZERO } from '../../engine/decimal';
import { field, invalid, item, readDecimal, readList, readObject, readText } from '../jsonRead';
import type { AccountSnapshot, SnapshotBalance, SnapshotPosition } from './snapshot';
import { optionalDecimal, readingDocument, reportedField } from './snapshot';

const WALLET = 'GET /v5/account/wallet-balance';
const POSITIONS = 'GET /v5/position/list';

function firstListRow(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const result = (doc as Record<string, unknown>).result;
  if (typeof result !== 'object' || result === null) return undefined;
  const list = (result as Record<string, unknown>).list;
  return Array.isArray(list) ? list[0] : undefined;
}

/** The wallet response's list rows carry `coin`; the position list's carry `symbol`. */
export function isBybitWallet(doc: unknown): boolean {
  const row = firstListRow(doc);
  return typeof row === 'object' && row !== null && 'coin' in row;
}

export function isBybitPositions(doc: unknown): boolean {
  const row = firstListRow(doc);
  const result = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).result : undefined;
  return (
    (typeof row === 'object' && row !== null && 'symbol' in row) || (typeof result === 'object' && result !== null && 'category' in result)
  );
}

function resultOf(doc: unknown): Readonly<Record<string, unknown>> {
  const root = readObject(doc, 'response');
  if (root.retCode !== undefined && Number(root.retCode) !== 0) {
    invalid('response.retCode', `expected 0 (success), got ${JSON.stringify(root.retCode)}: the exchange refused the request`);
  }
  return readObject(root.result, 'response.result');
}

function readWallet(doc: unknown, withPositions: boolean) {
  const list = readList(resultOf(doc).list, 'response.result.list');
  const account = readObject(list[0], 'response.result.list[0]');
  const balances: SnapshotBalance[] = [];
  readList(account.coin, 'response.result.list[0].coin').forEach((row, i) => {
    const where = item('response.result.list[0].coin', i);
    const c = readObject(row, where);
    const asset = readText(c.coin, field(where, 'coin')).toUpperCase();
    const amount = readDecimal(c.walletBalance, field(where, 'walletBalance'));
    const equity = optionalDecimal(c.equity);
    const usd = optionalDecimal(c.usdValue);
    const price = equity && usd && !equity.isZero() && usd.gt(ZERO) ? usd.div(equity) : null;
    const upnl = optionalDecimal(c.unrealisedPnl);
    balances.push({
      asset,
      amount,
      price,
      priceSource: price ? 'usdValue / equity (USD)' : 'not in the responses',
      upnl: withPositions || !upnl || upnl.isZero() ? null : upnl,
    });
  });
  const reported = [
    reportedField(
      'equity',
      account,
      'totalEquity',
      (d) => d,
      'Bybit totalEquity is the USD value of the coins, before collateral value ratios',
    ),
    reportedField('maint_margin', account, 'totalMaintenanceMargin'),
    reportedField('margin_ratio', account, 'accountMMRate'),
    reportedField('available', account, 'totalAvailableBalance'),
  ];
  return { balances, reported };
}

function readPositions(doc: unknown, notes: string[]): SnapshotPosition[] {
  const result = resultOf(doc);
  const category = String(result.category ?? '');
  const list = readList(result.list, 'response.result.list');
  if (category !== '' && category !== 'linear') {
    if (list.length > 0)
      notes.push(
        `${list.length} ${category} position(s) skipped: only linear (USDT and USDC) contracts take part in the margin ratio here`,
      );
    return [];
  }
  const positions: SnapshotPosition[] = [];
  list.forEach((row, i) => {
    const where = item('response.result.list', i);
    const p = readObject(row, where);
    const size = readDecimal(p.size, field(where, 'size'));
    if (size.isZero()) return;
    const mark = readDecimal(p.markPrice, field(where, 'markPrice'));
    const notional = size.abs().times(mark);
    const mm = optionalDecimal(p.positionMM);
    const im = optionalDecimal(p.positionIM);
    positions.push({
      symbol: readText(p.symbol, field(where, 'symbol')).toUpperCase(),
      side: p.side === 'Sell' ? 'SHORT' : 'LONG',
      size: size.abs(),
      entry: readDecimal(p.avgPrice, field(where, 'avgPrice')),
      mark,
      mmr: mm && notional.gt(ZERO) ? mm.div(notional) : null,
      cum: ZERO,
      imr: im && notional.gt(ZERO) ? im.div(notional) : null,
      marginMode: Number(p.tradeMode) === 1 ? 'isolated' : 'cross',
    });
  });
  return positions;
}

/**
 * Bybit Unified Trading Account: `/v5/account/wallet-balance` and `/v5/position/list`. Amounts are wallet
 * balances, prices `usdValue / equity` (USD); positions take their rates from `positionMM` and `positionIM`
 * over their notional. Inverse positions are skipped and said so.
 */
export function readBybitSnapshot(wallet: unknown, positionsDoc: unknown | undefined): AccountSnapshot {
  const notes: string[] = [];
  const positions = positionsDoc === undefined ? [] : readingDocument('bybit', POSITIONS, () => readPositions(positionsDoc, notes));
  // The wallet's per-coin PnL stands in only where no position row carries it.
  const read = readingDocument('bybit', WALLET, () => readWallet(wallet, positions.length > 0));
  if (positionsDoc === undefined) notes.push('no position list: the account is valued without positions');
  return { exchange: 'bybit', balances: read.balances, positions, reported: read.reported, reportedAssets: [], reportedUnit: 'USD', notes };
}
