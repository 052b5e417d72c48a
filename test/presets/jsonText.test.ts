import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { isMarginError } from '../../src/engine/errors';
import { locateJsonError, parseJsonText, parsePresetText } from '../../src/presets';

const EXAMPLE_TEXT = readFileSync(join(__dirname, '../../examples/presets/desk-example.json'), 'utf8');

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isMarginError(e) && e.code === 'INVALID_PRESET') return e.message;
    throw e;
  }
  throw new Error('expected INVALID_PRESET');
}

describe('parsePresetText', () => {
  it('reads the example preset file', () => {
    expect(parsePresetText(EXAMPLE_TEXT).id).toBe('desk-example');
  });

  it('ignores a byte-order mark at the start of pasted text', () => {
    expect(parsePresetText(`\uFEFF${EXAMPLE_TEXT}`).id).toBe('desk-example');
  });

  it('refuses malformed JSON with the line, column and position of the error', () => {
    const broken = EXAMPLE_TEXT.replace('"ratio": "0.975" }', '"ratio": "0.975", }');
    const position = broken.indexOf(', }') + 2;
    expect(messageOf(() => parsePresetText(broken))).toBe(
      `preset: malformed JSON at line 8, column ${position - broken.lastIndexOf('\n', position)} (position ${position}): expected a property name in double quotes, got "}"`,
    );
  });

  it('refuses well-formed JSON that is not a valid preset with the path of the bad field', () => {
    const bad = EXAMPLE_TEXT.replace('"tierUnit": "value",\n      "tiers"', '"tierUnit": "coins",\n      "tiers"');
    expect(messageOf(() => parsePresetText(bad))).toMatch(
      /^preset assets\.BTC\.tierUnit: expected one of "value", "quantity", got "coins"$/,
    );
  });

  it('refuses empty text', () => {
    expect(messageOf(() => parsePresetText('  '))).toBe(
      'preset: malformed JSON at line 1, column 3 (position 2): expected a value, got the end of the text',
    );
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{"a": }', 6, 'expected a value, got "}"'],
    ['{"a" 1}', 5, 'expected ":", got "1"'],
    ['[1, 2', 5, 'expected "," or "]", got the end of the text'],
    ['[1 2]', 3, 'expected "," or "]", got "2"'],
    ["{'a': 1}", 1, 'expected a property name in double quotes, got "\'"'],
    ['"abc', 4, 'expected a closing double quote, got the end of the text'],
    ['"a\\x"', 2, 'expected an escape such as \\n or \\u00e9, got "\\\\x"'],
    ['"a\nb"', 2, 'expected the string to continue, got a control character (a raw line break?)'],
    ['01', 1, 'expected the number to end, got "1"'],
    ['1.', 1, 'expected the number to end, got "."'],
    ['-', 0, 'expected a number, got "-"'],
    ['tru', 0, 'expected a value, got "t"'],
    ['{} {}', 3, 'expected the end of the text, got "{"'],
  ])('finds the error in %p at position %p', (text, position, problem) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(locateJsonError(text)).toMatchObject({ position, problem });
  });

  it('counts lines and columns from 1', () => {
    expect(locateJsonError('{\n  "a": 1,\n  "b": x\n}')).toEqual({
      position: 19,
      line: 3,
      column: 8,
      problem: 'expected a value, got "x"',
    });
  });

  it('finds no error in any text JSON.parse accepts (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        expect(locateJsonError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on whether text is valid JSON (property)', () => {
    const token = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"\\u00e9"',
      '1',
      '-2.5e3',
      '0',
      'true',
      'null',
      ' ',
      '\n',
      'x',
      '"',
      '.',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const text = tokens.join('');
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(locateJsonError(text) === undefined).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the line and column of 3,500 unclosed brackets instead of overflowing the stack', () => {
    expect(locateJsonError('['.repeat(3500))).toEqual({
      position: 64,
      line: 1,
      column: 65,
      problem: 'expected at most 64 levels of nested lists and objects, got more',
    });
    expect(messageOf(() => parsePresetText(`{\n "a": ${'['.repeat(3500)}`))).toBe(
      'preset: malformed JSON at line 2, column 70 (position 71): expected at most 64 levels of nested lists and objects, got more',
    );
  });

  it('scans a million nested brackets without recursion', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(locateJsonError(deep)?.problem).toBe('expected at most 64 levels of nested lists and objects, got more');
    expect(locateJsonError(`${'[{"a":'.repeat(32)}1${'}]'.repeat(32)}`)).toBeUndefined();
  });

  it('refuses text nested deeper than 64 levels even when it is valid JSON', () => {
    const valid = `${'['.repeat(65)}${']'.repeat(65)}`;
    expect(JSON.parse(valid)).toHaveLength(1);
    expect(messageOf(() => parseJsonText(valid))).toMatch(
      /^preset: malformed JSON at line 1, column 65 \(position 64\): expected at most 64 levels/,
    );
  });

  it('refuses text longer than ten million characters before reading it', () => {
    expect(messageOf(() => parseJsonText(' '.repeat(10_000_001)))).toBe(
      'preset: expected JSON text of at most 10000000 characters, got 10000001',
    );
  });

  it('parseJsonText returns what JSON.parse returns for valid text', () => {
    expect(parseJsonText('{"a": [1, "2", null]}')).toEqual({ a: [1, '2', null] });
  });
});
