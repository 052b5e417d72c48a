#!/usr/bin/env node
// Takes docs/desk.png: the sample desk workbook as a desk sees it in Excel. The workbook is recalculated by
// `multiasset recalc --out` into a temporary copy, and each chosen sheet is drawn as a grid (column letters, row
// numbers, values in the cells' number formats, formula cells shaded) in headless Chromium.
//
//   npm run prepare && node scripts/screenshot-desk.js [WORKBOOK.xlsx] [OUT.png]
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { chromium } = require('playwright-core');
const { chromiumPath, CHROMIUM_ARGS } = require('./check-browser');

const ROOT = path.join(__dirname, '..');
const WORKBOOK = path.resolve(process.argv[2] || path.join(ROOT, 'examples', 'desk.xlsx'));
const OUT = path.resolve(process.argv[3] || path.join(ROOT, 'docs', 'desk.png'));
const SHEETS = ['Balances', 'Positions', 'Results'];

const escapeHtml = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (n) => (n <= 26 ? String.fromCharCode(64 + n) : column(Math.floor((n - 1) / 26)) + column(((n - 1) % 26) + 1));

const minus = (text) => text.replace('-', '\u2212');

/** A number in the cell's number format, as Excel shows it, for the formats the sample workbook uses. */
function formatted(value, numFmt) {
  const fixed = (min, max) => minus(value.toLocaleString('en-US', { minimumFractionDigits: min, maximumFractionDigits: max }));
  if (numFmt === '#,##0.00') return fixed(2, 2);
  if (numFmt === '#,##0.00######') return fixed(2, 8);
  if (numFmt === '0.00%') return minus(`${(value * 100).toFixed(2)}%`);
  if (numFmt === '0.0##E+0') {
    const [mantissa, exponent] = value.toExponential(3).split('e');
    return minus(`${mantissa.replace(/(\.\d)0+$/, '$1').replace(/(\.\d*[1-9])0+$/, '$1')}E${exponent.replace('+', '')}`);
  }
  // General: up to 10 significant digits, as Excel shows an unformatted number.
  return minus(String(Number(value.toPrecision(10))));
}

/** A cell's value as Excel shows it, near enough for a picture: numbers in the cell's format, errors, text. */
function shown(cell) {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  const result = typeof v === 'object' && 'formula' in v ? v.result : typeof v === 'object' && 'sharedFormula' in v ? v.result : v;
  if (result === null || result === undefined) return '';
  if (typeof result === 'object' && 'error' in result) return result.error;
  if (typeof result === 'number') return formatted(result, cell.numFmt);
  return String(result);
}

function sheetHtml(ws) {
  const rows = Math.min(ws.actualRowCount ? ws.rowCount : 0, 30);
  const cols = Math.min(ws.columnCount, 10);
  const head = `<tr><th></th>${Array.from({ length: cols }, (_, c) => `<th>${column(c + 1)}</th>`).join('')}</tr>`;
  const body = Array.from({ length: rows }, (_, r) => {
    const cells = Array.from({ length: cols }, (_, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      const formula = typeof cell.value === 'object' && cell.value !== null && ('formula' in cell.value || 'sharedFormula' in cell.value);
      const text = shown(cell);
      const cls = [formula ? 'f' : '', /^#/.test(text) ? 'err' : '', typeof (cell.value?.result ?? cell.value) === 'number' ? 'num' : '', r === 0 ? 'hdr' : '']
        .filter(Boolean)
        .join(' ');
      return `<td class="${cls}">${escapeHtml(text)}</td>`;
    }).join('');
    return `<tr><th>${r + 1}</th>${cells}</tr>`;
  }).join('\n');
  return `<section><h2>${escapeHtml(ws.name)}</h2><table>${head}${body}</table></section>`;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-shot-'));
  const copy = path.join(tmp, 'desk.xlsx');
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'multiasset.js'), 'recalc', WORKBOOK, '--out', copy], { stdio: 'ignore' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(copy);
  const sections = SHEETS.map((name) => workbook.getWorksheet(name)).filter(Boolean).map(sheetHtml).join('\n');
  const html = `<!doctype html><meta charset="utf-8"><style>
body { font: 12px "Segoe UI", system-ui, sans-serif; margin: 12px; background: #fff; color: #1b1b1b; }
h2 { font-size: 13px; margin: 14px 0 4px; color: #107c41; }
table { border-collapse: collapse; }
th { background: #f3f3f3; color: #555; font-weight: normal; border: 1px solid #d4d4d4; padding: 2px 6px; }
td { border: 1px solid #e1e1e1; padding: 2px 8px; white-space: nowrap; max-width: 420px; overflow: hidden; text-overflow: ellipsis; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.f { background: #eef6f0; }
td.err { color: #a4262c; }
td.hdr { font-weight: 600; }
</style>${sections}`;
  const page = path.join(tmp, 'desk.html');
  fs.writeFileSync(page, html);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 400 }, deviceScaleFactor: 1 });
    await tab.goto(`file://${page}`);
    await tab.screenshot({ path: OUT, fullPage: true });
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(`${path.relative(process.cwd(), OUT)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
