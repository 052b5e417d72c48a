import type { Dec } from '../../engine/decimal';
import { ONE, ZERO } from '../../engine/decimal';
import type { MarginMode, Side } from '../../engine/model';
import { eachObject, field, invalid, numberField, optionalNumberField, readObject, readText } from '../jsonRead';
import { NON_NEGATIVE, POSITIVE } from '../bounds';
import { bareRows, checkBinanceError } from '../import/envelope';
import type { RowReading } from './rowMemo';
import { NO_MEMO } from './rowMemo';
import type { AccountSnapshot, PnlNotCarried, ReportedFigure, SnapshotBalance, SnapshotPosition } from './snapshot';
import type { PositionRates } from './snapshotRows';
import { quotient, readingDocument, reportedField } from './snapshot';
import { balanceRow, eachAssetRow, marksByBase, positionRow, ratesOver, sideContradiction, wordField } from './snapshotRows';

const ACCOUNT = 'GET /fapi/v2/account';
const POSITIONS = 'GET /fapi/v2/positionRisk';

/** The account response (`/fapi/v2/account` or v3) is an object with `assets`; positionRisk (v2 or v3) is a list. */
export function isBinanceAccount(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && 'assets' in doc;
}

export function isBinancePositions(doc: unknown): boolean {
  return Array.isArray(doc);
}

/** Coin-margined (`/dapi`) symbols: `BTCUSD_PERP`, `ETHUSD_250926`. */
const INVERSE_SYMBOL = /USD_(PERP|\d{6})$/i;

const SIDES: Readonly<Record<string, Side>> = { BOTH: 'BOTH', LONG: 'LONG', SHORT: 'SHORT' };
const MARGIN_TYPES: Readonly<Record<string, MarginMode>> = { cross: 'cross', isolated: 'isolated', crossed: 'cross' };

function symbolOf(p: Readonly<Record<string, unknown>>, where: string): string {
  const symbol = readText(p.symbol, field(where, 'symbol')).toUpperCase();
  if (INVERSE_SYMBOL.test(symbol)) {
    invalid(
      field(where, 'symbol'),
      `${symbol} is a coin-margined (/dapi) contract: multi-asset margin covers USDⓈ-M (linear) contracts only; give the /fapi responses`,
    );
  }
  return symbol;
}

/** Hedge mode: a LONG amount is positive, a SHORT one negative; one-way (BOTH) is signed. */
function sideOf(p: Readonly<Record<string, unknown>>, where: string, amount: Dec): Side {
  const side = wordField(p, 'positionSide', where, SIDES);
  if (side === 'LONG' && amount.isNeg()) sideContradiction(where, 'positionSide', side, 'positionAmt', amount, 'a LONG amount is positive');
  if (side === 'SHORT' && amount.gt(ZERO))
    sideContradiction(where, 'positionSide', side, 'positionAmt', amount, 'a SHORT amount is negative');
  return side;
}

/** Isolated when the row says so: `marginType` (positionRisk v2), `isolated` (account v2), or an isolated wallet (v3). */
function marginModeOf(p: Readonly<Record<string, unknown>>, where: string): MarginMode {
  if (p.marginType !== undefined) return wordField(p, 'marginType', where, MARGIN_TYPES);
  if (p.isolated !== undefined) {
    if (typeof p.isolated !== 'boolean') invalid(field(where, 'isolated'), `expected true or false, got ${JSON.stringify(p.isolated)}`);
    return p.isolated ? 'isolated' : 'cross';
  }
  const wallet = optionalNumberField(p, 'isolatedWallet', where, NON_NEGATIVE);
  return wallet !== null && wallet.gt(ZERO) ? 'isolated' : 'cross';
}

/** The position's own initial margin: `positionInitialMargin` (without open orders) when given, else `initialMargin`. */
function initialOf(p: Readonly<Record<string, unknown>>, where: string): Dec | null {
  return (
    optionalNumberField(p, 'positionInitialMargin', where, NON_NEGATIVE) ?? optionalNumberField(p, 'initialMargin', where, NON_NEGATIVE)
  );
}

/** The rates of the row's own maintenance and initial margins over the same row's notional. */
function ratesOf(p: Readonly<Record<string, unknown>>, where: string, notional: Dec): PositionRates {
  return ratesOver(optionalNumberField(p, 'maintMargin', where, NON_NEGATIVE), initialOf(p, where), notional);
}

/** A positions row of one Binance row: a one-way (BOTH) size keeps its sign, a hedge-mode one is unsigned. */
function binanceRow(
  p: Readonly<Record<string, unknown>>,
  where: string,
  id: { readonly symbol: string; readonly side: Side; readonly amount: Dec },
  prices: { readonly entry: Dec; readonly mark: Dec },
  rates: PositionRates,
): SnapshotPosition {
  const size = id.side === 'BOTH' ? id.amount : id.amount.abs();
  return positionRow(where, id.symbol, id.side, size, prices, rates, marginModeOf(p, where));
}

/**
 * The notional of a row, signed as the amount: its own `notional` when given (which must not contradict the amount),
 * else amount × mark.
 */
function notionalOf(p: Readonly<Record<string, unknown>>, where: string, amount: Dec, mark: Dec | null): Dec | null {
  const notional = optionalNumberField(p, 'notional', where);
  if (notional === null) return mark === null ? null : amount.times(mark);
  if (notional.isZero() || notional.isNeg() !== amount.isNeg()) {
    invalid(
      field(where, 'notional'),
      `${notional.toString()} does not fit ${field(where, 'positionAmt')} ${amount.toString()}: an open position's notional is non-zero and signed as its amount`,
    );
  }
  return notional;
}

interface AccountPosition {
  readonly position: SnapshotPosition;
  readonly rates: PositionRates;
}

const key = (symbol: string, side: string): string => `${symbol}|${side}`;

/**
 * An open position of the account response's own `positions` (v2: entryPrice, no mark; v3: notional, no prices):
 * the mark is notional / positionAmt (v3) or entryPrice + unrealizedProfit / positionAmt (v2); the entry, when not
 * given, mark − unrealizedProfit / positionAmt.
 */
function accountPosition(p: Readonly<Record<string, unknown>>, where: string, amount: Dec): AccountPosition {
  const symbol = symbolOf(p, where);
  const side = sideOf(p, where, amount);
  const pnl = numberField(p, 'unrealizedProfit', where);
  const givenEntry = optionalNumberField(p, 'entryPrice', where, POSITIVE);
  const given = optionalNumberField(p, 'notional', where);
  let mark: Dec | null;
  if (given !== null) {
    const notional = notionalOf(p, where, amount, null) as Dec;
    mark = quotient(notional, amount);
  } else if (givenEntry !== null) {
    mark = givenEntry.plus(quotient(pnl, amount) ?? ZERO);
  } else {
    return invalid(field(where, 'notional'), 'required (or entryPrice): the account response gives the position no price');
  }
  if (mark === null || !mark.gt(ZERO)) {
    return invalid(
      field(where, given === null ? 'unrealizedProfit' : 'notional'),
      `gives the position a mark of ${String(mark)}: not a price`,
    );
  }
  const entry = givenEntry ?? mark.minus(quotient(pnl, amount) ?? ZERO);
  if (!entry.gt(ZERO)) invalid(field(where, 'unrealizedProfit'), `gives the position an entry price of ${entry.toString()}: not a price`);
  const rates = ratesOf(p, where, amount.times(mark));
  return { position: binanceRow(p, where, { symbol, side, amount }, { entry, mark }, rates), rates };
}

/** What one row of the account response's `assets` says of its figures: the amount and the PnL. */
function assetFigures(a: Readonly<Record<string, unknown>>, where: string): { amount: Dec; pnl: Dec | null } {
  // Cross wallet balance: isolated positions' margin is walled off from the account, as the engine treats them.
  const amountField = a.crossWalletBalance === undefined ? 'walletBalance' : 'crossWalletBalance';
  const amount = numberField(a, amountField, where);
  const pnl = optionalNumberField(a, 'crossUnPnl', where) ?? optionalNumberField(a, 'unrealizedProfit', where);
  return { amount, pnl };
}

/** One row of the account response's own `positions`: null when closed (a zero amount). */
function accountPositionRow(p: Readonly<Record<string, unknown>>, where: string): AccountPosition | null {
  const amount = numberField(p, 'positionAmt', where);
  symbolOf(p, where);
  if (amount.isZero()) return null;
  return accountPosition(p, where, amount);
}

function readAccount(doc: unknown, prices: ReadonlyMap<string, Dec>, marks: ReadonlyMap<string, Dec>, notes: string[], memo: RowReading) {
  const root = readObject(doc, 'response');
  checkBinanceError(root);
  const balances: SnapshotBalance[] = [];
  let assetPnl = ZERO;
  eachAssetRow(root, 'assets', 'response', 'asset', (a, where, asset) => {
    const { amount, pnl } = memo.row('binance.assets', a, () => assetFigures(a, where));
    if (pnl !== null) assetPnl = assetPnl.plus(pnl);
    if (amount.isZero()) return;
    const given = prices.get(asset);
    const price = given ?? (asset === 'USDT' ? ONE : (marks.get(asset) ?? null));
    const priceSource = given ? 'given' : asset === 'USDT' ? 'the quote currency' : 'the mark of its USDT position';
    balances.push(balanceRow(where, asset, amount, price, priceSource));
  });
  const positions = new Map<string, AccountPosition>();
  const hasPositions = root.positions !== undefined;
  if (hasPositions) {
    eachObject(root, 'positions', 'response', (p, where) => {
      const read = memo.row('binance.accountPositions', p, () => accountPositionRow(p, where));
      if (read !== null) positions.set(key(read.position.symbol, read.position.side), read);
    });
  }
  const equity = reportedField('equity', root, 'totalMarginBalance');
  const maintenance = reportedField('maint_margin', root, 'totalMaintMargin');
  const value = equity.value && maintenance.value && equity.value.gt(ZERO) ? quotient(maintenance.value, equity.value) : null;
  const ratio: ReportedFigure =
    value !== null
      ? {
          figure: 'margin_ratio',
          field: 'totalMaintMargin / totalMarginBalance',
          raw: `${maintenance.raw} / ${equity.raw}`,
          value,
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
  return { balances, positions, hasPositions, reported, assetPnl };
}

/** What one positionRisk row says by itself (null when closed): all but the rates the account response may add. */
function riskRow(value: unknown, where: string) {
  const p = readObject(value, where);
  const symbol = symbolOf(p, where);
  const amount = numberField(p, 'positionAmt', where);
  if (amount.isZero()) return null;
  const side = sideOf(p, where, amount);
  const mark = numberField(p, 'markPrice', where, POSITIVE);
  const notional = notionalOf(p, where, amount, mark) as Dec;
  const own = ratesOf(p, where, notional);
  return { p, id: { symbol, side, amount }, prices: { entry: numberField(p, 'entryPrice', where, POSITIVE), mark }, own };
}

const noMarginNote = (symbol: string, side: string): string =>
  `${symbol} ${side}: neither response gives its maintenance margin (positionRisk v3 and the account response's positions do): enter its mmr`;

function readPositionRisk(
  doc: unknown,
  fromAccount: ReadonlyMap<string, AccountPosition>,
  notes: string[],
  memo: RowReading,
): SnapshotPosition[] {
  const positions: SnapshotPosition[] = [];
  bareRows(doc, true).rows.forEach(({ value, where }) => {
    const read = memo.row('binance.positionRisk', value, () => riskRow(value, where));
    if (read === null) return;
    const { p, id, prices, own } = read;
    const { symbol, side } = id;
    // positionRisk v2 carries no margins: the rates then come whole from the account response's own row.
    const other = own.mmr === null ? fromAccount.get(key(symbol, side))?.rates : undefined;
    if (other !== undefined)
      notes.push(`${symbol} ${side}: rates from the account response's own maintMargin and initialMargin over its notional`);
    const rates = other ?? own;
    if (rates.mmr === null) notes.push(memo.row('binance.positionRisk.note', read, () => noMarginNote(symbol, side)));
    positions.push(
      other === undefined
        ? memo.row('binance.positionRisk.row', read, () => binanceRow(p, where, id, prices, own))
        : binanceRow(p, where, id, prices, other),
    );
  });
  return positions;
}

/**
 * Binance USDⓈ-M: the account response (`GET /fapi/v2/account` or v3) and, when given, `GET /fapi/v2/positionRisk`
 * or v3. Amounts are the cross wallet balances; USDT is the quote (price 1); other assets take `prices`, else the
 * mark of their USDT position, else stay unpriced. A position's maintenance and initial rates are its own
 * `maintMargin` and `positionInitialMargin` (else `initialMargin`) over its own `notional`, all from one row of one
 * response (positionRisk v3; for v2, which has no margins, the account response's row of the same position). Without
 * positionRisk the account response's own `positions` are the positions. Coin-margined (`/dapi`) symbols are refused.
 *
 * @throws BAD_SNAPSHOT naming the response, the row and the field.
 */
export function readBinanceSnapshot(
  account: unknown,
  positionRisk: unknown | undefined,
  prices: ReadonlyMap<string, Dec> = new Map(),
  memo: RowReading = NO_MEMO,
): AccountSnapshot {
  const notes: string[] = [];
  const first = readingDocument('binance', ACCOUNT, () => readAccount(account, prices, new Map(), [], memo));
  const fromAccount = [...first.positions.values()].map((r) => r.position);
  const positions =
    positionRisk === undefined
      ? fromAccount
      : readingDocument('binance', POSITIONS, () => readPositionRisk(positionRisk, first.positions, notes, memo));
  // Collateral coins take the marks of the positions read (the account response's positions carry derived marks).
  const read = readingDocument('binance', ACCOUNT, () => readAccount(account, prices, marksByBase(positions), notes, memo));
  const pnlNotCarried: PnlNotCarried[] = [];
  if (positionRisk === undefined) {
    if (read.hasPositions)
      notes.push("no positionRisk response: the positions are the account response's own (mark = notional / positionAmt)");
    else {
      notes.push('no positionRisk response, and the account response lists no positions: the account is valued without positions');
      if (!read.assetPnl.isZero())
        pnlNotCarried.push({
          value: read.assetPnl,
          what: "the assets' crossUnPnl, and neither positionRisk nor the account response's positions were given",
        });
    }
  }
  return {
    exchange: 'binance',
    balances: read.balances,
    positions,
    reported: read.reported,
    reportedAssets: [],
    reportedUnit: 'USD',
    notes,
    pnlNotCarried,
  };
}
