import type JSZip from 'jszip';
import type { CellBox } from './cellAddress';
import { parseRange } from './cellAddress';
import { xmlFault } from './xmlCheck';
import { decodeXml, rawAttributes } from './xmlText';
import { WorkbookFileError } from './workbookPackage';

/**
 * A workbook package read straight from its parts, as Excel, LibreOffice, openpyxl or exceljs wrote it: the
 * workbook part wherever the package relationships put it, relationship targets absolute (`/xl/…`) or relative,
 * sheets and tables under any part name, shared and inline strings, shared and array formulas, and each
 * formula cell's cached value. A part that is missing, not well formed or pointed at by a broken relationship
 * is a {@link WorkbookFileError} naming that part.
 */

/** A cell's content: a value as HyperFormula takes it (text prefixed "'" so it stays text), or a formula. */
export type PlainValue = number | boolean | string | null;

export interface CellRecord {
  readonly row: number;
  readonly col: number;
  /** The value for a plain cell; for a formula cell, the value Excel cached with it. */
  readonly value: PlainValue;
  /** The formula as the file stores it (no "="); for a cell of a shared formula, translated to this cell. */
  readonly formula?: string;
  /** `<f t="array" ref>`: the range the array formula covered. */
  readonly arrayRef?: string;
  /** `<f t="shared">`: the master's address, and on the master the range the formula is shared over. */
  readonly shared?: { readonly master: string; readonly ref?: string };
  /** The cell carries cell metadata (`cm`): a dynamic-array anchor when it is an array formula. */
  readonly dynamic?: boolean;
}

export interface SheetModel {
  readonly name: string;
  readonly part: string;
  readonly cells: readonly CellRecord[];
}

export interface TableModel {
  /** The name formulas use (Excel's `displayName`). */
  readonly name: string;
  readonly sheet: string;
  readonly part: string;
  /** The whole table: header row, data rows and totals row. */
  readonly box: CellBox;
  readonly headerRows: number;
  readonly totalsRows: number;
  readonly columns: readonly string[];
}

export interface DefinedNameModel {
  readonly name: string;
  /** The sheet the name is scoped to; null for a workbook-wide name. */
  readonly sheet: string | null;
  /** Its formula as stored (no "="). */
  readonly formula: string;
}

export interface WorkbookModel {
  readonly workbookPart: string;
  readonly workbookRelsPart: string;
  readonly sheets: readonly SheetModel[];
  readonly tables: readonly TableModel[];
  readonly names: readonly DefinedNameModel[];
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const TABLE = /\/table$/;

/** A part's path from a relationship target: absolute from the package root, or relative to the source part's folder. */
export function resolveTarget(source: string, target: string): string {
  const path = target.split(/[?#]/)[0] ?? '';
  const parts = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const piece of (path.startsWith('/') ? path.slice(1) : path).split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.map((p) => safeDecodeURI(p)).join('/');
}

function safeDecodeURI(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The package's parts are named case-insensitively (Open Packaging); most writers use one case throughout. */
function findPart(zip: JSZip, name: string): JSZip.JSZipObject | null {
  const exact = zip.file(name);
  if (exact !== null) return exact;
  const lower = name.toLowerCase();
  return Object.values(zip.files).find((e) => !e.dir && e.name.toLowerCase() === lower) ?? null;
}

class PackageReader {
  constructor(
    private readonly file: string,
    private readonly zip: JSZip,
  ) {}

  fault(part: string, what: string): WorkbookFileError {
    return new WorkbookFileError(`${this.file}: part ${part} ${what}`);
  }

  has(part: string): boolean {
    return findPart(this.zip, part) !== null;
  }

  async text(part: string, pointedBy?: string): Promise<string> {
    const entry = findPart(this.zip, part);
    if (entry === null) {
      throw pointedBy === undefined
        ? this.fault(part, 'is missing')
        : this.fault(part, `is missing (a broken relationship: ${pointedBy} points to it)`);
    }
    const xml = await entry.async('string');
    const fault = xmlFault(xml);
    if (fault !== null) throw this.fault(entry.name, `is not well-formed XML (${fault})`);
    return xml;
  }

  decode(part: string, text: string): string {
    try {
      return decodeXml(text);
    } catch (error) {
      throw this.fault(part, `holds text XML cannot carry (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  async relationships(part: string): Promise<Relationship[]> {
    const rels = relsPartOf(part);
    if (!this.has(rels)) return [];
    const xml = await this.text(rels);
    return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
      const attrs = rawAttributes(m[1] ?? '');
      return {
        id: this.decode(rels, attrs.get('Id') ?? ''),
        type: this.decode(rels, attrs.get('Type') ?? ''),
        target: this.decode(rels, attrs.get('Target') ?? ''),
        external: attrs.get('TargetMode') === 'External',
      };
    });
  }
}

/** Office escapes characters XML cannot hold as `_xHHHH_`. */
function officeText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs, without phonetic runs (`<rPh>`). */
function itemText(reader: PackageReader, part: string, inner: string): string {
  const visible = inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const m of visible.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += reader.decode(part, m[1] ?? '');
  return officeText(text);
}

async function sharedStrings(reader: PackageReader, workbookPart: string, rels: readonly Relationship[]): Promise<string[]> {
  const rel = rels.find((r) => SHARED_STRINGS.test(r.type) && !r.external);
  if (rel === undefined) return [];
  const part = resolveTarget(workbookPart, rel.target);
  const xml = await reader.text(part, relsPartOf(workbookPart));
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => itemText(reader, part, m[1] ?? ''));
}

/** Day 0 of Excel's 1900 date system, for cells stored as ISO dates (`t="d"`). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const VALUE = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/;
const INLINE = /<(?:\w+:)?is\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?is>)/;

interface SheetContext {
  readonly reader: PackageReader;
  readonly part: string;
  readonly strings: readonly string[];
}

function cellValue(ctx: SheetContext, type: string | undefined, inner: string, ref: string): PlainValue {
  if (type === 'inlineStr') {
    const is = INLINE.exec(inner);
    return is === null ? null : `'${itemText(ctx.reader, ctx.part, is[1] ?? '')}`;
  }
  const v = VALUE.exec(inner);
  if (v === null) return null;
  const raw = ctx.reader.decode(ctx.part, v[1] ?? '');
  switch (type) {
    case 's': {
      const text = ctx.strings[Number(raw)];
      if (!/^\d+$/.test(raw.trim()) || text === undefined) {
        throw ctx.reader.fault(ctx.part, `cell ${ref} refers to shared string ${raw}, which the workbook does not have`);
      }
      return `'${text}`;
    }
    case 'str':
      return `'${officeText(raw)}`;
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'e':
      return raw.trim();
    case 'd': {
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) || !raw.includes('T') ? raw : `${raw}Z`);
      return Number.isNaN(ms) ? `'${raw}` : (ms - EXCEL_EPOCH_MS) / DAY_MS;
    }
    default: {
      const n = Number(raw.trim());
      if (raw.trim() === '' || !Number.isFinite(n))
        throw ctx.reader.fault(ctx.part, `cell ${ref} holds ${JSON.stringify(raw)}, not a number`);
      return n;
    }
  }
}

const REFERENCE = /(?<![\w.$'"\]])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w.(![])/g;
/** Whole columns (`A:C`) and whole rows (`2:5`), which a shared formula moves too. */
const COLUMNS = /(?<![\w.$'"\]])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(![])/g;
const ROWS = /(?<![\w.$'"\]])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\w.(![])/g;
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*'!?|\[[^\]]*\])/;

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function lettersOf(col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A shared formula's text for a cell `rows` below and `cols` right of its master: every relative reference
 * moves by as much, as Excel does when it fills the formula. Strings, quoted sheet names and structured
 * references are left alone.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula
    .split(QUOTED)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(COLUMNS, (whole, abs1: string, first: string, abs2: string, last: string) => {
              const [a, b] = [columnIndex(first), columnIndex(last)];
              if (a > 16_383 || b > 16_383) return whole;
              const [newA, newB] = [abs1 === '$' ? a : a + cols, abs2 === '$' ? b : b + cols];
              if (newA < 0 || newB < 0) return '#REF!';
              return `${abs1}${lettersOf(newA)}:${abs2}${lettersOf(newB)}`;
            })
            .replace(ROWS, (_whole, abs1: string, first: string, abs2: string, last: string) => {
              const [a, b] = [abs1 === '$' ? Number(first) : Number(first) + rows, abs2 === '$' ? Number(last) : Number(last) + rows];
              if (a < 1 || b < 1) return '#REF!';
              return `${abs1}${a}:${abs2}${b}`;
            })
            .replace(REFERENCE, (whole, colAbs: string, letters: string, rowAbs: string, digits: string) => {
              const col = columnIndex(letters);
              if (col > 16_383) return whole;
              const newCol = colAbs === '$' ? col : col + cols;
              const newRow = rowAbs === '$' ? Number(digits) : Number(digits) + rows;
              if (newCol < 0 || newRow < 1) return '#REF!';
              return `${colAbs}${lettersOf(newCol)}${rowAbs}${newRow}`;
            }),
    )
    .join('');
}

function readCells(ctx: SheetContext, xml: string): CellRecord[] {
  const sheetData = /<(?:\w+:)?sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/.exec(xml);
  if (sheetData === null) throw ctx.reader.fault(ctx.part, 'is not a worksheet (it has no sheetData)');
  const cells: CellRecord[] = [];
  const masters = new Map<string, { row: number; col: number; formula: string; ref?: string }>();
  const pendingShared: { row: number; col: number; si: string; value: PlainValue; dynamic: boolean; ref: string }[] = [];
  let nextRow = 0;
  for (const rowMatch of (sheetData[1] ?? '').matchAll(ROW)) {
    const rAttr = rawAttributes(rowMatch[1] ?? '').get('r');
    const row = rAttr !== undefined && /^\d+$/.test(rAttr) ? Number(rAttr) - 1 : nextRow;
    nextRow = row + 1;
    let nextCol = 0;
    for (const m of (rowMatch[2] ?? '').matchAll(CELL)) {
      const attrs = rawAttributes(m[1] ?? '');
      const r = attrs.get('r');
      const box = r === undefined ? undefined : parseRange(r);
      const col = box?.col ?? nextCol;
      nextCol = col + 1;
      const ref = `${lettersOf(col)}${row + 1}`;
      const inner = m[2] ?? '';
      const value = cellValue(ctx, attrs.get('t'), inner, ref);
      const dynamic = attrs.has('cm');
      const f = FORMULA.exec(inner);
      if (f === null) {
        if (value !== null) cells.push({ row, col, value });
        continue;
      }
      const fAttrs = rawAttributes(f[1] ?? '');
      const text = officeText(ctx.reader.decode(ctx.part, f[2] ?? '')).trim();
      const kind = fAttrs.get('t');
      if (kind === 'shared') {
        const si = fAttrs.get('si') ?? '';
        const sharedRef = fAttrs.get('ref');
        if (text !== '') {
          masters.set(si, { row, col, formula: text, ...(sharedRef ? { ref: sharedRef } : {}) });
          cells.push({ row, col, value, formula: text, shared: { master: ref, ...(sharedRef ? { ref: sharedRef } : {}) }, dynamic });
        } else {
          pendingShared.push({ row, col, si, value, dynamic, ref });
        }
        continue;
      }
      if (text === '') {
        // A cell of a legacy array formula other than its anchor holds only its value.
        if (value !== null) cells.push({ row, col, value });
        continue;
      }
      const arrayRef = kind === 'array' ? fAttrs.get('ref') : undefined;
      cells.push({ row, col, value, formula: text, ...(arrayRef ? { arrayRef } : {}), dynamic });
    }
  }
  for (const cell of pendingShared) {
    const master = masters.get(cell.si);
    if (master === undefined)
      throw ctx.reader.fault(ctx.part, `cell ${cell.ref} shares formula ${cell.si}, which no cell of the sheet defines`);
    cells.push({
      row: cell.row,
      col: cell.col,
      value: cell.value,
      formula: shiftFormula(master.formula, cell.row - master.row, cell.col - master.col),
      shared: { master: `${lettersOf(master.col)}${master.row + 1}` },
      dynamic: cell.dynamic,
    });
  }
  return cells;
}

async function readTable(reader: PackageReader, sheet: string, part: string, pointedBy: string): Promise<TableModel> {
  const xml = await reader.text(part, pointedBy);
  const open = /<(?:\w+:)?table\b([^>]*?)\/?>/.exec(xml);
  if (open === null) throw reader.fault(part, 'is not a table part');
  const attrs = rawAttributes(open[1] ?? '');
  const name = reader.decode(part, attrs.get('displayName') ?? attrs.get('name') ?? '');
  const box = parseRange(attrs.get('ref') ?? '');
  if (name === '' || box === undefined) throw reader.fault(part, 'has a table without a name or a range');
  const headerRows = attrs.get('headerRowCount') === '0' ? 0 : 1;
  const totalsRows = Number(attrs.get('totalsRowCount') ?? '0') > 0 ? 1 : 0;
  const columns = [...xml.matchAll(/<(?:\w+:)?tableColumn\b([^>]*?)\/?>/g)].map((m) =>
    officeText(reader.decode(part, rawAttributes(m[1] ?? '').get('name') ?? '')),
  );
  if (columns.length !== box.cols) throw reader.fault(part, `names ${columns.length} columns for a range ${box.cols} wide`);
  return { name, sheet, part, box, headerRows, totalsRows, columns };
}

/** The workbook part: where the package relationships point (officeDocument), else `xl/workbook.xml`. */
async function workbookPartOf(reader: PackageReader): Promise<string> {
  const root = await reader.relationships('');
  const rel = root.find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
  if (rel !== undefined) {
    const part = resolveTarget('', rel.target);
    if (!reader.has(part)) throw reader.fault(part, 'is missing (a broken relationship: _rels/.rels points to it as the workbook)');
    return part;
  }
  return 'xl/workbook.xml';
}

/** Reads the package's workbook, sheets, tables and defined names. */
export async function readWorkbookModel(file: string, zip: JSZip): Promise<WorkbookModel> {
  const reader = new PackageReader(file, zip);
  const workbookPart = await workbookPartOf(reader);
  const workbookXml = await reader.text(workbookPart);
  const workbookRelsPart = relsPartOf(workbookPart);
  if (!reader.has(workbookRelsPart)) throw reader.fault(workbookRelsPart, 'is missing (the workbook cannot find its sheets)');
  const rels = await reader.relationships(workbookPart);
  const strings = await sharedStrings(reader, workbookPart, rels);

  const declared = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => {
    const attrs = rawAttributes(m[1] ?? '');
    const id = [...attrs].find(([attr]) => /(^|:)id$/.test(attr) && attr !== 'sheetId')?.[1];
    return { name: reader.decode(workbookPart, attrs.get('name') ?? ''), id: reader.decode(workbookPart, id ?? '') };
  });
  const sheets: SheetModel[] = [];
  const tables: TableModel[] = [];
  for (const { name, id } of declared) {
    const rel = rels.find((r) => r.id === id);
    if (rel === undefined) throw reader.fault(workbookRelsPart, `has no relationship ${id} for sheet ${name} (a broken relationship)`);
    if (!WORKSHEET.test(rel.type)) continue; // chart sheets, dialog and macro sheets hold no cells to compute
    const part = resolveTarget(workbookPart, rel.target);
    const xml = await reader.text(part, `${workbookRelsPart} (sheet ${name})`);
    sheets.push({ name, part, cells: readCells({ reader, part, strings }, xml) });
    const sheetRels = await reader.relationships(part);
    for (const m of xml.matchAll(/<(?:\w+:)?tablePart\b([^>]*?)\/?>/g)) {
      const tableId = [...rawAttributes(m[1] ?? '')].find(([attr]) => /(^|:)id$/.test(attr))?.[1] ?? '';
      const tableRel = sheetRels.find((r) => r.id === tableId && TABLE.test(r.type));
      if (tableRel === undefined)
        throw reader.fault(relsPartOf(part), `has no table relationship ${tableId} for sheet ${name} (a broken relationship)`);
      tables.push(await readTable(reader, name, resolveTarget(part, tableRel.target), relsPartOf(part)));
    }
  }
  if (sheets.length === 0) throw new WorkbookFileError(`${file}: the workbook has no worksheets`);

  const names: DefinedNameModel[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const attrs = rawAttributes(m[1] ?? '');
    const name = reader.decode(workbookPart, attrs.get('name') ?? '');
    const local = attrs.get('localSheetId');
    const sheet = local === undefined ? null : (declared[Number(local)]?.name ?? null);
    if (local !== undefined && sheet === null) continue;
    names.push({ name, sheet, formula: officeText(reader.decode(workbookPart, m[2] ?? '')).trim() });
  }
  return { workbookPart, workbookRelsPart, sheets, tables, names };
}
