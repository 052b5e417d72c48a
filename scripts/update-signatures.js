#!/usr/bin/env node
// Rewrites test/functions/functionSignatures.json from the functions' JSDoc: run it only when a function is
// added or an optional argument is appended on purpose; the metadata test fails on any other change.
'use strict';
const fs = require('fs');
const path = require('path');
const { generateMetadata } = require('./gen-function-docs');

const FILE = path.join(__dirname, '..', 'test', 'functions', 'functionSignatures.json');

/** The parts of a function's metadata that formulas in saved workbooks depend on (what the file commits). */
function signature(fn) {
  return {
    id: fn.id,
    name: fn.name,
    parameters: fn.parameters.map((p) => ({
      name: p.name,
      type: p.type ?? 'any',
      dimensionality: p.dimensionality ?? 'scalar',
      optional: p.optional ?? false,
    })),
    result: { type: fn.result.type ?? 'any', dimensionality: fn.result.dimensionality ?? 'scalar' },
  };
}

if (require.main === module) {
  generateMetadata().then((metadata) => {
    const signatures = metadata.functions.map(signature);
    fs.writeFileSync(FILE, `${JSON.stringify(signatures, null, 2)}\n`);
    process.stdout.write(`${path.relative(process.cwd(), FILE)}: ${signatures.length} functions\n`);
  });
}

module.exports = { signature, SIGNATURES_FILE: FILE };
