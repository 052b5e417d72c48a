'use strict';
/**
 * Time from page load to the 15th `CustomFunctions.associate` of the Excel functions bundle, in headless
 * Chromium, with dist/ served from 127.0.0.1 by a tiny server (no network).
 */

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { median } = require('./stats');
const { chromiumPath, CHROMIUM_ARGS } = require('../scripts/check-browser');

const FUNCTION_COUNT = 15;
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.css': 'text/css' };
const PAGE = '<!doctype html><html><head><meta charset="utf-8"><script src="/functions.js"></script></head><body></body></html>';

/** Records every association and the time (ms since navigation start) when the last of the 15 arrives. */
const STUB = `
window.__associated = [];
window.CustomFunctions = {
  associate(name, fn) {
    window.__associated.push(name);
    if (window.__associated.length === ${FUNCTION_COUNT}) window.__registerMs = performance.now();
  },
};`;

function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/' || url.pathname === '/bench.html') {
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      res.end(PAGE);
      return;
    }
    const file = path.join(dir, path.normalize(url.pathname).replace(/^[/\\]+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Milliseconds so far in which some task on this machine waited for a CPU (Linux pressure stall information),
 * or null where the kernel does not report it.
 */
function cpuWaitMs() {
  try {
    const total = /some [^\n]*total=(\d+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    return total ? Number(total[1]) / 1000 : null;
  } catch {
    return null;
  }
}

/**
 * A load during which tasks waited for a CPU this long was slowed by something else on the machine (an
 * undisturbed load of this page waits 30–100 ms in all, a disturbed one 0.5–1.5 s). It is measured again.
 */
const DISTURBED_WAIT_MS = 300;

/**
 * Median time from navigation start to the 15th association over `runs` undisturbed page loads, each in a new
 * browser context (after one warm-up load). Loads the machine disturbed (see DISTURBED_WAIT_MS) are repeated,
 * up to `runs` × 6 loads in all; every load is kept in `loads`, and the median over all of them is reported too.
 */
async function measureLoading(dir, { runs = 7 } = {}) {
  const { chromium } = require('playwright-core');
  const server = await serve(dir);
  const url = `http://127.0.0.1:${server.address().port}/bench.html`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const loads = [];
  let associated = [];
  try {
    for (let i = 0; loads.filter((l) => !l.disturbed).length < runs && i < runs * 6 + 1; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(STUB);
      const waitBefore = cpuWaitMs();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => /** @type {any} */ (globalThis).__registerMs !== undefined, null, { timeout: 10_000 });
      const result = await page.evaluate(() => {
        const w = /** @type {any} */ (globalThis);
        return { ms: w.__registerMs, names: w.__associated };
      });
      const cpuWait = waitBefore === null ? null : cpuWaitMs() - waitBefore;
      associated = result.names;
      // The first load warms the browser.
      if (i > 0) loads.push({ ms: result.ms, cpuWaitMs: cpuWait, disturbed: cpuWait !== null && cpuWait > DISTURBED_WAIT_MS });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const times = loads.filter((l) => !l.disturbed).map((l) => l.ms);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    registerMs: median(times),
    lowerQuartileMs: sorted[Math.floor(sorted.length / 4)],
    allLoadsMedianMs: median(loads.map((l) => l.ms)),
    undisturbed: times.length,
    disturbed: loads.length - times.length,
    stallInfo: cpuWaitMs() !== null,
    loads,
    associated,
  };
}

module.exports = { measureLoading };
