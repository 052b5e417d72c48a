import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const ROOT = join(__dirname, '../../..');
export const DESK = join(ROOT, 'examples/desk.xlsx');
export const DESK_PRESET = join(ROOT, 'examples/presets/desk-example.json');

export const deskPreset = (): unknown => JSON.parse(readFileSync(DESK_PRESET, 'utf8')) as unknown;

/** The add-in's settings part, as Office writes it, with each value stored as JSON text. */
export function webExtensionXml(properties: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5E2A1B9C-0000-4000-8000-000000000001}">
<we:reference id="multiasset" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>
<we:properties>${properties}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>
</we:webextension>`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function settingsProperties(settings: Record<string, unknown>): string {
  return Object.entries(settings)
    .map(([name, value]) => `<we:property name="${name}" value="${escape(JSON.stringify(value))}"/>`)
    .join('');
}

/** Adds the add-in's settings part (raw property XML) to a package, with its content type. */
export async function withWebExtension(zip: JSZip, properties: string): Promise<void> {
  zip.file('xl/webextensions/webextension1.xml', webExtensionXml(properties));
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
}

/** A 1×1 PNG, for a workbook that holds an image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * A workbook as a desk shares it: the add-in's settings (default preset bitget unless told, the custom preset
 * desk-example, live prices every 2.5 s and stale after 90 s), formulas under the names Excel and users write, a spilled table, a style, a defined name,
 * a comment, an image and a custom XML part.
 */
export async function sharedDeskWorkbook(file: string, defaultPreset = 'bitget'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Desk');
  ws.getCell('A1').value = { formula: '_xldudf_MARGIN_COLLATERAL_VALUE("BTC",10,60000)' };
  ws.getCell('A2').value = { formula: '_xludf.MARGIN.COLLATERAL_VALUE("BTC",2,100000,"desk-example")' };
  ws.getCell('A3').value = { formula: 'MARGIN.RISK_LEVEL(0.6)' };
  ws.getCell('A4').value = { formula: 'INDEX(MARGIN.PRESETS(),ROWS(MARGIN.PRESETS()),1)' };
  ws.getCell('C1').value = { formula: 'MARGIN.COLLATERAL_TIERS("BTC")' };
  ws.getCell('A1').font = { bold: true };
  ws.getCell('B1').value = 'note here';
  ws.getCell('B1').note = 'a reviewer comment';
  wb.definedNames.add("'Desk'!$A$1", 'equity');
  ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), 'H2:I3');
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  await withWebExtension(
    zip,
    settingsProperties({
      'multiasset.defaultPreset': defaultPreset,
      'multiasset.customPresets': [deskPreset()],
      'multiasset.livePrices': { intervalSeconds: 2.5, maxAgeSeconds: 90 },
    }),
  );
  zip.file('customXml/item1.xml', '<?xml version="1.0" encoding="UTF-8"?><desk xmlns="urn:example:desk"><owner>risk</owner></desk>');
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rId900" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
  );
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Every part of a package by name, as bytes. */
export async function packageParts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) parts.set(entry.name, await entry.async('nodebuffer'));
  return parts;
}
