/**
 * The exchanges' public market-data websockets: where each one lives, how it is asked for a price and how its
 * pushes are read. The message formats are those of each exchange's own documentation (test/fixtures/prices
 * holds the documented examples, with their sources).
 */
export type PriceKind = 'mark' | 'index' | 'last';

export const PRICE_KINDS: readonly PriceKind[] = ['mark', 'index', 'last'];

export type LiveExchange = 'binance' | 'okx' | 'bybit' | 'bitget';

/**
 * One price read from a push: the instrument id its row names ('' when it names none), which price it is, and
 * its decimal text as sent. `stream` is the instrument the envelope names (the topic, the subscription argument or
 * the combined stream's name): a row whose instrument differs from it is not used.
 */
export interface PriceTick {
  readonly instrument: string;
  readonly kind: PriceKind;
  readonly text: string;
  readonly stream?: string;
}

export interface ExchangeFeed {
  readonly id: LiveExchange;
  /** The production websocket endpoint; the manifest and the page's security policy allow exactly these hosts. */
  readonly url: string;
  /** Text the exchange wants now and then so that it keeps an idle connection open. */
  readonly keepAlive?: { readonly message: string; readonly everyMs: number };
  /** The exchange's instrument id of a USDⓈ-margined perpetual, e.g. BTCUSDT or BTC-USDT-SWAP. */
  instrument(base: string, quote: string, kind: PriceKind): string;
  /** The stream (topic) that carries `kind` for the instrument; several kinds may share one. */
  channel(instrument: string, kind: PriceKind): string;
  subscribe(channels: readonly string[]): string;
  unsubscribe(channels: readonly string[]): string;
  /** The prices in one parsed message; acknowledgements, pongs and other channels give none. */
  ticks(message: unknown): PriceTick[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);

function tick(instrument: unknown, kind: PriceKind, value: unknown, stream: string | undefined): PriceTick[] {
  const price = text(value);
  if (price === undefined) return [];
  const id = text(instrument) ?? '';
  return [stream === undefined ? { instrument: id, kind, text: price } : { instrument: id, kind, text: price, stream }];
}

/** Binance's pushes on its combined-stream endpoint come wrapped as `{"stream":"btcusdt@markPrice@1s","data":{…}}`. */
function binanceTicks(payload: unknown, stream: string | undefined): PriceTick[] {
  if (!isObject(payload)) return [];
  if (payload.e === 'markPriceUpdate')
    return [...tick(payload.s, 'mark', payload.p, stream), ...tick(payload.s, 'index', payload.i, stream)];
  if (payload.e === '24hrTicker') return tick(payload.s, 'last', payload.c, stream);
  return [];
}

/** Binance request ids only need to differ within one connection. */
let binanceRequestId = 0;

/**
 * Binance USDⓈ-M: `<symbol>@markPrice@1s` carries mark and index, `<symbol>@ticker` the last price. The
 * combined-stream endpoint names each push's stream, so a push can be checked against what was subscribed.
 * Binance pings and the socket answers by itself: no keep-alive to send.
 */
const binance: ExchangeFeed = {
  id: 'binance',
  url: 'wss://fstream.binance.com/stream',
  instrument: (base, quote) => `${base}${quote}`,
  channel: (instrument, kind) => `${instrument.toLowerCase()}@${kind === 'last' ? 'ticker' : 'markPrice@1s'}`,
  subscribe: (channels) => JSON.stringify({ method: 'SUBSCRIBE', params: channels, id: ++binanceRequestId }),
  unsubscribe: (channels) => JSON.stringify({ method: 'UNSUBSCRIBE', params: channels, id: ++binanceRequestId }),
  ticks: (message) => {
    if (!isObject(message)) return [];
    if (typeof message.stream === 'string' && 'data' in message) {
      return binanceTicks(message.data, message.stream.slice(0, Math.max(0, message.stream.indexOf('@'))).toUpperCase());
    }
    return binanceTicks(message, undefined);
  },
};

const OKX_CHANNELS: Readonly<Record<PriceKind, { channel: string; field: string }>> = {
  mark: { channel: 'mark-price', field: 'markPx' },
  index: { channel: 'index-tickers', field: 'idxPx' },
  last: { channel: 'tickers', field: 'last' },
};

const okxArg = (channel: string): Json => {
  const at = channel.indexOf(':');
  return { channel: channel.slice(0, at), instId: channel.slice(at + 1) };
};

/** OKX v5: one channel per kind; the index is quoted on the spot pair (BTC-USDT), the others on the swap. */
const okx: ExchangeFeed = {
  id: 'okx',
  url: 'wss://ws.okx.com:8443/ws/v5/public',
  // OKX drops a connection that has been silent for 30 s.
  keepAlive: { message: 'ping', everyMs: 20_000 },
  instrument: (base, quote, kind) => (kind === 'index' ? `${base}-${quote}` : `${base}-${quote}-SWAP`),
  channel: (instrument, kind) => `${OKX_CHANNELS[kind].channel}:${instrument}`,
  subscribe: (channels) => JSON.stringify({ op: 'subscribe', args: channels.map(okxArg) }),
  unsubscribe: (channels) => JSON.stringify({ op: 'unsubscribe', args: channels.map(okxArg) }),
  ticks: (message) => {
    if (!isObject(message) || !isObject(message.arg) || 'event' in message) return [];
    const arg = message.arg;
    const kind = (Object.keys(OKX_CHANNELS) as PriceKind[]).find((k) => OKX_CHANNELS[k].channel === arg.channel);
    if (kind === undefined) return [];
    const stream = text(arg.instId) ?? '';
    return objects(message.data).flatMap((row) => tick(row.instId, kind, row[OKX_CHANNELS[kind].field], stream));
  },
};

/** Bybit v5 linear: `tickers.<symbol>` carries all three; deltas leave out the fields that did not change. */
const bybit: ExchangeFeed = {
  id: 'bybit',
  url: 'wss://stream.bybit.com/v5/public/linear',
  // Bybit recommends a ping every 20 s.
  keepAlive: { message: '{"op":"ping"}', everyMs: 20_000 },
  instrument: (base, quote) => `${base}${quote}`,
  channel: (instrument) => `tickers.${instrument}`,
  subscribe: (channels) => JSON.stringify({ op: 'subscribe', args: channels }),
  unsubscribe: (channels) => JSON.stringify({ op: 'unsubscribe', args: channels }),
  ticks: (message) => {
    if (!isObject(message) || typeof message.topic !== 'string' || !message.topic.startsWith('tickers.')) return [];
    const stream = message.topic.slice('tickers.'.length);
    return objects(message.data).flatMap((row) => [
      ...tick(row.symbol, 'mark', row.markPrice, stream),
      ...tick(row.symbol, 'index', row.indexPrice, stream),
      ...tick(row.symbol, 'last', row.lastPrice, stream),
    ]);
  },
};

const BITGET_PRODUCT = 'USDT-FUTURES';
const bitgetArg = (channel: string): Json => ({ instType: BITGET_PRODUCT, channel: 'ticker', instId: channel.slice('ticker:'.length) });

/** Bitget v2: the `ticker` channel of USDT-FUTURES carries all three. */
const bitget: ExchangeFeed = {
  id: 'bitget',
  url: 'wss://ws.bitget.com/v2/ws/public',
  // Bitget closes a connection that sends no "ping" for two minutes; it asks for one every 30 s.
  keepAlive: { message: 'ping', everyMs: 30_000 },
  instrument: (base, quote) => `${base}${quote}`,
  channel: (instrument) => `ticker:${instrument}`,
  subscribe: (channels) => JSON.stringify({ op: 'subscribe', args: channels.map(bitgetArg) }),
  unsubscribe: (channels) => JSON.stringify({ op: 'unsubscribe', args: channels.map(bitgetArg) }),
  ticks: (message) => {
    if (!isObject(message) || !isObject(message.arg) || message.arg.channel !== 'ticker' || 'event' in message) return [];
    const stream = text(message.arg.instId) ?? '';
    return objects(message.data).flatMap((row) => [
      ...tick(row.instId, 'mark', row.markPrice, stream),
      ...tick(row.instId, 'index', row.indexPrice, stream),
      ...tick(row.instId, 'last', row.lastPr, stream),
    ]);
  },
};

/** Every exchange with a live price feed, by preset id. BitMart's public futures websocket is not covered. */
export const EXCHANGE_FEEDS: Readonly<Record<LiveExchange, ExchangeFeed>> = { binance, okx, bybit, bitget };

export const LIVE_EXCHANGES = Object.keys(EXCHANGE_FEEDS) as LiveExchange[];

export function isLiveExchange(id: string): id is LiveExchange {
  return Object.prototype.hasOwnProperty.call(EXCHANGE_FEEDS, id);
}

/** The websocket origins (scheme, host and port) the add-in connects to: exactly what the manifest and CSP allow. */
export const WEBSOCKET_ORIGINS: readonly string[] = LIVE_EXCHANGES.map((id) => originOf(EXCHANGE_FEEDS[id].url));

/** Scheme, host and port of a URL (without `URL`, which the functions runtime need not have). */
function originOf(url: string): string {
  return /^[a-z]+:\/\/[^/?#]+/i.exec(url)?.[0] ?? url;
}
