import type { FetchBody } from '../net';
import { fetchBoundedText, FetchFailure } from '../net';
import { parseJsonText } from '../presets';
import { exchangeErrorHint, readExchangeError } from './exchangeErrors';
import type { LiveExchange } from './liveExchange';
import { EXCHANGE_NAMES } from './liveExchange';
import { LiveError, redactSecrets } from './liveErrors';
import type { Credentials } from './signers';
import { queryString, SIGNERS, withQuery } from './signers';

/**
 * The transport: the shared bounded fetch's (`src/net`), with the request's headers. The command line passes its
 * counting transport; the pane {@link webFetchBody}.
 */
export type LiveFetch = FetchBody;

/**
 * The browser's (and Node's) `fetch` as a transport that never follows a redirect: a signed request goes to the
 * host it was signed for, or nowhere.
 */
export const webFetchBody: LiveFetch = (url, init) =>
  globalThis.fetch(url, { signal: init.signal, headers: { Accept: 'application/json', ...init.headers }, redirect: 'error' });

/** How long one request may take, body included. */
export const LIVE_TIMEOUT_MS = 15_000;
/** The largest response body read, in bytes: no account response comes near it. */
export const LIVE_MAX_BYTES = 16 * 1024 * 1024;

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

const messageOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);

/**
 * A REST client for one exchange and key, reading every answer through the shared bounded fetch. Every failure
 * is a {@link LiveError}: the exchange's own code and message when it answered with one, else the HTTP status,
 * the network's reason or the malformed answer. The secret and passphrase are scrubbed from every message.
 */
export function createRestClient(options: RestClientOptions): RestClient {
  const { exchange, credentials } = options;
  const name = EXCHANGE_NAMES[exchange];
  const secrets = [credentials.secret, credentials.passphrase];
  const now = options.now ?? Date.now;
  const limits = { timeoutMs: options.timeoutMs ?? LIVE_TIMEOUT_MS, maxBytes: options.maxBytes ?? LIVE_MAX_BYTES };

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
    let answer: Awaited<ReturnType<typeof fetchBoundedText>>;
    try {
      answer = await fetchBoundedText(url, options.fetch, limits, signed.headers, { readErrorBody: true });
    } catch (error) {
      // The failure's detail, not its message: the message repeats the URL, signature and all.
      const detail = error instanceof FetchFailure ? error.detail : messageOf(error);
      const code = /^(body too large|bad encoding)/.test(detail) ? 'BAD_RESPONSE' : 'NETWORK_FAILED';
      return fail(new LiveError(code, { exchange: name, endpoint, detail }));
    }
    let body: unknown;
    try {
      body = parseJsonText(answer.text);
    } catch (error) {
      if (!answer.ok) return fail(new LiveError('HTTP_FAILED', { exchange: name, endpoint, status: answer.status }));
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
    if (!answer.ok) return fail(new LiveError('HTTP_FAILED', { exchange: name, endpoint, status: answer.status }));
    return body;
  }

  return { exchange, get };
}
