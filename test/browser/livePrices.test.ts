import { usePaneSuite } from './support/suite';

const suite = usePaneSuite({ prefix: 'live-prices-' });

beforeEach(async () => {
  await suite.pane.page.getByRole('tab', { name: 'Live prices' }).click();
});

describe('the Live prices section in Chromium', () => {
  it('shows each exchange with a feed and its connection, none open while no cell streams', async () => {
    const { page } = suite.pane;
    const rows = page.locator('#prices-connections li');
    expect(await rows.locator('strong').allTextContents()).toEqual(['binance', 'okx', 'bybit', 'bitget']);
    expect(await rows.locator('[data-state]').allTextContents()).toEqual(Array(4).fill('idle'));
    expect(await rows.locator('.detail').allTextContents()).toEqual(Array(4).fill('0 streams, last message —, 0 reconnections'));
    expect(suite.pane.problems).toEqual([]);
  });

  it('pauses and resumes live prices', async () => {
    const { page } = suite.pane;
    await page.getByRole('button', { name: 'Pause live prices' }).click();
    expect(await page.locator('#prices-connections [data-state]').allTextContents()).toEqual(Array(4).fill('paused'));
    expect(await page.locator('#prices-pause').getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Resume live prices' }).click();
    expect(await page.locator('#prices-connections [data-state]').allTextContents()).toEqual(Array(4).fill('idle'));
  });

  it('checks the interval as it is set, with a message naming the setting and its bounds', async () => {
    const { page } = suite.pane;
    const interval = page.getByLabel('Update each cell at most every (seconds)');
    expect(await interval.inputValue()).toBe('1');
    await interval.fill('0');
    await interval.press('Tab');
    expect(await page.locator('#prices-error').textContent()).toBe('interval: expected a number of seconds from 0.1 to 60, got "0"');
    expect(await interval.getAttribute('aria-invalid')).toBe('true');
    await interval.fill('2.5');
    await interval.press('Tab');
    expect(await page.locator('#prices-error').isVisible()).toBe(false);
    expect(await page.getByLabel('Show #N/A when a price is older than (seconds)').inputValue()).toBe('30');
    expect(suite.pane.problems).toEqual([]);
  });

  it('fits 320 px without horizontal scrolling', async () => {
    const { page } = suite.pane;
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });
});
