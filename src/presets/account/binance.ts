import type { Dec } from '../../engine/decimal';
import { ONE, ZERO } from '../../engine/decimal';
import type { Side } from '../../engine/model';
import { field, item, readDecimal, readList, readObject, readText } from '../jsonRead';
import type { AccountSnapshot, ReportedFigure, SnapshotBalance, SnapshotPosition } from './snapshot';
import { optionalDecimal, readingDocument, reportedField } from './snapshot';

const ACCOUNT = 'GET /fapi/v2/account';
const POSITIONS = 'GET /fapi/v2/positionRisk';

/** The account response (`/fapi/v2/account` or v3) is an object with `assets`; positionRisk is a list. */
export function isBinanceAccount(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && 'assets' in doc;
}

export function isBinancePositions(doc: unknown): boolean {
  return Array.isArray(doc);
}

interface AccountPositionMargin {
  readonly maint: Dec;
  readonly initial: Dec;
}

const key = (symbol: string, side: string): string => `${symbol.toUpperCase()}|${side.toUpperCase()}`;

function readAccount(doc: unknown, prices: ReadonlyMap<string, Dec>, marks: ReadonlyMap<string, Dec>, notes: string[]) {
  const root = readObject(doc, 'response');
  const balances: SnapshotBalance[] = [];
  readList(root.assets, 'response.assets').forEach((row, i) => {
    const where = item('response.assets', i);
    const a = readObject(row, where);
    const asset = readText(a.asset, field(where, 'asset')).toUpperCase();
    // Cross wallet balance: isolated positions' margin is walled off from the account, as the engine treats them.
    const amountField = a.crossWalletBalance === undefined ? 'walletBalance' : 'crossWalletBalance';
    const amount = readDecimal(a[amountField], field(where, amountField));
    if (amount.isZero()) return;
    const given = prices.get(asset);
    const price = given ?? (asset === 'USDT' ? ONE : (marks.get(asset) ?? null));
    const priceSource = given
      ? 'given'
      : asset === 'USDT'
        ? 'the quote currency'
        : price
          ? 'the mark of its USDT position'
          : 'not in the responses';
    balances.push({ asset, amount, price, priceSource, upnl: null });
  });
  const margins = new Map<string, AccountPositionMargin>();
  if (Array.isArray(root.positions)) {
    root.positions.forEach((row, i) => {
      const where = item('response.positions', i);
      const p = readObject(row, where);
      const maint = optionalDecimal(p.maintMargin);
      const initial = optionalDecimal(p.initialMargin);
      if (typeof p.symbol === 'string' && maint && initial && !maint.isZero()) {
        margins.set(key(p.symbol, String(p.positionSide ?? 'BOTH')), { maint, initial });
      }
    });
  }
  const equity = reportedField('equity', root, 'totalMarginBalance');
  const maintenance = reportedField('maint_margin', root, 'totalMaintMargin');
  const ratio: ReportedFigure =
    equity.value && maintenance.value && equity.value.gt(ZERO)
      ? {
          figure: 'margin_ratio',
          field: 'totalMaintMargin / totalMarginBalance',
          raw: `${maintenance.raw} / ${equity.raw}`,
          value: maintenance.value.div(equity.value),
          note: 'Binance reports no account margin ratio; derived from the two totals',
        }
      : {
          figure: 'margin_ratio',
          field: 'totalMaintMargin / totalMarginBalance',
          raw: '',
          value: null,
          note: 'no positive totalMarginBalance to divide by',
        };
  const reported = [equity, maintenance, ratio, reportedField('available', root, 'availableBalance')];
  if (balances.length === 0) notes.push('the account response lists no asset with a balance');
  return { balances, margins, reported };
}

function sideOf(value: unknown, where: string): Side {
  const text = readText(value ?? 'BOTH', where).toUpperCase();
  return text === 'LONG' || text === 'SHORT' ? text : 'BOTH';
}

function readPositions(doc: unknown, margins: ReadonlyMap<string, AccountPositionMargin>, notes: string[]): SnapshotPosition[] {
  const positions: SnapshotPosition[] = [];
  readList(doc, 'response').forEach((row, i) => {
    const where = item('response', i);
    const p = readObject(row, where);
    const size = readDecimal(p.positionAmt, field(where, 'positionAmt'));
    if (size.isZero()) return;
    const symbol = readText(p.symbol, field(where, 'symbol')).toUpperCase();
    const side = sideOf(p.positionSide, field(where, 'positionSide'));
    const mark = readDecimal(p.markPrice, field(where, 'markPrice'));
    const margin = margins.get(key(symbol, side));
    const notional = size.abs().times(mark);
    if (!margin)
      notes.push(
        `${symbol} ${side}: the responses give no maintenance margin (the account response's positions carry it); enter the bracket's mmr`,
      );
    positions.push({
      symbol,
      side,
      size: side === 'BOTH' ? size : size.abs(),
      entry: readDecimal(p.entryPrice, field(where, 'entryPrice')),
      mark,
      mmr: margin && notional.gt(ZERO) ? margin.maint.div(notional) : null,
      cum: ZERO,
      imr: margin && notional.gt(ZERO) ? margin.initial.div(notional) : null,
      marginMode: String(p.marginType ?? 'cross').toLowerCase() === 'isolated' ? 'isolated' : 'cross',
    });
  });
  return positions;
}

/** Marks of the USDT positions by base asset: a price for a collateral asset the account response leaves unpriced. */
function marksByBase(doc: unknown): Map<string, Dec> {
  const marks = new Map<string, Dec>();
  if (!Array.isArray(doc)) return marks;
  for (const row of doc) {
    if (typeof row !== 'object' || row === null) continue;
    const { symbol, markPrice } = row as Record<string, unknown>;
    const mark = optionalDecimal(markPrice);
    if (typeof symbol === 'string' && symbol.toUpperCase().endsWith('USDT') && mark && mark.gt(ZERO)) {
      marks.set(symbol.toUpperCase().slice(0, -4), mark);
    }
  }
  return marks;
}

/**
 * Binance USDⓈ-M: the account response (`/fapi/v2/account` or v3) and `/fapi/v2/positionRisk`. Amounts are
 * the cross wallet balances; USDT is the quote (price 1); other assets take `prices`, else the mark of their
 * USDT position, else stay unpriced. Each position's maintenance and initial rate is its margin in the
 * account response over its notional (cum 0), when the account response lists it.
 */
export function readBinanceSnapshot(
  account: unknown,
  positionRisk: unknown | undefined,
  prices: ReadonlyMap<string, Dec>,
): AccountSnapshot {
  const notes: string[] = [];
  const read = readingDocument('binance', ACCOUNT, () => readAccount(account, prices, marksByBase(positionRisk), notes));
  const positions =
    positionRisk === undefined ? [] : readingDocument('binance', POSITIONS, () => readPositions(positionRisk, read.margins, notes));
  if (positionRisk === undefined) notes.push('no positionRisk response: the account is valued without positions');
  return {
    exchange: 'binance',
    balances: read.balances,
    positions,
    reported: read.reported,
    reportedAssets: [],
    reportedUnit: 'USD',
    notes,
  };
}
