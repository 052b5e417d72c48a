import { readdir } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';

const GLOB_CHARS = /[*?[]/;

/** Whether an argument is a glob pattern rather than a path. */
export const isGlob = (argument: string): boolean => GLOB_CHARS.test(argument);

/** One path segment's pattern as a regular expression: `*` any run of characters, `?` one, `[…]` a set. */
function segmentPattern(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i += 1) {
    const ch = segment[i] ?? '';
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        const body = segment
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

async function entries(dir: string): Promise<{ name: string; isDir: boolean }[]> {
  try {
    const found = await readdir(dir === '' ? '.' : dir, { withFileTypes: true });
    return found.map((e) => ({ name: e.name, isDir: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

async function walk(dir: string, segments: readonly string[], found: string[]): Promise<void> {
  const [segment, ...rest] = segments;
  if (segment === undefined) {
    found.push(dir);
    return;
  }
  if (segment === '**') {
    await walk(dir, rest, found);
    for (const e of await entries(dir)) if (e.isDir && !e.name.startsWith('.')) await walk(join(dir, e.name), segments, found);
    return;
  }
  if (!GLOB_CHARS.test(segment)) {
    await walk(dir === '' ? segment : join(dir, segment), rest, found);
    return;
  }
  const pattern = segmentPattern(segment);
  for (const e of await entries(dir)) {
    if (e.name.startsWith('.') && !segment.startsWith('.')) continue;
    if (!pattern.test(e.name)) continue;
    if (rest.length > 0 && !e.isDir) continue;
    await walk(dir === '' ? e.name : join(dir, e.name), rest, found);
  }
}

/**
 * The workbook files the arguments name, in order, each once: a path as given, a glob pattern (`*`, `?`,
 * `[…]`, `**` for any depth of folders) as the files it matches, sorted. A pattern that matches nothing is
 * an error naming it, so that a typo does not pass as an empty batch.
 */
export async function expandWorkbookPaths(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!GLOB_CHARS.test(pattern)) {
      files.push(pattern);
      continue;
    }
    const segments = pattern.split(/[\\/]+/).filter((s, i) => s !== '' || i === 0);
    const root = isAbsolute(pattern) ? sep : '';
    const found: string[] = [];
    await walk(root, root === '' ? segments : segments.slice(1), found);
    if (found.length === 0) throw new Error(`${pattern}: no file matches`);
    files.push(...found);
  }
  return [...new Set(files)];
}
