import { fail } from '../../engine/errors';
import { type FetchBody, FetchFailure, fetchBoundedText } from '../../net';
import { okxInstrumentsUrl } from './brackets/okxBrackets';

/** How long a fetch may take before giving up and suggesting to paste (or save) the response instead. */
export const FETCH_TIMEOUT_MS = 15_000;

/**
 * The largest exchange table read from a URL, counted while it streams (on the wire and after decompression).
 * The largest documented tables (every symbol's brackets, every OKX swap) are a few megabytes.
 */
export const FETCH_MAX_BYTES = 16 * 1024 * 1024;

/** The fetch used here (the browser's, Node's, or the command line's counting transport): see {@link FetchBody}. */
export type FetchText = FetchBody;

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
 * Fetches an endpoint's response text through the shared bounded fetch. Any failure (bad URL, network or CORS
 * refusal, timeout, a body over {@link FETCH_MAX_BYTES}, a bad encoding, HTTP error) becomes FETCH_FAILED, whose
 * message names the URL, what failed, and suggests pasting the JSON instead.
 */
export async function fetchResponseText(
  url: string,
  fetchText: FetchText,
  timeoutMs: number = FETCH_TIMEOUT_MS,
  maxBytes: number = FETCH_MAX_BYTES,
): Promise<string> {
  const href = checkUrl(url);
  let answer;
  try {
    answer = await fetchBoundedText(href, fetchText, { timeoutMs, maxBytes });
  } catch (error) {
    const detail = error instanceof FetchFailure ? error.detail : String(error);
    // A refusal before any answer may be the browser's cross-origin policy, which does not say so.
    const network = /^(timeout after|body too large|bad encoding|the connection closed)/.test(detail)
      ? detail
      : `${detail}; the network or the exchange may not allow it from here`;
    return fail('FETCH_FAILED', { url: href, detail: network });
  }
  if (!answer.ok) return fail('FETCH_FAILED', { url: href, detail: `HTTP ${answer.status} ${answer.statusText}`.trim() });
  return answer.text;
}

/**
 * Fetches what an import reads from `url`: the response, and after OKX position tiers the instruments response of
 * the same instrument family, whose contract values the tiers need (the pane's Fetch and `multiasset import URL`).
 */
export async function fetchImportText(url: string, fetchText: FetchText, timeoutMs: number = FETCH_TIMEOUT_MS): Promise<string> {
  const text = await fetchResponseText(url, fetchText, timeoutMs);
  const instruments = okxInstrumentsUrl(url.trim());
  return instruments === undefined ? text : `${text}\n${await fetchResponseText(instruments, fetchText, timeoutMs)}`;
}
