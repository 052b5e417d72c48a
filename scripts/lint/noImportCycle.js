// An ESLint rule: no import cycle among the project's own files. Every relative import (type-only ones too, and
// re-exports) is an edge; an import is reported when the file it names leads back, through other relative
// imports, to the file that imports it. The graph is read from disk once per file version, so a lint of the
// whole tree stays linear. Pure JavaScript on purpose: the import plugins that ship this rule need a native
// resolver or an older ESLint.
'use strict';
const fs = require('fs');
const path = require('path');

/** `import … from '…'`, `export … from '…'`, `import('…')`: the same edges as the cycle report counts. */
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/gs;
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs'];

/** @type {Map<string, { mtimeMs: number, imports: string[] }>} */
const graph = new Map();

/** The file a relative specifier names: with an extension added, an index file of a folder, or as written. */
function resolveImport(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
    base,
  ];
  return candidates.find((candidate) => fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) ?? null;
}

function importsIn(file, text) {
  const found = new Set();
  for (const match of text.matchAll(IMPORT)) {
    const target = resolveImport(file, match[1] ?? match[2]);
    if (target !== null) found.add(target);
  }
  return [...found];
}

/** The files `file` imports, read again when it changed on disk. */
function importsOf(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return [];
  const known = graph.get(file);
  if (known && known.mtimeMs === stat.mtimeMs) return known.imports;
  const imports = importsIn(file, fs.readFileSync(file, 'utf8'));
  graph.set(file, { mtimeMs: stat.mtimeMs, imports });
  return imports;
}

/** The shortest chain of imports from `start` back to `goal`, or null (breadth first, each file once). */
function chainBack(start, goal) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === goal) {
        const chain = [file];
        for (let f = cameFrom.get(file); f !== null && f !== undefined; f = cameFrom.get(f)) chain.unshift(f);
        return chain;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'disallow an import that leads back to the importing file' },
    schema: [],
    messages: { cycle: 'import cycle: {{chain}}' },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const cwd = context.cwd;
    const check = (node) => {
      const specifier = node.source && node.source.type === 'Literal' ? node.source.value : null;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolveImport(file, specifier);
      if (target === null) return;
      const chain = target === file ? [] : chainBack(target, file);
      if (chain === null) return;
      const names = [file, ...chain, file].map((f) => path.relative(cwd, f));
      context.report({ node, messageId: 'cycle', data: { chain: names.join(' -> ') } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
