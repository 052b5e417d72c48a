import { invalid } from './jsonRead';

/** Where pasted JSON first goes wrong: 0-based position, 1-based line and column, and what was expected there. */
export interface JsonSyntaxIssue {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

/** What pasted JSON may be: no real preset or exchange response comes near either bound. */
export const JSON_LIMITS = {
  /** Longest text read, in characters. */
  maxLength: 10_000_000,
  /** Deepest nesting of lists and objects (a preset document nests 6 levels, exchange responses fewer). */
  maxDepth: 64,
} as const;

/**
 * Parses pasted JSON text (a preset document or an exchange response). Malformed text is refused with
 * INVALID_PRESET giving the line, column and position of the first error, the same in every browser and in Node
 * (their own parser messages differ and do not always carry a position). Text longer or nested deeper than
 * {@link JSON_LIMITS} is refused the same way, before it is parsed.
 *
 * @example
 * parseJsonText('{"id": }'); // throws: preset: malformed JSON at line 1, column 8 (position 7): expected a value, got "}"
 */
export function parseJsonText(text: string): unknown {
  if (text.length > JSON_LIMITS.maxLength) {
    return invalid('', `expected JSON text of at most ${JSON_LIMITS.maxLength} characters, got ${text.length}`);
  }
  const body = text.replace(/^\uFEFF/, '');
  const issue = locateJsonError(body);
  if (issue !== undefined) {
    return invalid('', `malformed JSON at line ${issue.line}, column ${issue.column} (position ${issue.position}): ${issue.problem}`);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    return invalid('', `malformed JSON: ${(error as Error).message}`);
  }
}

/**
 * Parses text holding one JSON document or several one after another (OKX's position tiers followed by its
 * instruments response), each checked as {@link parseJsonText} checks one, with line and column in the whole text.
 *
 * @example
 * parseJsonDocuments('{"a": 1}\n[2]'); // [{ a: 1 }, [2]]
 */
export function parseJsonDocuments(text: string): unknown[] {
  if (text.length > JSON_LIMITS.maxLength) {
    return invalid('', `expected JSON text of at most ${JSON_LIMITS.maxLength} characters, got ${text.length}`);
  }
  const body = text.replace(/^\uFEFF/, '');
  const out: unknown[] = [];
  let at = 0;
  do {
    let end: number;
    try {
      end = scanDocument(body, at);
    } catch (stop) {
      if (!(stop instanceof Stop)) throw stop;
      const issue = issueAt(body, stop);
      return invalid('', `malformed JSON at line ${issue.line}, column ${issue.column} (position ${issue.position}): ${issue.problem}`);
    }
    out.push(JSON.parse(body.slice(at, end)) as unknown);
    at = skipSpace(body, end);
  } while (at < body.length);
  return out;
}

class Stop {
  constructor(
    readonly position: number,
    readonly problem: string,
  ) {}
}

/**
 * Finds the first syntax error of `text` by a strict JSON scan; undefined when the text is valid JSON. Nesting
 * deeper than {@link JSON_LIMITS}.maxDepth is an error at the bracket that goes too deep. The scan keeps its
 * own stack of open brackets, so no nesting can overflow the call stack.
 */
export function locateJsonError(text: string): JsonSyntaxIssue | undefined {
  try {
    const end = skipSpace(text, scanDocument(text));
    if (end < text.length) throw new Stop(end, `expected the end of the text, got ${shown(text, end)}`);
    return undefined;
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    return issueAt(text, stop);
  }
}

function issueAt(text: string, stop: Stop): JsonSyntaxIssue {
  const before = text.slice(0, stop.position);
  const line = before.split('\n').length;
  const column = stop.position - (before.lastIndexOf('\n') + 1) + 1;
  return { position: stop.position, line, column, problem: stop.problem };
}

function shown(text: string, at: number): string {
  return at >= text.length ? 'the end of the text' : JSON.stringify(text.charAt(at));
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  return i;
}

/** Scans one value with everything nested in it; returns the position after it. */
function scanDocument(text: string, from = 0): number {
  const closers: string[] = [];
  let i = skipSpace(text, from);
  for (;;) {
    const c = text.charAt(i);
    if (c === '{' || c === '[') {
      if (closers.length >= JSON_LIMITS.maxDepth) {
        throw new Stop(i, `expected at most ${JSON_LIMITS.maxDepth} levels of nested lists and objects, got more`);
      }
      const close = c === '{' ? '}' : ']';
      const inside = skipSpace(text, i + 1);
      if (text.charAt(inside) !== close) {
        closers.push(close);
        i = close === '}' ? scanKey(text, inside) : inside;
        continue;
      }
      i = inside + 1;
    } else {
      i = scanScalar(text, i);
    }
    const next = afterValue(text, i, closers);
    if (next.done) return next.at;
    i = next.at;
  }
}

/** After a value: closes the containers it ends, then either the document is done or the next value starts. */
function afterValue(text: string, at: number, closers: string[]): { readonly done: boolean; readonly at: number } {
  let i = at;
  for (;;) {
    const close = closers[closers.length - 1];
    if (close === undefined) return { done: true, at: i };
    i = skipSpace(text, i);
    if (text.charAt(i) === close) {
      closers.pop();
      i += 1;
      continue;
    }
    if (text.charAt(i) !== ',') throw new Stop(i, `expected "," or "${close}", got ${shown(text, i)}`);
    i = skipSpace(text, i + 1);
    return { done: false, at: close === '}' ? scanKey(text, i) : i };
  }
}

/** A property name and its colon; returns where the value starts. */
function scanKey(text: string, at: number): number {
  if (text.charAt(at) !== '"') throw new Stop(at, `expected a property name in double quotes, got ${shown(text, at)}`);
  const i = skipSpace(text, scanString(text, at));
  if (text.charAt(i) !== ':') throw new Stop(i, `expected ":", got ${shown(text, i)}`);
  return skipSpace(text, i + 1);
}

function scanScalar(text: string, at: number): number {
  const c = text.charAt(at);
  if (c === '"') return scanString(text, at);
  if (c === '-' || (c >= '0' && c <= '9')) return scanNumber(text, at);
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, at)) return at + word.length;
  }
  throw new Stop(at, `expected a value, got ${shown(text, at)}`);
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
