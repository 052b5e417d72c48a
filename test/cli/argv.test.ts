import { asksForHelp, flag, positiveInteger, readArgs, UsageError } from '../../src/cli';

const FLAGS = [
  flag({ name: '--preset', value: 'FILE', repeatable: true, help: 'a preset' }),
  flag({ name: '--out', value: 'FILE', help: 'a copy' }),
  flag({ name: '--json', help: 'as JSON' }),
] as const;

const usageError = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('no usage error');
};

describe('readArgs', () => {
  it('reads values, repeated values in order, switches and positionals, with defaults for what is not given', () => {
    expect(readArgs(['a.xlsx', '--preset', 'p.json', '--json', '--preset=q.json', 'b.xlsx'], FLAGS)).toEqual({
      flags: { '--preset': ['p.json', 'q.json'], '--out': null, '--json': true },
      positional: ['a.xlsx', 'b.xlsx'],
    });
    expect(readArgs([], FLAGS)).toEqual({ flags: { '--preset': [], '--out': null, '--json': false }, positional: [] });
  });

  it('keeps the last value of a flag given twice', () => {
    expect(readArgs(['--out', 'a', '--out=b'], FLAGS).flags['--out']).toBe('b');
  });

  it('takes - as a positional and everything after -- as positionals', () => {
    expect(readArgs(['-', '--', '--json', '-x'], FLAGS)).toEqual({
      flags: { '--preset': [], '--out': null, '--json': false },
      positional: ['-', '--json', '-x'],
    });
  });

  it('refuses an unknown option, a missing or empty value, and a value given to a switch', () => {
    expect(usageError(() => readArgs(['--verbose'], FLAGS))).toBe('unknown option --verbose');
    expect(usageError(() => readArgs(['--verbose=1'], FLAGS))).toBe('unknown option --verbose');
    expect(usageError(() => readArgs(['-v'], FLAGS))).toBe('unknown option -v');
    expect(usageError(() => readArgs(['--out'], FLAGS))).toBe('--out needs a value');
    expect(usageError(() => readArgs(['--out='], FLAGS))).toBe('--out needs a value');
    expect(usageError(() => readArgs(['--json=false'], FLAGS))).toBe('--json takes no value');
  });
});

describe('asksForHelp', () => {
  it('finds -h or --help before --, not after it', () => {
    expect(asksForHelp(['x', '-h'])).toBe(true);
    expect(asksForHelp(['--help'])).toBe(true);
    expect(asksForHelp(['x', '--', '--help'])).toBe(false);
    expect(asksForHelp(['x'])).toBe(false);
  });
});

describe('positiveInteger', () => {
  it('reads a whole number from 1 to the bound, and names the flag otherwise', () => {
    expect(positiveInteger('8', '--jobs', 256)).toBe(8);
    expect(usageError(() => positiveInteger('257', '--jobs', 256))).toBe('--jobs takes a whole number from 1 to 256, not "257"');
    expect(usageError(() => positiveInteger('1.5', '--jobs', 256))).toBe('--jobs takes a whole number from 1 to 256, not "1.5"');
  });
});
