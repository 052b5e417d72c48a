import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { settingsProperties, withWebExtension } from '../../cli/support/workbooks';

/** A cell of the Office stand-in's sheets (test/browser/support/officeStandIn.js). */
interface StandInCell {
  readonly value: string | number | boolean | null;
  readonly formula?: string;
}

interface StandInTable {
  readonly name: string;
  readonly box: { readonly rowIndex: number; readonly columnIndex: number; readonly rowCount: number; readonly columnCount: number };
}

/** The workbook as the Office stand-in holds it after the pane ran: what Excel would write when saved. */
export interface StandInWorkbook {
  readonly sheets: readonly {
    readonly name: string;
    readonly cells: Record<string, StandInCell>;
    readonly tables: readonly StandInTable[];
  }[];
  /** The add-in's settings as last saved (`settings.saveAsync`): what the saved file holds. */
  readonly savedSettings: Record<string, unknown>;
  /** Every setting set, saved or not. */
  readonly settings: Record<string, unknown>;
  readonly customXml: readonly string[];
  /** The add-in's per-user storage on this computer: not part of the workbook. */
  readonly storage: Record<string, string>;
}

const columnName = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** Excel stores a custom function as `_xldudf_NAMESPACE_NAME(`. */
const storedFormula = (formula: string): string => formula.replace(/^=/, '').replace(/\bMARGIN\.([A-Z_]+)\(/g, '_xldudf_MARGIN_$1(');

/**
 * The .xlsx package Excel would save from the stand-in's state: every sheet's cells (formulas with their last
 * result), each Excel table as a table part, the add-in's saved settings in the web extension part as Office
 * writes them, and each custom XML part.
 */
export async function savedPackage(book: StandInWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const inTable = new Set<string>();
    for (const table of sheet.tables) {
      const { rowIndex, columnIndex, rowCount, columnCount } = table.box;
      const cell = (r: number, c: number) => sheet.cells[`${rowIndex + r},${columnIndex + c}`]?.value ?? null;
      const header = Array.from({ length: columnCount }, (_, c) => String(cell(0, c) ?? `Column${c + 1}`));
      const rows = Array.from({ length: rowCount - 1 }, (_, r) => Array.from({ length: columnCount }, (_, c) => cell(r + 1, c)));
      ws.addTable({
        name: table.name,
        ref: `${columnName(columnIndex)}${rowIndex + 1}`,
        headerRow: true,
        columns: header.map((name) => ({ name })),
        rows,
      });
      for (let r = 0; r < rowCount; r += 1) for (let c = 0; c < columnCount; c += 1) inTable.add(`${rowIndex + r},${columnIndex + c}`);
    }
    for (const [at, cell] of Object.entries(sheet.cells)) {
      if (inTable.has(at)) continue;
      const [row, column] = at.split(',').map(Number) as [number, number];
      const target = ws.getCell(row + 1, column + 1);
      target.value =
        cell.formula === undefined
          ? cell.value
          : ({ formula: storedFormula(cell.formula), result: cell.value ?? undefined } as ExcelJS.CellFormulaValue);
    }
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  await withWebExtension(zip, settingsProperties(book.savedSettings));
  book.customXml.forEach((xml, i) => zip.file(`customXml/item${i + 1}.xml`, xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every part of a package, by name, as text (UTF-8 and Latin-1 both searched, so no byte escapes the search). */
export async function packageParts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const raw = await file.async('nodebuffer');
    parts.set(file.name, `${raw.toString('utf8')}\n${raw.toString('latin1')}`);
  }
  return parts;
}

/**
 * A secret as it may appear in text: as typed, and in the encodings a leak would likely take (URI, XML and
 * JSON escaping, hex, base64 and base64url at each of the three byte alignments inside longer text).
 */
export function secretForms(secret: string): { readonly how: string; readonly text: string }[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [
    { how: 'as typed', text: secret },
    { how: 'URI-encoded', text: encodeURIComponent(secret) },
    { how: 'form-encoded', text: new URLSearchParams({ x: secret }).toString().slice(2) },
    { how: 'XML-escaped', text: secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') },
    { how: 'JSON-escaped', text: JSON.stringify(secret).slice(1, -1) },
    { how: 'hex', text: bytes.toString('hex') },
    { how: 'HEX', text: bytes.toString('hex').toUpperCase() },
  ];
  for (const shift of [0, 1, 2]) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes]);
    for (const encoding of ['base64', 'base64url'] as const) {
      const text = shifted.toString(encoding).replace(/=+$/, '');
      // Only the characters that depend on the secret's bytes alone: not the first group (it mixes the shift's
      // bytes) unless unshifted, nor the last (it mixes what follows).
      const core = text.slice(shift === 0 ? 0 : 4, text.length - 4);
      forms.push({ how: `${encoding} (offset ${shift})`, text: core });
    }
  }
  return forms;
}

/** Where any form of any secret occurs in the named texts: "part: secret form" lines, empty when none. */
export function findSecrets(texts: ReadonlyMap<string, string>, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [where, text] of texts) {
    for (const [i, secret] of secrets.entries()) {
      for (const form of secretForms(secret)) if (text.includes(form.text)) found.push(`${where}: secret ${i + 1} ${form.how}`);
    }
  }
  return found;
}
