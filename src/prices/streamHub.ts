import type { CellClock } from './cellTimers';
import type { Backoff, SocketFactory } from './feedConnection';

/** The settings of a streaming hub's cells. */
export interface StreamSettings {
  /** Each cell gets at most one update per interval. */
  readonly intervalMs: number;
  /** What a cell shows turns to #N/A "stale since …" when it is this old. */
  readonly maxAgeMs: number;
}

/** How a streaming hub connects, and its settings; `Url` is what one exchange's endpoints are. */
export interface StreamHubOptions<S extends StreamSettings, Exchange extends string, Url> {
  readonly connect: SocketFactory;
  /** Endpoints per exchange; the exchanges' own by default (tests point them at local stand-ins). */
  readonly urls?: Partial<Record<Exchange, Url>>;
  readonly settings?: Partial<S>;
  readonly backoff?: Backoff;
  readonly now?: () => number;
}

/**
 * What the price hub and the account hub share: their settings and clock, the cells watching, and the listeners
 * (the task pane) told of every change.
 */
export abstract class StreamHub<S extends StreamSettings, W extends { stop(): void }> implements CellClock {
  private current: S;
  protected readonly watches = new Set<W>();
  private readonly listeners = new Set<() => void>();
  readonly now: () => number;

  constructor(defaults: S, options: { readonly settings?: Partial<S>; readonly now?: () => number }) {
    this.current = { ...defaults, ...options.settings };
    this.now = options.now ?? Date.now;
  }

  get settings(): S {
    return this.current;
  }

  configure(settings: Partial<S>): void {
    this.current = { ...this.current, ...settings };
    this.settingsChanged();
  }

  /** Calls `listener` whenever a connection or a setting changes; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The cells and listeners learn of new settings. */
  protected abstract settingsChanged(): void;

  protected notify(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Adds a cell's watch; the function returned (Excel's onCanceled) stops and removes it, then runs `release`,
   * once however often it is called.
   */
  protected added(watch: W, release: () => void): () => void {
    this.watches.add(watch);
    let cancelled = false;
    return () => {
      if (cancelled) return;
      cancelled = true;
      watch.stop();
      this.watches.delete(watch);
      release();
    };
  }
}
