#!/usr/bin/env node
'use strict';
// Runs the compiled command line (build/cli), which `npm run prepare` (run by `npm ci`) produces.
const path = require('node:path');

const entry = path.join(__dirname, '..', 'build', 'cli', 'main.js');
let cli;
try {
  cli = require(entry);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(entry)) {
    process.stderr.write('multiasset: the command line is not built; run `npm run prepare` first\n');
    process.exit(1);
  }
  throw error;
}

// `multiasset recalc book.xlsx | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(0);
  throw error;
});

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`multiasset: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
