#!/usr/bin/env node
// npm run validate: checks manifest.xml offline, then asks Microsoft's validation service through the project's own
// office-addin-manifest. Offline:
//   1. well-formed, every resid defined, <Runtimes> first with lifetime="long", every URL on one base;
//   2. valid against Microsoft's OfficeAppManifest 1.1 schema (schemas/manifest/, origin in its README), with
//      libxml2 compiled to wasm (xmllint-wasm: no native build).
// The schema declares <VersionOverrides> as a lax wildcard in its own namespace. Microsoft's separate
// TaskPaneAppVersionOverrides schema is not vendored, so that subtree is checked by step 1, and its xsi:type
// attributes (which name types of that schema) are set aside for step 2, keeping every line number.
// Offline, the service cannot be reached: that is said plainly, and the offline verdict stands. Exit 1 when an
// offline check fails or the service finds the manifest invalid.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const ROOT = path.join(__dirname, '..');

/** Problems found in the manifest's text without a network; an empty list means it passed. */
function offlineProblems(xml) {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true });
  const tree = parser.parse(xml);
  const problems = [];
  const ids = new Set();
  const resids = [];
  const urls = [];
  const walk = (nodes, parentName) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@');
      if (name === undefined || name === '#text') continue;
      const attrs = node[':@'] ?? {};
      const local = name.replace(/^.*:/, '');
      if (attrs.id !== undefined && /^(Url|Image|String)$/.test(local)) ids.add(attrs.id);
      if (attrs.resid !== undefined) resids.push(attrs.resid);
      for (const value of Object.values(attrs)) if (/^https?:\/\//.test(String(value))) urls.push(String(value));
      if (local === 'Runtimes' && parentName.replace(/^.*:/, '') !== 'Host') problems.push('<Runtimes> must sit directly inside <Host>');
      walk(node[name], name);
    }
  };
  walk(tree, '');
  for (const resid of new Set(resids)) if (!ids.has(resid)) problems.push(`resid "${resid}" is not defined in <Resources>`);
  const hostMatch = /<Host\s+xsi:type="Workbook"\s*>\s*<([A-Za-z]+)/.exec(xml);
  if (!hostMatch || hostMatch[1] !== 'Runtimes') problems.push('<Runtimes> must be the first element of the workbook <Host>');
  if (!/<Runtime\b[^>]*lifetime="long"/.test(xml)) problems.push('the shared <Runtime> must have lifetime="long"');
  const own = urls.filter((u) => !/^https?:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u) && !u.startsWith('http://schemas'));
  const bases = new Set(own.filter((u) => u.startsWith('https://')).map((u) => new URL(u).origin));
  if (own.some((u) => u.startsWith('http://'))) problems.push('every add-in URL must be https');
  if (bases.size > 1) problems.push(`add-in URLs use more than one host: ${[...bases].join(', ')}`);
  return problems;
}

const SCHEMA_FILE = path.join(ROOT, 'schemas', 'manifest', 'OfficeAppManifestV1_1.xsd');
const OVERRIDES_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';

/** The manifest as the OfficeApp schema sees it: xsi:type set aside inside <VersionOverrides>, lines kept. */
function withoutOverrideTypes(xml) {
  const open = new RegExp(`<([A-Za-z_][\\w.-]*:)?VersionOverrides\\b[^>]*xmlns(:[\\w.-]+)?="${OVERRIDES_NS.replace(/[.]/g, '\\.')}"`).exec(
    xml,
  );
  if (!open) return xml;
  const closeTag = `</${open[1] ?? ''}VersionOverrides>`;
  const end = xml.indexOf(closeTag, open.index);
  if (end < 0) return xml;
  const span = xml.slice(open.index, end).replace(/\sxsi:type="[^"]*"/g, '');
  return xml.slice(0, open.index) + span + xml.slice(end);
}

/** Problems the OfficeApp 1.1 XSD finds, each "line N: message"; an empty list means the manifest is valid. */
async function schemaProblems(xml, fileName = 'manifest.xml') {
  const { validateXML } = require('xmllint-wasm');
  const result = await validateXML({
    xml: [{ fileName, contents: withoutOverrideTypes(xml) }],
    schema: [{ fileName: path.basename(SCHEMA_FILE), contents: fs.readFileSync(SCHEMA_FILE, 'utf8') }],
  });
  if (result.valid) return [];
  return result.errors.map((e) => {
    const text = e.message
      .replace(/^Schemas validity error : /, '')
      .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/appforoffice\/1\.1\}/g, '');
    return e.loc ? `line ${e.loc.lineNumber}: ${text}` : text;
  });
}

/** Runs office-addin-manifest validate; `unreachable` when the service could not be contacted. */
function onlineCheck(file) {
  const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-manifest.cmd' : 'office-addin-manifest');
  const run = spawnSync(bin, ['validate', file], { encoding: 'utf8', shell: process.platform === 'win32', timeout: 120_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (/Unable to contact|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed/i.test(output)) return { verdict: 'unreachable', output };
  return { verdict: run.status === 0 ? 'valid' : 'invalid', output };
}

async function main(argv) {
  const file = path.resolve(argv.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'manifest.xml'));
  const xml = fs.readFileSync(file, 'utf8');
  const problems = offlineProblems(xml);
  if (problems.length === 0) problems.push(...(await schemaProblems(xml, path.basename(file))));
  if (problems.length > 0) {
    process.stderr.write(`${path.relative(process.cwd(), file)}: offline checks failed:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(
    `${path.relative(process.cwd(), file)}: offline checks passed (well-formed, resources, runtime, URLs, OfficeApp 1.1 schema).\n`,
  );
  if (argv.includes('--offline')) return 0;
  const online = onlineCheck(file);
  if (online.verdict === 'unreachable') {
    process.stdout.write(
      "Online validation not run: it needs a network to reach Microsoft's validation service, which this machine cannot reach.\n" +
        'Run npm run validate again where a network exists before submitting the manifest to the store.\n',
    );
    return 0;
  }
  process.stdout.write(online.output);
  return online.verdict === 'valid' ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`npm run validate: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

module.exports = { offlineProblems, schemaProblems, withoutOverrideTypes };
