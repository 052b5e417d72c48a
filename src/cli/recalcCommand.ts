import { flag, positiveInteger, readArgs } from './argv';
import type { CliCommand, Output } from './command';
import { synopsis } from './command';
import { LIVE_FLAG } from './livePrices';
import { EXCHANGE_FLAG, PRESET_FLAG } from './presetsFromOptions';
import { recalcInParallel } from './recalcPool';
import type { RecalcFileOptions } from './recalcWorkbook';
import { EXIT_ENGINE_LIMIT, recalcWorkbook } from './recalcWorkbook';
import { UsageError } from './usageError';
import { DEFAULT_MAX_UNZIPPED_MB } from './workbookPackage';
import { expandWorkbookPaths, isGlob } from './workbookPaths';

/** What `multiasset recalc` does: the options of each workbook, the workbooks, and how many threads. */
export interface RecalcOptions extends RecalcFileOptions {
  /** Paths or glob patterns, as given. */
  readonly workbooks: readonly string[];
  /** Worker threads for several workbooks; null: one per core, at most one per workbook. */
  readonly jobs: number | null;
}

const MAX_JOBS = 256;
const MAX_UNZIPPED_MB = 65_536;

const FLAGS = [
  PRESET_FLAG,
  EXCHANGE_FLAG,
  flag({ name: '--json', help: 'print one JSON object keyed "Sheet!A1" (tables as arrays of rows); several workbooks: keyed by file' }),
  LIVE_FLAG,
  flag({
    name: '--out',
    value: 'FILE.xlsx',
    or: '--in-place',
    help: 'write a copy of the workbook with the computed values cached in the formula cells (every other part of the file is kept; FILE may not be the workbook itself)',
  }),
  flag({ name: '--in-place', help: 'write the values into each workbook itself (through a temporary file and a rename)' }),
  flag({ name: '--jobs', value: 'N', help: 'worker threads for several workbooks (default: one per core)' }),
  flag({
    name: '--max-unzipped',
    value: 'MB',
    help: `refuse a workbook whose parts unzip to more than MB megabytes (default ${DEFAULT_MAX_UNZIPPED_MB})`,
  }),
] as const;

function parse(argv: readonly string[]): RecalcOptions {
  const { flags, positional: workbooks } = readArgs(argv, FLAGS);
  if (workbooks.length === 0) throw new UsageError('recalc needs a workbook (.xlsx)');
  const out = flags['--out'];
  if (out !== null && workbooks.length > 1) throw new UsageError('--out names one copy; with several workbooks use --in-place');
  const jobs = flags['--jobs'];
  const maxUnzipped = flags['--max-unzipped'];
  return {
    presets: flags['--preset'],
    exchange: flags['--exchange'],
    workbooks,
    json: flags['--json'],
    out,
    inPlace: flags['--in-place'],
    jobs: jobs === null ? null : positiveInteger(jobs, '--jobs', MAX_JOBS),
    maxUnzippedMb: maxUnzipped === null ? DEFAULT_MAX_UNZIPPED_MB : positiveInteger(maxUnzipped, '--max-unzipped', MAX_UNZIPPED_MB),
    live: flags['--live'],
  };
}

/**
 * `multiasset recalc`: one workbook is recalculated here and printed as before; several, or a glob, are
 * recalculated in parallel in worker threads, and printed one block per file in the order given (`--json`:
 * one object keyed by file, then `Sheet!A1`). A workbook that is refused is reported on stderr with its
 * name; the others are still done, and the exit code is 1. A cell beyond the engine keeps Excel's saved value
 * and is reported on stderr; the exit code is then 3 (unless a workbook was refused).
 */
async function run(options: RecalcOptions, output: Output): Promise<number> {
  const files = await expandWorkbookPaths(options.workbooks);
  const [only] = files;
  // A glob prints per file even when it matches one, so that a script reads the same shape whatever it finds.
  if (files.length === 1 && only !== undefined && options.workbooks.length === 1 && !isGlob(options.workbooks[0] ?? '')) {
    const { json, limits } = await recalcWorkbook(only, options, output);
    if (json !== null) output.out(JSON.stringify(json, null, 2));
    return limits > 0 ? EXIT_ENGINE_LIMIT : 0;
  }
  if (options.out !== null) throw new UsageError('--out names one copy; with several workbooks use --in-place');
  const results = await recalcInParallel(files, options, options.jobs);
  const combined: Record<string, unknown> = {};
  let code = 0;
  let blocks = 0;
  results.forEach((result, i) => {
    const file = files[i] ?? '';
    result.err.forEach((line) => output.err(line));
    if (result.failed) {
      code = 1;
      return;
    }
    if (result.limits > 0 && code === 0) code = EXIT_ENGINE_LIMIT;
    if (options.json) combined[file] = result.json;
    else if (result.out.length > 0) {
      if (blocks > 0) output.out('');
      output.out(`== ${file}`);
      result.out.forEach((line) => output.out(line));
      blocks += 1;
    }
  });
  if (options.json) output.out(JSON.stringify(combined, null, 2));
  return code;
}

export const recalcCommand: CliCommand<RecalcOptions> = {
  name: 'recalc',
  usage: synopsis('recalc', 'WORKBOOK.xlsx...', FLAGS),
  help:
    'recalculates every formula of the workbook and prints "Sheet!A1<TAB>value" per formula cell (a spilled ' +
    "table: one line per row, keyed by the row's first cell). Given several workbooks (paths or quoted globs " +
    "such as 'desks/**/*.xlsx'), it recalculates them in parallel in worker threads and prints one block per " +
    'file, each headed "== FILE"; --json is then keyed by file. It reads Excel tables and structured references, ' +
    'defined names and files from other tools (docs/WORKBOOKS.md). Exit status 3: every workbook computed, but ' +
    "some cells are beyond the engine (each named on stderr, keeping Excel's saved value, also in --out / --in-place).",
  flags: FLAGS,
  parse,
  run,
};
