import { fail } from '../engine/errors';
import type { Preset } from '../engine/model';
import {
  diffPresets,
  IMPORT_ENDPOINTS,
  IMPORT_EXCHANGES,
  importExchangeTable,
  type ImportExchange,
  parseJsonText,
  type PresetChange,
  type PresetRegistry,
} from '../presets';
import { fieldLabel } from './draftProblems';
import { attempt, type Outcome } from './outcome';

/**
 * What a change is about, in the order the diff shows them: haircut tables first, then rates and rules (what
 * moves the figures), then limits, then notes (folded: they rarely matter and an import rewrites them all).
 */
export type ChangeKind = 'table' | 'rate' | 'limit' | 'note';

export const CHANGE_KINDS: readonly ChangeKind[] = ['table', 'rate', 'limit', 'note'];

/** One line of the "what changes" list. */
export interface ChangeLine {
  /** What changes, e.g. `BTC tiers[0]` or `rules.ltvTrigger`. */
  readonly what: string;
  /** The same for a reader: `BTC tier 1`, `LTV trigger`. */
  readonly title: string;
  readonly kind: ChangeKind;
  readonly before: string;
  readonly after: string;
}

export interface ImportPreview {
  readonly exchange: ImportExchange;
  /** The preset the import would add or replace (the custom import if there is one, else the built-in). */
  readonly before: Preset;
  readonly imported: Preset;
  readonly changes: readonly PresetChange[];
  readonly lines: readonly ChangeLine[];
  /** True when the imported preset replaces an earlier import rather than adding a new custom preset. */
  readonly replaces: boolean;
}

/** How long a fetch may take before the pane gives up and suggests pasting instead. */
export const FETCH_TIMEOUT_MS = 15_000;

const ABSENT = '—';

function kindOf(field: string): ChangeKind {
  if (field === 'note') return 'note';
  if (field === 'asset' || field === 'tierUnit' || field.startsWith('tiers')) return 'table';
  if (/Limit$|^interestFree$/.test(field)) return 'limit';
  return 'rate';
}

function titleOf(change: PresetChange): string {
  const field = change.field.replace(/^tiers\[(\d+)\]$/, (_, i: string) => `tier ${Number(i) + 1}`);
  return change.asset === null ? fieldLabel(change.field) : `${change.asset} ${field === 'asset' ? '(asset)' : field}`;
}

export function changeLine(change: PresetChange): ChangeLine {
  return {
    what: change.asset === null ? change.field : `${change.asset} ${change.field}`,
    title: titleOf(change),
    kind: kindOf(change.field),
    before: change.before ?? ABSENT,
    after: change.after ?? ABSENT,
  };
}

/** The lines in display order: tables, rates and rules, limits, notes; each group in the diff's own order. */
export function orderedLines(lines: readonly ChangeLine[]): ChangeLine[] {
  return CHANGE_KINDS.flatMap((kind) => lines.filter((l) => l.kind === kind));
}

/** What each exchange's response looks like (field names only: the figures come from the exchange). */
export const RESPONSE_SHAPES: Readonly<Record<ImportExchange, { readonly name: string; readonly shape: string }>> = {
  binance: { name: 'Binance’s assetIndex response (GET /fapi/v1/assetIndex)', shape: '[{"symbol":"BTCUSD","index":…,"bidBuffer":…,"askBuffer":…,"bidRate":…,"askRate":…,"autoExchangeBidBuffer":…,…}, …]' },
  bitget: { name: 'Bitget’s discount-rate response (GET /api/v2/mix/market/discount-rate)', shape: '{"code":"00000","data":[{"coin":"BTC","userLimit":…,"totalLimit":…,"discountRateList":[{"tier":…,"minAmount":…,"maxAmount":…,"discountRate":…}, …]}, …]}' },
  okx: { name: 'OKX’s discount-rate-interest-free-quota response (GET /api/v5/public/discount-rate-interest-free-quota)', shape: '{"code":"0","data":[{"ccy":"BTC","amt":…,"details":[{"tier":…,"minAmt":…,"maxAmt":…,"discountRate":…}, …]}, …]}' },
  bybit: { name: 'Bybit’s collateral response (GET /v5/spot-margin-trade/collateral)', shape: '{"retCode":0,"result":{"list":[{"currency":"BTC","collateralRatioList":[{"minQty":…,"maxQty":…,"collateralRatio":…}, …]}, …]}}' },
};

const EXCHANGE_TITLES: Readonly<Record<ImportExchange, string>> = { binance: 'Binance', bitget: 'Bitget', okx: 'OKX', bybit: 'Bybit' };

/** The other exchange whose importer accepts `response`, if any: a paste under the wrong exchange. */
function otherExchangeOf(registry: PresetRegistry, exchange: ImportExchange, response: unknown, today: string): ImportExchange | undefined {
  return IMPORT_EXCHANGES.find((e) => e !== exchange && attempt(() => importExchangeTable(e, response, registry.resolve(e), { asOf: today })).ok);
}

/**
 * A response that is not the chosen exchange's: which response was expected and what it looks like, and,
 * when the text is another exchange's response, which one to pick instead.
 */
function wrongShape(exchange: ImportExchange, message: string, other: ImportExchange | undefined): string {
  const expected = RESPONSE_SHAPES[exchange];
  // Another exchange's response fails for reasons of that exchange's format, which would only mislead here.
  if (other !== undefined) {
    return `This is ${EXCHANGE_TITLES[other]}’s response: choose ${EXCHANGE_TITLES[other]} under Exchange. Expected ${expected.name}, which looks like ${expected.shape}.`;
  }
  return `${message}. Expected ${expected.name}, which looks like ${expected.shape}.`;
}

/** Refusals about the response's structure (not a bad figure inside a well-formed one, not the exchange's own error). */
function isShapeError(message: string): boolean {
  return /^preset response/.test(message) && /required, but missing|expected an object|expected a list|expected at least one asset|unknown field|expected one of/.test(message) && !/refused/.test(message);
}

/**
 * Reads a pasted or fetched response and shows what importing it would change, without changing anything:
 * malformed JSON yields its line and column; a response of another shape says which response was expected
 * (and which exchange's it looks like); a bad figure yields the MarginError message with the response path.
 */
export function previewImport(registry: PresetRegistry, exchange: ImportExchange, text: string, today: string): Outcome<ImportPreview> {
  const response = attempt(() => parseJsonText(text));
  if (!response.ok) return response;
  const table = attempt(() => importExchangeTable(exchange, response.value, registry.resolve(exchange), { asOf: today }));
  if (!table.ok) {
    const other = otherExchangeOf(registry, exchange, response.value, today);
    return other !== undefined || isShapeError(table.message) ? { ok: false, message: wrongShape(exchange, table.message, other) } : table;
  }
  return attempt(() => {
    const imported = table.value;
    const { before, replaces } = currentFor(registry, exchange, imported.id);
    const changes = diffPresets(before, imported);
    return { exchange, before, imported, changes, lines: changes.map(changeLine), replaces };
  });
}

/** The public endpoint of an exchange, to pre-fill the URL field. */
export function defaultEndpoint(exchange: ImportExchange): string {
  return IMPORT_ENDPOINTS[exchange];
}

function currentFor(registry: PresetRegistry, exchange: ImportExchange, importedId: string): { before: Preset; replaces: boolean } {
  if (registry.has(importedId)) return { before: registry.resolve(importedId), replaces: true };
  return { before: registry.resolve(exchange), replaces: false };
}

/** The part of `fetch` used here, so tests and the pane can pass their own. */
export type FetchText = (url: string, init: { signal: AbortSignal }) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

function checkUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = null;
  }
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    return fail('FETCH_FAILED', { url: JSON.stringify(trimmed), detail: 'expected an http(s) URL' });
  }
  return parsed.href;
}

/**
 * Fetches an endpoint's response text. Any failure (bad URL, network or CORS refusal, timeout, HTTP error)
 * becomes FETCH_FAILED, whose message suggests pasting the JSON instead.
 */
export async function fetchResponseText(url: string, fetchText: FetchText, timeoutMs: number = FETCH_TIMEOUT_MS): Promise<string> {
  const href = checkUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchText(href, { signal: controller.signal }).catch((error: unknown) => {
      const detail = controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : `${error instanceof Error ? error.message : String(error)}; the network or the exchange may not allow it from here`;
      return fail('FETCH_FAILED', { url: href, detail });
    });
    if (!response.ok) return fail('FETCH_FAILED', { url: href, detail: `HTTP ${response.status} ${response.statusText}`.trim() });
    return await response.text();
  } finally {
    clearTimeout(timer);
  }
}
