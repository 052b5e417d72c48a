#!/usr/bin/env node
// Writes the function reference (docs/FUNCTIONS.md, and the FUNCTIONS.html the build serves for Excel's help
// links) from the custom functions' metadata, so the reference says exactly what Excel's autocomplete says.
//
//   node scripts/gen-function-docs.js                 regenerate docs/FUNCTIONS.md from the function table
//                                                     (src/functions/core/specs.ts and docs.ts), and
//                                                     docs/function-examples.json: each example formula of the
//                                                     table computed by the compiled formula engine in build/
//   node scripts/gen-function-docs.js --from FILE     ... from a built functions.json instead
//   node scripts/gen-function-docs.js --check         exit 1 when docs/FUNCTIONS.md is out of date
'use strict';
const fs = require('fs');
const path = require('path');
const { functionsMetadata, loadFunctionTable } = require('./functionTable');

const ROOT = path.join(__dirname, '..');
const MARKDOWN_FILE = path.join(ROOT, 'docs', 'FUNCTIONS.md');
const EXAMPLES_FILE = path.join(ROOT, 'docs', 'function-examples.json');
const NAMESPACE = 'MARGIN';

const INTRO = [
  `The custom functions of the add-in, as Excel lists them under the \`${NAMESPACE}.\` namespace.`,
  'Arguments in square brackets are optional: leave them out or leave the cell blank.',
  '`exchange` is a preset id (`binance`, `bitget`, `bitmart`, `okx`, `bybit` or a custom preset of the workbook);',
  'when omitted, the workbook\'s default preset (chosen in the task pane) applies.',
  'Bad input gives `#VALUE!` or `#N/A` with a message naming the argument; hover the cell\'s error flag to read it.',
  'Numbers are computed exactly in decimal and rounded once, to the nearest number a cell can hold (an IEEE double);',
  'nothing is rounded to cents on the way. The solvers round toward their safe side instead: TOPUP_NEEDED to the double',
  'at or above the exact deposit, MAX_WITHDRAWABLE and MAX_ORDER_SIZE to the double at or below the exact amount.',
  'Amounts are in coin units, prices and values in the preset\'s quote currency',
  '(USDT for the built-in presets) unless an argument says otherwise; ratios and rates are fractions (0.05 = 5%).',
  'Every example below is computed by `multiasset eval` when this page is generated, and checked by the tests.',
  'An example that names a sample preset of `examples/presets/` (`bitget-brackets`: Bitget with leverage brackets)',
  'says which `--preset` file the command line needs for it; in Excel, import or add that preset in the task pane.',
];

/**
 * What the metadata does not keep, from the function table's docs.ts: the `returns` text (units, and the columns
 * of a spilled table) and the example formulas with their explanations, by function id.
 */
function readFunctionDocs(table = loadFunctionTable()) {
  const docs = {};
  for (const [id, doc] of Object.entries(table.docs)) {
    docs[id] = {
      returns: doc.returns,
      examples: doc.examples.map((e) => e.formula),
      explanations: doc.examples.map((e) => e.explanation ?? ''),
    };
  }
  return docs;
}

const EXAMPLE_PRESETS = path.join(ROOT, 'examples', 'presets');

/** The sample preset documents of examples/presets/: id (lower case) → path from the project's root. */
function samplePresetFiles(presets) {
  const files = new Map();
  for (const file of fs.readdirSync(EXAMPLE_PRESETS).filter((f) => f.endsWith('.json')).sort()) {
    const preset = presets.parsePresetText(fs.readFileSync(path.join(EXAMPLE_PRESETS, file), 'utf8'));
    files.set(preset.id.toLowerCase(), path.posix.join('examples', 'presets', file));
  }
  return files;
}

/** The sample preset files a formula names (as a quoted preset id), which `multiasset eval` needs as `--preset`. */
function presetsNamedBy(formula, presets) {
  const named = [...formula.matchAll(/"([^"]+)"/g)].map((m) => m[1].toLowerCase());
  return [...samplePresetFiles(presets)].filter(([id]) => named.includes(id)).map(([, file]) => file);
}

/**
 * The presets an example is computed with: the built-in ones and the given sample preset files (by default every
 * sample preset; `presets` is the presets module, compiled or from source).
 */
function exampleRegistry(presets, files = [...samplePresetFiles(presets).values()]) {
  const registry = new presets.PresetRegistry();
  for (const file of files) registry.upsertCustom(presets.parsePresetText(fs.readFileSync(path.join(ROOT, file), 'utf8')));
  return registry;
}

/**
 * Computes every example as `multiasset eval` does with the `--preset` files it names, and nothing more (so
 * PRESETS() lists what the command prints), with the compiled formula engine (`npm run prepare` builds it):
 * id → [{ formula, lines, presets? }].
 */
function computeExamples(docs) {
  const { evaluateFormulas } = require(path.join(ROOT, 'build', 'cli', 'formulaEngine.js'));
  const { formatLines } = require(path.join(ROOT, 'build', 'cli', 'format.js'));
  const presets = require(path.join(ROOT, 'build', 'presets', 'index.js'));
  const out = {};
  for (const [id, { examples, explanations }] of Object.entries(docs)) {
    out[id] = examples.map((formula, i) => {
      const files = presetsNamedBy(formula, presets);
      const [value] = evaluateFormulas([formula], { registry: exampleRegistry(presets, files) });
      return {
        formula,
        lines: formatLines(value),
        ...(files.length > 0 ? { presets: files } : {}),
        ...(explanations[i] ? { explanation: explanations[i] } : {}),
      };
    });
  }
  return out;
}

function readExamples() {
  return fs.existsSync(EXAMPLES_FILE) ? JSON.parse(fs.readFileSync(EXAMPLES_FILE, 'utf8')) : {};
}

/** A streaming function's result updates in the cell by itself. */
const streamed = (fn) => (fn.options?.stream ? ', streamed: the cell updates by itself' : '');

/** Outside Excel a streaming function has no stream: its example shows what `multiasset eval` answers. */
function exampleHeading(fn, count) {
  if (fn.options?.stream) return 'Outside Excel (`multiasset eval`, no `--live`):';
  return count > 1 ? 'Examples:' : 'Example:';
}

/** An example's result as Markdown: a value inline, a spilled table as a table. */
function exampleMarkdown({ formula, lines, explanation, presets = [] }) {
  const why = explanation ? [explanation, ''] : [];
  const needs = presets.length > 0 ? [`With ${presets.map((f) => `\`--preset ${f}\``).join(' ')} on the command line:`, ''] : [];
  if (lines.length === 1 && !lines[0].includes('\t')) return [...needs, `\`${formula}\` → \`${lines[0]}\``, '', ...why];
  const rows = lines.map((l) => `| ${l.split('\t').map((c) => mdCell(c) || ' ').join(' | ')} |`);
  const width = lines[0].split('\t').length;
  return [...needs, `\`${formula}\` spills:`, '', rows[0], `|${'---|'.repeat(width)}`, ...rows.slice(1), '', ...why];
}

function anchor(fn) {
  return fn.id.toLowerCase();
}

function signature(fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=${NAMESPACE}.${fn.name}(${params.join(', ')})`;
}

function resultKind(result) {
  if (result.dimensionality === 'matrix') return 'a spilled table';
  switch (result.type) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'TRUE or FALSE';
    default:
      return 'a value';
  }
}

function paramKind(param) {
  const kind = param.dimensionality === 'matrix' ? 'range' : 'cell';
  return param.optional ? `${kind}, optional` : kind;
}

const mdCell = (text) => text.replace(/\|/g, '\\|');

function renderMarkdown(metadata, docs = readFunctionDocs(), examples = readExamples()) {
  const lines = [`# ${NAMESPACE} functions`, '', '<!-- Generated by `npm run docs:functions` from the function table in src/functions/core/. Do not edit by hand. -->', '', ...INTRO, ''];
  lines.push('| function | result |', '|---|---|');
  for (const fn of metadata.functions) {
    lines.push(`| [\`${mdCell(signature(fn))}\`](#${anchor(fn)}) | ${resultKind(fn.result)} |`);
  }
  for (const fn of metadata.functions) {
    lines.push('', `## ${fn.name}`, '', `\`${signature(fn)}\``, '', fn.description, '');
    if (fn.parameters.length === 0) {
      lines.push('No arguments.', '');
    } else {
      lines.push('| argument | kind | description |', '|---|---|---|');
      for (const p of fn.parameters) lines.push(`| \`${p.name}\` | ${paramKind(p)} | ${mdCell(p.description ?? '')} |`);
      lines.push('');
    }
    const returns = docs[fn.id]?.returns;
    lines.push(`Result: ${resultKind(fn.result)}${streamed(fn)}${returns ? ` — ${mdCell(returns)}` : '.'}`);
    const shown = examples[fn.id] ?? [];
    if (shown.length > 0) lines.push('', exampleHeading(fn, shown.length), '', ...shown.flatMap(exampleMarkdown));
    while (lines[lines.length - 1] === '') lines.pop();
  }
  return `${lines.join('\n')}\n`;
}

const escapeHtml = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function renderHtml(metadata, docs = readFunctionDocs(), examples = readExamples()) {
  const toc = metadata.functions
    .map((fn) => `<li><a href="#${anchor(fn)}"><code>${escapeHtml(signature(fn))}</code></a> — ${resultKind(fn.result)}</li>`)
    .join('\n');
  const sections = metadata.functions
    .map((fn) => {
      const rows = fn.parameters
        .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${paramKind(p)}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`)
        .join('\n');
      const table = fn.parameters.length
        ? `<table><thead><tr><th>argument</th><th>kind</th><th>description</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
        : '<p>No arguments.</p>';
      return [
        `<section id="${anchor(fn)}">`,
        `<h2>${escapeHtml(fn.name)}</h2>`,
        `<p><code>${escapeHtml(signature(fn))}</code></p>`,
        `<p>${escapeHtml(fn.description)}</p>`,
        table,
        `<p>Result: ${resultKind(fn.result)}${streamed(fn)}${docs[fn.id]?.returns ? ` — ${escapeHtml(docs[fn.id].returns)}` : '.'}</p>`,
        ...(examples[fn.id] ?? []).map(
          ({ formula, lines, explanation, presets = [] }) =>
            `<p>Example${presets.length > 0 ? ` (command line: ${presets.map((f) => `<code>--preset ${escapeHtml(f)}</code>`).join(' ')})` : ''}: <code>${escapeHtml(formula)}</code></p><pre>${escapeHtml(lines.join('\n'))}</pre>${explanation ? `<p>${escapeHtml(explanation)}</p>` : ''}`,
        ),
        '</section>',
      ].join('\n');
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${NAMESPACE} functions — Multi-Asset Margin</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; color: #1b1b1b; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
section:target h2 { color: #0f4c81; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
code { font-family: Consolas, "SFMono-Regular", monospace; }
</style>
</head>
<body>
<h1>${NAMESPACE} functions</h1>
<p>${INTRO.map((line) => escapeHtml(line).replace(/`([^`]+)`/g, '<code>$1</code>')).join(' ')}</p>
<ul>
${toc}
</ul>
${sections}
</body>
</html>
`;
}

function main(argv) {
  const from = argv.includes('--from') ? argv[argv.indexOf('--from') + 1] : null;
  const metadata = from ? JSON.parse(fs.readFileSync(from, 'utf8')) : functionsMetadata();
  const docs = readFunctionDocs();
  if (argv.includes('--check')) {
    const markdown = renderMarkdown(metadata, docs);
    const current = fs.existsSync(MARKDOWN_FILE) ? fs.readFileSync(MARKDOWN_FILE, 'utf8') : '';
    if (current !== markdown) {
      process.stderr.write('docs/FUNCTIONS.md is out of date: run npm run docs:functions\n');
      process.exitCode = 1;
    }
    return;
  }
  const examples = computeExamples(docs);
  fs.mkdirSync(path.dirname(MARKDOWN_FILE), { recursive: true });
  fs.writeFileSync(EXAMPLES_FILE, `${JSON.stringify(examples, null, 2)}\n`);
  fs.writeFileSync(MARKDOWN_FILE, renderMarkdown(metadata, docs, examples));
  process.stdout.write(`${path.relative(process.cwd(), MARKDOWN_FILE)}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  }
}

module.exports = { exampleRegistry, presetsNamedBy, readFunctionDocs, renderMarkdown, renderHtml, MARKDOWN_FILE, EXAMPLES_FILE };
