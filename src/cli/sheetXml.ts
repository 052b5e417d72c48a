import { columnLetters, parseRange, rangeText } from './cellAddress';
import { attributeText, rawAttributes } from './xmlText';

/** A cell element as it is in the sheet part: its attributes (raw) and what is inside it. */
export interface CellXml {
  readonly attributes: Map<string, string>;
  readonly inner: string;
}

/** What becomes of one cell: its new element from the old one (undefined: there was none), or null to drop it. */
export type CellEdit = (existing: CellXml | undefined) => string | null;

/** Edits by 0-based row, then 0-based column. */
export type SheetEdits = Map<number, Map<number, CellEdit>>;

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const SHEET_DATA = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/;

/** The 0-based column of a cell reference such as `AB12`. */
function columnOf(ref: string): number | undefined {
  return parseRange(ref)?.col;
}

/** A cell element's text. `attributes` are raw (escaped) and must not hold `r`, which is written first. */
export function cellElement(row: number, col: number, attributes: ReadonlyMap<string, string>, inner: string): string {
  const open = `<c r="${columnLetters(col)}${row + 1}"${attributeText(attributes)}`;
  return inner === '' ? `${open}/>` : `${open}>${inner}</c>`;
}

function editRow(row: number, openAttributes: string, inner: string, edits: Map<number, CellEdit>): string {
  const cells = new Map<number, string>();
  const parsed = new Map<number, CellXml>();
  let next = 0;
  for (const m of inner.matchAll(CELL)) {
    const attributes = rawAttributes(m[1] ?? '');
    const ref = attributes.get('r');
    const col = (ref === undefined ? undefined : columnOf(ref)) ?? next;
    next = col + 1;
    cells.set(col, m[0]);
    attributes.delete('r');
    parsed.set(col, { attributes, inner: m[2] ?? '' });
  }
  for (const [col, edit] of edits) {
    const text = edit(parsed.get(col));
    if (text === null) cells.delete(col);
    else cells.set(col, text);
  }
  // The row's `spans` is an optional hint that the edits may have made wrong.
  const attributes = rawAttributes(openAttributes);
  attributes.delete('spans');
  attributes.delete('r');
  const body = [...cells.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, text]) => text)
    .join('');
  const open = `<row r="${row + 1}"${attributeText(attributes)}`;
  return body === '' && attributes.size === 0 ? '' : body === '' ? `${open}/>` : `${open}>${body}</row>`;
}

function newRow(row: number, edits: Map<number, CellEdit>): string {
  return editRow(row, '', '', edits);
}

/** The `<dimension ref>` grown to cover every edited cell. */
function widenDimension(xml: string, edits: SheetEdits): string {
  return xml.replace(/<dimension\b([^>]*?)\/>/, (whole, attrs: string) => {
    const ref = rawAttributes(attrs).get('ref');
    const [first, last] = (ref ?? '').split(':');
    const start = parseRange(first ?? '');
    const end = parseRange(last ?? first ?? '');
    if (start === undefined || end === undefined) return whole;
    let [top, left, bottom, right] = [start.row, start.col, end.row, end.col];
    for (const [row, cols] of edits) {
      for (const col of cols.keys()) {
        [top, left, bottom, right] = [Math.min(top, row), Math.min(left, col), Math.max(bottom, row), Math.max(right, col)];
      }
    }
    return `<dimension ref="${rangeText({ row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 })}"/>`;
  });
}

/**
 * Applies cell edits to a worksheet part's XML, leaving everything else as it was: rows and cells that are
 * not edited keep their exact text, edited rows keep their attributes, new rows and cells go in order.
 */
export function editSheetXml(xml: string, edits: SheetEdits): string {
  if (edits.size === 0) return xml;
  const found = SHEET_DATA.exec(xml);
  if (found === null) throw new Error('the worksheet has no sheetData');
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let p = 0;
  const out: string[] = [];
  let next = 0;
  for (const m of (found[1] ?? '').matchAll(ROW)) {
    const rAttr = rawAttributes(m[1] ?? '').get('r');
    const row = rAttr === undefined ? next : Number(rAttr) - 1;
    next = row + 1;
    for (; p < pending.length && (pending[p] ?? 0) < row; p += 1) {
      const r = pending[p] ?? 0;
      out.push(newRow(r, edits.get(r) ?? new Map()));
    }
    const rowEdits = edits.get(row);
    if (rowEdits === undefined) {
      out.push(m[0]);
    } else {
      out.push(editRow(row, m[1] ?? '', m[2] ?? '', rowEdits));
      p += 1;
    }
  }
  for (; p < pending.length; p += 1) {
    const r = pending[p] ?? 0;
    out.push(newRow(r, edits.get(r) ?? new Map()));
  }
  const sheetData = `<sheetData>${out.join('')}</sheetData>`;
  const index = found.index;
  return widenDimension(xml.slice(0, index), edits) + sheetData + xml.slice(index + found[0].length);
}
