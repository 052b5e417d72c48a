import type { Dec } from '../../engine/decimal';
import { okxPositionInstruments } from '../../presets/account';

/**
 * An account as the exchange's own REST responses describe it (the two documents `multiasset account` and the
 * pane's "Account" import read). The private websocket's events are applied to these documents, field by field,
 * in the responses' own names, so the live tables are read by the same readers as a pasted snapshot and give the
 * same figures.
 */
export interface AccountDocuments {
  readonly account: unknown;
  readonly positions: unknown;
  /** Collateral prices the snapshot fetched beside the responses (Binance's assetIndex). */
  readonly prices?: ReadonlyMap<string, Dec>;
  /** OKX: the public instruments responses of the contracts held (their `ctVal`), fetched with the snapshot. */
  readonly instruments?: readonly unknown[];
}

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRow) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const isZeroText = (value: unknown): boolean => /^[+-]?0*\.?0*$/.test(text(value).trim()) && text(value).trim() !== '';

function withoutField(row: Row, name: string): Row {
  const copy = { ...row };
  delete copy[name];
  return copy;
}

/** Replaces the row `match` finds (or appends `row` when none does); a row that `drop` says is closed is removed. */
function upsert(rows: readonly Row[], match: (r: Row) => boolean, change: (old: Row | undefined) => Row | null): Row[] {
  const index = rows.findIndex(match);
  const next = change(index < 0 ? undefined : rows[index]);
  if (index < 0) return next === null ? [...rows] : [...rows, next];
  const out = [...rows];
  if (next === null) out.splice(index, 1);
  else out[index] = next;
  return out;
}

// Binance USDⓈ-M: ACCOUNT_UPDATE ("a.B" balances, "a.P" positions), applied to /fapi/v3/account and positionRisk.

/** The margin the account response gives a position is for its old size: after a change the rates come from brackets. */
function withoutPositionMargin(account: Row, symbol: string, side: string): Row {
  if (!Array.isArray(account.positions)) return account;
  return {
    ...account,
    positions: rowsOf(account.positions).filter(
      (p) => !(text(p.symbol).toUpperCase() === symbol && text(p.positionSide || 'BOTH').toUpperCase() === side),
    ),
  };
}

export function applyBinanceUpdate(docs: AccountDocuments, event: Row): AccountDocuments {
  const update = isRow(event.a) ? event.a : {};
  let account: Row = isRow(docs.account) ? { ...docs.account } : { assets: [] };
  let positions = rowsOf(docs.positions);
  for (const b of rowsOf(update.B)) {
    const asset = text(b.a).toUpperCase();
    if (asset === '') continue;
    account.assets = upsert(
      rowsOf(account.assets),
      (r) => text(r.asset).toUpperCase() === asset,
      (old) => ({ ...(old ?? { asset }), walletBalance: b.wb, crossWalletBalance: b.cw }),
    );
  }
  for (const p of rowsOf(update.P)) {
    const symbol = text(p.s).toUpperCase();
    const side = (text(p.ps) || 'BOTH').toUpperCase();
    if (symbol === '') continue;
    const same = (r: Row) => text(r.symbol).toUpperCase() === symbol && (text(r.positionSide) || 'BOTH').toUpperCase() === side;
    // A position opened after the snapshot has no mark yet: its entry stands in until the next snapshot.
    const mark = rowsOf(positions).find((r) => text(r.symbol).toUpperCase() === symbol)?.markPrice ?? p.ep;
    positions = upsert(positions, same, (old) => ({
      // The row's notional was for its old amount: without it the reader takes amount × mark.
      ...withoutField(old ?? { symbol, positionSide: side, markPrice: mark }, 'notional'),
      positionAmt: p.pa,
      entryPrice: p.ep,
      unRealizedProfit: p.up,
      marginType: p.mt === 'isolated' ? 'isolated' : 'cross',
    }));
    account = withoutPositionMargin(account, symbol, side);
  }
  return { ...docs, account, positions };
}

// OKX: balance_and_position (balData, posData) and positions (full rows, as GET /api/v5/account/positions).

function okxDetails(docs: AccountDocuments): { root: Row; first: Row } {
  const root = isRow(docs.account) ? docs.account : { code: '0', data: [{ details: [] }] };
  const first = rowsOf(root.data)[0] ?? { details: [] };
  return { root, first };
}

function okxPositionsRoot(docs: AccountDocuments): Row {
  return isRow(docs.positions) ? docs.positions : { code: '0', data: [] };
}

const okxSamePosition = (p: Row) => (r: Row) =>
  text(p.posId) !== '' ? text(r.posId) === text(p.posId) : text(r.instId) === text(p.instId) && text(r.posSide) === text(p.posSide);

export function applyOkxBalanceAndPosition(docs: AccountDocuments, push: Row): AccountDocuments {
  let { root, first } = okxDetails(docs);
  let positionsRoot = okxPositionsRoot(docs);
  for (const data of rowsOf(push.data)) {
    for (const b of rowsOf(data.balData)) {
      const ccy = text(b.ccy).toUpperCase();
      if (ccy === '') continue;
      first = {
        ...first,
        details: upsert(
          rowsOf(first.details),
          (r) => text(r.ccy).toUpperCase() === ccy,
          (old) => ({ ...(old ?? { ccy }), cashBal: b.cashBal }),
        ),
      };
    }
    for (const p of rowsOf(data.posData)) {
      positionsRoot = {
        ...positionsRoot,
        data: upsert(rowsOf(positionsRoot.data), okxSamePosition(p), (old) => {
          if (isZeroText(p.pos)) return null;
          // A new position waits for its full row from the positions channel, which follows.
          if (old === undefined) return null;
          return { ...old, pos: p.pos, avgPx: p.avgPx ?? old.avgPx, ...rescaledOkx(old, p.pos) };
        }),
      };
    }
  }
  root = { ...root, data: [first, ...rowsOf(root.data).slice(1)] };
  return { ...docs, account: root, positions: positionsRoot };
}

/** The notional and margins of a resized position, at the rates of its last full row, until the positions channel sends the new row. */
function rescaledOkx(old: Row, pos: unknown): Row {
  const before = Number(text(old.pos));
  const after = Number(text(pos));
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === 0) return {};
  const scale = (v: unknown) => {
    const n = Number(text(v));
    return Number.isFinite(n) ? String((n * after) / before) : v;
  };
  return { notionalUsd: scale(old.notionalUsd), mmr: scale(old.mmr), imr: scale(old.imr) };
}

/**
 * The contracts of the positions that no instruments response of the documents gives a row for: their size in
 * coin cannot be read (a contract first held after the snapshot). Upper-case instIds, in the positions' order.
 */
export function okxContractsWithoutValue(docs: AccountDocuments): string[] {
  const known = new Set(
    (docs.instruments ?? []).flatMap((answer) =>
      rowsOf(isRow(answer) ? answer.data : undefined).map((row) => text(row.instId).toUpperCase()),
    ),
  );
  return okxPositionInstruments(docs.positions).filter((id) => !known.has(id));
}

export function applyOkxPositions(docs: AccountDocuments, push: Row): AccountDocuments {
  let positionsRoot = okxPositionsRoot(docs);
  for (const p of rowsOf(push.data)) {
    positionsRoot = {
      ...positionsRoot,
      data: upsert(rowsOf(positionsRoot.data), okxSamePosition(p), () => (isZeroText(p.pos) ? null : { ...p })),
    };
  }
  return { ...docs, positions: positionsRoot };
}

// Bybit: wallet (the account row of GET /v5/account/wallet-balance) and position (rows of GET /v5/position/list).

export function applyBybitWallet(docs: AccountDocuments, push: Row): AccountDocuments {
  const rows = rowsOf(push.data);
  const unified = rows.find((r) => r.accountType === 'UNIFIED') ?? rows[0];
  if (unified === undefined) return docs;
  const root = isRow(docs.account) ? docs.account : { retCode: 0, result: { list: [] } };
  const result = isRow(root.result) ? root.result : {};
  return { ...docs, account: { ...root, result: { ...result, list: [unified, ...rowsOf(result.list).slice(1)] } } };
}

export function applyBybitPosition(docs: AccountDocuments, push: Row): AccountDocuments {
  const root = isRow(docs.positions) ? docs.positions : { retCode: 0, result: { category: 'linear', list: [] } };
  const result = isRow(root.result) ? root.result : { category: 'linear' };
  let list = rowsOf(result.list);
  for (const p of rowsOf(push.data)) {
    // Option positions stay out, as the snapshot leaves them out; an inverse row stays in, with its category, so
    // that the snapshot refuses it by name.
    if (p.category === 'option') continue;
    const symbol = text(p.symbol).toUpperCase();
    list = upsert(
      list,
      (r) => text(r.symbol).toUpperCase() === symbol && text(r.positionIdx) === text(p.positionIdx),
      () => (isZeroText(p.size) ? null : { ...p, avgPrice: p.avgPrice ?? p.entryPrice }),
    );
  }
  return { ...docs, positions: { ...root, result: { ...result, list } } };
}

// Bitget: account (per margin coin) and positions (every open position, each push), as the mix REST responses.

export function applyBitgetAccount(docs: AccountDocuments, push: Row): AccountDocuments {
  const root = isRow(docs.account) ? docs.account : { code: '00000', data: [] };
  const rows = rowsOf(root.data);
  const index = Math.max(
    0,
    rows.findIndex((r) => r.assetMode === 'union'),
  );
  let account: Row = rows[index] ?? { marginCoin: 'USDT', assetList: [] };
  const marginCoin = text(account.marginCoin).toUpperCase();
  for (const c of rowsOf(push.data)) {
    const coin = text(c.marginCoin).toUpperCase();
    if (coin === marginCoin) {
      // The push gives the equity and one unrealized PnL: the balance is their difference, as for the snapshot.
      account = {
        ...account,
        accountEquity: c.accountEquity ?? c.equity,
        crossedUnrealizedPL: c.crossedUnrealizedPL ?? c.unrealizedPL ?? account.crossedUnrealizedPL,
        isolatedUnrealizedPL: c.isolatedUnrealizedPL ?? (c.unrealizedPL === undefined ? account.isolatedUnrealizedPL : '0'),
        crossedRiskRate: c.crossedRiskRate ?? account.crossedRiskRate,
        unionAvailable: c.unionAvailable ?? account.unionAvailable,
        unionMm: c.unionMm ?? account.unionMm,
        unionTotalMargin: c.unionTotalMargin ?? account.unionTotalMargin,
      };
    } else if (coin !== '') {
      account = {
        ...account,
        assetList: upsert(
          rowsOf(account.assetList),
          (r) => text(r.coin).toUpperCase() === coin,
          (old) => ({ ...(old ?? { coin }), balance: c.equity ?? c.available }),
        ),
      };
    }
  }
  const data = [...rows];
  data[index] = account;
  return { ...docs, account: { ...root, data } };
}

export function applyBitgetPositions(docs: AccountDocuments, push: Row): AccountDocuments {
  const root = isRow(docs.positions) ? docs.positions : { code: '00000', data: [] };
  const before = rowsOf(root.data);
  const rows = rowsOf(push.data).map((p): Row => {
    const symbol = text(p.symbol || p.instId).toUpperCase();
    const old = before.find((r) => text(r.symbol).toUpperCase() === symbol && r.holdSide === p.holdSide);
    // The push may leave the mark out: the last one known for the position stands in until the next.
    return { ...p, symbol, markPrice: p.markPrice ?? old?.markPrice ?? p.openPriceAvg };
  });
  // Each push lists every open position ("snapshot"); an update lists the changed ones.
  const data =
    push.action === 'snapshot'
      ? rows
      : rows.reduce(
          (acc, p) =>
            upsert(
              acc,
              (r) => text(r.symbol).toUpperCase() === text(p.symbol) && r.holdSide === p.holdSide,
              () => (isZeroText(p.total) ? null : p),
            ),
          before,
        );
  return { ...docs, positions: { ...root, data } };
}

export type AccountUpdate = (docs: AccountDocuments) => AccountDocuments;
