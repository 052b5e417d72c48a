import { Dec } from '../engine/decimal';
import { readNumber, readNumberText } from '../engine/numberText';
import type { PriceSettings } from './priceHub';

/**
 * Workbook setting: how often a MARGIN.PRICE cell may update and how old its price may get, in seconds, as
 * `{ "intervalSeconds": 1, "maxAgeSeconds": 30 }`. Either field may be missing: the hub's default then stays.
 */
export const LIVE_PRICES_SETTING = 'multiasset.livePrices';

/** Bounds of the live-price settings, in seconds: for the pane's fields and for the stored setting alike. */
export const INTERVAL_SECONDS = { min: 0.1, max: 60 } as const;
export const MAX_AGE_SECONDS = { min: 1, max: 3600 } as const;

type SettingKey = keyof PriceSettings;

/** The stored field of each hub setting, its bounds, and the name the pane gives it. */
const FIELDS: Readonly<
  Record<SettingKey, { readonly field: string; readonly bounds: { min: number; max: number }; readonly arg: string }>
> = {
  intervalMs: { field: 'intervalSeconds', bounds: INTERVAL_SECONDS, arg: 'interval' },
  maxAgeMs: { field: 'maxAgeSeconds', bounds: MAX_AGE_SECONDS, arg: 'maximum age' },
};

const KEYS = Object.keys(FIELDS) as SettingKey[];

/** What {@link readStoredPriceSettings} found: the settings to apply (only the valid ones) and why others were not. */
export interface StoredPriceSettingsReport {
  readonly settings: Partial<PriceSettings>;
  readonly warnings: readonly string[];
}

/** A stored value as a warning shows it: short, whatever it is. */
function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The stored setting as a value: JSON text parsed (undefined when it is not JSON), anything else as it is. */
function storedValue(stored: unknown): unknown {
  if (typeof stored !== 'string') return stored;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return undefined;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored setting as an object, or null (with a warning) when it is something else. */
function storedObject(stored: unknown, warnings: string[]): Record<string, unknown> | null {
  if (stored === null || stored === undefined || stored === '') return null;
  const value = storedValue(stored);
  if (value === undefined) {
    warnings.push(`setting ${LIVE_PRICES_SETTING} is not valid JSON; skipped, the live-price settings stay as they are`);
    return null;
  }
  if (isPlainObject(value)) return value;
  warnings.push(
    `setting ${LIVE_PRICES_SETTING}: expected an object such as { "intervalSeconds": 1, "maxAgeSeconds": 30 }, got ${shown(stored)}; skipped, the live-price settings stay as they are`,
  );
  return null;
}

/**
 * Seconds within `bounds` (a number, or text as typed in the pane or stored), read through the one bounded number
 * reader, as whole milliseconds rounded half up; null when refused. The pane's fields and the stored setting both
 * read through here.
 */
export function secondsAsMilliseconds(value: unknown, bounds: { readonly min: number; readonly max: number }): number | null {
  const reading = typeof value === 'number' ? readNumber(value) : typeof value === 'string' ? readNumberText(value.trim()) : null;
  if (reading === null || !reading.ok) return null;
  const seconds: Dec = reading.value;
  if (seconds.lt(bounds.min) || seconds.gt(bounds.max)) return null;
  return seconds.times(1000).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

/**
 * Reads the workbook's stored live-price settings. Each field is read on its own: a refused one (wrong type,
 * out of bounds, a huge exponent, NaN) is skipped with a warning naming the setting and the field, and the other
 * still applies. Nothing here throws.
 *
 * @example
 * readStoredPriceSettings({ intervalSeconds: 2.5 }) // { settings: { intervalMs: 2500 }, warnings: [] }
 */
export function readStoredPriceSettings(stored: unknown): StoredPriceSettingsReport {
  const warnings: string[] = [];
  const settings: Partial<Record<SettingKey, number>> = {};
  const object = storedObject(stored, warnings);
  if (object === null) return { settings, warnings };
  const own = (name: string): boolean => Object.prototype.hasOwnProperty.call(object, name);
  for (const key of KEYS) {
    const { field, bounds, arg } = FIELDS[key];
    if (!own(field)) continue;
    const ms = secondsAsMilliseconds(object[field], bounds);
    if (ms === null) {
      warnings.push(
        `setting ${LIVE_PRICES_SETTING}: ${field} (the ${arg}) expected a number of seconds from ${bounds.min} to ${bounds.max}, got ${shown(object[field])}; skipped`,
      );
    } else {
      settings[key] = ms;
    }
  }
  const known = KEYS.map((key) => FIELDS[key].field);
  for (const name of Object.keys(object)) {
    if (!known.includes(name))
      warnings.push(`setting ${LIVE_PRICES_SETTING}: unknown field ${shown(name)} ignored (expected ${known.join(', ')})`);
  }
  return { settings, warnings };
}

/**
 * The setting to store after the pane changed `change`: the stored object with those fields replaced, so that a
 * field the change does not touch stays as it was stored, even one that was refused (saving never loses it).
 */
export function storedPriceSettings(previous: unknown, change: Partial<PriceSettings>): Record<string, unknown> {
  const base = storedValue(previous);
  const next: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const key of KEYS) {
    const ms = change[key];
    if (ms !== undefined) next[FIELDS[key].field] = ms / 1000;
  }
  return next;
}
