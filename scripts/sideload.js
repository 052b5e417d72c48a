#!/usr/bin/env node
// Sideloads manifest.xml into Excel desktop the way Office itself looks for developer add-ins, with nothing but
// Node: on Windows a value under the registry key Office reads developer manifests from (written with reg.exe,
// which every Windows has), on macOS a copy of the manifest in Excel's own `wef` folder. Excel on the web has no
// such place: the manifest is uploaded by hand (Insert > Add-ins > Upload My Add-in). No native module, so
// `npm ci` needs no compiler and no system library.
//   npm run sideload            register the add-in (then start or restart Excel)
//   npm run sideload -- --remove
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
/** Where Office on Windows reads developer (sideloaded) manifests: one string value per add-in, data = the path. */
const WINDOWS_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
/** Excel for Mac's sideload folder (inside its sandbox container). */
const MAC_WEF = ['Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef'];

/** The add-in's <Id>, which names the registry value and the copied file so a second sideload replaces the first. */
function manifestId(xml) {
  const match = /<Id>\s*([0-9A-Fa-f-]{36})\s*<\/Id>/.exec(xml);
  if (!match) throw new Error('manifest.xml has no <Id> GUID');
  return match[1].toLowerCase();
}

/**
 * The steps that register (or, with remove, unregister) the manifest on a platform: `reg` runs reg.exe with its
 * arguments, `copy` and `delete` touch one file. Excel on the web and Linux have none: the returned `manual` says
 * what to do instead.
 */
function sideloadPlan({ platform, manifest = MANIFEST, home = os.homedir(), remove = false }) {
  const id = manifestId(fs.readFileSync(manifest, 'utf8'));
  if (platform === 'win32') {
    const args = remove
      ? ['delete', WINDOWS_KEY, '/v', id, '/f']
      : ['add', WINDOWS_KEY, '/v', id, '/t', 'REG_SZ', '/d', path.win32.resolve(manifest), '/f'];
    return { steps: [{ kind: 'reg', args }], manual: null };
  }
  if (platform === 'darwin') {
    const target = path.join(home, ...MAC_WEF, `${id}.manifest.xml`);
    return { steps: [remove ? { kind: 'delete', file: target } : { kind: 'copy', from: manifest, to: target }], manual: null };
  }
  return {
    steps: [],
    manual:
      'Excel desktop runs on Windows and macOS only. In Excel on the web: open a workbook, Insert > Add-ins > ' +
      'Upload My Add-in (on some plans Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in), and choose ' +
      `${manifest}.`,
  };
}

/** Runs a plan's steps; throws naming the step that failed. */
function runPlan(plan, { reg = 'reg' } = {}) {
  for (const step of plan.steps) {
    if (step.kind === 'reg') {
      const run = spawnSync(reg, step.args, { encoding: 'utf8' });
      // Deleting a value that is not there is not an error for --remove.
      if (run.status !== 0 && !(step.args[0] === 'delete' && /unable to find/i.test(run.stderr ?? ''))) {
        throw new Error(`reg ${step.args[0]} ${WINDOWS_KEY} failed: ${(run.stderr || run.stdout || run.error?.message || '').trim()}`);
      }
    } else if (step.kind === 'copy') {
      fs.mkdirSync(path.dirname(step.to), { recursive: true });
      fs.copyFileSync(step.from, step.to);
    } else if (step.kind === 'delete') {
      fs.rmSync(step.file, { force: true });
    }
  }
}

function describePlan(plan, remove) {
  if (plan.manual) return plan.manual;
  const step = plan.steps[0];
  if (step.kind === 'reg') return remove ? `Removed the add-in from ${WINDOWS_KEY}.` : `Registered the manifest under ${WINDOWS_KEY}. Start (or restart) Excel, then Home > Add-ins (or Insert > My Add-ins) > Developer Add-ins.`;
  if (step.kind === 'copy') return `Copied the manifest to ${step.to}. Start (or restart) Excel, then Insert > Add-ins > My Add-ins (the drop-down arrow) and pick Multi-Asset Margin.`;
  return `Removed ${step.file}.`;
}

function main(argv) {
  const remove = argv.includes('--remove');
  const plan = sideloadPlan({ platform: process.platform, remove });
  runPlan(plan);
  process.stdout.write(`${describePlan(plan, remove)}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`sideload: ${error.message ?? error}\n`);
    process.exit(1);
  }
}

module.exports = { sideloadPlan, runPlan, describePlan, manifestId, WINDOWS_KEY };
