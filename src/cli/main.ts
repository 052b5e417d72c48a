import { runAccount } from './accountCommand';
import { runEval, runRecalc } from './commands';
import { runImport } from './importCommand';
import type { Output } from './commands';
import { parseCommand, USAGE, UsageError } from './options';
import { PresetOptionError } from './presetsFromOptions';
import { faultText } from './workbookPackage';

const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * The `multiasset` program. Returns the exit code: 0 when it ran (a formula that evaluates to an error is a
 * result, not a failure), 1 when a formula does not parse or a file or preset is refused, 2 on a usage error.
 */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  try {
    if (argv[0] === 'import' && !argv.some((a) => a === '--help' || a === '-h')) return await runImport(argv.slice(1), output);
    const command = parseCommand(argv);
    if (command.kind === 'eval') return await runEval(command, output);
    if (command.kind === 'recalc') return await runRecalc(command, output);
    if (command.kind === 'account') return await runAccount(command, output);
    output.out(USAGE);
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
    output.err(`multiasset: ${faultText(error, 'an internal error (nothing was written)')}`);
    return 1;
  }
}
