import { fail } from '../../engine/errors';
import { okxInstrumentsUrl } from './brackets/okxBrackets';

/** How long a fetch may take before giving up and suggesting to paste (or save) the response instead. */
export const FETCH_TIMEOUT_MS = 15_000;

/** The part of `fetch` used here, so the pane, the command line and tests can pass their own. */
export type FetchText = (
  url: string,
  init: { signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

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
      const detail = controller.signal.aborted
        ? `no answer within ${timeoutMs / 1000} s`
        : `${error instanceof Error ? error.message : String(error)}; the network or the exchange may not allow it from here`;
      return fail('FETCH_FAILED', { url: href, detail });
    });
    if (!response.ok) return fail('FETCH_FAILED', { url: href, detail: `HTTP ${response.status} ${response.statusText}`.trim() });
    return await response.text();
  } finally {
    clearTimeout(timer);
  }
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
