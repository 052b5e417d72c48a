#!/usr/bin/env node
'use strict';
/**
 * Builds examples/desk.xlsx, the sample desk model: balances, positions and price shocks on their own
 * sheets, a Results sheet of single-value MARGIN functions and a Tables sheet of spilled ones. The formulas
 * are written here; their values are then computed and cached by the command line (`multiasset recalc --out`),
 * so the file shows numbers even where the add-in is not loaded.
 *
 * Usage: node scripts/make-desk-workbook.js [OUT.xlsx]   (default examples/desk.xlsx; needs `npm run prepare`)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');

const BALANCES = [
  ['asset', 'amount', 'price', 'upnl'],
  ['USDT', 20000, 1, null],
  ['BTC', 2, 60000, null],
  ['USDC', -8000, 1, null],
];
const POSITIONS = [
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
  ['BTCUSDT', 'LONG', 1.5, 58000, 60000, 0.004, 0, 0.02, 'cross'],
  ['ETHUSDT', 'SHORT', 30, 3100, 3000, 0.005, 50, 0.02, 'cross'],
  ['BNBUSDT', 'LONG', 10, 590, 600, 0.01, 0, 0.05, 'isolated'],
];
const SHOCKS = [
  ['asset', 'change'],
  ['BTC', -0.2],
  ['ETH', 0.15],
];

const BAL = 'Balances!$A$1:$D$4';
const POS = 'Positions!$A$1:$I$4';
const SHK = 'Shocks!$A$1:$B$3';
const EXCHANGE = 'Results!$B$2';

/** Label, then a formula (string starting "=") or an input value. */
const RESULTS = [
  ['What', 'Value', 'Note'],
  ['exchange', 'binance', 'preset id used by every formula below; try bitget or bitmart'],
  [
    'account equity before position PnL (USDT)',
    `=MARGIN.ACCOUNT_EQUITY(${BAL},$B$2)`,
    'balances only. With the positions as third argument, ACCOUNT_EQUITY adds the cross PnL: that is the equity the margin ratio divides by, the pane shows and the mode-switch check uses',
  ],
  ['multi-asset LTV', `=MARGIN.MULTIASSET_LTV(${BAL},$B$2)`],
  ['maintenance margin (USDT)', `=MARGIN.MAINT_MARGIN(${POS},$B$2)`, 'cross positions only'],
  ['margin ratio', `=MARGIN.MARGIN_RATIO(${BAL},${POS},$B$2)`, '1 or more means liquidation'],
  ['risk level', '=MARGIN.RISK_LEVEL(B6,$B$2)'],
  ['available for orders (USDT)', `=MARGIN.AVAILABLE_FOR_ORDER(${BAL},${POS},,$B$2)`],
  ['available for orders (BTC)', `=MARGIN.AVAILABLE_FOR_ORDER(${BAL},${POS},"BTC",$B$2)`],
  ['BTC liquidation price', `=MARGIN.LIQUIDATION_PRICE(${BAL},${POS},"BTC",$B$2)`, 'BTC balance and BTC positions move together'],
  ['margin ratio after shocks', `=MARGIN.STRESS_MARGIN_RATIO(${BAL},${POS},${SHK},$B$2)`, 'shocks on the Shocks sheet'],
  ['risk level after shocks', '=MARGIN.RISK_LEVEL(B11,$B$2)'],
  ['hourly interest rate of USDC', 0.0000025, 'input'],
  ['interest on the USDC debt, 24 h', '=MARGIN.LIABILITY_INTEREST(Balances!B4,B13,24)'],
  ['BTC collateral value on Bitget', '=MARGIN.COLLATERAL_VALUE("BTC",Balances!B3,Balances!C3,"bitget")', 'tiered haircut'],
  ['BTC collateral ratio on Bitget', '=MARGIN.COLLATERAL_RATIO("BTC",Balances!B3,Balances!C3,"bitget")'],
  [
    'Intentional error: ETH collateral value on Bitget',
    '=MARGIN.COLLATERAL_VALUE("ETH",10,3000,"bitget")',
    'Bitget publishes no ETH tiers: #N/A says so instead of inventing a haircut',
  ],
];

/** Spilled tables, each below its label, far enough apart not to block one another. */
const TABLES = [
  ['auto-exchange (the account holds positions)', `=MARGIN.AUTO_EXCHANGE(${BAL},${EXCHANGE},"regular",TRUE)`],
  ['switch to multi-asset mode', `=MARGIN.MODE_SWITCH_CHECK("multi",${BAL},${POS},0,${EXCHANGE})`],
  ['Bitget BTC haircut tiers', '=MARGIN.COLLATERAL_TIERS("BTC","bitget")'],
  ['presets', '=MARGIN.PRESETS()'],
];
const TABLE_SPACING = 10;

/**
 * A formula as Excel saves it with the add-in loaded: `MARGIN.X(` becomes `_xldudf_MARGIN_X(`, the name Excel
 * gives JavaScript custom functions in a file (and maps back when the add-in loads).
 */
function saved(formula) {
  return formula.replace(/^=/, '').replace(/(?<![\w.])MARGIN\.([A-Z][A-Z_]*)(?=\()/g, '_xldudf_MARGIN_$1');
}

function addRows(ws, rows) {
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = typeof value === 'string' && value.startsWith('=') ? { formula: saved(value) } : value;
    }),
  );
  ws.getRow(1).font = { bold: true };
}

/** The per-row collateral value next to the balances, as one formula shared down the column. */
function addSharedValueColumn(ws) {
  ws.getCell('F1').value = 'collateral value';
  const last = BALANCES.length;
  ws.getCell('F2').value = {
    formula: saved(`MARGIN.COLLATERAL_VALUE(A2,B2,C2,${EXCHANGE})`),
    shareType: 'shared',
    ref: `F2:F${last}`,
  };
  for (let r = 3; r <= last; r += 1) ws.getCell(`F${r}`).value = { sharedFormula: 'F2' };
}

/** The desk workbook with its formulas (no cached values yet). */
function deskWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'multiasset';
  // A fixed date keeps the file the same from one build to the next.
  wb.created = new Date(Date.UTC(2026, 10, 21));
  wb.modified = wb.created;
  const balances = wb.addWorksheet('Balances');
  addRows(balances, BALANCES);
  addSharedValueColumn(balances);
  addRows(wb.addWorksheet('Positions'), POSITIONS);
  addRows(wb.addWorksheet('Shocks'), SHOCKS);
  const results = wb.addWorksheet('Results');
  addRows(results, RESULTS);
  results.getColumn(1).width = 46;
  results.getColumn(2).width = 22;
  const tables = wb.addWorksheet('Tables');
  TABLES.forEach(([label, formula], i) => {
    const row = 1 + i * TABLE_SPACING;
    tables.getCell(row, 1).value = label;
    tables.getCell(row, 1).font = { bold: true };
    tables.getCell(row + 1, 1).value = { formula: saved(formula) };
  });
  return wb;
}

/** The date every part of the package carries, so that a rebuild gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2026, 10, 21));

/**
 * The formulas-only workbook as stable bytes: exceljs stamps each zip entry with the time of writing, so the
 * package is written again with one fixed date on every part, in the order exceljs wrote them.
 */
async function stableBytes(wb) {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const stable = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) stable.file(entry.name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return stable.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

async function main(out) {
  const cli = require(path.join(__dirname, '..', 'build', 'cli', 'main.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-'));
  const formulas = path.join(dir, 'desk-formulas.xlsx');
  try {
    fs.writeFileSync(formulas, await stableBytes(deskWorkbook()));
    const code = await cli.main(['recalc', formulas, '--out', out]);
    if (code !== 0) throw new Error(`multiasset recalc exited with ${code}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { deskWorkbook, main };

if (require.main === module) {
  const out = process.argv[2] ?? path.join(__dirname, '..', 'examples', 'desk.xlsx');
  main(out).catch((error) => {
    process.stderr.write(`make-desk-workbook: ${error && error.message ? error.message : error}\n`);
    process.exitCode = 1;
  });
}
