import type { KeyCheck } from '../../live/readOnlyKey';
import type { LiveExchange } from '../../live/liveExchange';
import { EXCHANGE_NAMES, NEEDS_PASSPHRASE } from '../../live/liveExchange';
import type { Credentials } from '../../live/signers';
import type { AccountStatus } from '../../live/stream/accountConnection';
import { clockText } from '../../prices/clockText';

/** The longest key, secret or passphrase accepted (the exchanges' are well under 128 characters). */
export const KEY_FIELD_MAX = 256;

export interface KeyFields {
  readonly key: string;
  readonly secret: string;
  readonly passphrase: string;
}

/** The key as typed, checked; or what is wrong with it, naming the field (never echoing what was typed). */
export function readKeyFields(exchange: LiveExchange, fields: KeyFields): Credentials | { readonly problem: string } {
  const named: [string, string, boolean][] = [
    ['API key', fields.key.trim(), true],
    ['Secret', fields.secret.trim(), true],
    ['Passphrase', fields.passphrase, NEEDS_PASSPHRASE[exchange]],
  ];
  for (const [label, value, required] of named) {
    if (!required) continue;
    if (value === '') return { problem: `${label}: required for ${EXCHANGE_NAMES[exchange]}` };
    if (value.length > KEY_FIELD_MAX) return { problem: `${label}: longer than ${KEY_FIELD_MAX} characters; paste the key alone` };
    if (/[\u0000-\u001f\u007f]/.test(value)) return { problem: `${label}: holds a line break or control character; paste the key alone` };
  }
  return NEEDS_PASSPHRASE[exchange]
    ? { key: fields.key.trim(), secret: fields.secret.trim(), passphrase: fields.passphrase }
    : { key: fields.key.trim(), secret: fields.secret.trim() };
}

/** What the pane says of a key's permissions: a refusal stops the connection. */
export interface CheckLine {
  readonly refuse: boolean;
  readonly text: string;
}

/** The read-only check's verdict in words; a check that could not run says so plainly. */
export function checkLine(check: KeyCheck | { readonly failed: string }): CheckLine {
  if ('failed' in check) return { refuse: false, text: `Could not verify that the key is read-only: ${check.failed}` };
  if (check.verdict === 'can-write')
    return { refuse: true, text: `Refused: the key can ${check.detail}. Create a read-only key and connect with it.` };
  if (check.verdict === 'read-only') return { refuse: false, text: `Read-only key (${check.detail})` };
  return { refuse: false, text: `Could not verify that the key is read-only: ${check.detail}` };
}

export type Tone = 'safe' | 'warning' | 'danger' | 'idle';

export interface StatusLine {
  readonly state: string;
  readonly tone: Tone;
  readonly detail: string;
}

/** One exchange's connection as the status line shows it: connected, since, last event, error. */
export function statusLine(status: AccountStatus, connected: boolean): StatusLine {
  if (!connected) return { state: 'not connected', tone: 'idle', detail: 'Enter a read-only key and Connect.' };
  const parts: string[] = [];
  if (status.connectedSince !== null) parts.push(`since ${clockText(status.connectedSince)}`);
  if (status.lastEventAt !== null) parts.push(`last event ${clockText(status.lastEventAt)}`);
  if (status.reconnects > 0) parts.push(`${status.reconnects} reconnect${status.reconnects === 1 ? '' : 's'}`);
  if (status.error !== null && status.phase !== 'open') parts.push(`error: ${status.error}`);
  if (status.phase === 'waiting' && status.retryInMs !== null) parts.push(`retrying in ${Math.ceil(status.retryInMs / 1000)} s`);
  const detail = parts.join(' · ');
  switch (status.phase) {
    case 'open':
      return { state: 'connected', tone: 'safe', detail };
    case 'connecting':
      return { state: 'connecting', tone: 'warning', detail };
    case 'waiting':
      return { state: 'reconnecting', tone: 'warning', detail };
    case 'refused':
      return { state: 'refused', tone: 'danger', detail };
    case 'idle':
      return { state: 'idle', tone: 'idle', detail: detail || 'No cell streams the account.' };
  }
}
