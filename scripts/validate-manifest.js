#!/usr/bin/env node
// npm run validate: checks manifest.xml offline (well-formed, every resid defined, <Runtimes> first with
// lifetime="long", every URL on one base), then asks Microsoft's validation service through the project's own
// office-addin-manifest. Offline, the service cannot be reached: that is said plainly, and the offline verdict
// stands. Exit 1 when an offline check fails or the service finds the manifest invalid.
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

/** Runs office-addin-manifest validate; `unreachable` when the service could not be contacted. */
function onlineCheck(file) {
  const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-manifest.cmd' : 'office-addin-manifest');
  const run = spawnSync(bin, ['validate', file], { encoding: 'utf8', shell: process.platform === 'win32', timeout: 120_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (/Unable to contact|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed/i.test(output)) return { verdict: 'unreachable', output };
  return { verdict: run.status === 0 ? 'valid' : 'invalid', output };
}

function main(argv) {
  const file = path.resolve(argv[0] ?? path.join(ROOT, 'manifest.xml'));
  const problems = offlineProblems(fs.readFileSync(file, 'utf8'));
  if (problems.length > 0) {
    process.stderr.write(`${path.relative(process.cwd(), file)}: offline checks failed:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`${path.relative(process.cwd(), file)}: offline checks passed (well-formed, resources, runtime, URLs).\n`);
  if (argv.includes('--offline')) return 0;
  const online = onlineCheck(file);
  if (online.verdict === 'unreachable') {
    process.stdout.write(
      'Online validation not run: it needs a network to reach Microsoft\'s validation service, which this machine cannot reach.\n' +
        'Run npm run validate again where a network exists before submitting the manifest to the store.\n',
    );
    return 0;
  }
  process.stdout.write(online.output);
  return online.verdict === 'valid' ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));

module.exports = { offlineProblems };
