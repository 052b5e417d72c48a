import fc from 'fast-check';
import { LIVE_PRICES_SETTING, MAX_AGE_SECONDS, readStoredPriceSettings, storedPriceSettings } from '../../src/prices';
import { secondsSetting } from '../../src/taskpane/livePrices/livePricesModel';

const bounds = (field: string, arg: string, min: number, max: number, got: string): string =>
  `setting ${LIVE_PRICES_SETTING}: ${field} (the ${arg}) expected a number of seconds from ${min} to ${max}, got ${got}; skipped`;
const intervalRefused = (got: string): string => bounds('intervalSeconds', 'interval', 0.1, 60, got);
const maxAgeRefused = (got: string): string => bounds('maxAgeSeconds', 'maximum age', 1, 3600, got);

describe('readStoredPriceSettings', () => {
  it('reads the interval and the maximum age in seconds as milliseconds', () => {
    expect(readStoredPriceSettings({ intervalSeconds: 2.5, maxAgeSeconds: 90 })).toEqual({
      settings: { intervalMs: 2500, maxAgeMs: 90000 },
      warnings: [],
    });
  });

  it('reads the bounds themselves: 0.1 to 60 s for the interval, 1 s to an hour for the age', () => {
    expect(readStoredPriceSettings({ intervalSeconds: 0.1, maxAgeSeconds: 3600 }).settings).toEqual({ intervalMs: 100, maxAgeMs: 3600000 });
    expect(readStoredPriceSettings({ intervalSeconds: 60, maxAgeSeconds: 1 }).settings).toEqual({ intervalMs: 60000, maxAgeMs: 1000 });
  });

  it('reads the setting stored as JSON text, and seconds written as number text', () => {
    expect(readStoredPriceSettings('{"intervalSeconds":"1.5","maxAgeSeconds":"1e1"}')).toEqual({
      settings: { intervalMs: 1500, maxAgeMs: 10000 },
      warnings: [],
    });
  });

  it("rounds to whole milliseconds, half up as the pane's field does", () => {
    expect(readStoredPriceSettings({ intervalSeconds: 0.1234, maxAgeSeconds: '2.0005' }).settings).toEqual({
      intervalMs: 123,
      maxAgeMs: 2001,
    });
    expect(secondsSetting('2.0005', 'maximum age', MAX_AGE_SECONDS)).toEqual({ ok: true, value: 2001 });
  });

  it('leaves a missing field, or a workbook without the setting, to the hub', () => {
    expect(readStoredPriceSettings({ maxAgeSeconds: 45 })).toEqual({ settings: { maxAgeMs: 45000 }, warnings: [] });
    for (const missing of [null, undefined, '']) expect(readStoredPriceSettings(missing)).toEqual({ settings: {}, warnings: [] });
  });

  it.each([
    ['zero', 0, '0'],
    ['below the bounds', 0.05, '0.05'],
    ['above the bounds', 61, '61'],
    ['negative', -1, '-1'],
    ['a JSON number beyond a double (1e999 reaches it as Infinity)', Number.POSITIVE_INFINITY, 'Infinity'],
    ['NaN', Number.NaN, 'NaN'],
    ['a huge exponent as text', '1e99999999999999999', '"1e99999999999999999"'],
    ['a tiny exponent as text', '1e-400000000', '"1e-400000000"'],
    ['text that is no number', 'fast', '"fast"'],
    ['a boolean', true, 'true'],
    ['null', null, 'null'],
    ['a list', [1], '[1]'],
  ])('skips an interval that is %s with a warning naming the setting, and keeps the maximum age', (_what, value, got) => {
    expect(readStoredPriceSettings({ intervalSeconds: value, maxAgeSeconds: 20 })).toEqual({
      settings: { maxAgeMs: 20000 },
      warnings: [intervalRefused(got)],
    });
  });

  it('skips a maximum age out of its own bounds', () => {
    expect(readStoredPriceSettings({ intervalSeconds: 2, maxAgeSeconds: 0.5 })).toEqual({
      settings: { intervalMs: 2000 },
      warnings: [maxAgeRefused('0.5')],
    });
    expect(readStoredPriceSettings({ maxAgeSeconds: 3601 }).warnings).toEqual([maxAgeRefused('3601')]);
  });

  it('shortens a long stored value in the warning', () => {
    expect(readStoredPriceSettings({ intervalSeconds: '9'.repeat(500) }).warnings).toEqual([intervalRefused(`"${'9'.repeat(39)}…`)]);
  });

  it.each([
    ['a number', 5, '5'],
    ['a list', [1, 30], '[1,30]'],
    ['true', true, 'true'],
  ])('skips the whole setting when it is %s, with a warning showing what an object looks like', (_what, stored, got) => {
    expect(readStoredPriceSettings(stored)).toEqual({
      settings: {},
      warnings: [
        `setting ${LIVE_PRICES_SETTING}: expected an object such as { "intervalSeconds": 1, "maxAgeSeconds": 30 }, got ${got}; skipped, the live-price settings stay as they are`,
      ],
    });
  });

  it('skips text that is not JSON', () => {
    expect(readStoredPriceSettings('{interval')).toEqual({
      settings: {},
      warnings: [`setting ${LIVE_PRICES_SETTING} is not valid JSON; skipped, the live-price settings stay as they are`],
    });
  });

  it('names an unknown field, including one called "__proto__", and reads the known ones', () => {
    const stored = JSON.parse('{"interval":2,"__proto__":{"intervalSeconds":5},"maxAgeSeconds":12}') as unknown;
    expect(readStoredPriceSettings(stored)).toEqual({
      settings: { maxAgeMs: 12000 },
      warnings: [
        `setting ${LIVE_PRICES_SETTING}: unknown field "interval" ignored (expected intervalSeconds, maxAgeSeconds)`,
        `setting ${LIVE_PRICES_SETTING}: unknown field "__proto__" ignored (expected intervalSeconds, maxAgeSeconds)`,
      ],
    });
  });
});

describe('storedPriceSettings', () => {
  it('stores a change in seconds', () => {
    expect(storedPriceSettings(null, { intervalMs: 2500 })).toEqual({ intervalSeconds: 2.5 });
    expect(storedPriceSettings(undefined, { intervalMs: 100, maxAgeMs: 3600000 })).toEqual({ intervalSeconds: 0.1, maxAgeSeconds: 3600 });
  });

  it('keeps the stored fields the change does not touch, a refused one included', () => {
    expect(storedPriceSettings({ intervalSeconds: 'fast', maxAgeSeconds: 30 }, { maxAgeMs: 45000 })).toEqual({
      intervalSeconds: 'fast',
      maxAgeSeconds: 45,
    });
    expect(storedPriceSettings('{"maxAgeSeconds":12}', { intervalMs: 3000 })).toEqual({ intervalSeconds: 3, maxAgeSeconds: 12 });
  });

  it('replaces a stored value that is no object', () => {
    expect(storedPriceSettings([1, 2], { intervalMs: 1000 })).toEqual({ intervalSeconds: 1 });
    expect(storedPriceSettings('{oops', { intervalMs: 1000 })).toEqual({ intervalSeconds: 1 });
  });

  it('stores what reads back as the same milliseconds, for every setting within the bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 60_000 }), fc.integer({ min: 1000, max: 3_600_000 }), (intervalMs, maxAgeMs) => {
        const stored = JSON.parse(JSON.stringify(storedPriceSettings(null, { intervalMs, maxAgeMs }))) as unknown;
        expect(readStoredPriceSettings(stored)).toEqual({ settings: { intervalMs, maxAgeMs }, warnings: [] });
      }),
    );
  });
});
