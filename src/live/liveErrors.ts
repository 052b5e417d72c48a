// The errors of a live (signed) fetch, in one table. Every message is built here from our own words plus, at
// most, the exchange's code and message (bounded and stripped of control characters); a message never holds a
// secret or a passphrase, and `redactSecrets` removes them again should an exchange ever echo one back.

export const LIVE_ERRORS = {
  MISSING_CREDENTIAL: (p: LiveParams) =>
    `${p.exchange}: set ${p.variable} in the environment (${p.what}); keys are never read from the command line`,
  BAD_BASE_URL: (p: LiveParams) => `${p.variable}: ${p.detail}`,
  PLAIN_HTTP_REFUSED: (p: LiveParams) =>
    `${p.variable}: plain http:// is allowed only for the loopback (localhost, 127.0.0.1, ::1), got host ${p.host}; use https://`,
  EXCHANGE_REFUSED: (p: LiveParams) => `${p.exchange} refused ${p.endpoint}: code ${p.code}, ${p.message}${p.hint ? ` (${p.hint})` : ''}`,
  HTTP_FAILED: (p: LiveParams) => `${p.exchange} ${p.endpoint}: HTTP ${p.status} without an exchange error code`,
  NETWORK_FAILED: (p: LiveParams) => `${p.exchange} ${p.endpoint}: ${p.detail}`,
  BAD_RESPONSE: (p: LiveParams) => `${p.exchange} ${p.endpoint}: ${p.detail}`,
  KEY_NOT_READ_ONLY: (p: LiveParams) =>
    `${p.exchange}: the API key can ${p.can}; refused: create a read-only key (see docs/LIVE-ACCOUNT.md) and use it here`,
} as const;

export type LiveErrorCode = keyof typeof LIVE_ERRORS;
export type LiveParams = Readonly<Record<string, string | number | undefined>>;

/** A refusal of a live fetch: a code from {@link LIVE_ERRORS} and its message; the exchange's code when it gave one. */
export class LiveError extends Error {
  readonly code: LiveErrorCode;
  readonly exchangeCode: string | undefined;

  constructor(code: LiveErrorCode, params: LiveParams) {
    super(LIVE_ERRORS[code](params));
    this.name = 'LiveError';
    this.code = code;
    this.exchangeCode = params.code === undefined ? undefined : String(params.code);
  }
}

/** Longest piece of exchange text put in a message. */
export const EXCHANGE_TEXT_MAX = 300;

/** Exchange text made safe for a message: control characters out, at most {@link EXCHANGE_TEXT_MAX} characters. */
export function exchangeText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return clean.length > EXCHANGE_TEXT_MAX ? `${clean.slice(0, EXCHANGE_TEXT_MAX)}…` : clean;
}

/** Replaces each secret in `text` (those of 4 characters or more) by `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}
