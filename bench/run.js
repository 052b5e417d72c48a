'use strict';
/**
 * `npm run bench`: valuation, account, formula and loading figures measured in one run on one machine.
 * Runs against the compiled engine in build/ (`npm run prepare`) and the Excel bundle in dist/ (`npm run build`).
 * Prints a table, writes bench/results.json and ends with one line of JSON.
 */

const fs = require('node:fs');
const path = require('node:path');
const { timeMedian, timePair, timeChunkedPair } = require('./stats');
const { referenceValuer } = require('./exactReference');
const { holdingsSample, BITGET_BTC_TIERS, floatValuer } = require('./sample');
const { FUNCTIONS_BUNDLE_LIMIT } = require('../webpack.config.js');
const { accountFixture, liquidationFixture, tickFixture, balancesRange, positionsRange } = require('./accounts');
const { measureLoading } = require('./loading');
const { desk, deskRows } = require('./desk');
const { accountEvent } = require('./accountEvent');

const root = path.join(__dirname, '..');
const engine = require(path.join(root, 'build/engine'));
const presets = require(path.join(root, 'build/presets'));
const cli = require(path.join(root, 'build/cli'));
const functions = require(path.join(root, 'build/functions/core'));
const { HyperFormula } = require('hyperformula');

const bitget = presets.BUILTIN_PRESETS.find((p) => p.id === 'bitget');

/** The number-returning valuation entry the COLLATERAL_VALUE adapter uses. */
const oursCell =
  engine.collateralValueCell ??
  ((preset, asset, amount, price) => engine.toCellNumber(engine.collateralValue(preset, asset, engine.dec(amount), engine.dec(price))));

function valuation(sample) {
  const { amounts, prices } = sample;
  const n = amounts.length;
  const floatValue = floatValuer(BITGET_BTC_TIERS);
  const out = new Float64Array(n);
  const ours = (lo, hi) => {
    for (let i = lo; i < hi; i += 1) out[i] = oursCell(bitget, 'BTC', amounts[i], prices[i]);
  };
  const float = (lo, hi) => {
    for (let i = lo; i < hi; i += 1) out[i] = floatValue(amounts[i], prices[i]);
  };
  const t = timeChunkedPair(ours, float, n, { chunk: 50_000, runs: 11, warmup: 1 });
  const reference = referenceValuer(BITGET_BTC_TIERS, 'value');
  let mismatches = 0;
  let floatMismatches = 0;
  let example;
  for (let i = 0; i < n; i += 1) {
    const exact = String(reference(amounts[i], prices[i]));
    const got = String(oursCell(bitget, 'BTC', amounts[i], prices[i]));
    if (got !== exact) {
      mismatches += 1;
      example ??= { amount: amounts[i], price: prices[i], ours: got, exact };
    }
    if (String(floatValue(amounts[i], prices[i])) !== exact) floatMismatches += 1;
  }
  return { oursMs: t.a, floatMs: t.b, ratio: t.a / t.b, mismatches, floatMismatches, example, n };
}

/**
 * The account functions as Excel calls them: cell ranges in, one number out (`invoke`, the adapter both hosts
 * use). Each result is checked against the Decimal engine on the same rows, and the engine's own time on
 * Decimal rows is kept for comparison.
 */
function account() {
  const { preset, balances, positions } = accountFixture();
  const liq = liquidationFixture();
  const ctx = { registry: new presets.PresetRegistry([...presets.BUILTIN_PRESETS, preset]) };
  const [bRange, pRange] = [balancesRange(balances), positionsRange(positions)];
  const calls = {
    ACCOUNT_EQUITY: { args: [bRange, 'bench'], engine: () => engine.accountEquity(preset, balances) },
    MULTIASSET_LTV: { args: [bRange, 'bench'], engine: () => engine.multiAssetLtv(preset, balances) },
    MARGIN_RATIO: { args: [bRange, pRange, 'bench'], engine: () => engine.marginRatio(preset, balances, positions) },
  };
  const out = { rows: balances.length, positions: positions.length, functions: {} };
  for (const [name, c] of Object.entries(calls)) {
    out.functions[name] = { ms: timeMedian(() => functions.invoke(name, c.args, ctx), { runs: 31, warmup: 5 }) };
  }
  const liqCtx = { registry: new presets.PresetRegistry([...presets.BUILTIN_PRESETS, liq.preset]) };
  const liqArgs = [balancesRange(liq.balances), positionsRange(liq.positions), liq.asset, 'bench'];
  const liquidationMs = timeMedian(() => functions.invoke('LIQUIDATION_PRICE', liqArgs, liqCtx), { runs: 31, warmup: 5 });
  // Then the checks, and the Decimal engine's own time on the same rows for comparison.
  let mismatches = 0;
  for (const [name, c] of Object.entries(calls)) {
    const value = functions.invoke(name, c.args, ctx);
    const exact = engine.toCellNumber(c.engine());
    if (value !== exact) mismatches += 1;
    Object.assign(out.functions[name], { value, exact, decimalMs: timeMedian(c.engine, { runs: 5, warmup: 1 }) });
  }
  const liquidationPrice = functions.invoke('LIQUIDATION_PRICE', liqArgs, liqCtx);
  const liquidationExact = engine.toCellNumber(engine.liquidationPrice(liq.preset, liq.balances, liq.positions, liq.asset));
  if (liquidationPrice !== liquidationExact) mismatches += 1;
  return {
    ...out,
    accountMs: Math.max(...Object.values(out.functions).map((f) => f.ms)),
    mismatches,
    liquidationMs,
    liquidationPrice,
    liquidationAssets: liq.balances.length,
    liquidationPositions: liq.positions.length,
  };
}

/**
 * One price tick as Excel recalculates it on a 50-asset, 1,000-position account: MARGIN_RATIO,
 * AVAILABLE_FOR_ORDER, ACCOUNT_EQUITY, one LIQUIDATION_PRICE and one STRESS_MARGIN_RATIO, each through `invoke`.
 * About half the positions take their rates from leverage brackets. Every result must be a number (an error
 * would be a cheaper path than the one measured) and equal the Decimal engine's.
 */
function tick() {
  const t = tickFixture();
  const ctx = { registry: new presets.PresetRegistry([...presets.BUILTIN_PRESETS, t.preset]) };
  const [b, p] = [balancesRange(t.balances), positionsRange(t.positions)];
  const shocks = t.shocks.slice(1).map(([asset, change]) => ({ asset, change: engine.dec(change) }));
  /** @type {[string, unknown[], () => import('decimal.js').default][]} */
  const calls = [
    ['MARGIN_RATIO', [b, p, 'bench'], () => engine.marginRatio(t.preset, t.balances, t.positions)],
    ['AVAILABLE_FOR_ORDER', [b, p, null, 'bench'], () => engine.availableForOrder(t.preset, t.balances, t.positions, null)],
    ['ACCOUNT_EQUITY', [b, 'bench'], () => engine.accountEquity(t.preset, t.balances, [])],
    ['LIQUIDATION_PRICE', [b, p, t.asset, 'bench'], () => engine.liquidationPrice(t.preset, t.balances, t.positions, t.asset)],
    ['STRESS_MARGIN_RATIO', [b, p, t.shocks, 'bench'], () => engine.stressMarginRatio(t.preset, t.balances, t.positions, shocks)],
  ];
  const values = {};
  let mismatches = 0;
  for (const [name, args, exact] of calls) {
    const value = functions.invoke(name, args, ctx);
    if (typeof value !== 'number') throw new Error(`tick: ${name} gave ${JSON.stringify(value)}`);
    const expected = engine.toCellNumber(exact());
    if (value !== expected) mismatches += 1;
    values[name] = { value, exact: expected };
  }
  const each = {};
  for (const [name, args] of calls) each[name] = timeMedian(() => functions.invoke(name, args, ctx), { runs: 21, warmup: 3 });
  const tickMs = timeMedian(
    () => {
      for (const [name, args] of calls) functions.invoke(name, args, ctx);
    },
    { runs: 31, warmup: 3 },
  );
  const bracketed = t.positions.filter((position) => position.brackets !== undefined).length;
  return { tickMs, each, values, mismatches, assets: t.balances.length, positions: t.positions.length, bracketed };
}

/** As the CLI configures HyperFormula, plus array arithmetic so that SUMPRODUCT's range expressions work as in Excel. */
const HF_CONFIG = { licenseKey: 'gpl-v3', smartRounding: false, useArrayArithmetic: true };
/** The tier table as a desk lays it out: floors, and each tier's ratio minus the one below (bracket style). */
const NATIVE_TABLE = BITGET_BTC_TIERS.map((t, i) => [Number(t.floor), Number(t.ratio) - (i ? Number(BITGET_BTC_TIERS[i - 1].ratio) : 0)]);

function formulas(sample, rows) {
  const reference = referenceValuer(BITGET_BTC_TIERS, 'value');
  const ctx = { registry: new presets.PresetRegistry(presets.BUILTIN_PRESETS) };
  const oursSheet = [];
  const nativeSheet = [];
  for (let i = 0; i < rows; i += 1) {
    const [a, p, r] = [sample.amounts[i], sample.prices[i], i + 1];
    oursSheet.push([a, p, `=MARGIN.COLLATERAL_VALUE("BTC",A${r},B${r},"bitget")`]);
    const table = NATIVE_TABLE[i] ?? [null, null];
    nativeSheet.push([a, p, `=SUMPRODUCT((A${r}*B${r}>$F$1:$F$5)*(A${r}*B${r}-$F$1:$F$5)*$G$1:$G$5)`, null, null, ...table]);
  }
  /** @type {unknown[][]} */
  let oursValues = [];
  /** @type {unknown[][]} */
  let nativeValues = [];
  const t = timePair(
    () => {
      const { hf } = cli.buildFormulaEngine({ Sheet1: oursSheet }, ctx);
      oursValues = hf.getSheetValues(0);
      hf.destroy();
    },
    () => {
      const hf = HyperFormula.buildFromSheets({ Sheet1: nativeSheet }, HF_CONFIG);
      nativeValues = hf.getSheetValues(0);
      hf.destroy();
    },
    { runs: 7, warmup: 1 },
  );
  let oursDiffer = 0;
  let nativeDiffer = 0;
  for (let i = 0; i < rows; i += 1) {
    const exact = String(reference(sample.amounts[i], sample.prices[i]));
    if (String(oursValues[i][2]) !== exact) oursDiffer += 1;
    if (String(nativeValues[i][2]) !== exact) nativeDiffer += 1;
  }
  return { rows, oursMs: t.a, nativeMs: t.b, ratio: t.a / t.b, oursDiffer, nativeDiffer };
}

function bundleKb() {
  const dist = path.join(root, 'dist');
  const files = fs.readdirSync(dist).filter((f) => /^functions.*\.js$/.test(f));
  if (files.length === 0) throw new Error('dist/functions*.js is missing: run npm run build first');
  const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(dist, f)).size, 0);
  return { files, kb: bytes / 1024 };
}

const fmt = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : String(x));

function printTable(rows) {
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  for (const r of rows) console.log(r.map((cell, c) => String(cell ?? '').padEnd(widths[c])).join('  |  '));
}

const ALL_PARTS = ['valuation', 'account', 'tick', 'accountEvent', 'desk', 'formulas', 'loading'];
/** `BENCH_PARTS=account,tick node bench/run.js` runs only those parts (valuation, account, tick, accountEvent, desk, formulas, loading). */
const PARTS = new Set((process.env.BENCH_PARTS ?? ALL_PARTS.join(',')).split(',').map((p) => p.trim()));
const round2 = (x) => (typeof x === 'number' ? Number(x.toFixed(2)) : undefined);

async function main() {
  const started = Date.now();
  const step = (label) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${label}`);
  const needSample = PARTS.has('valuation') || PARTS.has('formulas');
  const sample = needSample ? holdingsSample(Number(process.env.BENCH_HOLDINGS ?? 1_000_000), 20260101) : null;
  const part = (name, run) => {
    if (!PARTS.has(name)) return undefined;
    const result = run();
    step(name);
    return result;
  };
  const v = part('valuation', () => valuation(sample));
  const a = part('account', account);
  const k = part('tick', tick);
  const e = part('accountEvent', accountEvent);
  const d = part('desk', desk);
  const f = part('formulas', () => formulas(sample, 10_000));
  const b = PARTS.has('loading') ? bundleKb() : undefined;
  const l = PARTS.has('loading') ? await measureLoading(path.join(root, 'dist'), { runs: 31 }) : undefined;
  const summary = {
    exactVsFloat: round2(v?.ratio),
    oursVsNative: round2(f?.ratio),
    accountMs: round2(a?.accountMs),
    liquidationMs: round2(a?.liquidationMs),
    tickMs: round2(k?.tickMs),
    accountEventMs: round2(e?.accountEventMs),
    solverMs: round2(d?.solverMs),
    compareMs: round2(d?.compareMs),
    functionsBundleKb: b ? Number(b.kb.toFixed(1)) : undefined,
    registerMs: l ? Number(l.registerMs.toFixed(1)) : undefined,
    mismatches:
      v || a || k || e || d
        ? (v?.mismatches ?? 0) + (a?.mismatches ?? 0) + (k?.mismatches ?? 0) + (e?.mismatches ?? 0) + (d?.mismatches ?? 0)
        : undefined,
  };
  const rows = [['measure', 'ours', 'baseline', 'ratio / target']];
  if (v) {
    rows.push(
      [`valuation, ${v.n.toLocaleString('en')} holdings (ms)`, fmt(v.oursMs), `${fmt(v.floatMs)} float`, `${fmt(v.ratio)}× (≤ 10)`],
      ['valuation results differing from exact', v.mismatches, `${v.floatMismatches} float`, '0'],
    );
  }
  if (a) {
    rows.push(
      [
        `ACCOUNT_EQUITY, ${a.rows.toLocaleString('en')} balance rows (ms)`,
        fmt(a.functions.ACCOUNT_EQUITY.ms),
        `${fmt(a.functions.ACCOUNT_EQUITY.decimalMs)} Decimal engine`,
        '≤ 10',
      ],
      [
        'MULTIASSET_LTV, same rows (ms)',
        fmt(a.functions.MULTIASSET_LTV.ms),
        `${fmt(a.functions.MULTIASSET_LTV.decimalMs)} Decimal engine`,
        '≤ 10',
      ],
      [
        `MARGIN_RATIO, same rows + ${a.positions.toLocaleString('en')} positions (ms)`,
        fmt(a.functions.MARGIN_RATIO.ms),
        `${fmt(a.functions.MARGIN_RATIO.decimalMs)} Decimal engine`,
        '≤ 10',
      ],
      [`LIQUIDATION_PRICE, ${a.liquidationAssets} assets, ${a.liquidationPositions} positions (ms)`, fmt(a.liquidationMs), '', '≤ 5'],
      ['account results differing from the Decimal engine', a.mismatches, '', '0'],
    );
  }
  if (k) {
    const each = Object.entries(k.each)
      .map(([name, ms]) => `${name} ${fmt(ms)}`)
      .join(', ');
    rows.push(
      [
        `tick: 5 functions, ${k.assets} assets, ${k.positions.toLocaleString('en')} positions, ${k.bracketed} on brackets (ms)`,
        fmt(k.tickMs),
        each,
        '≤ 16',
      ],
      ['tick results differing from the Decimal engine', k.mismatches, '', '0'],
    );
  }
  if (e) {
    rows.push(
      [
        `account event: 1 position update applied, ${e.assets} assets, ${e.positions.toLocaleString('en')} positions, 3 functions (ms)`,
        fmt(e.accountEventMs),
        '',
        '≤ 16',
      ],
      ['account event results differing from a full read', e.mismatches, '', '0'],
    );
  }
  if (d) rows.push(...deskRows(d));
  if (f) {
    rows.push(
      [
        `sheet of ${f.rows.toLocaleString('en')} rows, build + compute (ms)`,
        fmt(f.oursMs),
        `${fmt(f.nativeMs)} SUMPRODUCT`,
        `${fmt(f.ratio)}× (≤ 1)`,
      ],
      ['sheet rows differing from exact', f.oursDiffer, `${f.nativeDiffer} SUMPRODUCT`, '0'],
    );
  }
  if (b && l) {
    rows.push(
      [`functions bundle (${b.files.join(', ')}, KB)`, fmt(b.kb, 1), '', `≤ ${FUNCTIONS_BUNDLE_LIMIT / 1024}`],
      [
        `page load → all functions associated, ${l.undisturbed} loads (ms)`,
        fmt(l.registerMs, 1),
        `${fmt(l.lowerQuartileMs, 1)} lower quartile`,
        '≤ 300',
      ],
      [
        `  every load, ${l.disturbed} disturbed by the machine included (ms)`,
        fmt(l.allLoadsMedianMs, 1),
        l.stallInfo ? '' : 'no stall information',
        '',
      ],
    );
  }
  printTable(rows);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    summary,
    valuation: v,
    account: a,
    tick: k,
    accountEvent: e,
    desk: d,
    formulas: f,
    bundle: b,
    loading: l,
    seconds: (Date.now() - started) / 1000,
  };
  // A partial run does not replace the full run's record.
  if (PARTS.size === ALL_PARTS.length) fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(summary));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
