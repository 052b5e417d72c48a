import type { Dec } from '../../engine/decimal';
import { ONE, ZERO } from '../../engine/decimal';
import type { MarginMode } from '../../engine/model';
import { field, numberField, optionalNumberField, readAssetName, readObject, readText } from '../jsonRead';
import { NON_NEGATIVE, POSITIVE, RATIO } from '../bounds';
import { dataObject, dataRows, firstItem, hasFields, peek } from '../import/envelope';
import type { AccountSnapshot, ReportedFigure, SnapshotBalance, SnapshotPosition } from './snapshot';
import { readingDocument, reportedField } from './snapshot';
import { balanceRow, eachAssetRow, leverageRate, marksByBase, pnlBesidePositions, positionRow, wordField } from './snapshotRows';

const ACCOUNTS = 'GET /api/v2/mix/account/accounts';
const ACCOUNT = 'GET /api/v2/mix/account/account';
const POSITIONS = 'GET /api/v2/mix/position/all-position';

/** The account list's rows, or the single account object, carry `marginCoin` and `accountEquity`; the positions' `holdSide`. */
export function isBitgetAccounts(doc: unknown): boolean {
  const data = peek(doc, 'data');
  return hasFields(Array.isArray(data) ? data[0] : data, 'accountEquity');
}

export function isBitgetPositions(doc: unknown): boolean {
  const data = peek(doc, 'data');
  return (Array.isArray(data) && data.length === 0) || hasFields(firstItem(data), 'holdSide');
}

/** Bitget spells the field `unionTotalMargin` in its field table and `unionTotalMagin` in its example. */
function totalMarginField(row: Readonly<Record<string, unknown>>): string {
  return row.unionTotalMargin === undefined && row.unionTotalMagin !== undefined ? 'unionTotalMagin' : 'unionTotalMargin';
}

const ASSET_MODES: Readonly<Record<string, 'union' | 'single'>> = { union: 'union', single: 'single' };

/** The account the snapshot is of: the single-account object, or the `union` row of the list (else its first row). */
function accountRow(doc: unknown): { account: Readonly<Record<string, unknown>>; where: string; single: boolean } {
  if (!Array.isArray(peek(doc, 'data'))) {
    const { value, where } = dataObject(doc, '00000');
    return { account: value, where, single: true };
  }
  const { rows } = dataRows(doc, '00000');
  const read = rows.map(({ value, where }) => ({ account: readObject(value, where), where }));
  const chosen = read.find((r) => r.account.assetMode === 'union') ?? (read[0] as (typeof read)[number]);
  return { ...chosen, single: false };
}

function readAccounts(doc: unknown, marks: ReadonlyMap<string, Dec>, crossPositions: boolean, notes: string[]) {
  const { account, where } = accountRow(doc);
  const marginCoin = readAssetName(account.marginCoin, field(where, 'marginCoin'));
  const accountEquity = numberField(account, 'accountEquity', where);
  const crossedPnl = optionalNumberField(account, 'crossedUnrealizedPL', where) ?? ZERO;
  const isolatedPnl = optionalNumberField(account, 'isolatedUnrealizedPL', where) ?? ZERO;
  const mode = account.assetMode === undefined ? 'single' : wordField(account, 'assetMode', where, ASSET_MODES);
  // The wallet balance is the equity without PnL; the cross PnL comes back from the positions, or as upnl.
  const amount = accountEquity.minus(crossedPnl).minus(isolatedPnl);
  const balances: SnapshotBalance[] = [
    balanceRow(
      where,
      marginCoin,
      amount,
      marginCoin === 'USDT' ? ONE : null,
      'the quote currency',
      pnlBesidePositions(crossedPnl, crossPositions),
    ),
  ];
  notes.push(`${marginCoin} balance taken as accountEquity − crossedUnrealizedPL − isolatedUnrealizedPL`);
  if (account.assetList !== undefined) {
    eachAssetRow(account, 'assetList', where, 'coin', (a, at, coin) => {
      const balance = numberField(a, 'balance', at);
      if (balance.isZero() || coin === marginCoin) return;
      balances.push(balanceRow(at, coin, balance, marks.get(coin) ?? null, 'the mark of its USDT position'));
    });
  }
  // The list's union row carries the multi-asset totals; the single-account object does not, whatever its mode.
  const union = mode === 'union' && (account.unionTotalMargin !== undefined || account.unionTotalMagin !== undefined);
  const reported: ReportedFigure[] = union
    ? [
        reportedField('equity', account, totalMarginField(account)),
        reportedField('maint_margin', account, 'unionMm'),
        reportedField('margin_ratio', account, 'crossedRiskRate'),
        reportedField('available', account, 'unionAvailable'),
      ]
    : [
        // The margin coin's own equity and available amount (Bitget reports no maintenance total here).
        reportedField('equity', account, 'accountEquity'),
        {
          figure: 'maint_margin',
          field: 'not reported',
          raw: '',
          value: null,
          note: 'Bitget reports no maintenance margin total in single-asset mode',
        },
        reportedField('margin_ratio', account, 'crossedRiskRate'),
        reportedField('available', account, 'available'),
      ];
  return { balances, reported, unit: union ? 'USDT' : marginCoin };
}

const HOLD_SIDES: Readonly<Record<string, 'LONG' | 'SHORT'>> = { long: 'LONG', short: 'SHORT' };
const MARGIN_MODES: Readonly<Record<string, MarginMode>> = { crossed: 'cross', cross: 'cross', isolated: 'isolated' };

function readPositions(doc: unknown): SnapshotPosition[] {
  const positions: SnapshotPosition[] = [];
  const { rows } = dataRows(doc, '00000', undefined, true);
  for (const { value, where } of rows) {
    const p = readObject(value, where);
    const symbol = readText(p.symbol, field(where, 'symbol')).toUpperCase();
    // Bitget's total is unsigned: holdSide says the direction.
    const size = numberField(p, 'total', where, NON_NEGATIVE);
    const side = wordField(p, 'holdSide', where, HOLD_SIDES);
    if (size.isZero()) continue;
    const leverage = optionalNumberField(p, 'leverage', where, POSITIVE);
    const entry = numberField(p, 'openPriceAvg', where, POSITIVE);
    const mark = numberField(p, 'markPrice', where, POSITIVE);
    // Bitget gives the maintenance rate itself; its initial margin is the notional over the position's leverage.
    const rates = { mmr: optionalNumberField(p, 'keepMarginRate', where, RATIO), imr: leverageRate(leverage) };
    positions.push(positionRow(where, symbol, side, size, { entry, mark }, rates, wordField(p, 'marginMode', where, MARGIN_MODES)));
  }
  return positions;
}

/**
 * Bitget USDT-M futures: the account list `GET /api/v2/mix/account/accounts` (its `union` row) or the single account
 * `GET /api/v2/mix/account/account`, and `GET /api/v2/mix/position/all-position`. The margin coin's balance is its
 * equity without PnL; the multi-asset coins of `assetList` take the mark of their USDT position as price (else
 * `prices`, else none). In multi-asset (`union`) mode the exchange's figures are `unionTotalMargin`, `unionMm`,
 * `crossedRiskRate` and `unionAvailable`; in single-asset mode `accountEquity`, `crossedRiskRate` and `available`.
 * Positions take `keepMarginRate` as maintenance rate and 1 / leverage as initial rate.
 *
 * @throws BAD_SNAPSHOT naming the response, the row and the field.
 */
export function readBitgetSnapshot(accounts: unknown, positionsDoc?: unknown): AccountSnapshot {
  const notes: string[] = [];
  const positions = positionsDoc === undefined ? [] : readingDocument('bitget', POSITIONS, () => readPositions(positionsDoc));
  const cross = positions.some((p) => p.marginMode === 'cross');
  const document = Array.isArray(peek(accounts, 'data')) ? ACCOUNTS : ACCOUNT;
  const read = readingDocument('bitget', document, () => readAccounts(accounts, marksByBase(positions), cross, notes));
  if (positionsDoc === undefined) notes.push('no positions response: the account is valued without positions');
  return {
    exchange: 'bitget',
    balances: read.balances,
    positions,
    reported: read.reported,
    reportedAssets: [],
    reportedUnit: read.unit,
    notes,
    pnlNotCarried: [],
  };
}
