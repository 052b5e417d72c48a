import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import type { CellValue } from 'hyperformula';
import { BUILTIN_PRESETS, PresetRegistry } from '../presets';
import { applyAddinSettings, readAddinSettings } from './addinSettings';
import { a1 } from './cellAddress';
import type { Output } from './command';
import type { Computed } from './format';
import { formatCell, toJsonValue } from './format';
import { computeWithPrices } from './livePrices';
import { buildFormulaEngine, computedAt } from './formulaEngine';
import { applyPresetOptions } from './presetsFromOptions';
import { storeResultsInPackage } from './packageResults';
import { writeFileAtomically } from './safeWrite';
import { UsageError } from './usageError';
import type { FormulaCell } from './workbookCells';
import { workbookCells } from './workbookCells';
import { openWorkbookPackage, WorkbookFileError } from './workbookPackage';

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

async function openWorkbook(file: string, maxUnzippedMb: number): Promise<{ zip: JSZip; workbook: ExcelJS.Workbook }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new WorkbookFileError(`${file}: cannot read the workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const zip = await openWorkbookPackage(file, bytes, maxUnzippedMb);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new WorkbookFileError(`${file}: the workbook cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (workbook.worksheets.length === 0) throw new WorkbookFileError(`${file}: the workbook has no worksheets`);
  return { zip, workbook };
}

/**
 * Recalculates one workbook: loads every sheet into the formula engine with the workbook's own preset settings
 * (then `--preset` / `--exchange`), and prints the values (text, or with `--json` the object it returns) or
 * writes them into the copy or the workbook itself. Warnings go to `output.err`.
 */
export async function recalcWorkbook(file: string, options: RecalcFileOptions, output: Output): Promise<Record<string, unknown> | null> {
  const destination = await target(file, options);
  const { zip, workbook } = await openWorkbook(file, options.maxUnzippedMb);
  const registry = new PresetRegistry(BUILTIN_PRESETS);
  const warn = (w: string) => output.err(`multiasset: warning: ${w}`);
  applyAddinSettings(await readAddinSettings(zip, warn), registry, warn);
  await applyPresetOptions(registry, options);

  const cells = workbookCells(workbook);
  const values = await computeWithPrices(registry, options.live, (ctx) => {
    const engine = buildFormulaEngine(cells.sheets, ctx);
    return cells.formulas.map((cell) => {
      const sheet = engine.hf.getSheetId(cell.sheet) ?? 0;
      return computedAt(engine, { sheet, row: cell.row, col: cell.col });
    });
  });

  if (destination !== null) {
    await storeResultsInPackage(zip, cells.formulas, values);
    // Through a link, the file it points to is rewritten, not the link replaced by a copy.
    const written = options.inPlace ? await realpath(destination) : destination;
    await writeFileAtomically(written, async (handle) => {
      await handle.writeFile(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
    });
    output.err(`multiasset: wrote ${destination} (${cells.formulas.length} formula cells)`);
  }
  if (options.json) return Object.fromEntries(cells.formulas.map((cell, i) => [key(cell), toJsonValue(values[i] ?? null)]));
  if (destination === null) printText(cells.formulas, values, output);
  return null;
}
