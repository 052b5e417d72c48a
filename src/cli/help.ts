import type { Flag } from './argv';
import type { CliCommand } from './command';

/** Help lines are wrapped to this width. */
const WIDTH = 100;
/** Where an option's help starts: `  --preset FILE   load…`. */
const OPTION_COLUMN = 18;

const HELP_FLAG: Flag = { name: '--help', help: 'print this help' };

/** Words wrapped to lines of at most `WIDTH`: the first line after `first`, the others after `indent` spaces. */
function wrap(text: string | readonly string[], first: string, indent: number): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const words = typeof text === 'string' ? text.split(/\s+/).filter((w) => w !== '') : text;
  for (const word of words) {
    if (empty) line += word;
    else if (line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else line += ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** A synopsis wrapped after `multiasset NAME`, continuation lines under its first argument. */
function usageLines(command: CliCommand<unknown>): string[] {
  // A bracketed option, `[--out FILE | --in-place]`, is never broken across lines.
  const [name = '', ...rest] = command.usage.match(/\[[^\]]*\](?:\.\.\.)?|\S+/g) ?? [];
  const head = `  multiasset ${name} `;
  return wrap(rest, head, head.length);
}

function flagHeading(f: Flag): string {
  const shown = f.value === undefined ? f.name : `${f.name} ${f.value}`;
  return f === HELP_FLAG ? `-h, ${shown}` : shown;
}

/** `  --flag VALUE   help`, the help under the column when the flag is longer. */
function optionLines(heading: string, help: string): string[] {
  const head = `  ${heading}`;
  if (head.length + 2 <= OPTION_COLUMN) return wrap(help, head.padEnd(OPTION_COLUMN), OPTION_COLUMN);
  return [head, ...wrap(help, ' '.repeat(OPTION_COLUMN), OPTION_COLUMN)];
}

/**
 * The help of one command (`multiasset COMMAND --help`): its usage, what it does, and each of its options.
 */
export function commandHelp(command: CliCommand<unknown>): string {
  return [
    'Usage:',
    ...usageLines(command),
    '',
    ...wrap(command.help, '', 0),
    '',
    'Options:',
    ...[...command.flags, HELP_FLAG].flatMap((f) => optionLines(flagHeading(f), f.help)),
  ].join('\n');
}

/**
 * The options of all the commands, each once. An option of only some commands names them; where commands give
 * one flag different meanings, each meaning is on its own line, with its commands (and its value when they differ).
 */
function allOptions(commands: readonly CliCommand<unknown>[]): string[] {
  const names = [...new Set(commands.flatMap((c) => c.flags.map((f) => f.name)))];
  return names.flatMap((name) => {
    const meanings: { flag: Flag; owners: string[] }[] = [];
    for (const c of commands) {
      const f = c.flags.find((candidate) => candidate.name === name);
      if (f === undefined) continue;
      const same = meanings.find((m) => m.flag.help === f.help && m.flag.value === f.value);
      if (same) same.owners.push(c.name);
      else meanings.push({ flag: f, owners: [c.name] });
    }
    const sameValue = new Set(meanings.map((m) => m.flag.value)).size === 1;
    const whose = (m: { flag: Flag; owners: string[] }): string => {
      if (m.owners.length === commands.length) return '';
      return `${m.owners.join(', ')}${sameValue ? '' : ` (${m.flag.value ?? 'no value'})`}: `;
    };
    const [first, ...others] = meanings.map((m) => `${whose(m)}${m.flag.help}`);
    const heading = sameValue && meanings[0] ? flagHeading(meanings[0].flag) : name;
    return [...optionLines(heading, first ?? ''), ...others.flatMap((text) => wrap(text, ' '.repeat(OPTION_COLUMN), OPTION_COLUMN))];
  });
}

/** `multiasset --help`: every command's usage and what it does, then every option. */
export function programHelp(commands: readonly CliCommand<unknown>[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 1;
  return [
    'Usage:',
    ...commands.flatMap(usageLines),
    '  multiasset COMMAND --help',
    '  multiasset --help',
    '',
    ...commands.flatMap((c) => wrap(c.help, c.name.padEnd(width), width)),
    '',
    'Options:',
    ...allOptions(commands),
    ...optionLines(flagHeading(HELP_FLAG), HELP_FLAG.help),
  ].join('\n');
}

/** The names for "unknown command": `eval, recalc, import or account`. */
export function commandNames(commands: readonly CliCommand<unknown>[]): string {
  const names = commands.map((c) => c.name);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}
