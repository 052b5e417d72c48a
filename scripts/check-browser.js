#!/usr/bin/env node
// The task pane tests drive a real headless Chromium. When none is installed the test command must fail and
// say how to get one, never skip those tests quietly.
'use strict';
const fs = require('fs');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium binary the browser tests use: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/**
 * Flags for headless Chromium as root on a machine with no network: without the background-networking flags it
 * keeps trying hosts it cannot reach.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function main() {
  const binary = chromiumPath();
  if (fs.existsSync(binary)) return;
  process.stderr.write(
    `npm test: no Chromium at ${binary}; the task pane tests need it.\n` +
      'Install it with: apt-get install chromium   (Debian/Ubuntu; run apt-get update first)\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.\n',
  );
  process.exitCode = 1;
}

if (require.main === module) main();

module.exports = { chromiumPath, CHROMIUM_ARGS, DEFAULT_CHROMIUM };
