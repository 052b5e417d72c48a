import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Dec } from '../engine/decimal';
import type { AccountExchange, AccountSnapshot, Reconciliation, SnapshotTable } from '../presets';
import {
  ACCOUNT_EXCHANGES,
  BUILTIN_PRESETS,
  balancesTable,
  fetchResponseText,
  importAccountSnapshot,
  parseJsonText,
  parsePricePair,
  positionsTable,
  PresetRegistry,
  reconcile,
  reconciliationTable,
} from '../presets';
import { flag, readArgs } from './argv';
import type { CliCommand, Output } from './command';
import { synopsis } from './command';
import { fetchLiveDocuments } from './liveAccount';
import { nodeFetchBody } from './nodeFetch';
import { applyPresetOptions, PRESET_FLAG } from './presetsFromOptions';
import { UsageError } from './usageError';
import { writeDataAtomically } from './safeWrite';

/** What `multiasset account` reads and how it values it. */
export interface AccountOptions {
  readonly exchange: AccountExchange;
  readonly files: readonly string[];
  /** Fetch the responses with the read-only key in the environment instead of reading files. */
  readonly live: boolean;
  readonly presets: readonly string[];
  /** The preset that values the account; the exchange's own built-in when not given. */
  readonly valuedWith: string | null;
  readonly prices: ReadonlyMap<string, Dec>;
  readonly json: boolean;
  readonly out: string | null;
  /** `--out` may replace a file that exists. */
  readonly force?: boolean;
  /** OKX: instruments responses (FILE or URL), for the contract values of the positions. */
  readonly instruments: readonly string[];
}

const FLAGS = [
  flag({
    name: '--live',
    help:
      'fetch the responses from the exchange instead of FILEs, signed with a read-only key from the environment ' +
      '(MULTIASSET_<EXCHANGE>_KEY, _SECRET, and _PASSPHRASE for OKX and Bitget; MULTIASSET_<EXCHANGE>_REST overrides ' +
      'the base URL), after asking the exchange that the key can neither trade nor withdraw (docs/LIVE-ACCOUNT.md)',
  }),
  PRESET_FLAG,
  flag({ name: '--exchange', value: 'ID', help: "the preset that values the account (default: EXCHANGE's built-in)" }),
  flag({
    name: '--price',
    value: 'ASSET=PRICE',
    repeatable: true,
    help: 'prices an asset the responses leave unpriced (repeatable), e.g. --price BUSD=1',
  }),
  flag({ name: '--json', help: 'print the tables, the reconciliation and the notes as one JSON object' }),
  flag({
    name: '--out',
    value: 'WORKBOOK.xlsx',
    help: 'write the tables to a new workbook (sheets Balances, Positions, Reconciliation); a file that exists is refused unless --force',
  }),
  flag({ name: '--force', help: 'let --out replace a file that exists, whole (without it, the file is left as it was)' }),
  flag({
    name: '--instruments',
    value: 'FILE|URL',
    repeatable: true,
    help: 'OKX: the instruments response whose ctVal sizes each position, e.g. https://www.okx.com/api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP (see docs/ACCOUNT.md)',
  }),
] as const;

function readPrices(pairs: readonly string[]): Map<string, Dec> {
  const prices = new Map<string, Dec>();
  for (const pair of pairs) {
    const read = parsePricePair(pair);
    if (read === null) throw new UsageError('--price needs ASSET=PRICE with a positive price, e.g. --price BUSD=1');
    prices.set(read.asset, read.price);
  }
  return prices;
}

/** The arguments after `account`. */
function parse(argv: readonly string[]): AccountOptions {
  const { flags, positional } = readArgs(argv, FLAGS);
  const prices = readPrices(flags['--price']);
  const [exchange, ...files] = positional;
  const known = ACCOUNT_EXCHANGES.find((e) => e === exchange?.toLowerCase());
  if (known === undefined) throw new UsageError(`account needs an exchange first: one of ${ACCOUNT_EXCHANGES.join(', ')}`);
  const live = flags['--live'];
  if (live && files.length > 0) throw new UsageError('account --live fetches the responses itself: give no response files with it');
  if (!live && files.length === 0) {
    throw new UsageError('account needs the response files (the account response, and the positions response), or --live');
  }
  const [presets, valuedWith, json, out, force] = [
    flags['--preset'],
    flags['--exchange'],
    flags['--json'],
    flags['--out'],
    flags['--force'],
  ];
  if (force && out === null) throw new UsageError('--force goes with --out (it lets --out replace a file that exists)');
  const instruments = flags['--instruments'];
  if (instruments.length > 0 && known !== 'okx') throw new UsageError('--instruments is for OKX positions (contracts of ctVal coin each)');
  if (instruments.length > 0 && live) throw new UsageError('account --live fetches the instruments itself: give no --instruments with it');
  return { exchange: known, files, live, presets, valuedWith, prices, json, out, force, instruments };
}

const cellText = (cell: SnapshotTable[number][number]): string => (cell === null ? '' : String(cell));
const lines = (table: SnapshotTable): string[] => table.map((row) => row.map(cellText).join('\t'));

async function readDocuments(files: readonly string[]): Promise<unknown[]> {
  return Promise.all(
    files.map(async (file) => {
      // An instruments response may be fetched from OKX's public endpoint, as `import okx` fetches it.
      const text = /^https?:\/\//i.test(file) ? await fetchResponseText(file, nodeFetchBody) : await readFile(file, 'utf8');
      try {
        return parseJsonText(text);
      } catch (error) {
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
}

function addSheet(workbook: ExcelJS.Workbook, name: string, table: SnapshotTable): void {
  const sheet = workbook.addWorksheet(name);
  const [header, ...rows] = table;
  if (!header) return;
  if (rows.length === 0) {
    sheet.addRow(header);
    return;
  }
  // An Excel table, so MARGIN formulas can name it and it grows with pasted rows.
  sheet.addTable({
    name: `${name}Table`,
    ref: 'A1',
    headerRow: true,
    columns: header.map((h) => ({ name: String(h), filterButton: true })),
    rows: rows.map((row) => row.map((cell) => cell ?? null)),
  });
}

/**
 * The account workbook, written through the safe writer. A file that exists is refused unless `force`: it may
 * be a desk's workbook, whose other sheets a new account workbook would not hold.
 */
async function writeWorkbook(file: string, force: boolean, snapshot: AccountSnapshot, reconciliation: Reconciliation): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing !== null && !force) {
    throw new Error(`${file}: exists; account writes a new workbook: name another file, or add --force to replace it whole`);
  }
  const workbook = new ExcelJS.Workbook();
  addSheet(workbook, 'Balances', balancesTable(snapshot));
  addSheet(workbook, 'Positions', positionsTable(snapshot));
  addSheet(workbook, 'Reconciliation', reconciliationTable(reconciliation));
  await writeDataAtomically(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** `multiasset account`: prints (or writes) the tables and the reconciliation. Exit code 0 when it ran. */
async function run(command: AccountOptions, output: Output): Promise<number> {
  const registry = new PresetRegistry(BUILTIN_PRESETS);
  await applyPresetOptions(registry, { presets: command.presets, exchange: null });
  const preset = registry.resolve(command.valuedWith ?? command.exchange);
  const source = command.live
    ? await fetchLiveDocuments(command.exchange, output)
    : {
        documents: await readDocuments(command.files),
        prices: new Map<string, Dec>(),
        instruments: await readDocuments(command.instruments),
      };
  // Prices given on the command line win over those fetched.
  const prices = new Map([...source.prices, ...command.prices]);
  const snapshot = importAccountSnapshot(command.exchange, source.documents, { prices, instruments: source.instruments });
  const reconciliation = reconcile(preset, snapshot);
  if (command.out !== null) {
    await writeWorkbook(command.out, command.force === true, snapshot, reconciliation);
    output.err(`multiasset: wrote ${command.out} (sheets Balances, Positions, Reconciliation)`);
  }
  if (command.json) {
    const json = {
      exchange: snapshot.exchange,
      preset: { id: preset.id, asOf: preset.asOf },
      exchangeUnit: snapshot.reportedUnit,
      balances: balancesTable(snapshot),
      positions: positionsTable(snapshot),
      reconciliation: reconciliationTable(reconciliation),
      notes: snapshot.notes,
    };
    output.out(JSON.stringify(json, null, 2));
    return 0;
  }
  if (command.out !== null) return 0;
  output.out('balances');
  lines(balancesTable(snapshot)).forEach((l) => output.out(l));
  output.out('');
  output.out('positions');
  lines(positionsTable(snapshot)).forEach((l) => output.out(l));
  output.out('');
  output.out(`reconciliation: ours by preset ${preset.id} (as of ${preset.asOf}), the exchange's in ${snapshot.reportedUnit}`);
  lines(reconciliationTable(reconciliation)).forEach((l) => output.out(l));
  if (snapshot.notes.length > 0) {
    output.out('');
    output.out('notes');
    snapshot.notes.forEach((note) => output.out(`- ${note}`));
  }
  return 0;
}

export const accountCommand: CliCommand<AccountOptions> = {
  name: 'account',
  usage: synopsis('account', 'EXCHANGE (FILE... | --live)', FLAGS.slice(1)),
  help:
    `reads the exchange's own account and position responses (saved JSON files; EXCHANGE is ${ACCOUNT_EXCHANGES.join(', ')}) ` +
    'and prints the balances and positions tables, then our equity, maintenance margin, margin ratio and available ' +
    "margin beside the exchange's, with the difference and its likeliest cause. With FILEs it reads saved responses " +
    'and sends nothing; with --live it fetches them itself with a read-only key from the environment, never from ' +
    'the command line.',
  flags: FLAGS,
  parse,
  run,
};
