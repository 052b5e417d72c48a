import { DetailedCellError, ErrorType } from 'hyperformula';
import { BUILTIN_PRESETS, PresetRegistry } from '../presets';
import { readArgs } from './argv';
import type { CliCommand, Output } from './command';
import { synopsis } from './command';
import { formatLines } from './format';
import { evaluateFormulas } from './formulaEngine';
import { computeWithPrices, LIVE_FLAG } from './livePrices';
import { applyPresetOptions, EXCHANGE_FLAG, PRESET_FLAG } from './presetsFromOptions';
import { UsageError } from './usageError';

/** What `multiasset eval` computes. */
export interface EvalOptions {
  readonly presets: readonly string[];
  readonly exchange: string | null;
  readonly formulas: readonly string[];
  readonly live: boolean;
}

const FLAGS = [PRESET_FLAG, EXCHANGE_FLAG, LIVE_FLAG] as const;

/** Flags of recalc that eval refuses by name rather than as unknown options. */
const RECALC_ONLY: readonly [readonly string[], string][] = [
  [['--json', '--out'], '--json and --out belong to recalc'],
  [['--in-place', '--jobs', '--max-unzipped'], '--in-place, --jobs and --max-unzipped belong to recalc'],
];

function parse(argv: readonly string[]): EvalOptions {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  for (const [names, message] of RECALC_ONLY) {
    if (options.some((a) => names.includes(a.replace(/=.*$/, '')))) throw new UsageError(message);
  }
  const { flags, positional } = readArgs(argv, FLAGS);
  if (positional.length === 0) throw new UsageError('eval needs at least one formula');
  return { presets: flags['--preset'], exchange: flags['--exchange'], formulas: positional, live: flags['--live'] };
}

/** `multiasset eval`: one line per formula (a table: one line per row). Exit code 1 if a formula does not parse. */
async function run(options: EvalOptions, output: Output): Promise<number> {
  const registry = new PresetRegistry(BUILTIN_PRESETS);
  await applyPresetOptions(registry, options);
  const values = await computeWithPrices(registry, options.live, (ctx) => evaluateFormulas(options.formulas, ctx));
  for (const value of values) formatLines(value).forEach((line) => output.out(line));
  return values.some((v) => v instanceof DetailedCellError && v.type === ErrorType.ERROR) ? 1 : 0;
}

export const evalCommand: CliCommand<EvalOptions> = {
  name: 'eval',
  usage: synopsis('eval', 'FORMULA...', FLAGS),
  help:
    'evaluates each formula and prints one line per formula: a number, a text, an error as "#CODE! message", ' +
    'or a spilled table as tab-separated rows (one line per row). ' +
    `Example: multiasset eval '=MARGIN.COLLATERAL_VALUE("BTC",10,60000,"bitget")'`,
  flags: FLAGS,
  parse,
  run,
};
