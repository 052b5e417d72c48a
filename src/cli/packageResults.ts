import type JSZip from 'jszip';
import { DetailedCellError, ErrorType } from 'hyperformula';
import type { CellValue } from 'hyperformula';
import { a1 } from './cellAddress';
import type { Computed } from './format';
import type { CellEdit, CellXml, SheetEdits } from './sheetXml';
import { cellElement, editSheetXml } from './sheetXml';
import { type CellPlan, type PlannedEdit, planSheetEdits } from './sheetEditPlan';
import { relsPartOf, resolveTarget } from './workbookModel';
import type { FormulaCell } from './workbookCells';
import { decodeXml, escapeXml, rawAttributes } from './xmlText';

/**
 * The error codes a workbook file may hold. HyperFormula has a few of its own (#CYCLE!, #ERROR!, #LIC!);
 * Excel would refuse them in a file, so they are stored as #VALUE!.
 */
const FILE_ERRORS: Partial<Record<ErrorType, string>> = {
  [ErrorType.NA]: '#N/A',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.SPILL]: '#SPILL!',
};

const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_METADATA_REL = `${RELS}/sheetMetadata`;
const SHEET_METADATA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';

/**
 * The dynamic-array cell metadata, as Excel writes it: one metadata type (XLDAPR) whose future metadata says
 * "dynamic", and one cell-metadata block pointing at it. A spill's anchor cell refers to it as `cm="1"`.
 */
export const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" ' +
  'splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">' +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

async function partText(zip: JSZip, name: string): Promise<string> {
  const part = zip.file(name);
  if (part === null) throw new Error(`the package has no ${name}`);
  return part.async('string');
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const attrs = rawAttributes(m[1] ?? '');
    return { id: decodeXml(attrs.get('Id') ?? ''), type: decodeXml(attrs.get('Type') ?? ''), target: decodeXml(attrs.get('Target') ?? '') };
  });
}

/** Where the workbook part is, and each sheet's worksheet part, by sheet name. */
export interface PackageParts {
  readonly workbook: string;
  readonly sheets: ReadonlyMap<string, string>;
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

/** Each sheet's name and the path of its worksheet part. */
async function sheetParts(zip: JSZip, workbook: string): Promise<Map<string, string>> {
  const rels = relationships(await partText(zip, relsPartOf(workbook)));
  const parts = new Map<string, string>();
  for (const m of (await partText(zip, workbook)).matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = rawAttributes(m[1] ?? '');
    const id = [...attrs].find(([name]) => /(^|:)id$/.test(name) && name !== 'sheetId')?.[1];
    const rel = rels.find((r) => r.id === decodeXml(id ?? ''));
    if (rel !== undefined) parts.set(decodeXml(attrs.get('name') ?? ''), resolveTarget(workbook, rel.target));
  }
  return parts;
}

/**
 * The `cm` index of the dynamic-array cell metadata, adding xl/metadata.xml (with its content type and
 * workbook relationship) when the package has no cell metadata yet. Undefined when the package has cell
 * metadata without the dynamic-array type: spills are then stored as plain array formulas.
 */
async function dynamicArrayIndex(zip: JSZip, date: Date, workbook: string): Promise<number | undefined> {
  const WORKBOOK = workbook;
  const WORKBOOK_RELS = relsPartOf(workbook);
  const relsXml = await partText(zip, WORKBOOK_RELS);
  const existing = relationships(relsXml).find((r) => r.type === SHEET_METADATA_REL);
  if (existing !== undefined) {
    const xml = await partText(zip, resolveTarget(WORKBOOK, existing.target));
    const types = [...xml.matchAll(/<metadataType\b([^>]*?)\/?>/g)].map((m) => decodeXml(rawAttributes(m[1] ?? '').get('name') ?? ''));
    const type = types.indexOf('XLDAPR') + 1;
    if (type === 0) return undefined;
    const cellMetadata = /<cellMetadata\b[^>]*>([\s\S]*?)<\/cellMetadata>/.exec(xml)?.[1] ?? '';
    const blocks = [...cellMetadata.matchAll(/<bk>([\s\S]*?)<\/bk>/g)];
    const index = blocks.findIndex((b) =>
      [...(b[1] ?? '').matchAll(/<rc\b([^>]*?)\/>/g)].some((rc) => rawAttributes(rc[1] ?? '').get('t') === String(type)),
    );
    return index < 0 ? undefined : index + 1;
  }
  const folder = WORKBOOK.slice(0, WORKBOOK.lastIndexOf('/') + 1);
  let name = `${folder}metadata.xml`;
  for (let n = 2; zip.file(name) !== null; n += 1) name = `${folder}metadata${n}.xml`;
  zip.file(name, DYNAMIC_ARRAY_METADATA, { date, createFolders: false });
  const ids = new Set(relationships(relsXml).map((r) => r.id));
  let id = 1;
  while (ids.has(`rId${id}`)) id += 1;
  const rel = `<Relationship Id="rId${id}" Type="${SHEET_METADATA_REL}" Target="${escapeXml(name.slice(folder.length))}"/>`;
  zip.file(WORKBOOK_RELS, relsXml.replace('</Relationships>', `${rel}</Relationships>`), {
    date: zip.file(WORKBOOK_RELS)?.date ?? date,
    createFolders: false,
  });
  const typesXml = await partText(zip, '[Content_Types].xml');
  const override = `<Override PartName="/${escapeXml(name)}" ContentType="${SHEET_METADATA_TYPE}"/>`;
  zip.file('[Content_Types].xml', typesXml.replace('</Types>', `${override}</Types>`), {
    date: zip.file('[Content_Types].xml')?.date ?? date,
    createFolders: false,
  });
  return 1;
}

/**
 * The anchors (`Sheet!A1`) of the array formulas over several cells that the file marks as dynamic arrays
 * (`cm`); the others are legacy array formulas, whose range is fixed.
 */
async function dynamicAnchors(zip: JSZip, parts: ReadonlyMap<string, string>, formulas: readonly FormulaCell[]): Promise<Set<string>> {
  const found = new Set<string>();
  const sheets = new Set(formulas.filter((f) => f.stored !== undefined).map((f) => f.sheet));
  for (const sheet of sheets) {
    const name = parts.get(sheet);
    if (name === undefined) continue;
    for (const m of (await partText(zip, name)).matchAll(/<c\b([^>]*?\bcm="[^"]*"[^>]*)>/g)) {
      const ref = rawAttributes(m[1] ?? '').get('r');
      if (ref !== undefined) found.add(`${sheet}!${ref}`);
    }
  }
  return found;
}

/** A number as the file holds it; -0 is 0. */
const numberText = (n: number): string => String(n === 0 ? 0 : n);

/** `t` and the inner XML of a formula cell's cached value. */
function formulaValue(value: CellValue): { t?: string; v: string } {
  if (value instanceof DetailedCellError) return { t: 'e', v: `<v>${FILE_ERRORS[value.type] ?? '#VALUE!'}</v>` };
  if (typeof value === 'number') return { v: `<v>${numberText(value)}</v>` };
  if (typeof value === 'boolean') return { t: 'b', v: `<v>${value ? 1 : 0}</v>` };
  if (typeof value === 'string') return { t: 'str', v: `<v>${escapeXml(value)}</v>` };
  return { v: '' };
}

/** `t` and the inner XML of a plain value cell (a spilled cell): text as an inline string. */
function plainValue(value: CellValue): { t?: string; v: string } {
  if (typeof value === 'string') return { t: 'inlineStr', v: `<is><t xml:space="preserve">${escapeXml(value)}</t></is>` };
  return formulaValue(value);
}

/** The attributes a rewritten cell keeps (style, phonetic flag); its type and metadata are written anew. */
function keptAttributes(existing: CellXml | undefined): Map<string, string> {
  const kept = new Map(existing?.attributes ?? []);
  for (const name of ['r', 't', 'cm', 'vm']) kept.delete(name);
  return kept;
}

function withType(attributes: Map<string, string>, t: string | undefined, cm?: number): Map<string, string> {
  if (t !== undefined) attributes.set('t', t);
  if (cm !== undefined) attributes.set('cm', String(cm));
  return attributes;
}

const existingFormula = (existing: CellXml | undefined): string | undefined => /<f\b[\s\S]*?(?:\/>|<\/f>)/.exec(existing?.inner ?? '')?.[0];

type FormulaPlan = Extract<CellPlan, { kind: 'formula' }>;

/** The `<f>` element: shared formulas keep their group (the master's text in Excel's names), others are written whole. */
function formulaElement(plan: FormulaPlan, existing: CellXml | undefined): string {
  const text = escapeXml(plan.formula);
  const stored = existingFormula(existing);
  if (plan.shared !== null && stored !== undefined) {
    const open = /^<f\b([^>]*?)\/?>/.exec(stored)?.[1] ?? '';
    const attrs = rawAttributes(open);
    if (attrs.get('t') === 'shared') {
      if (plan.shared === 'member') return stored;
      return `<f${open.replace(/\/$/, '')}>${text}</f>`;
    }
  }
  return `<f>${text}</f>`;
}

/**
 * A formula with one value. One that the file held as an array formula stays one, over its own cell, with its
 * dynamic-array mark if it had one: written as a plain formula, Excel would compute it with implicit intersection.
 */
function scalarFormula(row: number, col: number, plan: FormulaPlan): CellEdit {
  return (existing) => {
    const { t, v } = formulaValue(plan.value);
    const stored = existingFormula(existing);
    const wasArray = stored !== undefined && rawAttributes(/^<f\b([^>]*?)\/?>/.exec(stored)?.[1] ?? '').get('t') === 'array';
    if (wasArray) {
      const cm = existing?.attributes.get('cm');
      const f = `<f t="array" ref="${a1(row, col)}">${escapeXml(plan.formula)}</f>`;
      return cellElement(row, col, withType(keptAttributes(existing), t, cm === undefined ? undefined : Number(cm)), f + v);
    }
    return cellElement(row, col, withType(keptAttributes(existing), t), formulaElement(plan, existing) + v);
  };
}

/** The edit that carries out one planned cell against the cell the sheet holds. */
function cellEdit({ row, col, edit }: PlannedEdit): CellEdit {
  switch (edit.kind) {
    case 'clear':
      // Its value goes, its style stays.
      return (existing) => {
        const kept = keptAttributes(existing);
        return kept.size === 0 ? null : cellElement(row, col, kept, '');
      };
    case 'value':
      return (existing) => {
        const { t, v } = plainValue(edit.value);
        return cellElement(row, col, withType(keptAttributes(existing), t), v);
      };
    case 'arrayFormula':
      return (existing) => {
        const { t, v } = formulaValue(edit.value);
        const f = `<f t="array" ref="${edit.ref}">${escapeXml(edit.formula)}</f>`;
        return cellElement(row, col, withType(keptAttributes(existing), t, edit.cm), f + v);
      };
    case 'formula':
      return scalarFormula(row, col, edit);
  }
}

/** Writes the planned edits into the worksheet parts, sheet by sheet in the plan's order. */
async function writePlan(zip: JSZip, plan: readonly PlannedEdit[], sheetPart: ReadonlyMap<string, string>, date: Date): Promise<void> {
  const bySheet = new Map<string, SheetEdits>();
  for (const planned of plan) {
    let edits = bySheet.get(planned.sheet);
    if (edits === undefined) bySheet.set(planned.sheet, (edits = new Map()));
    let cols = edits.get(planned.row);
    if (cols === undefined) edits.set(planned.row, (cols = new Map()));
    cols.set(planned.col, cellEdit(planned));
  }
  for (const [sheet, edits] of bySheet) {
    const name = sheetPart.get(sheet);
    if (name === undefined) throw new Error(`the package has no worksheet part for sheet ${sheet}`);
    const part = zip.file(name);
    zip.file(name, editSheetXml(await partText(zip, name), edits), { date: part?.date ?? date, createFolders: false });
  }
}

/**
 * Writes every formula cell's computed value into the workbook package, as Excel would have saved it: MARGIN
 * functions under their `_xldudf_` names and each spilled table as a dynamic array (`cm` on its anchor, the
 * formula with `t="array"` over the cells it spills into, each of them holding its value). Only the worksheet
 * parts change, plus the dynamic-array metadata when a table spills; every other part is kept as it was.
 * A shared formula stays shared unless one of its cells now spills a table, which a shared formula cannot hold.
 * The package is read first, the edits planned (`planSheetEdits`), then written.
 */
export async function storeResultsInPackage(
  zip: JSZip,
  formulas: readonly FormulaCell[],
  values: readonly (Computed | undefined)[],
  parts?: PackageParts,
): Promise<void> {
  const WORKBOOK = parts?.workbook ?? DEFAULT_WORKBOOK;
  const date = zip.file(WORKBOOK)?.date ?? new Date(0);
  const cm = values.some((v) => Array.isArray(v)) ? await dynamicArrayIndex(zip, date, WORKBOOK) : undefined;
  const sheetPart = parts?.sheets ?? (await sheetParts(zip, WORKBOOK));
  const dynamic = await dynamicAnchors(zip, sheetPart, formulas);
  const plan = planSheetEdits(formulas, values, { dynamicArrayIndex: cm, dynamicAnchors: dynamic });
  await writePlan(zip, plan, sheetPart, date);
}
