import { ZERO } from '../../engine/decimal';
import type { MarginMode } from '../../engine/model';
import { field, invalid, item, NON_NEGATIVE, POSITIVE, readAssetName, readList, readObject, readText } from '../jsonRead';
import { resultListRows, ROOT } from '../import/envelope';
import type { AccountSnapshot, PnlNotCarried, SnapshotBalance, SnapshotPosition } from './snapshot';
import { checkRowFits, numberField, optionalNumberField, quotient, readingDocument, reportedField, wordField } from './snapshot';

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

function readWallet(doc: unknown, withPositions: boolean) {
  const { rows } = resultListRows(doc);
  const first = rows[0] as (typeof rows)[number];
  const account = readObject(first.value, first.where);
  const coinsAt = field(first.where, 'coin');
  const balances: SnapshotBalance[] = [];
  let pnl = ZERO;
  readList(account.coin, coinsAt).forEach((row, i) => {
    const where = item(coinsAt, i);
    const c = readObject(row, where);
    const asset = readAssetName(c.coin, field(where, 'coin'));
    const amount = numberField(c, 'walletBalance', where);
    const equity = optionalNumberField(c, 'equity', where);
    const usd = optionalNumberField(c, 'usdValue', where);
    // usdValue / equity is the USD price only when both are given with one sign; a zero or tiny equity gives none.
    const price = equity && usd && !equity.isZero() && equity.isNeg() === usd.isNeg() ? quotient(usd, equity) : null;
    const upnl = optionalNumberField(c, 'unrealisedPnl', where);
    if (upnl !== null) pnl = pnl.plus(upnl);
    balances.push(
      checkRowFits(
        {
          asset,
          amount,
          price,
          priceSource: price ? 'usdValue / equity (USD)' : 'not in the responses',
          upnl: withPositions || !upnl || upnl.isZero() ? null : upnl,
        },
        where,
      ),
    );
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
  return { balances, reported, pnl };
}

const SIDES: Readonly<Record<string, 'LONG' | 'SHORT' | 'NONE'>> = { Buy: 'LONG', Sell: 'SHORT', '': 'NONE', None: 'NONE' };
const TRADE_MODES: Readonly<Record<string, MarginMode>> = { '0': 'cross', '1': 'isolated' };
const CATEGORIES: Readonly<Record<string, 'linear' | 'inverse' | 'option'>> = { linear: 'linear', inverse: 'inverse', option: 'option' };

/** Bybit's coin-margined (inverse) symbols: perpetual `BTCUSD`, dated `BTCUSDH25` (month code and year). */
const INVERSE_SYMBOL = /USD([FGHJKMNQUVXZ]\d{2})?$/;

function refuseInverse(symbol: string, where: string, by: string): never {
  return invalid(
    field(where, 'symbol'),
    `${symbol} is a coin-margined (inverse) contract${by}: multi-asset margin covers linear (USDT/USDC) contracts only; leave it out of the positions response`,
  );
}

function readPositions(doc: unknown, notes: string[]): { positions: SnapshotPosition[]; skipped: PnlNotCarried[] } {
  const root = readObject(doc, ROOT);
  const { rows } = resultListRows(doc, true);
  const result = readObject(root.result, field(ROOT, 'result'));
  const category = result.category === undefined ? 'linear' : wordField(result, 'category', field(ROOT, 'result'), CATEGORIES);
  if (category === 'option') {
    const skipped: PnlNotCarried[] = [];
    if (rows.length > 0) {
      notes.push(`${rows.length} option position(s) skipped: only linear (USDT and USDC) contracts take part in the margin ratio here`);
    }
    return { positions: [], skipped };
  }
  const positions: SnapshotPosition[] = [];
  for (const { value, where } of rows) {
    const p = readObject(value, where);
    const symbol = readText(p.symbol, field(where, 'symbol')).toUpperCase();
    // Bybit's size is unsigned: the side says the direction.
    const size = numberField(p, 'size', where, NON_NEGATIVE);
    // The stream's rows carry their own category; the list's take the response's.
    const own = p.category === undefined ? category : wordField(p, 'category', where, CATEGORIES);
    if (size.isZero()) continue;
    if (own === 'inverse' || category === 'inverse') refuseInverse(symbol, where, ' (category inverse)');
    if (own === 'option') invalid(field(where, 'category'), `${symbol} is an option: only linear (USDT/USDC) contracts take part here`);
    if (INVERSE_SYMBOL.test(symbol)) refuseInverse(symbol, where, '');
    const side = wordField(p, 'side', where, SIDES);
    if (side === 'NONE') {
      invalid(
        field(where, 'side'),
        `${JSON.stringify(p.side)} contradicts ${field(where, 'size')} ${size.toString()}: an open position is Buy or Sell`,
      );
    }
    const mark = numberField(p, 'markPrice', where, POSITIVE);
    const notional = size.times(mark);
    const mm = optionalNumberField(p, 'positionMM', where, NON_NEGATIVE);
    const im = optionalNumberField(p, 'positionIM', where, NON_NEGATIVE);
    positions.push(
      checkRowFits(
        {
          symbol,
          side,
          size,
          entry: numberField(p, 'avgPrice', where, POSITIVE),
          mark,
          mmr: mm === null ? null : quotient(mm, notional),
          cum: ZERO,
          imr: im === null || im.isZero() ? null : quotient(im, notional),
          marginMode: p.tradeMode === undefined ? 'cross' : wordField({ tradeMode: String(p.tradeMode) }, 'tradeMode', where, TRADE_MODES),
        },
        where,
      ),
    );
  }
  return { positions, skipped: [] };
}

/**
 * Bybit Unified Trading Account: `GET /v5/account/wallet-balance` and `GET /v5/position/list`. Amounts are wallet
 * balances, prices `usdValue / equity` (USD); positions take their rates from `positionMM` and `positionIM` over
 * their own notional (`size × markPrice`). Option positions are skipped and said so; an open coin-margined
 * (inverse) position (category `inverse`, symbols `BTCUSD`, `BTCUSDH25`) is refused by name.
 *
 * @throws BAD_SNAPSHOT naming the response, the row and the field.
 */
export function readBybitSnapshot(wallet: unknown, positionsDoc?: unknown): AccountSnapshot {
  const notes: string[] = [];
  const read = positionsDoc === undefined ? undefined : readingDocument('bybit', POSITIONS, () => readPositions(positionsDoc, notes));
  const positions = read?.positions ?? [];
  // The wallet's per-coin PnL stands in only where no position row carries it.
  const account = readingDocument('bybit', WALLET, () => readWallet(wallet, positions.length > 0));
  if (positionsDoc === undefined) notes.push('no position list: the account is valued without positions');
  return {
    exchange: 'bybit',
    balances: account.balances,
    positions,
    reported: account.reported,
    reportedAssets: [],
    reportedUnit: 'USD',
    notes,
    pnlNotCarried: read?.skipped ?? [],
  };
}
