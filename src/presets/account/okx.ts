import type { Dec } from '../../engine/decimal';
import { ONE, ZERO } from '../../engine/decimal';
import type { MarginMode, Side } from '../../engine/model';
import { messageNumber } from '../../engine/numberText';
import { field, invalid, numberField, optionalNumberField, readObject, readText } from '../jsonRead';
import { NON_NEGATIVE, POSITIVE } from '../bounds';
import { dataRows, firstItem, hasFields, peek } from '../import/envelope';
import type { AccountSnapshot, PnlNotCarried, ReportedAssetValue, SnapshotBalance, SnapshotPosition } from './snapshot';
import { quotient, readingDocument, reportedField } from './snapshot';
import {
  balanceRow,
  eachAssetRow,
  leverageRate,
  pnlBesidePositions,
  positionRow,
  ratesOver,
  sideContradiction,
  usdPerCoin,
  wordField,
} from './snapshotRows';

const BALANCE = 'GET /api/v5/account/balance';
const POSITIONS = 'GET /api/v5/account/positions';
const INSTRUMENTS = 'GET /api/v5/public/instruments';
export const OKX_PUBLIC_INSTRUMENTS = 'https://www.okx.com/api/v5/public/instruments';

/** The balance response's data rows carry `details`; the positions response's carry `instId` and `pos`. */
export function isOkxBalance(doc: unknown): boolean {
  return hasFields(firstItem(peek(doc, 'data')), 'details');
}

export function isOkxPositions(doc: unknown): boolean {
  const data = peek(doc, 'data');
  return (Array.isArray(data) && data.length === 0) || hasFields(firstItem(data), 'instId', 'pos');
}

/** The public instruments response's rows carry `instId` and `ctVal` (blank for spot), and no `pos`. */
export function isOkxInstruments(doc: unknown): boolean {
  const row = firstItem(peek(doc, 'data'));
  return hasFields(row, 'instId', 'ctVal') && !hasFields(row, 'pos');
}

/** The instruments URL that gives an instrument's contract value (`ctVal`), as `import okx` fetches it. */
export function okxInstrumentUrl(instId: string): string {
  const instType = /-SWAP$/i.test(instId) ? 'SWAP' : 'FUTURES';
  return `${OKX_PUBLIC_INSTRUMENTS}?instType=${instType}&instId=${encodeURIComponent(instId)}`;
}

/** OKX instrument ids whose quote is USD (`BTC-USD-SWAP`, `ETH-USD-210430`) are coin-margined. */
const INVERSE_ID = /^[A-Z0-9]+-USD-/i;

/**
 * The futures and perpetual instruments (`SWAP`, `FUTURES`) a positions response holds, as `import okx` would ask
 * for their contract values: for the command line and a live fetch to request the instruments response.
 */
export function okxPositionInstruments(positionsDoc: unknown): string[] {
  if (typeof positionsDoc !== 'object' || positionsDoc === null) return [];
  const data = (positionsDoc as Record<string, unknown>).data;
  if (!Array.isArray(data)) return [];
  const ids = new Set<string>();
  for (const row of data) {
    if (typeof row !== 'object' || row === null) continue;
    const { instId, instType } = row as Record<string, unknown>;
    if (typeof instId === 'string' && (instType === 'SWAP' || instType === 'FUTURES')) ids.add(instId.toUpperCase());
  }
  return [...ids];
}

interface Contract {
  readonly contractValue: Dec;
  /** Where the contract value was read, e.g. `instruments 1: response.data[3].ctVal`. */
  readonly source: string;
}

/**
 * The contract values of the instruments `wanted`, from OKX instruments responses (`GET /api/v5/public/instruments`);
 * rows of other instruments are ignored and counted. An inverse instrument (`ctType: inverse`) is refused by name.
 */
function readContracts(documents: readonly unknown[], wanted: ReadonlySet<string>, notes: string[]): Map<string, Contract> {
  const contracts = new Map<string, Contract>();
  let ignored = 0;
  documents.forEach((doc, d) => {
    const { rows } = dataRows(doc, '0', undefined, true);
    for (const { value, where } of rows) {
      const obj = readObject(value, where);
      const instId = readText(obj.instId, field(where, 'instId')).toUpperCase();
      if (!wanted.has(instId) || contracts.has(instId)) {
        ignored += 1;
        continue;
      }
      if (obj.ctType === 'inverse') {
        invalid(
          field(where, 'ctType'),
          `${instId} is a coin-margined (inverse) contract: multi-asset margin covers linear (USDT/USDC) contracts only`,
        );
      }
      const contractValue = numberField(obj, 'ctVal', where, POSITIVE);
      const which = documents.length > 1 ? `instruments response ${d + 1}` : 'the instruments response';
      contracts.set(instId, { contractValue, source: `${which}, ${field(where, 'ctVal')}` });
    }
  });
  if (ignored > 0) notes.push(`the instruments response lists ${ignored} other instrument(s), ignored`);
  return contracts;
}

const POS_SIDES: Readonly<Record<string, 'long' | 'short' | 'net'>> = { long: 'long', short: 'short', net: 'net' };
const MARGIN_MODES: Readonly<Record<string, MarginMode>> = { cross: 'cross', isolated: 'isolated' };
const POSITION_TYPES: Readonly<Record<string, 'contract' | 'skip'>> = {
  SWAP: 'contract',
  FUTURES: 'contract',
  MARGIN: 'skip',
  OPTION: 'skip',
};

interface PositionsRead {
  readonly positions: SnapshotPosition[];
  readonly skippedPnl: PnlNotCarried[];
}

/** The instIds of the contracts in a positions response, read (checked) before the instruments are looked up. */
function contractIds(doc: unknown): Set<string> {
  const ids = new Set<string>();
  const { rows } = dataRows(doc, '0', undefined, true);
  for (const { value, where } of rows) {
    const p = readObject(value, where);
    const instId = readText(p.instId, field(where, 'instId')).toUpperCase();
    const kind = wordField(p, 'instType', where, POSITION_TYPES);
    if (kind !== 'contract') continue;
    if (INVERSE_ID.test(instId)) {
      invalid(
        field(where, 'instId'),
        `${instId} is a coin-margined (inverse) contract: multi-asset margin covers linear (USDT/USDC) contracts only; leave it out of the positions response`,
      );
    }
    ids.add(instId);
  }
  return ids;
}

function sideOf(p: Readonly<Record<string, unknown>>, where: string, pos: Dec): Side {
  const posSide = wordField(p, 'posSide', where, POS_SIDES);
  if (posSide === 'net') return pos.isNeg() ? 'SHORT' : 'LONG';
  // In long/short mode `pos` counts the contracts held on that side: never negative.
  if (pos.isNeg())
    sideContradiction(where, 'posSide', posSide, 'pos', pos, 'in long/short mode pos counts the contracts held, never below 0');
  return posSide === 'long' ? 'LONG' : 'SHORT';
}

function readPositions(doc: unknown, contracts: ReadonlyMap<string, Contract>, notes: string[], instrumentsGiven: boolean): PositionsRead {
  const positions: SnapshotPosition[] = [];
  const skippedPnl: PnlNotCarried[] = [];
  const { rows } = dataRows(doc, '0', undefined, true);
  for (const { value, where } of rows) {
    const p = readObject(value, where);
    const instId = readText(p.instId, field(where, 'instId')).toUpperCase();
    const instType = String(p.instType);
    if (POSITION_TYPES[instType] !== 'contract') {
      const upl = optionalNumberField(p, 'upl', where);
      notes.push(`${instId} (${instType}) skipped: only perpetual and expiry futures positions take part in the margin ratio here`);
      if (upl !== null && !upl.isZero())
        skippedPnl.push({ value: upl, what: `${instId} (${instType}) is skipped, its ${field(where, 'upl')} with it` });
      continue;
    }
    const pos = numberField(p, 'pos', where);
    const side = sideOf(p, where, pos);
    if (pos.isZero()) continue;
    const contract = contracts.get(instId);
    if (contract === undefined) {
      invalid(
        field(where, 'pos'),
        instrumentsGiven
          ? `pos counts contracts of ${instId}, whose contract value (ctVal) is not given: the instruments response does not list ${instId}, so its size in coin is unknown (OKX lists it at ${okxInstrumentUrl(instId)})`
          : `pos counts contracts of ${instId}, whose contract value (ctVal) is not given: give OKX's instruments response for it (${okxInstrumentUrl(instId)}), pasted with the responses or on the command line with --instruments FILE|URL`,
      );
    }
    const mark = numberField(p, 'markPx', where, POSITIVE);
    const entry = numberField(p, 'avgPx', where, POSITIVE);
    const size = pos.abs().times(contract.contractValue);
    const notional = size.times(mark);
    const maintenance = optionalNumberField(p, 'mmr', where, NON_NEGATIVE);
    const initial = optionalNumberField(p, 'imr', where, NON_NEGATIVE);
    const leverage = optionalNumberField(p, 'lever', where, POSITIVE);
    const direction = side === 'SHORT' ? -1 : 1;
    const ours = mark.minus(entry).times(size).times(direction);
    const upl = optionalNumberField(p, 'upl', where);
    const gap = upl === null ? ZERO : ours.minus(upl).abs();
    // Off by more than 1% of the notional: the size is wrong (a contract value of another instrument), or the row is.
    if (upl !== null && gap.gt(notional.times('0.01').plus('1e-8'))) {
      invalid(
        field(where, 'upl'),
        `${messageNumber(upl)} does not fit ${messageNumber(pos.abs())} contracts of ${messageNumber(contract.contractValue)} (${contract.source}) from avgPx ${messageNumber(entry)} to markPx ${messageNumber(mark)}, which make ${messageNumber(ours)}: check that the contract value is this instrument's`,
      );
    }
    if (upl !== null && !gap.lte(upl.abs().times('1e-6').plus('1e-8'))) {
      notes.push(
        `${instId}: the response's upl is ${messageNumber(upl)}, but ${messageNumber(pos.abs())} contracts of ${messageNumber(contract.contractValue)} (${contract.source}) from avgPx to markPx make ${messageNumber(ours)}: check the contract value, and that the responses were taken together`,
      );
    }
    // OKX reports the position's margins in its settlement currency; the rates are over its own notional, and
    // without an initial margin (isolated) the initial rate is 1 / lever.
    const rates = ratesOver(maintenance, initial, notional);
    const mode = wordField(p, 'mgnMode', where, MARGIN_MODES);
    positions.push(
      positionRow(where, instId, side, size, { entry, mark }, { mmr: rates.mmr, imr: rates.imr ?? leverageRate(leverage) }, mode),
    );
  }
  return { positions, skippedPnl };
}

function readBalance(doc: unknown, withPositions: boolean, notes: string[]) {
  const { rows } = dataRows(doc, '0');
  const first = rows[0] as (typeof rows)[number];
  const account = readObject(first.value, first.where);
  const balances: SnapshotBalance[] = [];
  const reportedAssets: ReportedAssetValue[] = [];
  eachAssetRow(account, 'details', first.where, 'ccy', (d, where, asset, i) => {
    const amount = numberField(d, 'cashBal', where);
    const eq = optionalNumberField(d, 'eq', where);
    const eqUsd = optionalNumberField(d, 'eqUsd', where);
    const upl = optionalNumberField(d, 'upl', where);
    const disEq = optionalNumberField(d, 'disEq', where);
    const price = usdPerCoin(eqUsd, eq);
    if (disEq) reportedAssets.push({ asset, field: `details[${i}].disEq`, value: disEq, ...(eq ? { equity: eq } : {}) });
    balances.push(balanceRow(where, asset, amount, price, 'eqUsd / eq (USD)', pnlBesidePositions(upl, withPositions)));
  });
  // OKX publishes adjusted equity / maintenance margin (liquidation at ≤ 1): our ratio is its inverse.
  const ratio = reportedField(
    'margin_ratio',
    account,
    'mgnRatio',
    (d) => quotient(ONE, d),
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

/**
 * OKX multi-currency margin: `GET /api/v5/account/balance`, `GET /api/v5/account/positions` and, for the contract
 * values of the positions, `GET /api/v5/public/instruments` (one or more responses; rows of other instruments are
 * ignored). Amounts are cash balances, prices `eqUsd / eq` (USD). A position's size in coin is `pos × ctVal`, its
 * maintenance and initial rates `mmr` and `imr` over its own notional (`pos × ctVal × markPx`); without `imr`
 * (isolated), 1 / `lever`. Spot-margin and option positions are skipped and said so; coin-margined (inverse)
 * contracts are refused by name, and so is a position whose contract value is not given.
 *
 * @throws BAD_SNAPSHOT naming the response, the row and the field.
 */
export function readOkxSnapshot(balance: unknown, positionsDoc?: unknown, instruments: readonly unknown[] = []): AccountSnapshot {
  const notes: string[] = [];
  let read: PositionsRead = { positions: [], skippedPnl: [] };
  if (positionsDoc !== undefined) {
    const ids = readingDocument('okx', POSITIONS, () => contractIds(positionsDoc));
    const contracts = readingDocument('okx', INSTRUMENTS, () => readContracts(instruments, ids, notes));
    read = readingDocument('okx', POSITIONS, () => readPositions(positionsDoc, contracts, notes, instruments.length > 0));
  }
  const { positions } = read;
  // The balance's per-currency PnL stands in only where no position row carries it.
  const account = readingDocument('okx', BALANCE, () => readBalance(balance, positions.length > 0, notes));
  if (positionsDoc === undefined) notes.push('no positions response: the account is valued without positions');
  return {
    exchange: 'okx',
    balances: account.balances,
    positions,
    reported: account.reported,
    reportedAssets: account.reportedAssets,
    reportedUnit: 'USD',
    notes,
    pnlNotCarried: positions.length > 0 ? read.skippedPnl : [],
  };
}
