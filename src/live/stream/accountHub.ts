import type { Dec } from '../../engine/decimal';
import { dec } from '../../engine/decimal';
import { isMarginError, MarginError } from '../../engine/errors';
import type { AccountExchange, AccountSnapshot } from '../../presets/account';
import { ACCOUNT_EXCHANGES } from '../../presets/account';
import { CellTimers } from '../../prices/cellTimers';
import { clockText } from '../../prices/clockText';
import type { StreamHubOptions, StreamSettings } from '../../prices/streamHub';
import { StreamHub } from '../../prices/streamHub';
import type { Backoff } from '../../prices/feedConnection';
import { EXCHANGE_FEEDS } from '../../prices/feeds';
import type { PriceHub } from '../../prices/priceHub';
import type { AccountSource, AccountStatus } from './accountConnection';
import { AccountConnection } from './accountConnection';
import { AccountReader } from './accountReader';
import type { AccountPart, AccountTable } from './accountTables';
import type { Credentials } from '../signers';
import type { PrivateUrls } from './privateFeeds';
import { privateFeed } from './privateFeeds';

/** Where an account cell's tables go: a table, or the error the cell shows instead. */
export interface AccountSink {
  value(table: AccountTable): void;
  error(error: MarginError): void;
}

/** An account not heard from for `maxAgeMs` shows #N/A "stale since …". */
export type AccountSettings = StreamSettings;

export const DEFAULT_ACCOUNT_SETTINGS: AccountSettings = { intervalMs: 1000, maxAgeMs: 60_000 };
const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000 };

export interface AccountHubOptions extends StreamHubOptions<AccountSettings, AccountExchange, PrivateUrls> {
  /** The signed REST snapshot taken on every (re)connection. */
  readonly snapshot: AccountSource;
  /** Live prices for collateral the account's own documents leave unpriced. */
  readonly prices?: PriceHub;
}

/** The account as read from the current documents, once per change, shared by every cell. */
type Reading = { readonly snapshot: AccountSnapshot } | { readonly error: MarginError };

class Account {
  version = 0;
  private reading: { version: number; value: Reading } | null = null;
  private readonly tables = new Map<AccountPart, { version: number; table: AccountTable }>();
  readonly livePrices = new Map<string, Dec>();
  private readonly priceWatches = new Map<string, () => void>();
  private readonly reader: AccountReader;

  constructor(readonly connection: AccountConnection) {
    this.reader = new AccountReader(connection.exchange);
  }

  read(): Reading | null {
    const docs = this.connection.docs;
    if (docs === null) return null;
    if (this.reading?.version === this.version) return this.reading.value;
    let value: Reading;
    try {
      value = { snapshot: this.reader.snapshot(docs, this.livePrices) };
    } catch (error) {
      value = {
        error: isMarginError(error)
          ? error
          : new MarginError('ACCOUNT_REFUSED', { exchange: this.connection.exchange, detail: 'unreadable account' }),
      };
    }
    this.reading = { version: this.version, value };
    return value;
  }

  table(part: AccountPart): AccountTable | MarginError | null {
    const reading = this.read();
    if (reading === null) return null;
    if ('error' in reading) return reading.error;
    const kept = this.tables.get(part);
    if (kept?.version === this.version) return kept.table;
    const table = this.reader.table(reading.snapshot, part, this.connection.totalsAt ?? 0);
    this.tables.set(part, { version: this.version, table });
    return table;
  }

  /** Streams the index price of each collateral asset the documents leave unpriced, from the public feed. */
  watchPrices(hub: PriceHub | undefined, changed: () => void): void {
    if (hub === undefined) return;
    const reading = this.read();
    if (reading === null || 'error' in reading) return;
    const exchange = this.connection.exchange;
    for (const balance of reading.snapshot.balances) {
      if (balance.price !== null || this.priceWatches.has(balance.asset)) continue;
      const request = { exchange, instrument: EXCHANGE_FEEDS[exchange].instrument(balance.asset, 'USDT', 'index'), kind: 'index' as const };
      this.priceWatches.set(
        balance.asset,
        hub.watch(request, {
          value: (price) => {
            this.livePrices.set(balance.asset, dec(price));
            changed();
          },
          error: () => undefined,
        }),
      );
    }
  }

  close(): void {
    for (const stop of this.priceWatches.values()) stop();
    this.priceWatches.clear();
    this.connection.close();
  }
}

/** One cell showing one part of one exchange's account: throttled, and #N/A when the account is not current. */
class Watch {
  private readonly timers: CellTimers;
  private shown: string | null = null;

  constructor(
    private readonly hub: AccountHub,
    readonly exchange: AccountExchange,
    readonly part: AccountPart,
    private readonly sink: AccountSink,
    private readonly startedAt: number,
  ) {
    this.timers = new CellTimers(hub, () => this.emit());
  }

  /** The account changed, or its connection did. */
  changed(): void {
    this.armStaleCheck();
    this.timers.throttled();
  }

  stop(): void {
    this.timers.stop();
  }

  private emit(): void {
    const shown = this.hub.show(this.exchange, this.part, this.startedAt);
    if (shown instanceof MarginError) {
      // The same error again would only make Excel redraw the cell.
      if (this.shown === shown.message) return;
      this.shown = shown.message;
      this.sink.error(shown);
      return;
    }
    this.shown = null;
    this.sink.value(shown);
  }

  /** The cell turns to #N/A "stale" when nothing has been heard from the exchange for the age limit. */
  private armStaleCheck(): void {
    const heard = this.hub.heardAt(this.exchange);
    if (heard === null) {
      this.timers.cancelCheck();
      return;
    }
    const wait = Math.max(0, heard + this.hub.settings.maxAgeMs - this.hub.now());
    this.timers.checkIn(wait + 1, () => {
      if (this.hub.heardAt(this.exchange) === heard) this.timers.emit();
      else this.armStaleCheck();
    });
  }
}

/**
 * The live accounts of the workbook: one private connection per exchange and key, shared by every MARGIN.ACCOUNT
 * cell and the task pane. The pane connects and forgets keys; cells watch.
 */
export class AccountHub extends StreamHub<AccountSettings, Watch> {
  private readonly accounts = new Map<AccountExchange, Account>();

  constructor(private readonly options: AccountHubOptions) {
    super(DEFAULT_ACCOUNT_SETTINGS, options);
  }

  protected settingsChanged(): void {
    this.changed(null);
  }

  /** Streams `exchange`'s account with `keys` (replacing any key connected before). The pane holds it open. */
  connect(exchange: AccountExchange, keys: Credentials): void {
    this.accounts.get(exchange)?.close();
    const ref: { account?: Account } = {};
    const connection = new AccountConnection(
      privateFeed(exchange, this.options.urls?.[exchange]),
      keys,
      {
        connect: this.options.connect,
        snapshot: this.options.snapshot,
        backoff: this.options.backoff ?? DEFAULT_BACKOFF,
        now: this.now,
        silenceMs: this.settings.maxAgeMs,
        listenKeyPingMs: Math.max(1000, Math.floor(this.settings.maxAgeMs / 3)),
      },
      {
        account: () => {
          const account = ref.account;
          if (account === undefined) return;
          account.version += 1;
          account.watchPrices(this.options.prices, () => {
            account.version += 1;
            this.changed(exchange);
          });
          this.changed(exchange);
        },
        status: () => this.changed(exchange),
      },
    );
    const account = new Account(connection);
    ref.account = account;
    this.accounts.set(exchange, account);
    connection.acquire();
    for (const watch of this.watches) if (watch.exchange === exchange) connection.acquire();
    this.changed(exchange);
  }

  /** Closes the exchange's connection and drops its key; its cells show "connect … in the task pane". */
  forget(exchange: AccountExchange): void {
    const account = this.accounts.get(exchange);
    if (account === undefined) return;
    this.accounts.delete(exchange);
    account.close();
    this.changed(exchange);
  }

  isConnected(exchange: AccountExchange): boolean {
    return this.accounts.has(exchange);
  }

  /** Shows `part` of `exchange`'s account in a cell until the returned function is called (Excel's onCanceled). */
  watch(exchange: AccountExchange, part: AccountPart, sink: AccountSink): () => void {
    const watch = new Watch(this, exchange, part, sink, this.now());
    const cancel = this.added(watch, () => this.accounts.get(exchange)?.connection.release());
    this.accounts.get(exchange)?.connection.acquire();
    watch.changed();
    return cancel;
  }

  /** The current table of one part, or the error a cell shows instead. */
  show(exchange: AccountExchange, part: AccountPart, since: number): AccountTable | MarginError {
    const account = this.accounts.get(exchange);
    if (account === undefined) return new MarginError('ACCOUNT_NOT_CONNECTED', { exchange });
    const status = account.connection.status();
    if (status.phase === 'refused') return new MarginError('ACCOUNT_REFUSED', { exchange, detail: status.error ?? 'login refused' });
    const table = account.table(part);
    if (table === null) {
      const detail = status.error === null ? 'waiting for the first snapshot' : `not connected yet: ${status.error}`;
      return new MarginError('ACCOUNT_WAITING', { exchange, detail, since: clockText(since) });
    }
    const heard = status.lastMessageAt;
    if (heard !== null && this.now() - heard >= this.settings.maxAgeMs) {
      return new MarginError('ACCOUNT_STALE', { exchange, since: clockText(heard), maxAge: this.settings.maxAgeMs / 1000 });
    }
    return table;
  }

  /** Last time anything was heard from the exchange's connection. */
  heardAt(exchange: AccountExchange): number | null {
    return this.accounts.get(exchange)?.connection.status().lastMessageAt ?? null;
  }

  /** The account as last read (for "Write tables to sheet"), or null before the first snapshot. */
  snapshot(exchange: AccountExchange): AccountSnapshot | null {
    const reading = this.accounts.get(exchange)?.read() ?? null;
    return reading !== null && 'snapshot' in reading ? reading.snapshot : null;
  }

  /** Connection state per exchange, for the task pane. */
  status(): AccountStatus[] {
    return ACCOUNT_EXCHANGES.map(
      (exchange) =>
        this.accounts.get(exchange)?.connection.status() ?? {
          exchange,
          phase: 'idle',
          connectedSince: null,
          lastEventAt: null,
          lastMessageAt: null,
          reconnects: 0,
          error: null,
          retryInMs: null,
        },
    );
  }

  /** An account or a connection changed (every exchange's when null): its cells and the listeners learn of it. */
  private changed(exchange: AccountExchange | null): void {
    for (const watch of this.watches) if (exchange === null || watch.exchange === exchange) watch.changed();
    this.notify();
  }
}
