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
}

interface Events {
  tick(tick: PriceTick, at: number): void;
  status(): void;
}

/**
 * One websocket to one exchange, shared by every cell that streams from it. Streams are reference-counted:
 * subscribed when the first cell needs them, unsubscribed when the last one lets go. A dropped connection is
 * reopened after a growing delay and every stream is subscribed again.
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
  private lastMessageAt: number | null = null;

  constructor(
    private readonly feed: ExchangeFeed,
    private readonly url: string,
    private readonly connect: SocketFactory,
    private readonly backoff: Backoff,
    private readonly now: () => number,
    private readonly events: Events,
  ) {}

  status(): ConnectionStatus {
    return {
      exchange: this.feed.id,
      state: this.state,
      channels: this.channels.size,
      reconnects: this.reconnects,
      lastMessageAt: this.lastMessageAt,
      retryInMs: this.state === 'waiting' ? this.retryInMs : null,
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
    this.attempts = 0;
    if (this.channels.size > 0) this.send(this.feed.subscribe([...this.channels.keys()]));
    const keepAlive = this.feed.keepAlive;
    if (keepAlive) this.keepAliveTimer = setInterval(() => this.send(keepAlive.message), keepAlive.everyMs);
    this.events.status();
  }

  private received(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket) return;
    this.lastMessageAt = this.now();
    let message: unknown;
    try {
      message = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return; // "pong" and other plain-text keep-alive answers
    }
    const at = this.now();
    for (const tick of this.feed.ticks(message)) this.events.tick(tick, at);
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
    if (this.keepAliveTimer !== null) clearInterval(this.keepAliveTimer);
    this.keepAliveTimer = null;
  }

  private send(text: string): void {
    try {
      this.socket?.send(text);
    } catch {
      // A socket that is closing throws; its close event brings the retry.
    }
  }
}
