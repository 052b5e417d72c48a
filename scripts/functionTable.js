// The MARGIN functions' table (src/functions/core/specs.ts: signatures; docs.ts: what the user reads), read
// straight from its TypeScript source, and what is derived from it outside the bundles: the functions.json Excel
// reads (the build emits it), and the committed signatures (test/functions/functionSignatures.json).
//
//   node scripts/functionTable.js            print functions.json
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const ts = require('typescript');

const CORE = path.join(__dirname, '..', 'src', 'functions', 'core');
const SPECS_FILE = path.join(CORE, 'specs.ts');
const DOCS_FILE = path.join(CORE, 'docs.ts');
/** The link of each function's help; a hosted build rewrites it (scripts/addinUrls.js), as every other URL. */
const HELP_BASE = 'https://localhost:3000/FUNCTIONS.html';

/**
 * One data-only TypeScript file of the table, transpiled and run. It may import types (erased) and nothing
 * else: the build reads it before anything is compiled.
 */
function loadDataFile(file) {
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const module = { exports: {} };
  const refuse = (id) => {
    throw new Error(`${path.relative(process.cwd(), file)}: the function table holds data only; it may not import ${id}`);
  };
  vm.runInThisContext(`(function (exports, require, module) {${outputText}\n})`, { filename: file })(module.exports, refuse, module);
  return module.exports;
}

/** The table: `{ specs, docs }`, as FUNCTION_SPECS and FUNCTION_DOCS. */
function loadFunctionTable() {
  return { specs: loadDataFile(SPECS_FILE).FUNCTION_SPECS, docs: loadDataFile(DOCS_FILE).FUNCTION_DOCS };
}

function parameterMetadata(param, description) {
  return {
    description,
    ...(param.dimensionality === 'matrix' ? { dimensionality: 'matrix' } : {}),
    name: param.name,
    ...(param.optional ? { optional: true } : {}),
    ...(param.repeating ? { repeating: true } : {}),
    // `any`: Excel hands cells over untouched (blank, text, number) and `invoke` coerces them by their kind.
    type: 'any',
  };
}

function resultMetadata(spec) {
  if (spec.result === 'table') return { dimensionality: 'matrix' };
  return { type: spec.result === 'text' ? 'string' : 'number' };
}

/** functions.json, as Excel reads it (keys in the order Microsoft's generator writes them). */
function functionsMetadata(table = loadFunctionTable()) {
  const functions = Object.entries(table.specs).map(([id, spec]) => {
    const doc = table.docs[id];
    if (doc === undefined) throw new Error(`docs.ts: no text for ${id}`);
    return {
      description: doc.description,
      helpUrl: `${HELP_BASE}#${id.toLowerCase()}`,
      id,
      name: id,
      ...(spec.stream ? { options: { stream: true } } : {}),
      parameters: spec.params.map((param) => parameterMetadata(param, doc.params[param.name])),
      result: resultMetadata(spec),
    };
  });
  return { allowCustomDataForDataTypeAny: true, functions };
}

/** functions.json's text, as the build emits it. */
function functionsJson(table = loadFunctionTable()) {
  return JSON.stringify(functionsMetadata(table), null, 4);
}

/** The parts of a function's metadata that formulas in saved workbooks depend on (what the signatures file commits). */
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

if (require.main === module) process.stdout.write(`${functionsJson()}\n`);

module.exports = { loadFunctionTable, functionsMetadata, functionsJson, signature, SPECS_FILE, DOCS_FILE };
