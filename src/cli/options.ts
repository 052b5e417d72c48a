import type { AccountCommand } from './accountCommand';
import { ACCOUNT_HELP, ACCOUNT_USAGE, parseAccountCommand } from './accountCommand';
import { DEFAULT_MAX_UNZIPPED_MB } from './workbookPackage';

/** The command line, parsed. Misuse is a {@link UsageError}: the program prints it with the usage, exit code 2. */
export type Command =
  | { readonly kind: 'help' }
  | AccountCommand
  | {
      readonly kind: 'eval';
      readonly presets: readonly string[];
      readonly exchange: string | null;
      readonly formulas: readonly string[];
      readonly live?: boolean;
    }
  | {
      readonly kind: 'recalc';
      readonly presets: readonly string[];
      readonly exchange: string | null;
      /** Paths or glob patterns, as given. */
      readonly workbooks: readonly string[];
      readonly json: boolean;
      readonly out: string | null;
      readonly inPlace: boolean;
      /** Worker threads for several workbooks; null: one per core, at most one per workbook. */
      readonly jobs: number | null;
      readonly maxUnzippedMb: number;
      readonly live?: boolean;
    };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  multiasset eval [--preset FILE]... [--exchange ID] [--live] FORMULA...
  multiasset recalc WORKBOOK.xlsx... [--preset FILE]... [--exchange ID] [--json] [--live]
                    [--out FILE.xlsx | --in-place] [--jobs N] [--max-unzipped MB]
  multiasset import EXCHANGE FILE|URL|- [--into ID] [--preset FILE]... [--out PRESET.json] [--diff]
                    [--instruments FILE|URL]
${ACCOUNT_USAGE}
  multiasset --help

eval    evaluates each formula and prints one line per formula: a number, a text, an error as
        "#CODE! message", or a spilled table as tab-separated rows (one line per row).
        Example: multiasset eval '=MARGIN.COLLATERAL_VALUE("BTC",10,60000,"bitget")'
recalc  recalculates every formula of the workbook and prints "Sheet!A1<TAB>value" per formula cell
        (a spilled table: one line per row, keyed by the row's first cell). Given several workbooks
        (paths or quoted globs such as 'desks/**/*.xlsx'), it recalculates them in parallel in worker
        threads and prints one block per file, each headed "== FILE"; --json is then keyed by file.
import  reads an exchange's haircut table or leverage brackets (a saved response, an http(s) URL, or -
        for stdin) into a preset: prints its JSON, or writes it with --out; --diff lists the changes
        against the preset imported into (--into ID, default the exchange's built-in preset). OKX
        position tiers also take OKX's instruments response (--instruments), for the contract values.
${ACCOUNT_HELP}

Options:
  --preset FILE   load a preset JSON document (repeatable); it is used where a formula names its id
  --exchange ID   the default preset for formulas that name no exchange (built-in: binance, bitget,
                  bitmart, okx, bybit)
  --json          recalc: print one JSON object keyed "Sheet!A1" (tables as arrays of rows)
  --out FILE      recalc: write a copy of the workbook with the computed values cached in the formula cells
                  (every other part of the file is kept; FILE may not be the workbook itself)
  --in-place      recalc: write the values into each workbook itself (through a temporary file and a rename)
  --jobs N        recalc: worker threads for several workbooks (default: one per core)
  --max-unzipped MB
                  recalc: refuse a workbook whose parts unzip to more than MB megabytes (default ${DEFAULT_MAX_UNZIPPED_MB})
  --live          MARGIN.PRICE takes one REST snapshot of each price from the exchange's public API (where
                  the network allows); without it PRICE answers #N/A, since live prices stream in Excel
  -h, --help      print this help`;

interface Flags {
  presets: string[];
  exchange: string | null;
  json: boolean;
  out: string | null;
  inPlace: boolean;
  jobs: string | null;
  maxUnzipped: string | null;
  live: boolean;
  positional: string[];
}

function valueOf(argv: readonly string[], i: number, flag: string): string {
  const value = argv[i + 1];
  if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
  return value;
}

/** Splits `--flag=value` and reads the flags; everything after `--` is positional. */
function readFlags(argv: readonly string[]): Flags {
  const flags: Flags = {
    presets: [],
    exchange: null,
    json: false,
    out: null,
    inPlace: false,
    jobs: null,
    maxUnzipped: null,
    live: false,
    positional: [],
  };
  const args = argv.flatMap((a) => (/^--[a-z][a-z-]*=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      flags.positional.push(...args.slice(i + 1));
      break;
    } else if (arg === '--preset') flags.presets.push(valueOf(args, i++, arg));
    else if (arg === '--exchange') flags.exchange = valueOf(args, i++, arg);
    else if (arg === '--out') flags.out = valueOf(args, i++, arg);
    else if (arg === '--json') flags.json = true;
    else if (arg === '--in-place') flags.inPlace = true;
    else if (arg === '--live') flags.live = true;
    else if (arg === '--jobs') flags.jobs = valueOf(args, i++, arg);
    else if (arg === '--max-unzipped') flags.maxUnzipped = valueOf(args, i++, arg);
    else if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
    else flags.positional.push(arg);
  }
  return flags;
}

function positiveInteger(text: string, flag: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max)
    throw new UsageError(`${flag} takes a whole number from 1 to ${max}, not ${JSON.stringify(text)}`);
  return n;
}

export function parseCommand(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command === 'account') return parseAccountCommand(rest);
  const flags = readFlags(rest);
  if (command === 'eval') {
    if (flags.json || flags.out !== null) throw new UsageError('--json and --out belong to recalc');
    if (flags.inPlace || flags.jobs !== null || flags.maxUnzipped !== null) {
      throw new UsageError('--in-place, --jobs and --max-unzipped belong to recalc');
    }
    if (flags.positional.length === 0) throw new UsageError('eval needs at least one formula');
    return { kind: 'eval', presets: flags.presets, exchange: flags.exchange, formulas: flags.positional, live: flags.live };
  }
  if (command === 'recalc') {
    const workbooks = flags.positional;
    if (workbooks.length === 0) throw new UsageError('recalc needs a workbook (.xlsx)');
    const { presets, exchange, json, out, inPlace, live } = flags;
    if (out !== null && workbooks.length > 1) throw new UsageError('--out names one copy; with several workbooks use --in-place');
    const jobs = flags.jobs === null ? null : positiveInteger(flags.jobs, '--jobs', 256);
    const maxUnzippedMb =
      flags.maxUnzipped === null ? DEFAULT_MAX_UNZIPPED_MB : positiveInteger(flags.maxUnzipped, '--max-unzipped', 65_536);
    return { kind: 'recalc', presets, exchange, workbooks, json, out, inPlace, jobs, maxUnzippedMb, live };
  }
  throw new UsageError(`unknown command ${JSON.stringify(command)}; expected eval or recalc`);
}
