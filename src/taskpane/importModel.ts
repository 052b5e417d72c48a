import { fail } from '../engine/errors';
import type { Preset } from '../engine/model';
import {
  diffPresets,
  IMPORT_ENDPOINTS,
  importExchangeTable,
  type ImportExchange,
  parseJsonText,
  type PresetChange,
  type PresetRegistry,
} from '../presets';
import { attempt, type Outcome } from './outcome';

/** One line of the "what changes" list. */
export interface ChangeLine {
  /** What changes, e.g. `BTC tiers[0]` or `rules.ltvTrigger`. */
  readonly what: string;
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

export function changeLine(change: PresetChange): ChangeLine {
  return {
    what: change.asset === null ? change.field : `${change.asset} ${change.field}`,
    before: change.before ?? ABSENT,
    after: change.after ?? ABSENT,
  };
}

/** The public endpoint of an exchange, to pre-fill the URL field. */
export function defaultEndpoint(exchange: ImportExchange): string {
  return IMPORT_ENDPOINTS[exchange];
}

function currentFor(registry: PresetRegistry, exchange: ImportExchange, importedId: string): { before: Preset; replaces: boolean } {
  if (registry.has(importedId)) return { before: registry.resolve(importedId), replaces: true };
  return { before: registry.resolve(exchange), replaces: false };
}

/**
 * Reads a pasted or fetched response and shows what importing it would change, without changing anything:
 * malformed or unexpected JSON yields the MarginError message (with the line and column, or the response path).
 */
export function previewImport(registry: PresetRegistry, exchange: ImportExchange, text: string, today: string): Outcome<ImportPreview> {
  return attempt(() => {
    const response = parseJsonText(text);
    const imported = importExchangeTable(exchange, response, registry.resolve(exchange), { asOf: today });
    const { before, replaces } = currentFor(registry, exchange, imported.id);
    const changes = diffPresets(before, imported);
    return { exchange, before, imported, changes, lines: changes.map(changeLine), replaces };
  });
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
