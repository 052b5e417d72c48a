import { oversizedMessage } from '../../net';
import type { Backoff, SocketFactory, SocketLike } from '../../prices/feedConnection';
import type { AccountExchange } from '../../presets/account';
import type { AccountDocuments, AccountUpdate } from './accountDocuments';
import type { Credentials } from '../signers';
import { withoutSecrets } from './keys';
import type { PrivateFeed } from './privateFeeds';
import { binanceListenKeyPing, binanceListenKeyRequest, readBinanceListenKey } from './privateFeeds';

/** The signed REST snapshot of an account: taken on connect and after every reconnect, so no delta is lost. */
export type AccountSource = (exchange: AccountExchange, keys: Credentials) => Promise<AccountDocuments>;

/**
 * `connecting`: opening, logging in or taking the snapshot; `open`: streaming; `waiting`: dropped, reconnecting
 * after a delay; `refused`: the exchange refused the key (no retry: a bad signature does not mend itself);
 * `idle`: nothing needs the account.
 */
export type AccountPhase = 'idle' | 'connecting' | 'open' | 'waiting' | 'refused';

export interface AccountStatus {
  readonly exchange: AccountExchange;
  readonly phase: AccountPhase;
  /** When the current connection's first snapshot arrived. */
  readonly connectedSince: number | null;
  /** Last account event (snapshot or update). */
  readonly lastEventAt: number | null;
  /** Last message of any kind, keep-alive answers included: how current the account is known to be. */
  readonly lastMessageAt: number | null;
  readonly reconnects: number;
  /** What went wrong last, without any secret. */
  readonly error: string | null;
  readonly retryInMs: number | null;
}

export interface ConnectionOptions {
  readonly connect: SocketFactory;
  readonly snapshot: AccountSource;
  readonly backoff: Backoff;
  readonly now: () => number;
  /** A connection silent this long is taken as dead and reopened. */
  readonly silenceMs: number;
  /** How often Binance's listen key is renewed (the answers also keep the connection known alive). */
  readonly listenKeyPingMs: number;
}

interface Events {
  /** The account documents changed (`totals`: the update carried the exchange's own totals). */
  account(totals: boolean): void;
  status(): void;
}

/**
 * One private connection to one exchange with one key, shared by every cell that shows the account. On each
 * (re)connection: log in, subscribe, take a signed snapshot, then apply the stream's events to it (events that
 * arrive while the snapshot is on its way are applied after it). A dropped or silent connection is reopened
 * after a growing delay.
 */
export class AccountConnection {
  private sockets: SocketLike[] = [];
  private generation = 0;
  private phase: AccountPhase = 'idle';
  private refs = 0;
  private attempts = 0;
  private reconnects = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryInMs: number | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private pending: AccountUpdate[] | null = null;
  /** Names a fresh snapshot was taken for on this connection (so one that still lacks them is not asked again). */
  private readonly refetched = new Set<string>();
  private connectedSince: number | null = null;
  private lastEventAt: number | null = null;
  private lastMessageAt: number | null = null;
  private error: string | null = null;
  docs: AccountDocuments | null = null;
  totalsAt: number | null = null;

  constructor(
    readonly feed: PrivateFeed,
    private readonly keys: Credentials,
    private readonly options: ConnectionOptions,
    private readonly events: Events,
  ) {}

  get exchange(): AccountExchange {
    return this.feed.exchange;
  }

  status(): AccountStatus {
    return {
      exchange: this.exchange,
      phase: this.phase,
      connectedSince: this.connectedSince,
      lastEventAt: this.lastEventAt,
      lastMessageAt: this.lastMessageAt,
      reconnects: this.reconnects,
      error: this.error,
      retryInMs: this.phase === 'waiting' ? this.retryInMs : null,
    };
  }

  /** One more user (a cell, or the pane's Connect): the first one opens the connection. */
  acquire(): void {
    this.refs += 1;
    if (this.refs === 1 && this.phase === 'idle') this.open();
  }

  /** One user fewer: the last one closes the connection. */
  release(): void {
    this.refs = Math.max(0, this.refs - 1);
    if (this.refs === 0) this.shutDown('idle');
  }

  /** Closes for good (Forget, or new keys). */
  close(): void {
    this.refs = 0;
    this.shutDown('idle');
  }

  private open(): void {
    this.generation += 1;
    const generation = this.generation;
    this.phase = 'connecting';
    this.pending = [];
    this.refetched.clear();
    this.events.status();
    if (this.feed.urls.api !== undefined) this.openListenKey(generation, this.feed.urls.api);
    else this.openStream(generation, this.feed.urls.stream);
  }

  /** Binance: the WebSocket API hands out the listen key for the key alone (no REST header needed). */
  private openListenKey(generation: number, url: string): void {
    const api = this.socket(generation, url, {
      opened: () => api.send(binanceListenKeyRequest(`start-${generation}`, this.keys)),
      message: (message) => {
        const answer = readBinanceListenKey(message);
        if (answer === null || this.sockets.length > 1) return;
        if ('listenKey' in answer) {
          this.openStream(generation, `${this.feed.urls.stream}/ws/${answer.listenKey}`);
          this.every(generation, this.options.listenKeyPingMs, () => api.send(binanceListenKeyPing(`ping-${generation}`, this.keys)));
        } else {
          this.refused(generation, answer.code, answer.message);
        }
      },
    });
  }

  private openStream(generation: number, url: string): void {
    const loginless = this.feed.urls.api !== undefined;
    const stream = this.socket(generation, url, {
      opened: () => {
        if (loginless) {
          this.loggedIn(generation, stream);
          return;
        }
        this.feed.login(this.keys, this.options.now()).then(
          (login) => {
            if (generation === this.generation && login !== null) stream.send(login);
          },
          (error: unknown) =>
            this.failed(generation, `could not sign the login (${error instanceof Error ? error.message : String(error)})`),
        );
      },
      message: (message) => {
        for (const event of this.feed.read(message)) {
          if (event.kind === 'loggedIn') this.loggedIn(generation, stream);
          else if (event.kind === 'refused') this.refused(generation, event.code, event.message);
          else if (event.kind === 'expired') this.failed(generation, 'the exchange ended the stream (listen key expired)', 0);
          else this.updated(event.apply, event.totals);
        }
      },
    });
    const keepAlive = this.feed.keepAlive;
    if (keepAlive) this.every(generation, keepAlive.everyMs, () => stream.send(keepAlive.message));
  }

  private loggedIn(generation: number, stream: SocketLike): void {
    for (const message of this.feed.subscribe) stream.send(message);
    this.takeSnapshot(generation, true);
  }

  /**
   * A signed snapshot, then the events that arrived while it was on its way. `connected`: the first of this
   * connection (it starts the "since" clock); otherwise one taken mid-stream for what the last one lacked.
   */
  private takeSnapshot(generation: number, connected: boolean): void {
    this.options.snapshot(this.exchange, this.keys).then(
      (docs) => {
        if (generation !== this.generation) return;
        let current = docs;
        for (const apply of this.pending ?? []) current = apply(current);
        this.pending = null;
        this.docs = current;
        const at = this.options.now();
        if (connected) this.connectedSince = at;
        this.lastEventAt = at;
        this.lastMessageAt = at;
        this.totalsAt = at;
        this.phase = 'open';
        if (connected) this.attempts = 0;
        this.error = null;
        this.events.account(true);
        this.events.status();
      },
      (error: unknown) => this.failed(generation, `the snapshot failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  private updated(apply: AccountUpdate, totals: boolean): void {
    if (this.pending !== null) {
      this.pending.push(apply);
      return;
    }
    if (this.docs === null) return;
    const next = apply(this.docs);
    // A delta naming what the snapshot did not fetch (OKX: a contract first held since, without its ctVal) takes a
    // fresh snapshot, once per name and connection; the cells keep the account as last read until it arrives.
    const unfetched = (this.feed.unfetched?.(next) ?? []).filter((name) => !this.refetched.has(name));
    if (unfetched.length > 0) {
      for (const name of unfetched) this.refetched.add(name);
      this.pending = [apply];
      this.takeSnapshot(this.generation, false);
      return;
    }
    this.docs = next;
    const at = this.options.now();
    this.lastEventAt = at;
    if (totals) this.totalsAt = at;
    this.events.account(totals);
    this.events.status();
  }

  /** A socket of this connection's current generation; anything it does after a newer generation began is ignored. */
  private socket(generation: number, url: string, on: { opened: () => void; message: (message: unknown) => void }): SocketLike {
    let socket: SocketLike;
    try {
      socket = this.options.connect(url);
    } catch {
      // A URL refused by the page's policy is retried like a dropped connection.
      this.failed(generation, 'the connection was refused by this computer');
      return { onopen: null, onmessage: null, onclose: null, onerror: null, send: () => undefined, close: () => undefined };
    }
    this.sockets.push(socket);
    const send = socket.send.bind(socket);
    socket.send = (data: string) => {
      try {
        send(data);
      } catch {
        // A closing socket throws; its close brings the retry.
      }
    };
    socket.onopen = () => {
      if (generation === this.generation) on.opened();
    };
    socket.onmessage = (event) => {
      if (generation !== this.generation) return;
      // Named by the stream's base URL: Binance's carries the listen key after it.
      const oversized = oversizedMessage(url.startsWith(this.feed.urls.stream) ? this.feed.urls.stream : url, event.data);
      if (oversized !== null) {
        this.failed(generation, oversized);
        return;
      }
      this.lastMessageAt = this.options.now();
      let message: unknown;
      try {
        message = JSON.parse(typeof event.data === 'string' ? event.data : String(event.data));
      } catch {
        return; // "pong" and other plain-text keep-alive answers
      }
      on.message(message);
    };
    socket.onclose = () => {
      if (generation === this.generation) this.failed(generation, 'the connection closed');
    };
    socket.onerror = () => undefined;
    if (this.sockets.length === 1) this.watchSilence(generation);
    return socket;
  }

  private watchSilence(generation: number): void {
    const started = this.options.now();
    this.every(generation, Math.max(50, Math.floor(this.options.silenceMs / 4)), () => {
      const heard = this.lastMessageAt !== null && this.lastMessageAt > started ? this.lastMessageAt : started;
      if (this.options.now() - heard >= this.options.silenceMs) this.failed(generation, 'the exchange went silent');
    });
  }

  private every(generation: number, ms: number, run: () => void): void {
    if (generation !== this.generation) return;
    this.timers.push(setInterval(run, ms));
  }

  private refused(generation: number, code: string, message: string): void {
    if (generation !== this.generation) return;
    this.closeSockets();
    this.phase = 'refused';
    this.error = withoutSecrets(`${code ? `${code} ` : ''}${message || 'login refused'}`, this.keys);
    this.events.status();
    this.events.account(false);
  }

  private failed(generation: number, why: string, delayMs?: number): void {
    if (generation !== this.generation || this.phase === 'idle' || this.phase === 'refused') return;
    this.closeSockets();
    this.error = withoutSecrets(why, this.keys);
    this.phase = 'waiting';
    this.retryInMs = delayMs ?? Math.min(this.options.backoff.maxMs, this.options.backoff.initialMs * 2 ** this.attempts);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.reconnects += 1;
      this.open();
    }, this.retryInMs);
    this.events.status();
  }

  private closeSockets(): void {
    this.generation += 1;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const socket of this.sockets) {
      try {
        socket.close();
      } catch {
        // already closed
      }
    }
    this.sockets = [];
  }

  private shutDown(phase: 'idle'): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.closeSockets();
    this.phase = phase;
    this.events.status();
  }
}
