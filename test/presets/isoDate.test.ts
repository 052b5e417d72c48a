import { isoDate, today } from '../../src/presets';

describe('isoDate', () => {
  it('is the UTC calendar date, whatever the local time zone', () => {
    expect(isoDate(Date.UTC(2026, 0, 31, 23, 59, 59))).toBe('2026-01-31');
    expect(isoDate(Date.UTC(2026, 1, 1, 0, 0, 0))).toBe('2026-02-01');
  });

  it('gives today as YYYY-MM-DD', () => {
    const before = isoDate(Date.now());
    const now = today();
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([before, isoDate(Date.now())]).toContain(now);
  });
});
