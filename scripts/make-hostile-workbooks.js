#!/usr/bin/env node
'use strict';
/**
 * Builds the hostile workbooks of test/fixtures/hostile/workbooks/: each is a workbook as Excel saves it with the
 * add-in, whose stored settings hold one hostile preset (from test/fixtures/hostile/presets/, its JSON text kept
 * byte for byte, so `1e999` stays a number beyond a double) next to the desk example, with the hostile preset
 * as the workbook's default; one holds a default preset setting with a character reference that is no Unicode
 * character. Sheet `Desk`: A1 values 10 BTC with the default preset, A2 2 BTC with `desk-example`.
 *
 * Usage: node scripts/make-hostile-workbooks.js
 */
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');

const ROOT = path.join(__dirname, '..');
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile');
const DESK_TEXT = fs.readFileSync(path.join(ROOT, 'examples', 'presets', 'desk-example.json'), 'utf8');

/** Stored presets of each workbook: the hostile preset file, then the desk example. */
const PRESET_CASES = [
  'proto-threshold',
  'constructor-threshold',
  'infinity-cap',
  'huge-exponent-cap',
  'huge-exponent-number',
  'tiny-exponent-rate',
  'too-many-digits',
  'deep-nesting-valid',
];

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `properties`: setting name → the attribute text as stored (already escaped for XML). */
async function write(file, properties) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Desk');
  ws.getCell('A1').value = { formula: '_xldudf_MARGIN_COLLATERAL_VALUE("BTC",10,60000)' };
  ws.getCell('A2').value = { formula: '_xldudf_MARGIN_COLLATERAL_VALUE("BTC",2,100000,"desk-example")' };
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const props = Object.entries(properties)
    .map(([name, value]) => `<we:property name="${name}" value="${value}"/>`)
    .join('');
  zip.file(
    'xl/webextensions/webextension1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5E2A1B9C-0000-4000-8000-000000000001}">
<we:reference id="multiasset" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>
<we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>
</we:webextension>`,
  );
  const types = await zip.file('[Content_Types].xml').async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
  // A fixed date on every part, so that rebuilding writes the same bytes (generateAsync takes no date of its own).
  const fixed = new Date(Date.UTC(2026, 10, 21));
  zip.forEach((_name, part) => {
    part.date = fixed;
  });
  const bytes = await zip.generateAsync({ type: 'nodebuffer' });
  fs.writeFileSync(file, bytes);
}

async function main() {
  const out = path.join(HOSTILE, 'workbooks');
  fs.mkdirSync(out, { recursive: true });
  for (const name of PRESET_CASES) {
    const text = fs.readFileSync(path.join(HOSTILE, 'presets', `${name}.json`), 'utf8');
    const id = JSON.parse(text.replace(/"deep": \[+\]+, /, '').replace(/1e999|1e400000000(?!")/g, '0')).id;
    await write(path.join(out, `${name}.xlsx`), {
      'multiasset.defaultPreset': escapeXml(JSON.stringify(id)),
      'multiasset.customPresets': escapeXml(`[${text.trim()}, ${DESK_TEXT.trim()}]`),
    });
  }
  await write(path.join(out, 'invalid-code-point.xlsx'), {
    'multiasset.defaultPreset': '&quot;desk&#x110000;&quot;',
    'multiasset.customPresets': escapeXml(`[${DESK_TEXT.trim()}]`),
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
