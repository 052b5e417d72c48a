'use strict';
/**
 * `node bench/recalcRows.js [ROWS]`: time and peak memory of `multiasset recalc` on one sheet of ROWS formula
 * rows (default 200,000), each `=MARGIN.COLLATERAL_VALUE(asset, amount, price, "bitget")` as Excel saves it.
 * Each command runs in its own process (the compiled CLI in build/, `npm run prepare`), so that its peak
 * resident memory and CPU time are its own; on a shared machine the CPU time is the steadier figure. Prints one line per command and ends with one line of JSON.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ExcelJS = require('exceljs');

const root = path.join(__dirname, '..');
const rows = Number(process.argv[2] ?? 200_000);

async function writeWorkbook(file) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Holdings');
  ws.addRow(['asset', 'amount', 'price', 'value']).commit();
  for (let r = 2; r <= rows + 1; r += 1) {
    const amount = Math.round((0.001 + ((r * 7919) % 100_000) / 1000) * 1e8) / 1e8;
    const price = 20_000 + ((r * 104_729) % 100_000_00) / 100;
    ws.addRow(['BTC', amount, price, { formula: `_xldudf_MARGIN_COLLATERAL_VALUE(A${r},B${r},C${r},"bitget")` }]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Runs the CLI in a fresh process; its own report of peak resident memory comes back on stderr. */
function measure(argv) {
  const script = `
    const cli = require(${JSON.stringify(path.join(root, 'build/cli/main.js'))});
    let lines = 0;
    cli.main(${JSON.stringify(argv)}, { out: (l) => { lines += l.split('\\n').length; }, err: () => {} }).then((code) => {
      const usage = process.resourceUsage();
      const cpuSeconds = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e5) / 10;
      process.stderr.write(JSON.stringify({ code, lines, cpuSeconds, maxRssMb: Math.round(usage.maxRSS / 1024) }));
    });`;
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const report = JSON.parse(child.stderr.slice(child.stderr.lastIndexOf('{')));
  if (report.code !== 0) throw new Error(`multiasset ${argv.join(' ')} exited with ${report.code}`);
  return { seconds: Math.round(seconds * 10) / 10, ...report };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recalc-rows-'));
  try {
    const file = path.join(dir, 'holdings.xlsx');
    await writeWorkbook(file);
    const out = path.join(dir, 'holdings-values.xlsx');
    const results = {
      rows,
      fileMb: Math.round(fs.statSync(file).size / 1e5) / 10,
      json: measure(['recalc', file, '--json']),
      out: measure(['recalc', file, '--out', out]),
    };
    results.outFileMb = Math.round(fs.statSync(out).size / 1e5) / 10;
    for (const [name, r] of Object.entries({ 'recalc --json': results.json, 'recalc --out': results.out })) {
      process.stdout.write(`${name.padEnd(14)} ${rows} formula rows: ${r.seconds} s (CPU ${r.cpuSeconds} s), peak RSS ${r.maxRssMb} MB\n`);
    }
    process.stdout.write(`${JSON.stringify({ ...results, node: process.version, cpus: os.cpus().length })}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`recalcRows: ${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 1;
});
