import { parseJsonText } from '../presets';
import { exchangeErrorHint, readExchangeError } from './exchangeErrors';
import type { LiveExchange } from './liveExchange';
import { EXCHANGE_NAMES } from './liveExchange';
import { LiveError, redactSecrets } from './liveErrors';
import type { Credentials } from './signers';
import { queryString, SIGNERS, withQuery } from './signers';

/** The part of `fetch` used here: Node's and the browser's both fit, and tests may pass their own. */
export type LiveFetch = (
  url: string,
  init: {
    readonly method: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string;
    readonly signal: AbortSignal;
    readonly redirect: 'error';
  },
) => Promise<LiveResponse>;

export interface LiveResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/** How long one request may take, body included. */
export const LIVE_TIMEOUT_MS = 15_000;
/** The largest response body read, in bytes: no account response comes near it. */
export const LIVE_MAX_BYTES = 10_000_000;

export interface RestClientOptions {
  readonly exchange: LiveExchange;
  /** Scheme, host and optional path prefix, without a trailing slash. */
  readonly base: string;
  readonly credentials: Credentials;
  readonly fetch: LiveFetch;
  /** The clock that stamps signed requests (ms since the epoch). */
  readonly now?: () => number;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export interface GetOptions {
  /** Signed with the key (private endpoints), or sent bare (public ones). */
  readonly signed: boolean;
  /** Another host of the same exchange (Binance's `/sapi` lives on the spot host). */
  readonly base?: string;
}

/** GETs an exchange's REST endpoints, signed or public, and returns the parsed JSON of a successful answer. */
export interface RestClient {
  readonly exchange: LiveExchange;
  get(path: string, query: readonly (readonly [string, string])[], options: GetOptions): Promise<unknown>;
}

async function readBoundedText(response: LiveResponse, maxBytes: number, refuse: (detail: string) => never): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) refuse(`the answer declares ${declared} bytes, more than the ${maxBytes} read`);
  const stream = response.body;
  if (!stream) {
    const text = await response.text();
    if (text.length > maxBytes) refuse(`the answer is longer than the ${maxBytes} bytes read`);
    return text;
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      refuse(`the answer is longer than the ${maxBytes} bytes read`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

const messageOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);

/**
 * A REST client for one exchange and key. Every failure is a {@link LiveError}: the exchange's own code and
 * message when it answered with one, else the HTTP status, the network's reason or the malformed answer. The
 * secret and passphrase are scrubbed from every message, and redirects are refused (a signed request goes
 * to the host it was signed for, or nowhere).
 */
export function createRestClient(options: RestClientOptions): RestClient {
  const { exchange, credentials } = options;
  const name = EXCHANGE_NAMES[exchange];
  const secrets = [credentials.secret, credentials.passphrase];
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? LIVE_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? LIVE_MAX_BYTES;

  const fail = (error: LiveError): never => {
    error.message = redactSecrets(error.message, secrets);
    throw error;
  };

  async function get(path: string, query: readonly (readonly [string, string])[], getOptions: GetOptions): Promise<unknown> {
    const endpoint = `GET ${path}`;
    const signed = getOptions.signed
      ? await SIGNERS[exchange]({ method: 'GET', path, query, timestamp: now() }, credentials)
      : { method: 'GET' as const, pathAndQuery: withQuery(path, queryString(query)), headers: {} };
    const url = `${getOptions.base ?? options.base}${signed.pathAndQuery}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let text: string;
    let response: LiveResponse;
    try {
      response = await options
        .fetch(url, {
          method: 'GET',
          headers: { Accept: 'application/json', ...signed.headers },
          signal: controller.signal,
          redirect: 'error',
        })
        .catch((error: unknown) =>
          fail(
            new LiveError('NETWORK_FAILED', {
              exchange: name,
              endpoint,
              detail: controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : `the request failed (${messageOf(error)})`,
            }),
          ),
        );
      text = await readBoundedText(response, maxBytes, (detail) =>
        fail(new LiveError('BAD_RESPONSE', { exchange: name, endpoint, detail })),
      ).catch((error: unknown) =>
        error instanceof LiveError
          ? fail(error)
          : fail(
              new LiveError('NETWORK_FAILED', {
                exchange: name,
                endpoint,
                detail: controller.signal.aborted
                  ? `the answer did not finish within ${timeoutMs / 1000} s`
                  : `reading the answer failed (${messageOf(error)})`,
              }),
            ),
      );
    } finally {
      clearTimeout(timer);
    }
    let body: unknown;
    try {
      body = parseJsonText(text);
    } catch (error) {
      if (!response.ok) return fail(new LiveError('HTTP_FAILED', { exchange: name, endpoint, status: response.status }));
      return fail(new LiveError('BAD_RESPONSE', { exchange: name, endpoint, detail: `the answer is not JSON: ${messageOf(error)}` }));
    }
    const refused = readExchangeError(exchange, body);
    if (refused) {
      return fail(
        new LiveError('EXCHANGE_REFUSED', {
          exchange: name,
          endpoint,
          code: refused.code,
          message: refused.message,
          hint: exchangeErrorHint(exchange, refused.code),
        }),
      );
    }
    if (!response.ok) return fail(new LiveError('HTTP_FAILED', { exchange: name, endpoint, status: response.status }));
    return body;
  }

  return { exchange, get };
}
