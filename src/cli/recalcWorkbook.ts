import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type JSZip from 'jszip';
import type { CellValue } from 'hyperformula';
import type { FunctionContext } from '../functions/core';
import { BUILTIN_PRESETS, PresetRegistry } from '../presets';
import { applyAddinSettings, readAddinSettings } from './addinSettings';
import { a1 } from './cellAddress';
import type { Output } from './command';
import type { Computed } from './format';
import { formatCell, toJsonValue } from './format';
import { computeWithPrices } from './livePrices';
import { applyPresetOptions } from './presetsFromOptions';
import { storeResultsInPackage } from './packageResults';
import { writeFileAtomically } from './safeWrite';
import { UsageError } from './usageError';
import type { FormulaCell } from './workbookCells';
import { workbookCells } from './workbookCells';
import { computeWorkbook } from './workbookCompute';
import type { WorkbookModel } from './workbookModel';
import { readWorkbookModel } from './workbookModel';
import { faultText, openWorkbookPackage, WorkbookFileError } from './workbookPackage';

const key = (cell: FormulaCell): string => `${cell.sheet}!${a1(cell.row, cell.col)}`;

/** Text output: `Sheet!A1<TAB>value`; a table gives one line per row, keyed by the row's first cell. */
function printText(formulas: readonly FormulaCell[], values: readonly Computed[], output: Output): void {
  formulas.forEach((cell, i) => {
    const value: Computed = values[i] ?? null;
    if (!Array.isArray(value)) {
      output.out(`${key(cell)}\t${formatCell(value)}`);
      return;
    }
    value.forEach((row: CellValue[], r) => {
      output.out(`${cell.sheet}!${a1(cell.row + r, cell.col)}\t${row.map(formatCell).join('\t')}`);
    });
  });
}

/** What `recalc` needs to know for one workbook: plain data, so that it can be sent to a worker thread. */
export interface RecalcFileOptions {
  readonly presets: readonly string[];
  readonly exchange: string | null;
  /** MARGIN.PRICE reads one REST snapshot per price (`--live`). */
  readonly live?: boolean;
  readonly json: boolean;
  readonly out: string | null;
  readonly inPlace: boolean;
  readonly maxUnzippedMb: number;
}

/** The same file, also through another path or a link: compared by device and inode when it exists. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Where the values are written: the copy `--out` names, the workbook itself with `--in-place`, or nowhere. */
async function target(file: string, options: RecalcFileOptions): Promise<string | null> {
  if (options.out === null) return options.inPlace ? file : null;
  const same = await sameFile(options.out, file);
  if (same && !options.inPlace) throw new UsageError(`--out ${options.out} is the workbook itself; add --in-place to overwrite it`);
  if (!same && options.inPlace) throw new UsageError(`--in-place writes ${file} itself; --out names another file`);
  return options.out;
}

/** Exit code of `recalc` when every workbook was computed but some cells are beyond the engine (Excel's values kept). */
export const EXIT_ENGINE_LIMIT = 3;

async function openWorkbook(file: string, maxUnzippedMb: number): Promise<{ zip: JSZip; model: WorkbookModel }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new WorkbookFileError(`${file}: cannot read the workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const zip = await openWorkbookPackage(file, bytes, maxUnzippedMb);
  try {
    return { zip, model: await readWorkbookModel(file, zip) };
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw new WorkbookFileError(`${file}: the workbook cannot be read (${faultText(error)})`);
  }
}

/** What `recalc` did with one workbook: the `--json` object, and the cells it left at Excel's values. */
export interface RecalcOutcome {
  readonly json: Record<string, unknown> | null;
  readonly limits: number;
}

/**
 * Recalculates one workbook: loads every sheet into the formula engine with the workbook's own preset settings
 * (then `--preset` / `--exchange`), and prints the values (text, or with `--json` the object it returns) or
 * writes them into the copy or the workbook itself. A cell beyond the engine keeps Excel's saved value, in the
 * output and in the file, and is reported on `output.err` with its reason. Warnings go to `output.err`.
 */
export async function recalcWorkbook(file: string, options: RecalcFileOptions, output: Output): Promise<RecalcOutcome> {
  const destination = await target(file, options);
  const { zip, model } = await openWorkbook(file, options.maxUnzippedMb);
  const registry = new PresetRegistry(BUILTIN_PRESETS);
  const warn = (w: string) => output.err(`multiasset: warning: ${w}`);
  applyAddinSettings(await readAddinSettings(zip, warn), registry, warn);
  await applyPresetOptions(registry, options);

  const cells = workbookCells(model);
  const compute = (ctx: FunctionContext) => {
    try {
      return computeWorkbook(cells, ctx);
    } catch (error) {
      throw new WorkbookFileError(`${file}: the workbook cannot be computed (${faultText(error, 'an internal error of the engine')})`);
    }
  };
  const { values, limits } = await computeWithPrices(registry, options.live, compute);
  for (const [i, reason] of limits) {
    const cell = cells.formulas[i];
    if (cell !== undefined) output.err(`multiasset: ${file}: ${key(cell)}: not computed, Excel's saved value kept: ${reason}`);
  }

  if (destination !== null) {
    const parts = { workbook: model.workbookPart, sheets: new Map(model.sheets.map((s) => [s.name, s.part])) };
    await storeResultsInPackage(
      zip,
      cells.formulas,
      values.map((v, i) => (limits.has(i) ? undefined : v)),
      parts,
    );
    // Through a link, the file it points to is rewritten, not the link replaced by a copy.
    const written = options.inPlace ? await realpath(destination) : destination;
    await writeFileAtomically(written, async (handle) => {
      await handle.writeFile(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
    });
    const kept = limits.size > 0 ? `; ${limits.size} kept at Excel's saved values` : '';
    output.err(`multiasset: wrote ${destination} (${cells.formulas.length} formula cells${kept})`);
  }
  const json = options.json ? Object.fromEntries(cells.formulas.map((cell, i) => [key(cell), toJsonValue(values[i] ?? null)])) : null;
  if (!options.json && destination === null) printText(cells.formulas, values, output);
  return { json, limits: limits.size };
}
