/**
 * The one way the product reads an HTTP body from the network: `import URL` and the pane's Fetch (exchange
 * tables), and `--live` (price snapshots). The body is counted while it streams and the read stops at the limit,
 * so a huge body or a compression bomb is refused before it is held in memory. Every failure says which URL and
 * what went wrong.
 */

/** How much one body may be, and how long the whole exchange (headers and body) may take. */
export interface BodyLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/**
 * The part of a fetch answer read here. The browser's and Node's `fetch` have it, and so has the command line's
 * transport (`src/cli/nodeFetch.ts`), which also counts the bytes on the wire.
 */
export interface StreamedResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * A fetch that streams its body. `maxBytes` is the limit, for a transport that can also count the bytes before
 * decompression; a browser's `fetch` ignores it.
 */
export type FetchBody = (
  url: string,
  init: { signal: AbortSignal; maxBytes: number; headers?: Readonly<Record<string, string>> },
) => Promise<StreamedResponse>;

/** An answer read within the limits. */
export interface BoundedText {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly text: string;
}

/** A fetch that failed: `detail` says what failed, in words a user can act on (the URL is in the message). */
export class FetchFailure extends Error {
  constructor(
    readonly url: string,
    readonly detail: string,
  ) {
    super(`${url}: ${detail}`);
    this.name = 'FetchFailure';
  }
}

/**
 * Failures a transport reports while the body streams (too large on the wire, bad compression). Errors with a
 * `detail` are shown as they are.
 */
export function bodyError(detail: string): Error & { detail: string } {
  return Object.assign(new Error(detail), { detail });
}

/** `16 MB` for whole megabytes, otherwise the byte count: the limit as a refusal names it. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

const secondsText = (ms: number): string => `${ms / 1000} s`;

/** What went wrong, from an error of any realm (fetch's errors may come from another one, where instanceof fails). */
function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { detail, message, cause } = error as { detail?: unknown; message?: unknown; cause?: unknown };
    if (typeof detail === 'string') return detail;
    const text = typeof message === 'string' ? message : String(error);
    const because = typeof cause === 'object' && cause !== null && 'message' in cause ? String(cause.message) : '';
    // undici says only "terminated" or "fetch failed"; its cause says why.
    if (text === 'terminated') return `the connection closed before the whole body arrived${because ? ` (${because})` : ''}`;
    return because && !text.includes(because) ? `${text} (${because})` : text;
  }
  return String(error);
}

/** Reads the body chunk by chunk, refusing it as soon as the running count passes the limit. */
async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling stops the download (and any decompression) right here.
      void reader.cancel().catch(() => undefined);
      throw bodyError(`body too large: more than the limit of ${sizeText(maxBytes)}`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bodyError('bad encoding: the body is not UTF-8 text');
  }
}

/**
 * Fetches `url` and reads its body as UTF-8 text, within `limits`. An HTTP error status is returned (with no
 * body) for the caller to word; everything else that fails throws a {@link FetchFailure}: "timeout after 15 s",
 * "body too large: more than the limit of 16 MB", "bad encoding: …", or the network's own reason.
 *
 * @example
 * await fetchBoundedText('https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT', fetch, { maxBytes: 1 << 20, timeoutMs: 10_000 })
 * // { ok: true, status: 200, statusText: 'OK', text: '{"symbol":"BTCUSDT",…}' }
 */
export async function fetchBoundedText(
  url: string,
  fetchBody: FetchBody,
  limits: BodyLimits,
  /** Request headers (a signed request's); never part of a message. */
  headers?: Readonly<Record<string, string>>,
  /** `readErrorBody`: read an HTTP error's body too, within the same limits (exchanges put their error code there). */
  options: { readonly readErrorBody?: boolean } = {},
): Promise<BoundedText> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const failed = (error: unknown): FetchFailure =>
    new FetchFailure(url, timedOut ? `timeout after ${secondsText(limits.timeoutMs)}` : describe(error));
  try {
    let response: StreamedResponse;
    try {
      const init = { signal: controller.signal, maxBytes: limits.maxBytes };
      response = await fetchBody(url, headers === undefined ? init : { ...init, headers });
    } catch (error) {
      throw failed(error);
    }
    const { ok, status, statusText } = response;
    if (!ok && options.readErrorBody !== true) {
      void response.body?.cancel().catch(() => undefined);
      return { ok, status, statusText, text: '' };
    }
    try {
      return { ok, status, statusText, text: utf8(await readLimited(response.body, limits.maxBytes)) };
    } catch (error) {
      controller.abort();
      throw failed(error);
    }
  } finally {
    clearTimeout(timer);
  }
}
