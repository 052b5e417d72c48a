'use strict';
/**
 * The desk figures: TOPUP_NEEDED and MAX_WITHDRAWABLE on 50 assets and 200 positions (target ≤ 5 ms each), and
 * COMPARE over 5 presets against one MARGIN_RATIO on the same ranges (target ≤ 5×). Each result is checked
 * against the Decimal engine. Runs on its own (`node bench/desk.js`, after `npm run prepare`) or from run.js.
 */

const path = require('node:path');
const { timeMedian, timePair } = require('./stats');
const { liquidationFixture, balancesRange, positionsRange } = require('./accounts');

const root = path.join(__dirname, '..');
const engine = require(path.join(root, 'build/engine'));
const presets = require(path.join(root, 'build/presets'));
const functions = require(path.join(root, 'build/functions/core'));

/** Five presets over the same assets: the bench preset with its haircuts scaled, as five exchanges would differ. */
function fivePresets(base) {
  return [1, 0.99, 0.98, 0.97, 0.96].map((scale, i) => {
    const assets = Object.fromEntries(
      Object.entries(base.assets).map(([name, spec]) => [
        name,
        name === 'USDT' ? spec : { ...spec, tiers: spec.tiers.map((t) => ({ ...t, ratio: t.ratio.times(scale) })) },
      ]),
    );
    return { ...base, id: `bench${i + 1}`, name: `Bench ${i + 1}`, assets };
  });
}

function desk() {
  const { preset, balances, positions, asset } = liquidationFixture();
  const five = fivePresets(preset);
  const ctx = { registry: new presets.PresetRegistry([...presets.BUILTIN_PRESETS, preset, ...five]) };
  const [bRange, pRange] = [balancesRange(balances), positionsRange(positions)];
  const ratio = engine.marginRatio(preset, balances, positions);
  // Half the current ratio: a real deposit, across the asset's tiers.
  const target = engine.toCellNumber(ratio.div(2));
  const calls = {
    // Each answer is the double on its safe side of the exact one: a deposit rounds up, a withdrawal down.
    TOPUP_NEEDED: {
      direction: 'up',
      args: [bRange, pRange, asset, target, 'bench'],
      engine: () => engine.topUpNeeded(preset, balances, positions, asset, engine.dec(target)),
    },
    MAX_WITHDRAWABLE: {
      direction: 'down',
      args: [bRange, pRange, asset, 'bench'],
      engine: () => engine.maxWithdrawable(preset, balances, positions, asset),
    },
  };
  const out = { assets: balances.length, positions: positions.length, asset, target, functions: {} };
  let mismatches = 0;
  for (const [name, c] of Object.entries(calls)) {
    const ms = timeMedian(() => functions.invoke(name, c.args, ctx), { runs: 31, warmup: 5 });
    const value = functions.invoke(name, c.args, ctx);
    const exact = engine.toCellNumberDirected(c.engine(), c.direction);
    if (value !== exact) mismatches += 1;
    out.functions[name] = { ms, value, exact };
  }
  const ids = five.map((p) => p.id).join(',');
  // Timed alternately, so that load from other processes falls on both sides of the ratio alike.
  const pair = timePair(
    () => functions.invoke('COMPARE', [bRange, pRange, ids], ctx),
    () => functions.invoke('MARGIN_RATIO', [bRange, pRange, 'bench'], ctx),
    { runs: 101, warmup: 10 },
  );
  const [compareMs, marginRatioMs] = [pair.a, pair.b];
  // The same figure through the Decimal engine, as COMPARE computes every preset (read the ranges, then value).
  const decimalRatioMs = timeMedian(() => {
    const b = functions.readBalances(bRange, 'balances');
    engine.marginRatio(preset, b, functions.readPositions(pRange, 'positions'));
  }, { runs: 31, warmup: 5 });
  const table = functions.invoke('COMPARE', [bRange, pRange, ids], ctx);
  const firstRatio = Array.isArray(table) ? table[1][3] : table;
  if (firstRatio !== engine.toCellNumber(ratio)) mismatches += 1;
  return {
    ...out,
    solverMs: Math.max(...Object.values(out.functions).map((f) => f.ms)),
    compareMs,
    marginRatioMs,
    compareRatio: compareMs / marginRatioMs,
    decimalRatioMs,
    compareVsDecimal: compareMs / decimalRatioMs,
    presets: five.length,
    mismatches,
  };
}

const fmt = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : String(x));

/** The rows run.js adds to its table. */
function deskRows(d) {
  return [
    [`TOPUP_NEEDED, ${d.assets} assets, ${d.positions} positions (ms)`, fmt(d.functions.TOPUP_NEEDED.ms), '', '≤ 5'],
    [`MAX_WITHDRAWABLE, same account (ms)`, fmt(d.functions.MAX_WITHDRAWABLE.ms), '', '≤ 5'],
    [`COMPARE over ${d.presets} presets, same account (ms)`, fmt(d.compareMs), `${fmt(d.marginRatioMs)} one MARGIN_RATIO`, `${fmt(d.compareRatio)}× (≤ 5)`],
    ['  the same MARGIN_RATIO by the Decimal engine, as COMPARE values (ms)', fmt(d.decimalRatioMs), '', `${fmt(d.compareVsDecimal)}×`],
    ['desk results differing from the Decimal engine', d.mismatches, '', '0'],
  ];
}

module.exports = { desk, deskRows };

if (require.main === module) {
  const d = desk();
  for (const row of deskRows(d)) console.log(row.join('  |  '));
  console.log(JSON.stringify({ solverMs: Number(d.solverMs.toFixed(2)), compareMs: Number(d.compareMs.toFixed(2)), compareVsMarginRatio: Number(d.compareRatio.toFixed(2)), compareVsDecimalMarginRatio: Number(d.compareVsDecimal.toFixed(2)), mismatches: d.mismatches }));
}
