/** The Chromium binary the browser tests use: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string;
/** Flags for headless Chromium as root on a machine with no network. */
export const CHROMIUM_ARGS: readonly string[];
export const DEFAULT_CHROMIUM: string;
