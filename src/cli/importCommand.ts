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
import { flag, readArgs } from './argv';
import type { CliCommand, Output } from './command';
import { synopsis } from './command';
import { nodeFetchBody } from './nodeFetch';
import { applyPresetOptions, PRESET_FLAG } from './presetsFromOptions';
import { UsageError } from './usageError';
import { writeDataAtomically } from './safeWrite';

export interface ImportOptions {
  readonly exchange: ImportExchange;
  readonly source: string;
  readonly into: string | null;
  readonly presets: readonly string[];
  readonly out: string | null;
  readonly diff: boolean;
  /** OKX's instruments response (FILE, URL or -), read after the position tiers for their contract values. */
  readonly instruments: string | null;
  /** The symbol of Bitget's v3 position tiers (their rows do not name it); from the URL's `symbol` when fetched. */
  readonly symbol: string | null;
}

const FLAGS = [
  flag({ name: '--into', value: 'ID', help: "the preset imported into (default: the exchange's built-in preset)" }),
  PRESET_FLAG,
  flag({ name: '--out', value: 'PRESET.json', help: 'write the imported preset to a file instead of printing it' }),
  flag({ name: '--diff', help: 'list the changes against the preset imported into' }),
  flag({
    name: '--instruments',
    value: 'FILE|URL',
    help: "OKX position tiers: OKX's instruments response, for the contracts' values (fetched along with the tiers from their URL)",
  }),
  flag({
    name: '--symbol',
    value: 'SYMBOL',
    help: "Bitget's v3 position tiers: the symbol they are of, which their rows do not repeat (taken from the URL's symbol when fetched)",
  }),
] as const;

/** The `symbol` of a response URL's query, which Bitget's v3 position tiers do not repeat in their rows. */
function urlSymbol(source: string): string | null {
  if (!/^https?:\/\//i.test(source)) return null;
  try {
    return new URL(source).searchParams.get('symbol');
  } catch {
    return null;
  }
}

/** The arguments after `import`; `-` is stdin, not an option. */
function parse(argv: readonly string[]): ImportOptions {
  const { flags, positional } = readArgs(argv, FLAGS);
  const instruments = flags['--instruments'];
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
  const [into, presets, out, diff] = [flags['--into'], flags['--preset'], flags['--out'], flags['--diff']];
  return { exchange: known, source, into, presets, out, diff, instruments, symbol: flags['--symbol'] ?? urlSymbol(source) };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readSource(source: string, withCompanions = false): Promise<string> {
  if (source === '-') return readStdin();
  if (/^https?:\/\//i.test(source)) {
    return withCompanions ? fetchImportText(source, nodeFetchBody) : fetchResponseText(source, nodeFetchBody);
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
async function responseText(command: ImportOptions): Promise<string> {
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
async function run(command: ImportOptions, output: Output): Promise<number> {
  const registry = new PresetRegistry(BUILTIN_PRESETS);
  await applyPresetOptions(registry, { presets: command.presets, exchange: null });
  const today = new Date().toISOString().slice(0, 10);
  let preview: ImportPreview;
  try {
    const text = await responseText(command);
    preview = previewImportText(registry, command.exchange, text, today, command.into ?? undefined, {
      ...(command.symbol === null ? {} : { symbol: command.symbol }),
    });
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

export const importCommand: CliCommand<ImportOptions> = {
  name: 'import',
  usage: synopsis('import', 'EXCHANGE FILE|URL|-', FLAGS),
  help:
    "reads an exchange's haircut table or leverage brackets (a saved response, an http(s) URL, or - for stdin) " +
    'into a preset: prints its JSON, or writes it with --out; --diff lists the changes against the preset ' +
    "imported into (--into ID, default the exchange's built-in preset). OKX position tiers also take OKX's " +
    'instruments response (--instruments), for the contract values. ' +
    `EXCHANGE is one of ${IMPORT_EXCHANGES.join(', ')}.`,
  flags: FLAGS,
  parse,
  run,
};
