import { invalid } from './jsonRead';

/** Where pasted JSON first goes wrong: 0-based position, 1-based line and column, and what was expected there. */
export interface JsonSyntaxIssue {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

/**
 * Parses pasted JSON text (a preset document or an exchange response). Malformed text is refused with
 * INVALID_PRESET giving the line, column and position of the first error, the same in every browser and in Node
 * (their own parser messages differ and do not always carry a position).
 *
 * @example
 * parseJsonText('{"id": }'); // throws: preset: malformed JSON at line 1, column 8 (position 7): expected a value, got "}"
 */
export function parseJsonText(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const issue = locateJsonError(body);
    if (issue === undefined) return invalid('', `malformed JSON: ${(error as Error).message}`);
    return invalid('', `malformed JSON at line ${issue.line}, column ${issue.column} (position ${issue.position}): ${issue.problem}`);
  }
}

class Stop {
  constructor(
    readonly position: number,
    readonly problem: string,
  ) {}
}

/** Finds the first syntax error of `text` by a strict JSON scan; undefined when the text is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxIssue | undefined {
  try {
    const end = skipSpace(text, scanValue(text, skipSpace(text, 0)));
    if (end < text.length) throw new Stop(end, `expected the end of the text, got ${shown(text, end)}`);
    return undefined;
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    const before = text.slice(0, stop.position);
    const line = before.split('\n').length;
    const column = stop.position - (before.lastIndexOf('\n') + 1) + 1;
    return { position: stop.position, line, column, problem: stop.problem };
  }
}

function shown(text: string, at: number): string {
  return at >= text.length ? 'the end of the text' : JSON.stringify(text.charAt(at));
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  return i;
}

function scanValue(text: string, at: number): number {
  const c = text.charAt(at);
  if (c === '{') return scanContainer(text, at, '}', true);
  if (c === '[') return scanContainer(text, at, ']', false);
  if (c === '"') return scanString(text, at);
  if (c === '-' || (c >= '0' && c <= '9')) return scanNumber(text, at);
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, at)) return at + word.length;
  }
  throw new Stop(at, `expected a value, got ${shown(text, at)}`);
}

function scanContainer(text: string, open: number, close: string, keyed: boolean): number {
  let i = skipSpace(text, open + 1);
  if (text.charAt(i) === close) return i + 1;
  for (;;) {
    if (keyed) {
      if (text.charAt(i) !== '"') throw new Stop(i, `expected a property name in double quotes, got ${shown(text, i)}`);
      i = skipSpace(text, scanString(text, i));
      if (text.charAt(i) !== ':') throw new Stop(i, `expected ":", got ${shown(text, i)}`);
      i = skipSpace(text, i + 1);
    }
    i = skipSpace(text, scanValue(text, i));
    if (text.charAt(i) === close) return i + 1;
    if (text.charAt(i) !== ',') throw new Stop(i, `expected "," or "${close}", got ${shown(text, i)}`);
    i = skipSpace(text, i + 1);
  }
}

function scanString(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') return i + 1;
    if (c < ' ') throw new Stop(i, 'expected the string to continue, got a control character (a raw line break?)');
    if (c === '\\') i = scanEscape(text, i);
    else i += 1;
  }
  throw new Stop(i, 'expected a closing double quote, got the end of the text');
}

function scanEscape(text: string, at: number): number {
  const c = text.charAt(at + 1);
  if ('"\\/bfnrt'.includes(c) && c !== '') return at + 2;
  if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) return at + 6;
  throw new Stop(at, `expected an escape such as \\n or \\u00e9, got ${JSON.stringify(text.slice(at, at + 2))}`);
}

function scanNumber(text: string, at: number): number {
  const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
  if (m === null) throw new Stop(at, `expected a number, got ${shown(text, at)}`);
  const end = at + m[0].length;
  if (/[.\deE+-]/.test(text.charAt(end))) throw new Stop(end, `expected the number to end, got ${shown(text, end)}`);
  return end;
}
