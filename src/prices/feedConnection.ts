import { oversizedMessage } from '../net';
import type { ExchangeFeed, PriceTick } from './feeds';

/**
 * The part of a WebSocket used here. The browser's `WebSocket` (Excel's runtime) and the `ws` package (tests,
 * Node) both have it.
 */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

export type SocketFactory = (url: string) => SocketLike;

/** `idle`: nothing subscribed; `waiting`: dropped, reconnecting after a delay; `paused`: stopped from the pane. */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'waiting' | 'paused';

export interface Backoff {
  /** Delay before the first reconnection attempt; each further attempt doubles it, up to `maxMs`. */
  readonly initialMs: number;
  readonly maxMs: number;
  /**
   * How long a connection must stay open, delivering data, before the delay starts again from `initialMs`
   * (`maxMs` when not given). A server that accepts and then closes keeps the delay growing.
   */
  readonly healthyMs?: number;
}

/** How a connection notices that it went quiet: the age after which silence means it is dead. */
export interface Liveness {
  /** A connection that has received nothing (data, acknowledgement or pong) for this long is closed and reopened. */
  silentAfterMs(): number;
}

export interface ConnectionStatus {
  readonly exchange: string;
  readonly state: ConnectionState;
  /** Streams subscribed (or to subscribe once connected). */
  readonly channels: number;
  readonly reconnects: number;
  readonly lastMessageAt: number | null;
  /** Delay of the reconnection under way, while `waiting`. */
  readonly retryInMs: number | null;
  /** Why the connection was last closed by the add-in (a message over the limit), until prices arrive again. */
  readonly error?: string | null;
}

interface Events {
  tick(tick: PriceTick, at: number): void;
  status(): void;
  /** A message was refused (larger than the limit): the connection is closed and reopened. */
  refused?(detail: string): void;
}

/**
 * One websocket to one exchange, shared by every cell that streams from it. Streams are reference-counted:
 * subscribed when the first cell needs them, unsubscribed when the last one lets go. A dropped connection, or one
 * silent past the age limit, is reopened after a growing delay and every stream is subscribed again; the delay
 * starts over only once a connection has delivered data for a while.
 */
export class FeedConnection {
  private socket: SocketLike | null = null;
  private open = false;
  private state: ConnectionState = 'idle';
  private readonly channels = new Map<string, number>();
  private attempts = 0;
  private reconnects = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryInMs: number | null = null;
  private keepAliveTimer: ReturnType<typeof setInterval> | null = null;
  private watchdogTimer: ReturnType<typeof setInterval> | null = null;
  private connectTimer: ReturnType<typeof setTimeout> | null = null;
  private lastMessageAt: number | null = null;
  /** When the open connection last received anything, and when it opened. */
  private heardAt = 0;
  private openedAt = 0;
  private error: string | null = null;

  constructor(
    private readonly feed: ExchangeFeed,
    private readonly url: string,
    private readonly connect: SocketFactory,
    private readonly backoff: Backoff,
    private readonly now: () => number,
    private readonly events: Events,
    private readonly liveness?: Liveness,
  ) {}

  status(): ConnectionStatus {
    return {
      exchange: this.feed.id,
      state: this.state,
      channels: this.channels.size,
      reconnects: this.reconnects,
      lastMessageAt: this.lastMessageAt,
      retryInMs: this.state === 'waiting' ? this.retryInMs : null,
      error: this.error,
    };
  }

  addChannel(channel: string): void {
    const count = this.channels.get(channel) ?? 0;
    this.channels.set(channel, count + 1);
    if (count > 0) return;
    if (this.open) this.send(this.feed.subscribe([channel]));
    else this.ensureConnecting();
    this.events.status();
  }

  removeChannel(channel: string): void {
    const count = this.channels.get(channel) ?? 0;
    if (count > 1) {
      this.channels.set(channel, count - 1);
      return;
    }
    this.channels.delete(channel);
    if (this.open) this.send(this.feed.unsubscribe([channel]));
    if (this.channels.size === 0) this.shutDown('idle');
    this.events.status();
  }

  pause(): void {
    this.shutDown('paused');
    this.events.status();
  }

  private ensureConnecting(): void {
    if (this.socket !== null || this.retryTimer !== null || this.state === 'paused' || this.channels.size === 0) return;
    this.state = 'connecting';
    let socket: SocketLike;
    try {
      socket = this.connect(this.url);
    } catch {
      // A refused URL (e.g. by the page's security policy) is retried like a dropped connection.
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    const silentAfter = this.liveness?.silentAfterMs();
    // A handshake that never completes counts as a silent connection.
    if (silentAfter !== undefined) this.connectTimer = setTimeout(() => this.giveUp(socket), silentAfter);
    socket.onopen = () => this.opened(socket);
    socket.onmessage = (event) => this.received(socket, event.data);
    socket.onclose = () => this.closed(socket);
    // An error is always followed by a close, where the retry is scheduled.
    socket.onerror = () => undefined;
  }

  private opened(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.open = true;
    this.state = 'open';
    if (this.connectTimer !== null) clearTimeout(this.connectTimer);
    this.connectTimer = null;
    // The delay is not reset here: only a connection that stays healthy for a while resets it (see received).
    this.openedAt = this.now();
    this.heardAt = this.openedAt;
    if (this.channels.size > 0) this.send(this.feed.subscribe([...this.channels.keys()]));
    this.startTimers();
    this.events.status();
  }

  /**
   * The exchange's documented keep-alive, sent at its own period or, when the age limit is shorter, twice per
   * age limit; and a watchdog that closes and reopens a connection silent past the age limit.
   */
  private startTimers(): void {
    const silentAfter = this.liveness?.silentAfterMs();
    const keepAlive = this.feed.keepAlive;
    if (keepAlive) {
      const every = silentAfter === undefined ? keepAlive.everyMs : Math.min(keepAlive.everyMs, Math.max(10, silentAfter / 2));
      this.keepAliveTimer = setInterval(() => this.send(keepAlive.message), every);
    }
    if (silentAfter !== undefined) {
      this.watchdogTimer = setInterval(() => this.checkSilence(), Math.max(10, Math.min(1000, silentAfter / 4)));
    }
  }

  private checkSilence(): void {
    const socket = this.socket;
    const silentAfter = this.liveness?.silentAfterMs();
    if (socket === null || !this.open || silentAfter === undefined || this.now() - this.heardAt < silentAfter) return;
    this.giveUp(socket);
  }

  /** Treats a silent socket as dropped now, whether or not it ever reports its close. */
  private giveUp(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.closed(socket);
    try {
      socket.close();
    } catch {
      // Already closing.
    }
  }

  private received(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket) return;
    // Measured before anything reads it: a message past the limit is refused like a dropped connection.
    const oversized = oversizedMessage(this.url, data);
    if (oversized !== null) {
      this.error = oversized;
      this.events.refused?.(oversized);
      this.giveUp(socket);
      return;
    }
    const at = this.now();
    this.lastMessageAt = at;
    this.heardAt = at;
    let message: unknown;
    try {
      message = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return; // "pong" and other plain-text keep-alive answers
    }
    const ticks = this.feed.ticks(message);
    if (ticks.length > 0) this.error = null;
    if (ticks.length > 0 && this.attempts > 0 && at - this.openedAt >= (this.backoff.healthyMs ?? this.backoff.maxMs)) this.attempts = 0;
    for (const tick of ticks) this.events.tick(tick, at);
  }

  private closed(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.open = false;
    this.stopKeepAlive();
    if (this.state === 'paused' || this.channels.size === 0) {
      if (this.state !== 'paused') this.state = 'idle';
    } else {
      this.scheduleRetry();
    }
    this.events.status();
  }

  private scheduleRetry(): void {
    this.socket = null;
    this.open = false;
    this.state = 'waiting';
    this.retryInMs = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempts);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryInMs = null;
      this.reconnects += 1;
      this.ensureConnecting();
      this.events.status();
    }, this.retryInMs);
  }

  private shutDown(state: 'idle' | 'paused'): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryInMs = null;
    this.stopKeepAlive();
    const socket = this.socket;
    this.socket = null;
    this.open = false;
    this.state = state;
    socket?.close();
  }

  private stopKeepAlive(): void {
    if (this.connectTimer !== null) clearTimeout(this.connectTimer);
    this.connectTimer = null;
    if (this.keepAliveTimer !== null) clearInterval(this.keepAliveTimer);
    if (this.watchdogTimer !== null) clearInterval(this.watchdogTimer);
    this.keepAliveTimer = null;
    this.watchdogTimer = null;
  }

  private send(text: string): void {
    try {
      this.socket?.send(text);
    } catch {
      // A socket that is closing throws; its close event brings the retry.
    }
  }
}
