'use strict';
/** Large accounts for the account-level figures, on custom presets built here with many tiered assets. */

const fs = require('node:fs');
const path = require('node:path');
const { rng } = require('./stats');

const { dec, bracketAt } = require(path.join(__dirname, '../build/engine'));
const { parseBrackets } = require(path.join(__dirname, '../build/presets/bracketsJson'));

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

function valueTiers() {
  return [
    { floor: dec(0), cap: dec(100000), ratio: dec('0.975') },
    { floor: dec(100000), cap: dec(500000), ratio: dec('0.97') },
    { floor: dec(500000), cap: dec(1000000), ratio: dec('0.965') },
    { floor: dec(1000000), cap: dec(5000000), ratio: dec('0.96') },
    { floor: dec(5000000), cap: null, ratio: dec('0.85') },
  ];
}

function quantityTiers() {
  return [
    { floor: dec(0), cap: dec(1000), ratio: dec('0.9') },
    { floor: dec(1000), cap: dec(10000), ratio: dec('0.8') },
    { floor: dec(10000), cap: dec(100000), ratio: dec('0.6') },
    { floor: dec(100000), cap: null, ratio: dec('0.3') },
  ];
}

/** A custom preset: USDT at par plus `count` assets, alternately with value and quantity tiers. */
function manyAssetPreset(names) {
  const assets = { USDT: { asset: 'USDT', tierUnit: 'value', tiers: [{ floor: dec(0), cap: null, ratio: dec(1) }], liabilityRate: dec(1) } };
  names.forEach((name, i) => {
    const byValue = i % 2 === 0;
    assets[name] = { asset: name, tierUnit: byValue ? 'value' : 'quantity', tiers: byValue ? valueTiers() : quantityTiers(), liabilityRate: dec('1.05') };
  });
  return {
    id: 'bench',
    name: 'Bench',
    asOf: '2026-01-01',
    source: 'bench',
    status: 'custom',
    quote: 'USDT',
    assets,
    rules: { riskBands: { warning: dec('0.5'), danger: dec('0.8') }, liabilityMaintenanceRate: dec('0.05') },
  };
}

function positionsOn(names, count, next, sizeScale) {
  const positions = [];
  for (let i = 0; i < count; i += 1) {
    const base = names[i % names.length];
    const mark = round(1 + next() * 500, 4);
    positions.push({
      symbol: `${base}USDT`,
      side: next() < 0.7 ? 'LONG' : 'SHORT',
      size: dec(round((0.1 + next()) * sizeScale, 3)),
      entry: dec(round(mark * (0.9 + next() * 0.2), 4)),
      mark: dec(mark),
      mmr: dec('0.01'),
      cum: dec(0),
      marginMode: 'cross',
    });
  }
  return positions;
}

/** 10,000 balance rows (5% of them liabilities) and 1,000 cross positions. */
function accountFixture() {
  const next = rng(7);
  const names = Array.from({ length: 9_999 }, (_, i) => `A${i}`);
  const preset = manyAssetPreset(names);
  const balances = [{ asset: 'USDT', amount: dec(5_000_000), price: dec(1) }];
  for (const name of names) {
    const amount = round(next() * 1000, 6) * (next() < 0.05 ? -0.01 : 1);
    balances.push({ asset: name, amount: dec(amount), price: dec(round(0.5 + next() * 200, 4)) });
  }
  return { preset, balances, positions: positionsOn(names, 1_000, next, 100) };
}

/** 50 assets and 200 cross positions; the liquidation price asked is that of A1, the base of most positions. */
function liquidationFixture() {
  const next = rng(11);
  const names = Array.from({ length: 49 }, (_, i) => `A${i}`);
  const preset = manyAssetPreset(names);
  const balances = [{ asset: 'USDT', amount: dec(200_000), price: dec(1) }];
  for (const name of names) balances.push({ asset: name, amount: dec(round(10 + next() * 500, 6)), price: dec(round(1 + next() * 100, 4)) });
  const positions = positionsOn(names, 120, next, 50);
  // A concentrated long book on A1, so that a fall in A1 liquidates the account.
  for (const p of positionsOn(['A1'], 80, next, 400)) positions.push({ ...p, side: 'LONG' });
  return { preset, balances, positions, asset: 'A1' };
}

/**
 * One price tick's account: 50 assets and 1,000 cross positions, 80 of them a concentrated long book on A1
 * (the asset whose liquidation price is asked), and a shock on A1 and A2 for the stress ratio. About half the
 * positions take their rates from the preset's leverage brackets ({@link withBrackets}).
 */
function tickFixture() {
  const next = rng(13);
  const names = Array.from({ length: 49 }, (_, i) => `A${i}`);
  const brackets = benchBrackets(names);
  const preset = { ...manyAssetPreset(names), brackets };
  const balances = [{ asset: 'USDT', amount: dec(2_000_000), price: dec(1) }];
  for (const name of names) balances.push({ asset: name, amount: dec(round(10 + next() * 500, 6)), price: dec(round(1 + next() * 100, 4)) });
  const positions = positionsOn(names, 920, next, 50);
  for (const p of positionsOn(['A1'], 80, next, 400)) positions.push({ ...p, side: 'LONG' });
  const shocks = [
    ['asset', 'change'],
    ['A1', -0.05],
    ['A2', -0.1],
  ];
  return { preset, balances, positions: withBrackets(positions, brackets), shocks, asset: 'A1' };
}

/**
 * Bench data, not exchange figures: every bench symbol gets the one documented leverage bracket table the project
 * holds, Bitget's BTCUSDT table as imported in examples/presets/bitget-brackets.json (its floors, caps, mmr, cum
 * and maxLeverage), so that the bench's positions cross real bracket bounds.
 */
function benchBrackets(names) {
  const document = JSON.parse(fs.readFileSync(path.join(__dirname, '../examples/presets/bitget-brackets.json'), 'utf8'));
  const table = document.brackets.BTCUSDT;
  return parseBrackets(Object.fromEntries(names.map((name) => [`${name}USDT`, table])));
}

/**
 * Every other position leaves mmr, cum and imr blank and follows its symbol's brackets, as a sheet row with those
 * cells blank is read (mmr and cum of the bracket at today's notional). A position above half the last cap keeps
 * its typed rates: LIQUIDATION_PRICE values the book over a range of prices, and the table has no bracket past
 * its cap.
 */
function withBrackets(positions, brackets) {
  return positions.map((p, i) => {
    const table = brackets[p.symbol];
    const last = table[table.length - 1];
    const notional = p.size.abs().times(p.mark);
    if (i % 2 === 1 || (last.cap !== null && notional.gt(last.cap.div(2)))) return p;
    const bracket = bracketAt(table, notional, p.symbol);
    return { ...p, mmr: bracket.mmr, cum: bracket.cum, brackets: table };
  });
}

/** Balances as a sheet range with a header row: asset | amount | price. */
function balancesRange(balances) {
  return [['asset', 'amount', 'price'], ...balances.map((b) => [b.asset, b.amount.toNumber(), b.price.toNumber()])];
}

/** Positions as a sheet range with a header row; a position that follows its brackets leaves mmr and cum blank. */
function positionsRange(positions) {
  const rate = (p, x) => (p.brackets === undefined ? x.toNumber() : null);
  return [
    ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'margin_mode'],
    ...positions.map((p) => [p.symbol, p.side, p.size.toNumber(), p.entry.toNumber(), p.mark.toNumber(), rate(p, p.mmr), rate(p, p.cum), p.marginMode]),
  ];
}

module.exports = { accountFixture, liquidationFixture, tickFixture, balancesRange, positionsRange };
