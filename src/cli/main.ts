import { accountCommand } from './accountCommand';
import { asksForHelp } from './argv';
import type { CliCommand, Output } from './command';
import { evalCommand } from './evalCommand';
import { commandHelp, commandNames, programHelp } from './help';
import { importCommand } from './importCommand';
import { PresetOptionError } from './presetsFromOptions';
import { recalcCommand } from './recalcCommand';
import { UsageError } from './usageError';
import { faultText } from './workbookPackage';

/** The commands of `multiasset`, in the order the help lists them. */
export const COMMANDS: readonly CliCommand<unknown>[] = [evalCommand, recalcCommand, importCommand, accountCommand];

const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const isHelp = (arg: string | undefined): boolean => arg === undefined || arg === '--help' || arg === '-h' || arg === 'help';

function commandNamed(name: string): CliCommand<unknown> {
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}; expected ${commandNames(COMMANDS)}`);
  return command;
}

/**
 * The `multiasset` program. Returns the exit code: 0 when it ran (a formula that evaluates to an error is a
 * result, not a failure), 1 when a formula does not parse or a file or preset is refused, 2 on a usage error.
 */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  let command: CliCommand<unknown> | undefined;
  try {
    if (isHelp(name)) {
      // `multiasset help COMMAND` is `multiasset COMMAND --help`.
      const about = name === 'help' && rest[0] !== undefined ? commandNamed(rest[0]) : undefined;
      output.out(about === undefined ? programHelp(COMMANDS) : commandHelp(about));
      return 0;
    }
    if (name !== undefined && asksForHelp(rest) && !COMMANDS.some((c) => c.name === name)) {
      output.out(programHelp(COMMANDS));
      return 0;
    }
    command = commandNamed(name ?? '');
    if (asksForHelp(rest)) {
      output.out(commandHelp(command));
      return 0;
    }
    return await command.run(command.parse(rest), output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`multiasset: ${error.message}\n\n${command === undefined ? programHelp(COMMANDS) : commandHelp(command)}`);
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
