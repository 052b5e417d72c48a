import { readFile } from 'node:fs/promises';
import { isMarginError } from '../engine/errors';
import {
  BUILTIN_PRESETS,
  fetchResponseText,
  IMPORT_EXCHANGES,
  type ImportExchange,
  fetchImportText,
  type ImportPreview,
  PresetRegistry,
  presetToJson,
  previewImportText,
} from '../presets';
import type { Output } from './commands';
import { UsageError } from './options';
import { applyPresetOptions } from './presetsFromOptions';
import { writeDataAtomically } from './safeWrite';

export interface ImportCommand {
  readonly exchange: ImportExchange;
  readonly source: string;
  readonly into: string | null;
  readonly presets: readonly string[];
  readonly out: string | null;
  readonly diff: boolean;
  /** OKX's instruments response (FILE, URL or -), read after the position tiers for their contract values. */
  readonly instruments: string | null;
}

function valueOf(args: readonly string[], i: number, flag: string): string {
  const value = args[i + 1];
  if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
  return value;
}

/**
 * `import EXCHANGE SOURCE [--into ID] [--preset FILE]... [--out FILE] [--diff] [--instruments FILE|URL]`; `-` is
 * stdin, not an option.
 */
export function parseImportCommand(argv: readonly string[]): ImportCommand {
  const args = argv.flatMap((a) => (/^--[a-z]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  const positional: string[] = [];
  const presets: string[] = [];
  let into: string | null = null;
  let out: string | null = null;
  let diff = false;
  let instruments: string | null = null;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--into') into = valueOf(args, i++, arg);
    else if (arg === '--preset') presets.push(valueOf(args, i++, arg));
    else if (arg === '--out') out = valueOf(args, i++, arg);
    else if (arg === '--diff') diff = true;
    else if (arg === '--instruments') instruments = valueOf(args, i++, arg);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} for import`);
    else positional.push(arg);
  }
  const [exchange, source, ...extra] = positional;
  if (exchange === undefined) throw new UsageError(`import needs an exchange (${IMPORT_EXCHANGES.join(', ')})`);
  const known = IMPORT_EXCHANGES.find((e) => e === exchange.toLowerCase());
  if (known === undefined)
    throw new UsageError(`import: unknown exchange ${JSON.stringify(exchange)}; expected ${IMPORT_EXCHANGES.join(', ')}`);
  if (source === undefined) throw new UsageError('import needs a response: a FILE, an http(s) URL, or - for stdin');
  if (extra.length > 0) throw new UsageError(`import takes one response, got also ${extra.join(' ')}`);
  if (instruments !== null && known !== 'okx') {
    throw new UsageError('--instruments is for OKX position tiers (import okx TIERS --instruments INSTRUMENTS)');
  }
  if (instruments === '-' && source === '-') throw new UsageError('import: only one of the responses can be read from stdin');
  return { exchange: known, source, into, presets, out, diff, instruments };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readSource(source: string, withCompanions = false): Promise<string> {
  if (source === '-') return readStdin();
  if (/^https?:\/\//i.test(source)) {
    const fetchText = (url: string, init: { signal: AbortSignal }) => fetch(url, init);
    return withCompanions ? fetchImportText(source, fetchText) : fetchResponseText(source, fetchText);
  }
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    throw new Error(`${source}: cannot read the response file (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The response text, and for OKX position tiers the instruments response after it: from --instruments, or, when
 * the tiers are fetched from their URL, from the instruments URL of the same instrument family.
 */
async function responseText(command: ImportCommand): Promise<string> {
  const text = await readSource(command.source, command.instruments === null);
  return command.instruments === null ? text : `${text}\n${await readSource(command.instruments)}`;
}

function diffLines(preview: ImportPreview): string[] {
  const header = `${preview.imported.id} against ${preview.before.id} (${preview.before.asOf}):`;
  if (preview.lines.length === 0) return [header, '  no changes'];
  return [header, ...preview.lines.map((l) => `  ${l.what}: ${l.before} → ${l.after}`)];
}

/**
 * `multiasset import`: the pane's import without the pane. Exit code 0 when imported, 1 when the response (or a
 * file) is refused, with the message naming the field.
 */
export async function runImport(argv: readonly string[], output: Output): Promise<number> {
  const command = parseImportCommand(argv);
  const registry = new PresetRegistry(BUILTIN_PRESETS);
  await applyPresetOptions(registry, { presets: command.presets, exchange: null });
  const today = new Date().toISOString().slice(0, 10);
  let preview: ImportPreview;
  try {
    const text = await responseText(command);
    preview = previewImportText(registry, command.exchange, text, today, command.into ?? undefined);
  } catch (error) {
    if (!isMarginError(error)) throw error;
    output.err(`multiasset: import ${command.exchange} ${command.source}: ${error.message}`);
    return 1;
  }
  const json = JSON.stringify(presetToJson(preview.imported), null, 2);
  if (command.out !== null) {
    await writeDataAtomically(command.out, `${json}\n`);
    output.err(`multiasset: wrote ${command.out} (preset ${preview.imported.id}, as of ${preview.imported.asOf})`);
  }
  if (command.diff) diffLines(preview).forEach((line) => output.out(line));
  else if (command.out === null) output.out(json);
  return 0;
}
