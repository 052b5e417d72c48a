'use strict';
/**
 * `accountEventMs`: one event of a private account stream applied as the add-in applies it, on a 50-asset,
 * 1,000-position Binance account: a position update (ACCOUNT_UPDATE) patched into the account's REST documents,
 * the documents read again and the balances and positions tables rebuilt as the add-in's account hub does it
 * (`AccountReader`: the pasted-snapshot readers, which read again only the rows the event replaced), then
 * MARGIN_RATIO, AVAILABLE_FOR_ORDER and one LIQUIDATION_PRICE recomputed on those tables through `invoke`.
 */

const path = require('node:path');
const { timeMedian } = require('./stats');
const { tickFixture } = require('./accounts');

const root = path.join(__dirname, '..');
const presets = require(path.join(root, 'build/presets'));
const { AccountReader } = require(path.join(root, 'build/live/stream/accountReader'));
const { accountTable } = require(path.join(root, 'build/live/stream/accountTables'));
const { importAccountSnapshot } = require(path.join(root, 'build/presets/account'));
const { privateFeed } = require(path.join(root, 'build/live/stream/privateFeeds'));
const functions = require(path.join(root, 'build/functions/core'));

/** The tick account as Binance's /fapi/v3/account and /fapi/v2/positionRisk would answer it (hedge mode). */
function documents(t) {
  const account = {
    totalMarginBalance: '0',
    totalMaintMargin: '0',
    availableBalance: '0',
    assets: t.balances.map((b) => ({ asset: b.asset, walletBalance: b.amount.toString(), crossWalletBalance: b.amount.toString() })),
    positions: [],
  };
  // Every row follows its brackets here (Binance's account response gives margins only for positions it lists):
  // the few tick positions beyond the last bracket's cap are cut to within it.
  const positionRisk = t.positions.map((p) => {
    const size = p.size.times(p.mark).gt(90_000) ? p.size.times(90_000).div(p.size.times(p.mark)).toDecimalPlaces(3, 1) : p.size;
    return {
      symbol: p.symbol,
      positionSide: p.side,
      positionAmt: (p.side === 'SHORT' ? size.neg() : size).toString(),
      entryPrice: p.entry.toString(),
      markPrice: p.mark.toString(),
      marginType: 'cross',
    };
  });
  return { account, positions: positionRisk };
}

function accountEvent() {
  const t = tickFixture();
  const ctx = { registry: new presets.PresetRegistry([...presets.BUILTIN_PRESETS, t.preset]) };
  // Binance gives no price for collateral: the add-in takes it from the public price stream.
  const prices = new Map(t.balances.map((b) => [b.asset, b.price]));
  let docs = documents(t);
  const feed = privateFeed('binance');
  const reader = new AccountReader('binance');
  const target = docs.positions[7];
  let step = 0;
  const event = () => {
    step += 1;
    const amount = (Number(target.positionAmt) + (step % 2 === 0 ? 0.5 : -0.5)).toFixed(3);
    return {
      e: 'ACCOUNT_UPDATE',
      E: 1,
      T: 1,
      a: {
        m: 'ORDER',
        B: [],
        P: [{ s: target.symbol, pa: amount, ep: target.entryPrice, up: '0', mt: 'cross', iw: '0', ps: target.positionSide }],
      },
    };
  };
  const figures = (b, p) => [
    functions.invoke('MARGIN_RATIO', [b, p, 'bench'], ctx),
    functions.invoke('AVAILABLE_FOR_ORDER', [b, p, null, 'bench'], ctx),
    functions.invoke('LIQUIDATION_PRICE', [b, p, t.asset, 'bench'], ctx),
  ];
  /** @type {unknown[]} */
  let values = [];
  let tables = [];
  const apply = () => {
    for (const e of feed.read(event())) if (e.kind === 'update') docs = e.apply(docs);
    const snapshot = reader.snapshot(docs, prices);
    tables = [reader.table(snapshot, 'balances', 0), reader.table(snapshot, 'positions', 0)];
    values = figures(tables[0], tables[1]);
  };
  apply();
  for (const v of values) if (typeof v !== 'number') throw new Error(`accountEvent: a function gave ${JSON.stringify(v)}`);
  const ms = timeMedian(apply, { runs: 31, warmup: 3 });
  // The documents after every event read afresh, as a pasted snapshot is: the same tables and figures.
  const fresh = importAccountSnapshot('binance', [docs.account, docs.positions], { prices });
  const freshTables = [accountTable(fresh, 'balances', 0), accountTable(fresh, 'positions', 0)];
  const freshValues = figures(freshTables[0], freshTables[1]);
  const mismatches =
    values.filter((v, i) => v !== freshValues[i]).length + (JSON.stringify(tables) === JSON.stringify(freshTables) ? 0 : 1);
  return { accountEventMs: ms, assets: t.balances.length, positions: t.positions.length, values, mismatches };
}

module.exports = { accountEvent };
