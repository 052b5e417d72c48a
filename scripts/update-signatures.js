#!/usr/bin/env node
// Rewrites test/functions/functionSignatures.json from the function table (src/functions/core/specs.ts): run it
// only when a function is added or an optional argument is appended on purpose; the metadata test fails on any
// other change.
'use strict';
const fs = require('fs');
const path = require('path');
const { functionsMetadata, signature } = require('./functionTable');

const FILE = path.join(__dirname, '..', 'test', 'functions', 'functionSignatures.json');

if (require.main === module) {
  const signatures = functionsMetadata().functions.map(signature);
  fs.writeFileSync(FILE, `${JSON.stringify(signatures, null, 2)}\n`);
  process.stdout.write(`${path.relative(process.cwd(), FILE)}: ${signatures.length} functions\n`);
}

module.exports = { signature, SIGNATURES_FILE: FILE };
