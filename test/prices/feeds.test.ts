import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXCHANGE_FEEDS, priceNumber, priceRequest, WEBSOCKET_ORIGINS } from '../../src/prices';
import { BUILTIN_PRESETS, PresetRegistry } from '../../src/presets';
import { fixture } from '../support/priceServer';

const registry = new PresetRegistry(BUILTIN_PRESETS);
const preset = (id: string) => registry.resolve(id);

describe('each exchange reads its documented push example, every price exactly', () => {
  it.each([
    [
      'binance',
      'binance-markPrice.json',
      [
        { instrument: 'BTCUSDT', kind: 'mark', text: '11794.15000000' },
        { instrument: 'BTCUSDT', kind: 'index', text: '11784.62659091' },
      ],
    ],
    ['binance', 'binance-ticker.json', [{ instrument: 'BTCUSDT', kind: 'last', text: '0.0025' }]],
    ['okx', 'okx-mark-price.json', [{ instrument: 'BTC-USDT', kind: 'mark', text: '42310.6', stream: 'BTC-USDT' }]],
    ['okx', 'okx-index-tickers.json', [{ instrument: 'BTC-USDT', kind: 'index', text: '0.1', stream: 'BTC-USDT' }]],
    ['okx', 'okx-tickers.json', [{ instrument: 'BTC-USDT', kind: 'last', text: '9999.99', stream: 'BTC-USDT' }]],
    [
      'bybit',
      'bybit-tickers-linear.json',
      [
        { instrument: 'BTCUSDT', kind: 'mark', text: '17217.33', stream: 'BTCUSDT' },
        { instrument: 'BTCUSDT', kind: 'index', text: '17227.36', stream: 'BTCUSDT' },
        { instrument: 'BTCUSDT', kind: 'last', text: '17216.00', stream: 'BTCUSDT' },
      ],
    ],
    [
      'bitget',
      'bitget-ticker.json',
      [
        { instrument: 'BTCUSDT', kind: 'mark', text: '27000.0', stream: 'BTCUSDT' },
        { instrument: 'BTCUSDT', kind: 'index', text: '25702.4', stream: 'BTCUSDT' },
        { instrument: 'BTCUSDT', kind: 'last', text: '27000.5', stream: 'BTCUSDT' },
      ],
    ],
  ] as const)('%s: %s', (exchange, file, ticks) => {
    expect(EXCHANGE_FEEDS[exchange].ticks(fixture(file))).toEqual(ticks);
  });

  it("reads Binance's combined-stream wrapping, naming the stream each push came on", () => {
    expect(EXCHANGE_FEEDS.binance.ticks({ stream: 'btcusdt@markPrice@1s', data: fixture('binance-markPrice.json') })).toEqual([
      { instrument: 'BTCUSDT', kind: 'mark', text: '11794.15000000', stream: 'BTCUSDT' },
      { instrument: 'BTCUSDT', kind: 'index', text: '11784.62659091', stream: 'BTCUSDT' },
    ]);
  });

  it('reads the instrument from the row itself, never from the envelope alone', () => {
    const wrong: Record<string, unknown> = fixture('bybit-tickers-linear.json');
    const row = { ...(wrong.data as Record<string, unknown>), symbol: 'ETHUSDT' };
    expect(EXCHANGE_FEEDS.bybit.ticks({ ...wrong, data: row })[0]).toEqual({
      instrument: 'ETHUSDT',
      kind: 'mark',
      text: '17217.33',
      stream: 'BTCUSDT',
    });
    const { symbol: _dropped, ...nameless } = row;
    expect(EXCHANGE_FEEDS.bybit.ticks({ ...wrong, data: nameless })[0]).toEqual({
      instrument: '',
      kind: 'mark',
      text: '17217.33',
      stream: 'BTCUSDT',
    });
  });

  it('has a test above for every fixture file', () => {
    const files = readdirSync(join(__dirname, '..', 'fixtures', 'prices')).filter((f) => f.endsWith('.json') && !f.includes('-rest-'));
    expect(files.sort()).toEqual([
      'binance-markPrice.json',
      'binance-ticker.json',
      'bitget-ticker.json',
      'bybit-tickers-linear.json',
      'okx-index-tickers.json',
      'okx-mark-price.json',
      'okx-tickers.json',
    ]);
  });

  it('reads nothing from acknowledgements, errors and pongs', () => {
    expect(
      EXCHANGE_FEEDS.okx.ticks({ event: 'subscribe', arg: { channel: 'mark-price', instId: 'BTC-USDT-SWAP' }, connId: 'a4d3ae55' }),
    ).toEqual([]);
    expect(EXCHANGE_FEEDS.bitget.ticks({ event: 'error', arg: { channel: 'ticker' }, code: 30001, msg: 'x' })).toEqual([]);
    expect(EXCHANGE_FEEDS.binance.ticks({ result: null, id: 1 })).toEqual([]);
    expect(EXCHANGE_FEEDS.bybit.ticks({ success: true, ret_msg: 'pong', op: 'ping' })).toEqual([]);
  });
});

describe('subscription requests in each exchange documented form', () => {
  it.each([
    ['binance', ['btcusdt@markPrice@1s'], { method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'] }],
    ['okx', ['mark-price:BTC-USDT-SWAP'], { op: 'subscribe', args: [{ channel: 'mark-price', instId: 'BTC-USDT-SWAP' }] }],
    ['bybit', ['tickers.BTCUSDT'], { op: 'subscribe', args: ['tickers.BTCUSDT'] }],
    ['bitget', ['ticker:BTCUSDT'], { op: 'subscribe', args: [{ instType: 'USDT-FUTURES', channel: 'ticker', instId: 'BTCUSDT' }] }],
  ] as const)('%s', (exchange, channels, request) => {
    expect(JSON.parse(EXCHANGE_FEEDS[exchange].subscribe(channels))).toMatchObject(request);
  });
});

describe('an asset or symbol maps to the preset exchange instrument', () => {
  it.each([
    ['binance', 'BTC', 'mark', 'BTCUSDT'],
    ['binance', 'eth-usdt-swap', 'last', 'ETHUSDT'],
    ['binance', 'BTCFDUSD', 'mark', 'BTCFDUSD'],
    ['okx', 'BTC', 'mark', 'BTC-USDT-SWAP'],
    ['okx', 'BTC', 'index', 'BTC-USDT'],
    ['okx', 'ETHUSDC', 'last', 'ETH-USDC-SWAP'],
    ['bybit', 'sol/usdt', 'mark', 'SOLUSDT'],
    ['bitget', 'BTCUSDT_UMCBL', 'index', 'BTCUSDT'],
  ] as const)('%s: %s (%s) → %s', (exchange, typed, kind, instrument) => {
    expect(priceRequest(preset(exchange), typed, kind)).toEqual({ exchange, instrument, kind });
  });

  it('refuses a preset without a live feed, naming the ones with one', () => {
    expect(() => priceRequest(preset('bitmart'), 'BTC', 'mark')).toThrow(
      'exchange: live prices are not available for preset bitmart; they stream from binance, okx, bybit, bitget',
    );
  });
});

describe('priceNumber', () => {
  it.each([
    ['27000.0', 27000],
    ['11794.15000000', 11794.15],
    ['0.1', 0.1],
    ['17216.00', 17216],
  ])('reads %s as %p', (text, value) => {
    expect(priceNumber(text)).toBe(value);
  });

  it.each(['', 'NaN', '0', '0.00', '-1', '1e5', ' 1', 'Infinity', '1.', '.5'])('refuses %p', (text) => {
    expect(priceNumber(text)).toBeUndefined();
  });
});

describe('the websocket origins the add-in needs', () => {
  it('are the four exchanges public market-data endpoints, all wss', () => {
    expect(WEBSOCKET_ORIGINS).toEqual([
      'wss://fstream.binance.com',
      'wss://ws.okx.com:8443',
      'wss://stream.bybit.com',
      'wss://ws.bitget.com',
    ]);
  });
});
