// What every exchange signs: one request, its parameters in the order they are sent, the time it was made.

/** The key, secret and (OKX, Bitget) passphrase of one API key. Held in memory only; never printed. */
export interface Credentials {
  readonly key: string;
  readonly secret: string;
  readonly passphrase?: string;
}

/** An unsigned request: `query` pairs are sent in this order, and signed in the same order. */
export interface RequestToSign {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  /** The JSON body text, exactly as sent (POST only; empty for GET). */
  readonly body?: string;
  /** Milliseconds since the epoch, when the request is made. */
  readonly timestamp: number;
  /** How long after `timestamp` the exchange may accept it, in ms (Binance, Bybit). */
  readonly recvWindow?: number;
}

/** A signed request: the path with its query string (with any signature parameter) and the headers to send. */
export interface SignedRequest {
  readonly method: 'GET' | 'POST';
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Signs a request for one exchange. */
export type Signer = (request: RequestToSign, credentials: Credentials) => Promise<SignedRequest>;

/** The default receive window, the one Binance and Bybit document. */
export const RECV_WINDOW_MS = 5000;

/** `a=1&b=2`, each name and value percent-encoded as a URL query carries it. */
export function queryString(query: RequestToSign['query']): string {
  return query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

/** The path, with `?query` when there is one. */
export function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

/** The passphrase an exchange needs, or a refusal naming it (the message never holds any secret). */
export function passphraseOf(credentials: Credentials, exchange: string): string {
  const passphrase = credentials.passphrase;
  if (passphrase === undefined || passphrase === '') throw new Error(`${exchange} signs with a passphrase, and none was given`);
  return passphrase;
}
