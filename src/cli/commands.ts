import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DetailedCellError, ErrorType } from 'hyperformula';
import type { CellValue } from 'hyperformula';
import type { FunctionContext } from '../functions/core';
import { BUILTIN_PRESETS, PresetRegistry } from '../presets';
import { livePriceSource } from './livePrices';
import { applyAddinSettings, readAddinSettings } from './addinSettings';
import { a1 } from './cellAddress';
import type { Computed } from './format';
import { formatCell, formatLines, toJsonValue } from './format';
import { buildFormulaEngine, computedAt, evaluateFormulas } from './formulaEngine';
import { applyPresetOptions } from './presetsFromOptions';
import { storeResults } from './workbookResults';
import type { FormulaCell } from './workbookCells';
import { workbookCells } from './workbookCells';

/** Where the commands print: stdout for results, stderr for warnings. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

interface PresetOptions {
  readonly presets: readonly string[];
  readonly exchange: string | null;
}

interface LiveOption {
  /** MARGIN.PRICE reads one REST snapshot per price (`--live`). */
  readonly live?: boolean;
}

/**
 * Computes with REST snapshots for MARGIN.PRICE when `--live` is given: a first run finds the prices the
 * formulas ask for, they are fetched, and a second run uses them. Without `--live`, one run.
 */
async function computeWithPrices<T>(registry: PresetRegistry, live: boolean | undefined, compute: (ctx: FunctionContext) => T): Promise<T> {
  const livePrices = live ? livePriceSource() : undefined;
  const first = compute({ registry, livePrices });
  if (!livePrices?.pending) return first;
  await livePrices.fetchWanted();
  return compute({ registry, livePrices });
}

/** `multiasset eval`: one line per formula (a table: one line per row). Exit code 1 if a formula does not parse. */
export async function runEval(options: PresetOptions & LiveOption & { readonly formulas: readonly string[] }, output: Output): Promise<number> {
  const registry = new PresetRegistry(BUILTIN_PRESETS);
  await applyPresetOptions(registry, options);
  const values = await computeWithPrices(registry, options.live, (ctx) => evaluateFormulas(options.formulas, ctx));
  for (const value of values) formatLines(value).forEach((line) => output.out(line));
  return values.some((v) => v instanceof DetailedCellError && v.type === ErrorType.ERROR) ? 1 : 0;
}

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

/**
 * `multiasset recalc`: loads every sheet into the formula engine with the workbook's own preset settings
 * (then `--preset` / `--exchange`), recalculates, prints or writes the values.
 */
export async function runRecalc(
  options: PresetOptions & LiveOption & { readonly workbook: string; readonly json: boolean; readonly out: string | null },
  output: Output,
): Promise<number> {
  const bytes = await readFile(options.workbook);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const registry = new PresetRegistry(BUILTIN_PRESETS);
  applyAddinSettings(await readAddinSettings(bytes), registry, (w) => output.err(`multiasset: warning: ${w}`));
  await applyPresetOptions(registry, options);

  const cells = workbookCells(workbook);
  const values = await computeWithPrices(registry, options.live, (ctx) => {
    const engine = buildFormulaEngine(cells.sheets, ctx);
    return cells.formulas.map((cell) => {
      const sheet = engine.hf.getSheetId(cell.sheet) ?? 0;
      return computedAt(engine, { sheet, row: cell.row, col: cell.col });
    });
  });

  if (options.out !== null) {
    storeResults(workbook, cells.formulas, values);
    await workbook.xlsx.writeFile(options.out);
    output.err(`multiasset: wrote ${options.out} (${cells.formulas.length} formula cells)`);
  }
  if (options.json) {
    const entries = cells.formulas.map((cell, i) => [key(cell), toJsonValue(values[i] ?? null)]);
    output.out(JSON.stringify(Object.fromEntries(entries), null, 2));
  } else if (options.out === null) {
    printText(cells.formulas, values, output);
  }
  return 0;
}
