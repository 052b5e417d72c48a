import { MarginError } from '../engine/errors';
import { CellTimers } from './cellTimers';
import { clockText } from './clockText';
import type { StreamHubOptions, StreamSettings } from './streamHub';
import { StreamHub } from './streamHub';
import type { Backoff, ConnectionStatus } from './feedConnection';
import { FeedConnection } from './feedConnection';
import type { LiveExchange, PriceKind, PriceTick } from './feeds';
import { EXCHANGE_FEEDS, LIVE_EXCHANGES } from './feeds';
import type { PriceRequest } from './priceRequest';
import { describePrice } from './priceRequest';
import { priceNumber } from './priceText';

/** Where a streaming cell's values go: a price, or the error the cell shows instead. */
export interface PriceSink {
  value(price: number): void;
  error(error: MarginError): void;
}

/** A price older than `maxAgeMs` shows #N/A "stale since …" instead of the number. */
export type PriceSettings = StreamSettings;

export const DEFAULT_PRICE_SETTINGS: PriceSettings = { intervalMs: 1000, maxAgeMs: 30_000 };
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000, healthyMs: 30_000 };

export interface PriceHubOptions extends StreamHubOptions<PriceSettings, LiveExchange, string> {
  /**
   * The shortest silence after which a connection is reopened, whatever the age limit: Binance pushes a mark
   * price once a second and sends no pong, so a 1 s age limit must not recycle a healthy connection.
   */
  readonly minSilenceMs?: number;
}

export const DEFAULT_MIN_SILENCE_MS = 5000;

interface Quote {
  readonly price: number;
  readonly at: number;
}

const quoteKey = (exchange: string, instrument: string, kind: string): string => `${exchange}|${instrument}|${kind}`;

/** One streaming cell: throttled to the interval, and turned to #N/A when its price goes stale. */
class Watch {
  private readonly timers: CellTimers;
  private shownStale = false;
  readonly key: string;
  readonly channel: string;

  constructor(
    private readonly hub: PriceHub,
    readonly request: PriceRequest,
    private readonly sink: PriceSink,
    private readonly startedAt: number,
  ) {
    this.key = quoteKey(request.exchange, request.instrument, request.kind);
    this.channel = EXCHANGE_FEEDS[request.exchange].channel(request.instrument, request.kind);
    this.timers = new CellTimers(hub, () => this.emit());
  }

  /** A new price for this cell's key arrived (or the cell just started and one is known). */
  updated(): void {
    this.armStaleCheck();
    this.timers.throttled();
  }

  start(): void {
    if (this.hub.quote(this.key) !== undefined) this.updated();
    else this.armStaleCheck();
  }

  paused(since: number): void {
    this.timers.stop();
    this.sink.error(new MarginError('PRICE_PAUSED', { what: describePrice(this.request), since: clockText(since) }));
  }

  stop(): void {
    this.timers.stop();
  }

  /** The age limit changed: the cell turns stale by the new one. */
  restartStaleCheck(): void {
    if (this.timers.checking) this.armStaleCheck();
  }

  private emit(): void {
    const quote = this.hub.quote(this.key);
    const refused = this.hub.refusal(this.key) ?? this.hub.streamError(this.request);
    if (quote === undefined && refused !== undefined) {
      this.shownStale = false;
      this.sink.error(refused);
      return;
    }
    if (quote === undefined || this.isStale(quote)) {
      this.showStale();
      return;
    }
    this.shownStale = false;
    this.sink.value(quote.price);
  }

  private isStale(quote: Quote): boolean {
    return this.hub.now() - quote.at >= this.hub.settings.maxAgeMs;
  }

  private showStale(): void {
    if (this.shownStale) return;
    this.shownStale = true;
    const quote = this.hub.quote(this.key);
    const what = describePrice(this.request);
    const refused = this.hub.refusal(this.key) ?? this.hub.streamError(this.request);
    this.sink.error(
      quote === undefined && refused !== undefined
        ? refused
        : quote === undefined
          ? new MarginError('PRICE_NOT_RECEIVED', { what, since: clockText(this.startedAt) })
          : new MarginError('PRICE_STALE', { what, since: clockText(quote.at), maxAge: this.hub.settings.maxAgeMs / 1000 }),
    );
  }

  /** The cell turns to #N/A at the moment its latest price (or its wait for a first one) reaches the age limit. */
  private armStaleCheck(): void {
    const since = this.hub.quote(this.key)?.at ?? this.startedAt;
    const wait = Math.max(0, since + this.hub.settings.maxAgeMs - this.hub.now());
    this.timers.checkIn(wait, () => {
      const quote = this.hub.quote(this.key);
      if (quote === undefined || this.isStale(quote)) this.showStale();
      else this.armStaleCheck();
    });
  }
}

/**
 * Live prices for every streaming cell of the workbook: one connection per exchange, shared by all cells; each
 * cell's stream is subscribed while at least one cell needs it.
 */
export class PriceHub extends StreamHub<PriceSettings, Watch> {
  /** Prices of watched streams only: an exchange that pushes every instrument adds nothing here. */
  private readonly quotes = new Map<string, Quote>();
  /** Why a watched stream has no price: its server sent another instrument's row on it. */
  private readonly refusals = new Map<string, MarginError>();
  /** Why an exchange's connection was last closed by us (a message over the limit), until a price arrives again. */
  private readonly streamErrors = new Map<LiveExchange, string>();
  private readonly connections = new Map<LiveExchange, FeedConnection>();
  private pausedAt: number | null = null;

  constructor(private readonly options: PriceHubOptions) {
    super(DEFAULT_PRICE_SETTINGS, options);
  }

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  /** Streams `request` to `sink` until the returned function is called (Excel's onCanceled). */
  watch(request: PriceRequest, sink: PriceSink): () => void {
    const watch = new Watch(this, request, sink, this.now());
    const cancel = this.added(watch, () => {
      if (this.pausedAt === null) this.connection(request.exchange).removeChannel(watch.channel);
      this.forgetUnwatched(request.exchange, watch.channel);
    });
    if (this.pausedAt !== null) {
      watch.paused(this.pausedAt);
    } else {
      this.connection(request.exchange).addChannel(watch.channel);
      watch.start();
    }
    return cancel;
  }

  /** The latest valid price of a stream key, with the time it arrived. */
  quote(key: string): Quote | undefined {
    return this.quotes.get(key);
  }

  /** The error a stream key shows instead of a price, when its server sent another instrument on it. */
  refusal(key: string): MarginError | undefined {
    return this.refusals.get(key);
  }

  /** The error a cell of `request` shows while it has no price, when its exchange's connection sent a bad message. */
  streamError(request: PriceRequest): MarginError | undefined {
    const detail = this.streamErrors.get(request.exchange);
    return detail === undefined ? undefined : new MarginError('PRICE_STREAM_BAD_MESSAGE', { what: describePrice(request), detail });
  }

  /** How many prices are kept: at most the three kinds of each watched instrument. */
  get quoteCount(): number {
    return this.quotes.size;
  }

  protected settingsChanged(): void {
    for (const watch of this.watches) watch.restartStaleCheck();
    this.notify();
  }

  /** Closes every connection; cells show #N/A "paused" until resumed. */
  pause(): void {
    if (this.pausedAt !== null) return;
    const at = this.now();
    this.pausedAt = at;
    // Nothing streams while paused: after resuming, cells wait for new prices instead of showing kept ones.
    this.quotes.clear();
    this.refusals.clear();
    this.streamErrors.clear();
    for (const watch of this.watches) watch.paused(at);
    for (const connection of this.connections.values()) connection.pause();
    this.notify();
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.pausedAt = null;
    const byExchange = new Map<LiveExchange, string[]>();
    for (const watch of this.watches) {
      byExchange.set(watch.request.exchange, [...(byExchange.get(watch.request.exchange) ?? []), watch.channel]);
    }
    for (const connection of this.connections.values()) connection.pause();
    this.connections.clear();
    for (const [exchange, channels] of byExchange) for (const channel of channels) this.connection(exchange).addChannel(channel);
    for (const watch of this.watches) watch.start();
    this.notify();
  }

  /** Connection state per exchange with a feed, for the task pane. */
  status(): ConnectionStatus[] {
    return LIVE_EXCHANGES.map(
      (id) =>
        this.connections.get(id)?.status() ?? {
          exchange: id,
          state: this.pausedAt === null ? 'idle' : 'paused',
          channels: 0,
          reconnects: 0,
          lastMessageAt: null,
          retryInMs: null,
        },
    );
  }

  private connection(exchange: LiveExchange): FeedConnection {
    let connection = this.connections.get(exchange);
    if (!connection) {
      const feed = EXCHANGE_FEEDS[exchange];
      connection = new FeedConnection(
        feed,
        this.options.urls?.[exchange] ?? feed.url,
        this.options.connect,
        this.options.backoff ?? DEFAULT_BACKOFF,
        this.now,
        {
          tick: (tick, at) => this.received(exchange, tick, at),
          status: () => this.notify(),
          refused: (detail) => this.badMessage(exchange, detail),
        },
        { silentAfterMs: () => Math.max(this.settings.maxAgeMs, this.options.minSilenceMs ?? DEFAULT_MIN_SILENCE_MS) },
      );
      this.connections.set(exchange, connection);
    }
    return connection;
  }

  /**
   * Drops the prices of a stream no cell watches any more: it is unsubscribed, so they would only age, and a
   * cell entered later must wait for a price streamed for it rather than be shown one kept from before.
   */
  private forgetUnwatched(exchange: LiveExchange, channel: string): void {
    for (const watch of this.watches) if (watch.request.exchange === exchange && watch.channel === channel) return;
    const feed = EXCHANGE_FEEDS[exchange];
    for (const key of [...this.quotes.keys()]) {
      const [ex, instrument, kind] = key.split('|') as [string, string, PriceKind];
      if (ex === exchange && feed.channel(instrument, kind) === channel) {
        this.quotes.delete(key);
        this.refusals.delete(key);
      }
    }
  }

  private watched(exchange: LiveExchange, instrument: string): boolean {
    for (const { request } of this.watches) if (request.exchange === exchange && request.instrument === instrument) return true;
    return false;
  }

  private received(exchange: LiveExchange, tick: PriceTick, at: number): void {
    if (tick.stream !== undefined && tick.stream !== tick.instrument) {
      this.refuse(exchange, tick);
      return;
    }
    const key = quoteKey(exchange, tick.instrument, tick.kind);
    // Streams no cell watches (late pushes after an unsubscribe, or a server pushing everything) are not kept.
    if (!this.watched(exchange, tick.instrument)) return;
    const price = priceNumber(tick.text);
    // A malformed or non-positive price is dropped: the cell keeps its last good one until that goes stale.
    if (price === undefined) return;
    this.refusals.delete(key);
    this.streamErrors.delete(exchange);
    this.quotes.set(key, { price, at });
    for (const watch of this.watches) if (watch.key === key) watch.updated();
  }

  /** A row for another instrument on a watched stream: its cells show #N/A naming the server and what it sent. */
  private refuse(exchange: LiveExchange, tick: PriceTick): void {
    const key = quoteKey(exchange, tick.stream ?? '', tick.kind);
    const watches = [...this.watches].filter((w) => w.key === key);
    if (watches.length === 0) return;
    const url = this.options.urls?.[exchange] ?? EXCHANGE_FEEDS[exchange].url;
    const got = tick.instrument === '' ? 'a row naming no instrument' : JSON.stringify(tick.instrument.slice(0, 40));
    this.quotes.delete(key);
    this.refusals.set(key, new MarginError('PRICE_STREAM_WRONG_INSTRUMENT', { what: describePrice(watches[0]!.request), url, got }));
    for (const watch of watches) watch.updated();
  }

  /** The connection refused a message and reconnects: cells without a price say why. */
  private badMessage(exchange: LiveExchange, detail: string): void {
    this.streamErrors.set(exchange, detail);
    for (const watch of this.watches) if (watch.request.exchange === exchange) watch.updated();
  }
}
