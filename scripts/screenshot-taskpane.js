#!/usr/bin/env node
// Takes docs/taskpane.png: the built task pane (dist/, from `npm run build`) in headless Chromium at 320 px, the
// narrowest task pane, Scenario section, with the worked example account of docs/RULES.md (10 BTC at 60,000 on Bitget) plus a USDT
// loan and three BTCUSDT positions (folded to one line each), and a −10% shock on every non-stable asset: the
// summary, the sliders and the margin-ratio-against-price chart in one view.
//
//   npm run build && node scripts/screenshot-taskpane.js [OUT.png]
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { chromiumPath, CHROMIUM_ARGS } = require('./check-browser');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.resolve(process.argv[2] || path.join(ROOT, 'docs', 'taskpane.png'));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };

function serve(root) {
  const server = http.createServer((req, res) => {
    const file = path.normalize(path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function fillExample(page) {
  await page.selectOption('#preset-select', 'bitget');
  await page.getByRole('tab', { name: 'Scenario', exact: true }).click();
  const balances = [
    ['BTC', '10', '60000'],
    ['USDT', '-150000', '1'],
  ];
  for (const [i, [asset, amount, price]] of balances.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add balance' }).click();
    await page.getByLabel(`Asset, balance row ${i + 1}`, { exact: true }).fill(asset);
    await page.getByLabel(`Amount, balance row ${i + 1}`, { exact: true }).fill(amount);
    await page.getByLabel(`Price, balance row ${i + 1}`, { exact: true }).fill(price);
  }
  const positions = [
    ['LONG', '2', '58000'],
    ['SHORT', '0.5', '61000'],
    ['LONG', '0.1', '60000'],
  ];
  for (const [i, [side, size, entry]] of positions.entries()) {
    await page.getByRole('button', { name: 'Add position' }).click();
    const card = page.getByRole('group', { name: `Position ${i + 1}`, exact: true });
    await card.getByLabel('Side', { exact: true }).selectOption(side);
    for (const [label, value] of [['Symbol', 'BTCUSDT'], ['Size', size], ['Entry', entry], ['Mark', '60000'], ['MMR', '0.004']]) {
      await card.getByLabel(label, { exact: true }).fill(value);
    }
  }
  // Folded, each position is one line: the picture shows what a desk sees after reading a positions range.
  for (const summary of await page.locator('#positions-grid details.position-card > summary').all()) await summary.click();
  await page.getByLabel('All non-stable assets price', { exact: true }).fill('-10');
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run npm run build first');
  const server = await serve(DIST);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'taskpane-shot-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport: { width: 320, height: 900 },
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await fillExample(page);
    await page.locator('#result-equity').waitFor();
    await page.locator('#price-chart svg').waitFor();
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT, fullPage: true });
    process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    server.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exitCode = 1;
});
