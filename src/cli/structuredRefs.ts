import { a1 } from './cellAddress';
import type { TableModel } from './workbookModel';

/**
 * Excel's structured references (`T[#All]`, `T[amount]`, `T[[#This Row],[a]]`, `T[@a]`, bare `T`) as the
 * ranges they stand for today, read from the table parts. HyperFormula has no tables: formulas reach it with
 * these ranges, while the file keeps the structured references, so a table that grows is seen at its new size
 * on the next recalculation.
 */

/** A structured reference the tables cannot resolve: an unknown column, or a bracket that does not close. */
export class StructuredReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StructuredReferenceError';
  }
}

/** The cell a formula is in, for `#This Row`. */
export interface FormulaSite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

type Area = 'headers' | 'data' | 'totals' | 'thisRow';

const SPECIALS: Readonly<Record<string, Area | 'all'>> = {
  '#all': 'all',
  '#data': 'data',
  '#headers': 'headers',
  '#totals': 'totals',
  '#this row': 'thisRow',
};

const quoteSheet = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** The text of one bracketed item from `open` (a `[`): its content with `'` escapes undone, and the index after `]`. */
function bracketItem(formula: string, open: number): { text: string; end: number } {
  let text = '';
  for (let i = open + 1; i < formula.length; i += 1) {
    const ch = formula[i] ?? '';
    if (ch === "'") {
      text += formula[i + 1] ?? '';
      i += 1;
    } else if (ch === ']') return { text, end: i + 1 };
    else if (ch === '[') throw new StructuredReferenceError(`a structured reference with "[" inside a column name: ${formula.slice(open)}`);
    else text += ch;
  }
  throw new StructuredReferenceError(`a structured reference that does not close: ${formula.slice(open)}`);
}

interface Selection {
  areas: Set<Area>;
  first?: string;
  last?: string;
}

function columnIndex(table: TableModel, name: string): number {
  const wanted = name.trim().toLowerCase();
  const index = table.columns.findIndex((c) => c.toLowerCase() === wanted);
  if (index < 0) throw new StructuredReferenceError(`table ${table.name} has no column ${JSON.stringify(name.trim())}`);
  return index;
}

function addSpecial(selection: Selection, text: string, table: TableModel): boolean {
  const special = SPECIALS[text.trim().toLowerCase().replace(/\s+/g, ' ')];
  if (special === undefined) {
    if (text.trim().startsWith('#')) throw new StructuredReferenceError(`table ${table.name}: unknown item ${text.trim()}`);
    return false;
  }
  if (special === 'all') ['headers', 'data', 'totals'].forEach((a) => selection.areas.add(a as Area));
  else selection.areas.add(special);
  return true;
}

/** `[@col]`, `[@[col]]` or `[@]`: this row, and the column named after the `@` (escapes already undone). */
function addAtItem(selection: Selection, text: string): void {
  selection.areas.add('thisRow');
  const rest = text.slice(1).trim();
  if (rest === '') return;
  const column = rest.startsWith('[') && rest.endsWith(']') ? rest.slice(1, -1) : rest;
  selection.first = column;
  selection.last = column;
}

/**
 * Parses the bracket part after a table's name, from `open` (its `[`). Returns the selection and the index
 * after the closing `]`.
 */
function parseBrackets(formula: string, open: number, table: TableModel): { selection: Selection; end: number } {
  const selection: Selection = { areas: new Set() };
  if (formula[open + 1] !== '[' && !/^\[\s*@\s*\[/.test(formula.slice(open))) {
    const { text, end } = bracketItem(formula, open);
    if (text.trim().startsWith('@')) addAtItem(selection, text.trim());
    else if (text.trim() !== '' && !addSpecial(selection, text, table)) {
      selection.first = text;
      selection.last = text;
    }
    return { selection, end };
  }
  let i = open + 1;
  const skipSpaces = () => {
    while (formula[i] === ' ') i += 1;
  };
  skipSpaces();
  if (formula[i] === '@') {
    // `T[@[col a]]` or `T[@[a]:[b]]`
    selection.areas.add('thisRow');
    i += 1;
    skipSpaces();
  }
  for (;;) {
    skipSpaces();
    if (formula[i] !== '[') throw new StructuredReferenceError(`a structured reference Excel would not write: ${formula.slice(open)}`);
    const first = bracketItem(formula, i);
    i = first.end;
    skipSpaces();
    if (formula[i] === ':') {
      i += 1;
      skipSpaces();
      if (formula[i] !== '[') throw new StructuredReferenceError(`a column range without its last column: ${formula.slice(open)}`);
      const last = bracketItem(formula, i);
      i = last.end;
      selection.first = first.text;
      selection.last = last.text;
    } else if (first.text.trim().startsWith('@')) addAtItem(selection, first.text.trim());
    else if (!addSpecial(selection, first.text, table)) {
      selection.first = first.text;
      selection.last = first.text;
    }
    skipSpaces();
    if (formula[i] === ',') {
      i += 1;
      continue;
    }
    if (formula[i] === ']') return { selection, end: i + 1 };
    throw new StructuredReferenceError(`a structured reference that does not close: ${formula.slice(open)}`);
  }
}

/** The range (or `#REF!` / `#VALUE!`) a selection of a table stands for, seen from `site`. */
function rangeOf(table: TableModel, selection: Selection, site: FormulaSite | null): string {
  const { box, headerRows, totalsRows } = table;
  const top = box.row;
  const bottom = box.row + box.rows - 1;
  const dataTop = top + headerRows;
  const dataBottom = bottom - totalsRows;
  let firstCol = box.col;
  let lastCol = box.col + box.cols - 1;
  if (selection.first !== undefined) {
    const [a, b] = [columnIndex(table, selection.first), columnIndex(table, selection.last ?? selection.first)];
    [firstCol, lastCol] = [box.col + Math.min(a, b), box.col + Math.max(a, b)];
  }
  const areas = selection.areas.size === 0 ? new Set<Area>(['data']) : selection.areas;
  let rowFrom: number;
  let rowTo: number;
  if (areas.has('thisRow')) {
    if (site === null || site.sheet !== table.sheet || site.row < dataTop || site.row > dataBottom) return '#VALUE!';
    [rowFrom, rowTo] = [site.row, site.row];
  } else {
    const rows: number[] = [];
    if (areas.has('headers') && headerRows > 0) rows.push(top);
    if (areas.has('data') && dataBottom >= dataTop) rows.push(dataTop, dataBottom);
    if (areas.has('totals') && totalsRows > 0) rows.push(bottom);
    if (rows.length === 0) return '#REF!';
    [rowFrom, rowTo] = [Math.min(...rows), Math.max(...rows)];
  }
  const start = a1(rowFrom, firstCol).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const end = a1(rowTo, lastCol).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${quoteSheet(table.sheet)}!${start === end ? start : `${start}:${end}`}`;
}

const NAME_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const NAME_CHAR = /[\w.\\\u00C0-\uFFFF]/;

/** The table a formula cell sits in, for a structured reference without a table name (`[@amount]`). */
function tableAt(tables: readonly TableModel[], site: FormulaSite | null): TableModel | undefined {
  if (site === null) return undefined;
  return tables.find(
    (t) =>
      t.sheet === site.sheet &&
      site.row >= t.box.row &&
      site.row < t.box.row + t.box.rows &&
      site.col >= t.box.col &&
      site.col < t.box.col + t.box.cols,
  );
}

/**
 * A formula with every structured reference replaced by the absolute range it stands for (sheet-qualified),
 * `#REF!` for a part the table does not have (`T[#Totals]` without a totals row) and `#VALUE!` for `#This Row`
 * outside the table's data rows, as Excel shows them. Text in quotes is left alone. Throws a
 * {@link StructuredReferenceError} for a reference the tables cannot resolve.
 */
export function resolveStructuredReferences(formula: string, tables: readonly TableModel[], site: FormulaSite | null): string {
  if (tables.length === 0 || (!formula.includes('[') && !hasBareTable(formula, tables))) return formula;
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? '';
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      for (; j < formula.length; j += 1) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 1;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const previous = formula[i - 1] ?? '';
    if (NAME_START.test(ch) && !NAME_CHAR.test(previous) && previous !== '!' && previous !== '$') {
      let j = i + 1;
      while (j < formula.length && NAME_CHAR.test(formula[j] ?? '')) j += 1;
      const name = formula.slice(i, j);
      const table = byName.get(name.toLowerCase());
      if (table !== undefined && formula[j] === '[') {
        const { selection, end } = parseBrackets(formula, j, table);
        out += rangeOf(table, selection, site);
        i = end;
        continue;
      }
      if (table !== undefined && !/^\s*[(!]/.test(formula.slice(j))) {
        out += rangeOf(table, { areas: new Set(['data']) }, site);
        i = j;
        continue;
      }
      out += name;
      i = j;
      continue;
    }
    if (ch === '[' && !/^\[\d+\]/.test(formula.slice(i))) {
      const table = tableAt(tables, site);
      if (table !== undefined) {
        const { selection, end } = parseBrackets(formula, i, table);
        out += rangeOf(table, selection, site);
        i = end;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

function hasBareTable(formula: string, tables: readonly TableModel[]): boolean {
  const upper = formula.toUpperCase();
  return tables.some((t) => upper.includes(t.name.toUpperCase()));
}
