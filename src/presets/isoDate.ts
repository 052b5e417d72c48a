/**
 * A UTC calendar date, `YYYY-MM-DD`, as presets date their snapshots (`asOf`).
 *
 * @example isoDate(Date.UTC(2026, 0, 31, 23, 59)) // '2026-01-31'
 */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's UTC date, `YYYY-MM-DD`: the `asOf` of a preset imported or copied now. */
export function today(): string {
  return isoDate(Date.now());
}
