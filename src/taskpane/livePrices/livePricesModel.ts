import { PaneError } from '../ui/paneErrors';
import type { ConnectionState, ConnectionStatus } from '../../prices/feedConnection';
import { clockText } from '../../prices/clockText';
import { secondsAsMilliseconds } from '../../prices/priceSettings';
import type { Outcome } from '../ui/outcome';

/** One row of the pane's connection table. */
export interface ConnectionRow {
  readonly exchange: string;
  readonly state: string;
  /** For the status badge: green when connected, yellow while (re)connecting, grey when idle or paused. */
  readonly tone: 'green' | 'yellow' | 'grey';
  readonly streams: number;
  readonly lastMessage: string;
  readonly reconnects: number;
  /** The numbers in one line, for the narrow pane. */
  readonly detail: string;
}

const STATE_TEXT: Readonly<Record<ConnectionState, string>> = {
  idle: 'idle',
  connecting: 'connecting',
  open: 'connected',
  waiting: 'reconnecting',
  paused: 'paused',
};

const TONE: Readonly<Record<ConnectionState, ConnectionRow['tone']>> = {
  idle: 'grey',
  connecting: 'yellow',
  open: 'green',
  waiting: 'yellow',
  paused: 'grey',
};

/** The connection table: one row per exchange with a live feed. */
export function connectionRows(statuses: readonly ConnectionStatus[]): ConnectionRow[] {
  return statuses.map((s) => {
    const lastMessage = s.lastMessageAt === null ? '—' : clockText(s.lastMessageAt);
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    return {
      exchange: s.exchange,
      state: s.state === 'waiting' && s.retryInMs !== null ? `reconnecting in ${s.retryInMs / 1000} s` : STATE_TEXT[s.state],
      tone: TONE[s.state],
      streams: s.channels,
      lastMessage,
      reconnects: s.reconnects,
      detail: `${plural(s.channels, 'stream')}, last message ${lastMessage}, ${plural(s.reconnects, 'reconnection')}${s.error ? `; ${s.error}` : ''}`,
    };
  });
}

/**
 * What changed in the connections since `seen` (each exchange's last state, updated here), in one sentence for a
 * screen reader: `Live prices: binance connected.`; `null` when no state changed. The last-message clock and
 * the retry countdown move every second and are never announced.
 */
export function connectionChanges(seen: Map<string, ConnectionState>, statuses: readonly ConnectionStatus[]): string | null {
  const changed: string[] = [];
  for (const s of statuses) {
    if (seen.get(s.exchange) === s.state) continue;
    const first = !seen.has(s.exchange);
    seen.set(s.exchange, s.state);
    // An exchange listed idle from the start has not changed: nothing to say.
    if (first && s.state === 'idle') continue;
    changed.push(`${s.exchange} ${STATE_TEXT[s.state]}`);
  }
  return changed.length === 0 ? null : `Live prices: ${changed.join(', ')}.`;
}

/** Bounds of the pane's settings, in seconds: the same as the workbook setting's (src/prices/priceSettings.ts). */
export { INTERVAL_SECONDS, MAX_AGE_SECONDS } from '../../prices/priceSettings';

/**
 * Milliseconds from a number of seconds typed in the pane, within bounds.
 *
 * @example
 * secondsSetting('1.5', 'interval', INTERVAL_SECONDS) // { ok: true, value: 1500 }
 */
export function secondsSetting(text: string, arg: string, bounds: { readonly min: number; readonly max: number }): Outcome<number> {
  const ms = secondsAsMilliseconds(text, bounds);
  if (ms === null) {
    const error = new PaneError('BAD_PRICE_SETTING', { arg, min: bounds.min, max: bounds.max, got: JSON.stringify(text) });
    return { ok: false, message: error.message };
  }
  return { ok: true, value: ms };
}
