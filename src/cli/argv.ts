import { UsageError } from './usageError';

/** One option of a command: how it is read, and what its help says. */
export interface Flag {
  /** As typed: `--preset`. */
  readonly name: `--${string}`;
  /** The value's placeholder (`FILE`, `ID`); a flag without one is a switch. */
  readonly value?: string;
  /** Given more than once, every value is kept, in order; otherwise the last one counts. */
  readonly repeatable?: boolean;
  /** Shown with this flag in the synopsis as one choice: `[--out FILE.xlsx | --in-place]`. */
  readonly or?: `--${string}`;
  /** What it does, one sentence or more (wrapped where it is printed). */
  readonly help: string;
}

/** Declares a flag, keeping its literal name and kind for {@link FlagValues}. */
export const flag = <const F extends Flag>(f: F): F => f;

type FlagValue<F extends Flag> = F extends { readonly repeatable: true }
  ? string[]
  : F extends { readonly value: string }
    ? string | null
    : boolean;

/** The flags as read: a list for a repeatable flag, the value or null, or true when a switch is given. */
export type FlagValues<Fs extends readonly Flag[]> = { -readonly [F in Fs[number] as F['name']]: FlagValue<F> };

export interface Args<Fs extends readonly Flag[]> {
  readonly flags: FlagValues<Fs>;
  /** Everything that is not a flag, in order; `-` (stdin) is one, and so is everything after `--`. */
  readonly positional: string[];
}

/** `-h` or `--help` anywhere before `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** `--flag=value` as two arguments. */
const splitEquals = (a: string): string[] => (/^--[a-z][a-z-]*=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]);

/**
 * Reads a command's arguments against its flags. An unknown option, a missing value or a value given to a switch
 * is a {@link UsageError}.
 *
 * @example readArgs(['a.xlsx', '--jobs=2'], [JOBS]) // { flags: { '--jobs': '2' }, positional: ['a.xlsx'] }
 */
export function readArgs<const Fs extends readonly Flag[]>(argv: readonly string[], flags: Fs): Args<Fs> {
  const values: Record<string, string[] | string | boolean | null> = {};
  for (const f of flags) values[f.name] = f.repeatable ? [] : f.value === undefined ? false : null;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const [name = '', ...given] = splitEquals(arg);
    const f = flags.find((candidate) => candidate.name === name);
    if (f === undefined) {
      if (name.startsWith('-') && name.length > 1) throw new UsageError(`unknown option ${name}`);
      positional.push(arg);
      continue;
    }
    if (f.value === undefined) {
      if (given.length > 0) throw new UsageError(`${f.name} takes no value`);
      values[f.name] = true;
      continue;
    }
    const value = given.length > 0 ? given[0] : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${f.name} needs a value`);
    const list = values[f.name];
    if (Array.isArray(list)) list.push(value);
    else values[f.name] = value;
  }
  return { flags: values as FlagValues<Fs>, positional };
}

/** A whole number from 1 to `max`, or a {@link UsageError} naming the flag. */
export function positiveInteger(text: string, flagName: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max)
    throw new UsageError(`${flagName} takes a whole number from 1 to ${max}, not ${JSON.stringify(text)}`);
  return n;
}
