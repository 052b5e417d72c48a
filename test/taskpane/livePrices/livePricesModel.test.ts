import {
  connectionChanges,
  connectionRows,
  INTERVAL_SECONDS,
  MAX_AGE_SECONDS,
  secondsSetting,
} from '../../../src/taskpane/livePrices/livePricesModel';
import type { ConnectionState } from '../../../src/prices/feedConnection';

describe('connectionRows', () => {
  it('says per exchange whether it is connected, how many streams it carries and when it last heard from it', () => {
    const at = new Date(2026, 10, 30, 9, 5, 7).getTime();
    expect(
      connectionRows([
        { exchange: 'binance', state: 'open', channels: 2, reconnects: 1, lastMessageAt: at, retryInMs: null },
        { exchange: 'okx', state: 'waiting', channels: 1, reconnects: 3, lastMessageAt: null, retryInMs: 4000 },
        { exchange: 'bybit', state: 'idle', channels: 0, reconnects: 0, lastMessageAt: null, retryInMs: null },
        { exchange: 'bitget', state: 'paused', channels: 0, reconnects: 0, lastMessageAt: null, retryInMs: null },
      ]),
    ).toEqual([
      {
        exchange: 'binance',
        state: 'connected',
        tone: 'green',
        streams: 2,
        lastMessage: '09:05:07',
        reconnects: 1,
        detail: '2 streams, last message 09:05:07, 1 reconnection',
      },
      {
        exchange: 'okx',
        state: 'reconnecting in 4 s',
        tone: 'yellow',
        streams: 1,
        lastMessage: '—',
        reconnects: 3,
        detail: '1 stream, last message —, 3 reconnections',
      },
      {
        exchange: 'bybit',
        state: 'idle',
        tone: 'grey',
        streams: 0,
        lastMessage: '—',
        reconnects: 0,
        detail: '0 streams, last message —, 0 reconnections',
      },
      {
        exchange: 'bitget',
        state: 'paused',
        tone: 'grey',
        streams: 0,
        lastMessage: '—',
        reconnects: 0,
        detail: '0 streams, last message —, 0 reconnections',
      },
    ]);
  });

  it('adds why the add-in last closed a connection (a message over the limit), naming the URL and the limit', () => {
    const error =
      'wss://stream.bybit.com/v5/public/linear sent a message of 5000000 characters, more than the limit of 4 MB: closed, reconnecting';
    expect(
      connectionRows([{ exchange: 'bybit', state: 'waiting', channels: 1, reconnects: 1, lastMessageAt: null, retryInMs: 1000, error }])[0]
        ?.detail,
    ).toBe(`1 stream, last message —, 1 reconnection; ${error}`);
  });
});

describe('secondsSetting', () => {
  it.each([
    ['1', 1000],
    ['0.25', 250],
    [' 2.5 ', 2500],
    ['60', 60000],
  ])('reads an interval of %p seconds as %p ms', (text, ms) => {
    expect(secondsSetting(text, 'interval', INTERVAL_SECONDS)).toEqual({ ok: true, value: ms });
  });

  it.each(['', 'fast', '0', '0.05', '61', '-1', '1e3'])('refuses an interval of %p, naming the setting and its bounds', (text) => {
    expect(secondsSetting(text, 'interval', INTERVAL_SECONDS)).toEqual({
      ok: false,
      message: `interval: expected a number of seconds from 0.1 to 60, got ${JSON.stringify(text)}`,
    });
  });

  it('bounds the maximum age between 1 s and an hour', () => {
    expect(secondsSetting('30', 'maximum age', MAX_AGE_SECONDS)).toEqual({ ok: true, value: 30000 });
    expect(secondsSetting('0.5', 'maximum age', MAX_AGE_SECONDS)).toMatchObject({ ok: false });
    expect(secondsSetting('3601', 'maximum age', MAX_AGE_SECONDS)).toMatchObject({ ok: false });
  });
});

describe('connectionChanges', () => {
  const status = (exchange: string, state: ConnectionState, lastMessageAt: number | null = null) => ({
    exchange,
    state,
    channels: 1,
    reconnects: 0,
    lastMessageAt,
    retryInMs: state === 'waiting' ? 2000 : null,
  });

  it('says each change of state once, and nothing while only the clock moves', () => {
    const seen = new Map<string, ConnectionState>();
    expect(connectionChanges(seen, [status('binance', 'idle'), status('okx', 'idle')])).toBeNull();
    expect(connectionChanges(seen, [status('binance', 'connecting'), status('okx', 'idle')])).toBe('Live prices: binance connecting.');
    expect(connectionChanges(seen, [status('binance', 'open', 1), status('okx', 'idle')])).toBe('Live prices: binance connected.');
    expect(connectionChanges(seen, [status('binance', 'open', 2), status('okx', 'idle')])).toBeNull();
    expect(connectionChanges(seen, [status('binance', 'paused'), status('okx', 'paused')])).toBe(
      'Live prices: binance paused, okx paused.',
    );
    expect(connectionChanges(seen, [status('binance', 'waiting'), status('okx', 'paused')])).toBe('Live prices: binance reconnecting.');
  });
});
