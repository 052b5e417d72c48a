import type { Dec } from '../../engine/decimal';
import { ONE, ZERO } from '../../engine/decimal';
import type { Side } from '../../engine/model';
import { field, invalid, item, readDecimal, readList, readObject, readText } from '../jsonRead';
import type { AccountSnapshot, ReportedAssetValue, SnapshotBalance, SnapshotPosition } from './snapshot';
import { optionalDecimal, readingDocument, reportedField } from './snapshot';

const BALANCE = 'GET /api/v5/account/balance';
const POSITIONS = 'GET /api/v5/account/positions';

function firstData(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const data = (doc as Record<string, unknown>).data;
  return Array.isArray(data) ? data[0] : undefined;
}

/** The balance response's data rows carry `details`; the positions response's carry `instId`. */
export function isOkxBalance(doc: unknown): boolean {
  const row = firstData(doc);
  return typeof row === 'object' && row !== null && 'details' in row;
}

export function isOkxPositions(doc: unknown): boolean {
  const row = firstData(doc);
  const data = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).data : undefined;
  return (Array.isArray(data) && data.length === 0) || (typeof row === 'object' && row !== null && 'instId' in row);
}

function okData(doc: unknown, where: string): readonly unknown[] {
  const root = readObject(doc, where);
  if (root.code !== undefined && String(root.code) !== '0') {
    invalid(field(where, 'code'), `expected "0" (success), got ${JSON.stringify(root.code)}: the exchange refused the request`);
  }
  return readList(root.data, field(where, 'data'));
}

function readBalance(doc: unknown, withPositions: boolean, notes: string[]) {
  const data = okData(doc, 'response');
  const account = readObject(data[0], 'response.data[0]');
  const balances: SnapshotBalance[] = [];
  const reportedAssets: ReportedAssetValue[] = [];
  readList(account.details, 'response.data[0].details').forEach((row, i) => {
    const where = item('response.data[0].details', i);
    const d = readObject(row, where);
    const asset = readText(d.ccy, field(where, 'ccy')).toUpperCase();
    const amount = readDecimal(d.cashBal, field(where, 'cashBal'));
    const eq = optionalDecimal(d.eq);
    const eqUsd = optionalDecimal(d.eqUsd);
    const price = eq && eqUsd && !eq.isZero() && eqUsd.gt(ZERO) ? eqUsd.div(eq) : null;
    const upl = optionalDecimal(d.upl);
    const disEq = optionalDecimal(d.disEq);
    if (disEq) reportedAssets.push({ asset, field: `details[${i}].disEq`, value: disEq, ...(eq ? { equity: eq } : {}) });
    balances.push({
      asset,
      amount,
      price,
      priceSource: price ? 'eqUsd / eq (USD)' : 'not in the responses',
      upnl: withPositions || !upl || upl.isZero() ? null : upl,
    });
  });
  // OKX publishes adjusted equity / maintenance margin (liquidation at ≤ 1): our ratio is its inverse.
  const ratio = reportedField(
    'margin_ratio',
    account,
    'mgnRatio',
    (d) => (d.isZero() ? null : ONE.div(d)),
    'OKX publishes adjEq / mmr; shown inverted (1 / mgnRatio)',
  );
  const reported = [
    reportedField('equity', account, 'adjEq'),
    reportedField('maint_margin', account, 'mmr'),
    ratio,
    reportedField('available', account, 'availEq'),
  ];
  if (withPositions) notes.push('the positions carry the unrealized PnL, so the balances rows leave upl out');
  return { balances, reported, reportedAssets };
}

function sideOf(posSide: unknown, pos: Dec): Side {
  if (posSide === 'long') return 'LONG';
  if (posSide === 'short') return 'SHORT';
  return pos.isNeg() ? 'SHORT' : 'LONG';
}

function readPositions(doc: unknown, notes: string[]): SnapshotPosition[] {
  const positions: SnapshotPosition[] = [];
  okData(doc, 'response').forEach((row, i) => {
    const where = item('response.data', i);
    const p = readObject(row, where);
    const instId = readText(p.instId, field(where, 'instId'));
    const instType = String(p.instType ?? '');
    if (instType !== 'SWAP' && instType !== 'FUTURES') {
      notes.push(
        `${instId} (${instType || 'no instType'}) skipped: only perpetual and expiry futures positions take part in the margin ratio here`,
      );
      return;
    }
    const pos = readDecimal(p.pos, field(where, 'pos'));
    if (pos.isZero()) return;
    const mark = readDecimal(p.markPx, field(where, 'markPx'));
    // `pos` counts contracts; the notional in USD over the mark gives the base quantity.
    const notional = readDecimal(p.notionalUsd, field(where, 'notionalUsd'));
    const size = notional.div(mark);
    const mmr = optionalDecimal(p.mmr);
    const imr = optionalDecimal(p.imr);
    positions.push({
      symbol: instId,
      side: sideOf(p.posSide, pos),
      size,
      entry: readDecimal(p.avgPx, field(where, 'avgPx')),
      mark,
      mmr: mmr && notional.gt(ZERO) ? mmr.div(notional) : null,
      cum: ZERO,
      imr: imr && notional.gt(ZERO) ? imr.div(notional) : null,
      marginMode: p.mgnMode === 'isolated' ? 'isolated' : 'cross',
    });
  });
  return positions;
}

/**
 * OKX multi-currency margin: `/api/v5/account/balance` and `/api/v5/account/positions`. Amounts are cash
 * balances, prices `eqUsd / eq` (USD); positions are sized from `notionalUsd / markPx` (their `pos` counts
 * contracts), with maintenance and initial rates `mmr` and `imr` over that notional. Spot-margin and option
 * positions are skipped and said so.
 */
export function readOkxSnapshot(balance: unknown, positionsDoc: unknown | undefined): AccountSnapshot {
  const notes: string[] = [];
  const positions = positionsDoc === undefined ? [] : readingDocument('okx', POSITIONS, () => readPositions(positionsDoc, notes));
  // The balance's per-currency PnL stands in only where no position row carries it.
  const read = readingDocument('okx', BALANCE, () => readBalance(balance, positions.length > 0, notes));
  if (positionsDoc === undefined) notes.push('no positions response: the account is valued without positions');
  return {
    exchange: 'okx',
    balances: read.balances,
    positions,
    reported: read.reported,
    reportedAssets: read.reportedAssets,
    reportedUnit: 'USD',
    notes,
  };
}
