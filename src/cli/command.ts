import type { Flag } from './argv';

/** Where the commands print: stdout for results, stderr for warnings. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/**
 * One command of `multiasset`: its usage and help, written beside it, the flags it reads, a parser of the
 * arguments after its name, and the runner. `main` only looks the name up and dispatches.
 */
export interface CliCommand<Options> {
  readonly name: string;
  /** The synopsis without "multiasset": `eval FORMULA... [--preset FILE]...` (see {@link synopsis}). */
  readonly usage: string;
  /** What the command does, in sentences. */
  readonly help: string;
  readonly flags: readonly Flag[];
  /** Reads the arguments after the command's name; misuse is a UsageError. */
  parse(argv: readonly string[]): Options;
  /** Runs it; the exit code: 0 when it ran, 1 when an input was refused. */
  run(options: Options, output: Output): Promise<number>;
}

/**
 * The synopsis of a command from its operands and flags, in the order given: `[--preset FILE]...` for a
 * repeatable flag, `[--out FILE | --in-place]` for a choice.
 *
 * @example synopsis('eval', 'FORMULA...', [PRESET_FLAG]) // 'eval FORMULA... [--preset FILE]...'
 */
export function synopsis(name: string, operands: string, flags: readonly Flag[]): string {
  const chosen = new Set(flags.flatMap((f) => (f.or === undefined ? [] : [f.or])));
  const shown = (f: Flag): string => (f.value === undefined ? f.name : `${f.name} ${f.value}`);
  const parts = flags
    .filter((f) => !chosen.has(f.name))
    .map((f) => {
      const other = f.or === undefined ? undefined : flags.find((o) => o.name === f.or);
      const inner = other === undefined ? shown(f) : `${shown(f)} | ${shown(other)}`;
      return f.repeatable ? `[${inner}]...` : `[${inner}]`;
    });
  return [name, operands, ...parts].filter((p) => p !== '').join(' ');
}
