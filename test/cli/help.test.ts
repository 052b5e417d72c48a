import { COMMANDS, main } from '../../src/cli';

/** Runs the program in-process and collects what it prints. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const NAMES = ['eval', 'recalc', 'import', 'account'];

describe('multiasset --help', () => {
  it('lists the four commands in the table', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(NAMES);
  });

  it("prints every command's usage line and every option of every command, and no undefined", async () => {
    const { code, out, err } = await run('--help');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).not.toContain('undefined');
    for (const name of NAMES) expect(out).toMatch(new RegExp(`^  multiasset ${name} `, 'm'));
    expect(out).toContain('multiasset account EXCHANGE (FILE... | --live) [--preset FILE]... [--exchange ID]');
    expect(out).toMatch(/^ {2}--price ASSET=PRICE\n {18}account: prices an asset the responses leave unpriced/m);
    for (const command of COMMANDS) {
      for (const flag of command.flags) expect(out).toMatch(new RegExp(`^  ${flag.name}\\b`, 'm'));
    }
    expect(out).toMatch(/^ {2}multiasset COMMAND --help$/m);
  });

  it('says where an option of only some commands belongs, and each meaning of a shared flag', async () => {
    const { out } = await run('--help');
    expect(out).toMatch(/^ {2}--jobs N {8}recalc: worker threads for several workbooks/m);
    expect(out).toMatch(/^ {2}--exchange ID {3}eval, recalc: the default preset for formulas that name no exchange/m);
    expect(out).toMatch(/^ {18}account: the preset that values the account/m);
    expect(out).toMatch(/^ {2}--preset FILE {3}load a preset JSON document/m);
  });

  it('names every command when the command is unknown', async () => {
    const { code, err } = await run('frobnicate', 'x');
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe('multiasset: unknown command "frobnicate"; expected eval, recalc, import or account');
    for (const name of NAMES) expect(err).toContain(`multiasset ${name} `);
  });
});

describe.each(NAMES)('multiasset %s --help', (name) => {
  const command = COMMANDS.find((c) => c.name === name);

  it('prints its own usage, what it does and each of its options, exit code 0', async () => {
    if (command === undefined) throw new Error(`no command ${name}`);
    const { code, out, err } = await run(name, '--help');
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toBe('Usage:');
    expect(lines[1]).toMatch(new RegExp(`^  multiasset ${name} \\S`));
    expect(out).not.toContain('undefined');
    for (const other of NAMES.filter((n) => n !== name)) expect(out).not.toContain(`multiasset ${other} `);
    expect(out).toContain(command.help.split(' ').slice(0, 4).join(' '));
    for (const flag of command.flags) {
      expect(out).toMatch(
        new RegExp(`^  ${flag.name}${flag.value === undefined ? '' : ` ${flag.value.replace(/[|.]/g, '\\$&')}`}\\b`, 'm'),
      );
    }
    expect(out).toMatch(/^ {2}-h, --help {6}print this help$/m);
  });

  it('prints the same for -h, for help COMMAND and for --help after other arguments', async () => {
    const { out } = await run(name, '--help');
    expect((await run(name, '-h')).out).toBe(out);
    expect((await run('help', name)).out).toBe(out);
    expect((await run(name, 'x', '--preset', 'p.json', '--help')).out).toBe(out);
  });

  it('names each of its flags in its usage line, so a flag added to the table is shown', () => {
    if (command === undefined) throw new Error(`no command ${name}`);
    for (const flag of command.flags) expect(command.usage).toContain(flag.value === undefined ? flag.name : `${flag.name} ${flag.value}`);
  });

  it("prints its own usage after a usage error, not the other commands'", async () => {
    const { code, err } = await run(name, '--no-such-option');
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe('multiasset: unknown option --no-such-option');
    expect(err).toContain(`multiasset ${name} `);
    for (const other of NAMES.filter((n) => n !== name)) expect(err).not.toContain(`multiasset ${other} `);
  });
});
