import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { main } from '../../../src/cli';
import { parseRange } from '../../../src/cli/cellAddress';
import type { SheetEdits } from '../../../src/cli/sheetXml';
import { cellElement, editSheetXml } from '../../../src/cli/sheetXml';

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell to put into a sheet part: a formula (no "="), a number or an inline string. */
export type CellInput = { readonly formula: string } | number | string;

/** Cells into a worksheet part's XML, the way a writer adds them: formulas with no cached value. */
export function withCells(xml: string, cells: Readonly<Record<string, CellInput>>): string {
  const edits: SheetEdits = new Map();
  for (const [ref, input] of Object.entries(cells)) {
    const box = parseRange(ref);
    if (box === undefined) throw new Error(`bad ref ${ref}`);
    const inner =
      typeof input === 'number'
        ? `<v>${input}</v>`
        : typeof input === 'string'
          ? `<is><t>${escape(input)}</t></is>`
          : `<f>${escape(input.formula)}</f>`;
    const attributes = new Map(typeof input === 'string' ? [['t', 'inlineStr']] : []);
    let row = edits.get(box.row);
    if (row === undefined) edits.set(box.row, (row = new Map()));
    row.set(box.col, () => cellElement(box.row, box.col, attributes, inner));
  }
  return editSheetXml(xml, edits);
}

/** A copy of a package with some parts changed (text → text) and some removed (null). */
export async function editPackage(
  source: string,
  target: string,
  changes: Readonly<Record<string, ((xml: string) => string) | null>>,
): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  for (const [part, change] of Object.entries(changes)) {
    if (change === null) {
      zip.remove(part);
      continue;
    }
    const entry = zip.file(part);
    if (entry === null) throw new Error(`${source} has no ${part}`);
    zip.file(part, change(await entry.async('string')));
  }
  writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export async function partText(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file(part)?.async('string')) ?? '';
}

export async function recalcJson(file: string): Promise<Record<string, unknown>> {
  const { code, out, err } = await run('recalc', file, '--json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as Record<string, unknown>;
}
