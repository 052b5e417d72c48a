import { runEval, runRecalc } from './commands';
import type { Output } from './commands';
import { parseCommand, USAGE, UsageError } from './options';
import { PresetOptionError } from './presetsFromOptions';

const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * The `multiasset` program. Returns the exit code: 0 when it ran (a formula that evaluates to an error is a
 * result, not a failure), 1 when a file or preset is refused, 2 on a usage error.
 */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') output.out(USAGE);
    else if (command.kind === 'eval') await runEval(command, output);
    else await runRecalc(command, output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`multiasset: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof PresetOptionError) {
      output.err(`multiasset: ${error.message}`);
      return 1;
    }
    output.err(`multiasset: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
