import type { AccountStatus } from '../../../src/live/stream';
import { checkLine, readKeyFields, statusLine } from '../../../src/taskpane/connections/connectionsModel';

const at = (h: number, m: number, s: number) => new Date(2026, 11, 7, h, m, s).getTime();

const status = (over: Partial<AccountStatus>): AccountStatus => ({
  exchange: 'okx',
  phase: 'open',
  connectedSince: null,
  lastEventAt: null,
  lastMessageAt: null,
  reconnects: 0,
  error: null,
  retryInMs: null,
  ...over,
});

describe('readKeyFields', () => {
  it('takes the key and secret trimmed, and the passphrase as typed where the exchange has one', () => {
    expect(readKeyFields('okx', { key: ' k1 ', secret: ' s1\t', passphrase: ' p 1 ' })).toEqual({
      key: 'k1',
      secret: 's1',
      passphrase: ' p 1 ',
    });
    expect(readKeyFields('binance', { key: 'k', secret: 's', passphrase: 'ignored' })).toEqual({ key: 'k', secret: 's' });
  });

  it('names the missing field, and never echoes what was typed', () => {
    expect(readKeyFields('bitget', { key: 'k', secret: 's', passphrase: '' })).toEqual({ problem: 'Passphrase: required for Bitget' });
    expect(readKeyFields('bybit', { key: '', secret: 'topsecret', passphrase: '' })).toEqual({ problem: 'API key: required for Bybit' });
    const pasted = readKeyFields('binance', { key: 'k', secret: 'line1\nline2', passphrase: '' });
    expect(pasted).toEqual({ problem: 'Secret: holds a line break or control character; paste the key alone' });
    expect(JSON.stringify(readKeyFields('binance', { key: 'k', secret: 'x'.repeat(300), passphrase: '' }))).not.toContain('xxxx');
  });
});

describe('checkLine', () => {
  it('refuses a key that can trade or withdraw, with the reason', () => {
    expect(checkLine({ verdict: 'can-write', exchange: 'okx', permissions: ['trade'], detail: 'trade (perm: read_only,trade)' })).toEqual({
      refuse: true,
      text: 'Refused: the key can trade (perm: read_only,trade). Create a read-only key and connect with it.',
    });
  });

  it('says plainly when the key could not be verified, and lets it connect', () => {
    expect(checkLine({ failed: 'okx GET /api/v5/account/config: Failed to fetch' })).toEqual({
      refuse: false,
      text: 'Could not verify that the key is read-only: okx GET /api/v5/account/config: Failed to fetch',
    });
    expect(checkLine({ verdict: 'unverified', exchange: 'bitget', detail: 'Bitget does not report it' }).text).toBe(
      'Could not verify that the key is read-only: Bitget does not report it',
    );
  });
});

describe('statusLine', () => {
  it('shows connected, since, last event', () => {
    expect(statusLine(status({ connectedSince: at(9, 5, 1), lastEventAt: at(9, 7, 30) }), true)).toEqual({
      state: 'connected',
      tone: 'safe',
      detail: 'since 09:05:01 · last event 09:07:30',
    });
  });

  it('shows the error and the retry while reconnecting', () => {
    const line = statusLine(
      status({ phase: 'waiting', reconnects: 2, error: 'the connection closed', retryInMs: 4000, connectedSince: at(9, 0, 0) }),
      true,
    );
    expect(line).toEqual({
      state: 'reconnecting',
      tone: 'warning',
      detail: 'since 09:00:00 · 2 reconnects · error: the connection closed · retrying in 4 s',
    });
  });

  it('shows a refused key and a forgotten one', () => {
    expect(statusLine(status({ phase: 'refused', error: '60009 Login failed.' }), true)).toEqual({
      state: 'refused',
      tone: 'danger',
      detail: 'error: 60009 Login failed.',
    });
    expect(statusLine(status({}), false).state).toBe('not connected');
  });
});
