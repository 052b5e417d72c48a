#!/usr/bin/env node
'use strict';
/**
 * Builds examples/desk.xlsx, the sample desk model, and examples/desk-template.xlsx, the same model blank: the
 * balances, positions and price shocks as Excel tables on their own sheets (formulas name the tables, so a row
 * added to one is counted), a Results sheet of single-value MARGIN functions and a Tables sheet of spilled ones.
 * The formulas are written here; their values are then computed and cached by the command line
 * (`multiasset recalc --out`), so the file shows numbers even where the add-in is not loaded.
 *
 * Usage: node scripts/make-desk-workbook.js [OUT.xlsx [TEMPLATE.xlsx]]
 *        (default examples/desk.xlsx and examples/desk-template.xlsx; needs `npm run prepare`)
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

/** The blank template: the same tables, one example row each, for a desk to overwrite and extend. */
const TEMPLATE = {
  balances: [BALANCES[0], ['BTC', 1, 60000, null]],
  positions: [POSITIONS[0], ['BTCUSDT', 'LONG', 0.1, 60000, 60000, 0.004, 0, 0.02, 'cross']],
  shocks: [SHOCKS[0], ['BTC', -0.1]],
};
const DESK = { balances: BALANCES, positions: POSITIONS, shocks: SHOCKS };

/** Excel tables, named as their sheets: a row typed below a table joins it, and every formula counts it. */
const BAL = 'Balances[#All]';
const POS = 'Positions[#All]';
const SHK = 'Shocks[#All]';
const EXCHANGE = 'Results!$B$2';

/** Number formats: money with thousands and cents, coin amounts to 8 places, ratios as %, small rates as stored. */
const MONEY = '#,##0.00';
const COIN = '#,##0.00######';
const RATIO = '0.00%';
const RATE = '0.0##E+0';

/** A coin amount of one asset of the balances table (0 when the table does not hold it). */
const amountOf = (asset) => `SUMIFS(Balances[amount],Balances[asset],"${asset}")`;
const priceOf = (asset) => `SUMIFS(Balances[price],Balances[asset],"${asset}")`;

/** Label (saying what the figure is and in what unit), then a formula (string starting "=") or an input, its format, a note. */
const RESULTS = [
  ['What', 'Value', 'Note'],
  ['exchange (preset id)', 'binance', null, 'the preset every formula below uses; try bitget or bitmart'],
  [
    'account equity before position PnL (USDT)',
    `=MARGIN.ACCOUNT_EQUITY(${BAL},$B$2)`,
    MONEY,
    'balances only. With the positions as third argument, ACCOUNT_EQUITY adds the cross PnL: that is the equity the margin ratio divides by, the pane shows and the mode-switch check uses',
  ],
  [
    'multi-asset LTV before position PnL (debt ÷ collateral value)',
    `=MARGIN.MULTIASSET_LTV(${BAL},$B$2)`,
    RATIO,
    'balances only, as the equity above; with the positions as third argument, cross PnL counts',
  ],
  ['maintenance margin (USDT)', `=MARGIN.MAINT_MARGIN(${POS},$B$2)`, MONEY, 'cross positions only'],
  [
    'margin ratio (maintenance margin ÷ equity with cross PnL)',
    `=MARGIN.MARGIN_RATIO(${BAL},${POS},$B$2)`,
    RATIO,
    '100% or more means liquidation',
  ],
  ['risk level of the margin ratio', '=MARGIN.RISK_LEVEL(B6,$B$2)'],
  ['available for orders (USDT)', `=MARGIN.AVAILABLE_FOR_ORDER(${BAL},${POS},,$B$2)`, MONEY],
  ['available for orders (BTC)', `=MARGIN.AVAILABLE_FOR_ORDER(${BAL},${POS},"BTC",$B$2)`, COIN],
  [
    'BTC liquidation price (USDT per BTC)',
    `=MARGIN.LIQUIDATION_PRICE(${BAL},${POS},"BTC",$B$2)`,
    MONEY,
    'BTC balance and BTC positions move together',
  ],
  [
    'margin ratio after the price shocks',
    `=MARGIN.STRESS_MARGIN_RATIO(${BAL},${POS},${SHK},$B$2)`,
    RATIO,
    'shocks in the table on the Shocks sheet',
  ],
  ['risk level after the price shocks', '=MARGIN.RISK_LEVEL(B11,$B$2)'],
  ['hourly interest rate of USDC (input, per hour)', 0.0000025, RATE, 'input: the rate as the exchange states it'],
  ['interest on the USDC debt over 24 h (USDC)', `=MARGIN.LIABILITY_INTEREST(${amountOf('USDC')},B13,24)`, MONEY, '0 without a USDC debt'],
  [
    'BTC collateral value on Bitget (USDT)',
    `=MARGIN.COLLATERAL_VALUE("BTC",${amountOf('BTC')},${priceOf('BTC')},"bitget")`,
    MONEY,
    'tiered haircut',
  ],
  [
    'BTC collateral ratio on Bitget (value ÷ market value)',
    `=MARGIN.COLLATERAL_RATIO("BTC",${amountOf('BTC')},${priceOf('BTC')},"bitget")`,
    RATIO,
  ],
  [
    'Intentional error: ETH collateral value on Bitget',
    '=MARGIN.COLLATERAL_VALUE("ETH",10,3000,"bitget")',
    MONEY,
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

/**
 * An Excel table named as its sheet, from A1, with a number format per column (kept by the column, so a row
 * typed below the table takes it too).
 */
function addTable(ws, rows, formats, widths) {
  const [header, ...data] = rows;
  ws.addTable({
    name: ws.name,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: header.map((name) => ({ name, filterButton: true })),
    rows: data.map((row) => row.map((cell) => cell ?? null)),
  });
  header.forEach((_name, c) => {
    const column = ws.getColumn(c + 1);
    column.width = widths[c] ?? 12;
    const format = formats[c];
    if (format) for (let r = 2; r <= rows.length; r += 1) ws.getCell(r, c + 1).numFmt = format;
  });
}

/** The per-row collateral value beside the balances table, as one formula shared down the column. */
function addSharedValueColumn(ws, rows) {
  ws.getCell('F1').value = 'collateral value (USDT)';
  ws.getCell('F1').font = { bold: true };
  ws.getColumn(6).width = 24;
  const last = rows;
  ws.getCell('F2').value = {
    formula: saved(`MARGIN.COLLATERAL_VALUE(A2,B2,C2,${EXCHANGE})`),
    shareType: 'shared',
    ref: `F2:F${last}`,
  };
  for (let r = 3; r <= last; r += 1) ws.getCell(`F${r}`).value = { sharedFormula: 'F2' };
  for (let r = 2; r <= last; r += 1) ws.getCell(`F${r}`).numFmt = MONEY;
}

/** The desk workbook with its formulas (no cached values yet): `data` is the rows of its three tables. */
function deskWorkbook(data = DESK) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'multiasset';
  // A fixed date keeps the file the same from one build to the next.
  wb.created = new Date(Date.UTC(2026, 10, 21));
  wb.modified = wb.created;
  const balances = wb.addWorksheet('Balances');
  addTable(balances, data.balances, [null, COIN, MONEY, MONEY], [10, 16, 14, 12]);
  addSharedValueColumn(balances, data.balances.length);
  addTable(
    wb.addWorksheet('Positions'),
    data.positions,
    [null, null, COIN, MONEY, MONEY, RATIO, MONEY, RATIO, null],
    [11, 8, 10, 12, 12, 8, 8, 8, 13],
  );
  addTable(wb.addWorksheet('Shocks'), data.shocks, [null, RATIO], [10, 10]);
  const results = wb.addWorksheet('Results');
  RESULTS.forEach(([label, value, format, note], r) => {
    results.getCell(r + 1, 1).value = label;
    if (value !== null && value !== undefined) {
      const cell = results.getCell(r + 1, 2);
      cell.value = typeof value === 'string' && value.startsWith('=') ? { formula: saved(value) } : value;
      if (format) cell.numFmt = format;
    }
    if (note) results.getCell(r + 1, 3).value = note;
  });
  results.getRow(1).font = { bold: true };
  results.getColumn(1).width = 58;
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

/** Writes one workbook: its formulas, then the values `multiasset recalc --out` computes and caches. */
async function build(wb, out) {
  const cli = require(path.join(__dirname, '..', 'build', 'cli', 'main.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-'));
  const formulas = path.join(dir, 'desk-formulas.xlsx');
  try {
    fs.writeFileSync(formulas, await stableBytes(wb));
    const code = await cli.main(['recalc', formulas, '--out', out], { out: () => undefined, err: () => undefined });
    if (code !== 0) throw new Error(`multiasset recalc exited with ${code}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the sample desk workbook to `out`, and the blank template to `template` when given. */
async function main(out, template) {
  await build(deskWorkbook(), out);
  if (template) await build(deskWorkbook(TEMPLATE), template);
}

module.exports = { deskWorkbook, main, DESK, TEMPLATE };

if (require.main === module) {
  const examples = path.join(__dirname, '..', 'examples');
  const out = process.argv[2] ?? path.join(examples, 'desk.xlsx');
  const template = process.argv[3] ?? (process.argv[2] ? undefined : path.join(examples, 'desk-template.xlsx'));
  main(out, template).catch((error) => {
    process.stderr.write(`make-desk-workbook: ${error && error.message ? error.message : error}\n`);
    process.exitCode = 1;
  });
}
