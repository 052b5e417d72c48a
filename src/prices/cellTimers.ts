/** What a streaming cell's timers read from its hub: the clock and the update interval. */
export interface CellClock {
  now(): number;
  readonly settings: { readonly intervalMs: number };
}

/**
 * The two timers of a streaming cell, the same for a PRICE cell and an ACCOUNT cell: updates shown at most once
 * per interval (at once when the interval since the last has passed, else once when it does, however many arrive
 * meanwhile), and one pending check, for the moment what the cell shows reaches its age limit.
 */
export class CellTimers {
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private throttleTimer: ReturnType<typeof setTimeout> | null = null;
  private staleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly clock: CellClock,
    private readonly show: () => void,
  ) {}

  /** Something new for the cell: shown now, or when the interval since it was last shown has passed. */
  throttled(): void {
    if (this.throttleTimer !== null) return;
    const wait = this.lastEmitAt + this.clock.settings.intervalMs - this.clock.now();
    if (wait <= 0) this.emit();
    else this.throttleTimer = setTimeout(() => this.emit(), wait);
  }

  /** Shows the cell now; its next interval starts. */
  emit(): void {
    this.throttleTimer = null;
    this.lastEmitAt = this.clock.now();
    this.show();
  }

  /** Runs `check` in `waitMs`, in place of any check pending. */
  checkIn(waitMs: number, check: () => void): void {
    this.cancelCheck();
    this.staleTimer = setTimeout(() => {
      this.staleTimer = null;
      check();
    }, waitMs);
  }

  get checking(): boolean {
    return this.staleTimer !== null;
  }

  cancelCheck(): void {
    if (this.staleTimer !== null) clearTimeout(this.staleTimer);
    this.staleTimer = null;
  }

  /** Cancels the pending update and check. */
  stop(): void {
    if (this.throttleTimer !== null) clearTimeout(this.throttleTimer);
    this.throttleTimer = null;
    this.cancelCheck();
  }
}
