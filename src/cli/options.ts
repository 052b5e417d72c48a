import type { AccountCommand } from './accountCommand';
import { ACCOUNT_HELP, ACCOUNT_USAGE, parseAccountCommand } from './accountCommand';

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
      readonly workbook: string;
      readonly json: boolean;
      readonly out: string | null;
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
  multiasset recalc WORKBOOK.xlsx [--preset FILE]... [--exchange ID] [--json] [--out FILE.xlsx] [--live]
  multiasset import EXCHANGE FILE|URL|- [--into ID] [--preset FILE]... [--out PRESET.json] [--diff]
${ACCOUNT_USAGE}
  multiasset --help

eval    evaluates each formula and prints one line per formula: a number, a text, an error as
        "#CODE! message", or a spilled table as tab-separated rows (one line per row).
        Example: multiasset eval '=MARGIN.COLLATERAL_VALUE("BTC",10,60000,"bitget")'
recalc  recalculates every formula of the workbook and prints "Sheet!A1<TAB>value" per formula cell
        (a spilled table: one line per row, keyed by the row's first cell).
import  reads an exchange's haircut table or leverage brackets (a saved response, an http(s) URL, or -
        for stdin) into a preset: prints its JSON, or writes it with --out; --diff lists the changes
        against the preset imported into (--into ID, default the exchange's built-in preset).
${ACCOUNT_HELP}

Options:
  --preset FILE   load a preset JSON document (repeatable); it is used where a formula names its id
  --exchange ID   the default preset for formulas that name no exchange (built-in: binance, bitget,
                  bitmart, okx, bybit)
  --json          recalc: print one JSON object keyed "Sheet!A1" (tables as arrays of rows)
  --out FILE      recalc: write a copy of the workbook with the computed values cached in the formula cells
  --live          MARGIN.PRICE takes one REST snapshot of each price from the exchange's public API (where
                  the network allows); without it PRICE answers #N/A, since live prices stream in Excel
  -h, --help      print this help`;

interface Flags {
  presets: string[];
  exchange: string | null;
  json: boolean;
  out: string | null;
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
  const flags: Flags = { presets: [], exchange: null, json: false, out: null, live: false, positional: [] };
  const args = argv.flatMap((a) => (/^--[a-z]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      flags.positional.push(...args.slice(i + 1));
      break;
    } else if (arg === '--preset') flags.presets.push(valueOf(args, i++, arg));
    else if (arg === '--exchange') flags.exchange = valueOf(args, i++, arg);
    else if (arg === '--out') flags.out = valueOf(args, i++, arg);
    else if (arg === '--json') flags.json = true;
    else if (arg === '--live') flags.live = true;
    else if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
    else flags.positional.push(arg);
  }
  return flags;
}

export function parseCommand(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command === 'account') return parseAccountCommand(rest);
  const flags = readFlags(rest);
  if (command === 'eval') {
    if (flags.json || flags.out !== null) throw new UsageError('--json and --out belong to recalc');
    if (flags.positional.length === 0) throw new UsageError('eval needs at least one formula');
    return { kind: 'eval', presets: flags.presets, exchange: flags.exchange, formulas: flags.positional, live: flags.live };
  }
  if (command === 'recalc') {
    const [workbook, ...extra] = flags.positional;
    if (workbook === undefined) throw new UsageError('recalc needs a workbook (.xlsx)');
    if (extra.length > 0) throw new UsageError(`recalc takes one workbook, got also ${extra.join(' ')}`);
    const { presets, exchange, json, out, live } = flags;
    return { kind: 'recalc', presets, exchange, workbook, json, out, live };
  }
  throw new UsageError(`unknown command ${JSON.stringify(command)}; expected eval or recalc`);
}
