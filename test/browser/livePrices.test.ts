import { openPane, type Pane, screenshot } from './support/pane';
import { usePaneSuite } from './support/suite';

const suite = usePaneSuite({ prefix: 'live-prices-' });

const OFFICE_JS = '**/office-js/office.js';

/**
 * office.js as Excel's runtime answers it, for the pane's workbook settings only: the workbook's add-in settings
 * (`Office.context.document.settings`, saved with `saveAsync`) start as `stored`, and the page can read back what
 * was saved from `window.workbookSettings`, with the recalculations asked for. Cells are not used here.
 */
function excelOfficeJs(stored: Record<string, unknown>): string {
  return `(() => {
  const workbook = { values: ${JSON.stringify(stored)}, saves: 0, failure: null, calculations: [] };
  window.workbookSettings = workbook;
  const settings = {
    get: (name) => (name in workbook.values ? JSON.parse(JSON.stringify(workbook.values[name])) : null),
    set: (name, value) => { workbook.values[name] = JSON.parse(JSON.stringify(value)); },
    saveAsync: (callback) => {
      workbook.saves += 1;
      setTimeout(() => callback(workbook.failure === null ? { status: 'succeeded' } : { status: 'failed', error: { message: workbook.failure } }), 0);
    },
  };
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: { document: { settings } },
  };
  const application = { calculate: (type) => workbook.calculations.push(type) };
  window.Excel = { CalculationType: { full: 'Full' }, run: (batch) => batch({ workbook: { application }, sync: () => Promise.resolve() }) };
  window.CustomFunctions = { associate: () => undefined };
})();`;
}

interface InExcel extends Pane {
  /** Console warnings, from the page's first script on. */
  readonly warnings: string[];
  close(): Promise<void>;
}

/** The built pane as Excel opens it for a workbook whose add-in settings are `stored`. */
async function openInExcel(stored: Record<string, unknown>): Promise<InExcel> {
  const { context } = suite.browser;
  const warnings: string[] = [];
  const onConsole = (message: { type(): string; text(): string }): void => {
    if (message.type() === 'warning') warnings.push(message.text());
  };
  await context.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: excelOfficeJs(stored) }));
  context.on('console', onConsole);
  try {
    const pane = await openPane(context, suite.site.origin);
    await pane.page.getByRole('tab', { name: 'Live prices' }).click();
    return {
      ...pane,
      warnings,
      close: async () => {
        context.off('console', onConsole);
        await pane.page.close();
      },
    };
  } finally {
    await context.unroute(OFFICE_JS);
  }
}

interface StoredWorkbook {
  values: Record<string, unknown>;
  saves: number;
  failure: string | null;
  calculations: string[];
}

const workbookSettings = (pane: Pane): Promise<StoredWorkbook> =>
  pane.page.evaluate(() => (window as unknown as { workbookSettings: StoredWorkbook }).workbookSettings);

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

  describe('in Excel, with the workbook settings', () => {
    let excel: InExcel | undefined;
    afterEach(async () => {
      if (excel === undefined) return;
      await screenshot(
        excel.page,
        `live-prices-excel-${(expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
      );
      await excel.close();
      excel = undefined;
    });

    it('shows the interval and the age limit stored in the workbook, and saves a change in it', async () => {
      excel = await openInExcel({
        'multiasset.livePrices': { intervalSeconds: 2.5, maxAgeSeconds: 90 },
        'multiasset.defaultPreset': 'okx',
      });
      const { page } = excel;
      const interval = page.getByLabel('Update each cell at most every (seconds)');
      expect(await interval.inputValue()).toBe('2.5');
      expect(await page.getByLabel('Show #N/A when a price is older than (seconds)').inputValue()).toBe('90');
      expect(await page.locator('#host-notice').isVisible()).toBe(false);

      await interval.fill('4');
      await interval.press('Tab');
      await page.waitForFunction(() => (window as unknown as { workbookSettings: StoredWorkbook }).workbookSettings.saves === 1);
      const saved = await workbookSettings(excel);
      expect(saved.values).toEqual({
        'multiasset.livePrices': { intervalSeconds: 4, maxAgeSeconds: 90 },
        'multiasset.defaultPreset': 'okx',
      });
      expect(await page.locator('#prices-error').isVisible()).toBe(false);
      expect([excel.problems, excel.warnings]).toEqual([[], []]);
    });

    it('saves nothing for a value it refuses', async () => {
      excel = await openInExcel({});
      const { page } = excel;
      const maxAge = page.getByLabel('Show #N/A when a price is older than (seconds)');
      expect(await maxAge.inputValue()).toBe('30');
      await maxAge.fill('1e9');
      await maxAge.press('Tab');
      expect(await page.locator('#prices-error').textContent()).toBe('maximum age: expected a number of seconds from 1 to 3600, got "1e9"');
      expect((await workbookSettings(excel)).saves).toBe(0);
    });

    it('shows a failed save in the message line, and keeps the value in the field', async () => {
      excel = await openInExcel({});
      const { page } = excel;
      await page.evaluate(() => {
        (window as unknown as { workbookSettings: StoredWorkbook }).workbookSettings.failure = 'the workbook is read-only';
      });
      const maxAge = page.getByLabel('Show #N/A when a price is older than (seconds)');
      await maxAge.fill('45');
      await maxAge.press('Tab');
      await page.locator('#prices-error').waitFor({ state: 'visible' });
      expect(await page.locator('#prices-error').textContent()).toBe(
        'maximum age: 45 s applies now, but was not saved in the workbook: the workbook settings could not be saved: the workbook is read-only',
      );
      expect(await maxAge.inputValue()).toBe('45');
      expect(await maxAge.getAttribute('aria-invalid')).toBe('false');
    });

    it('skips a malformed stored value with a warning naming the setting, and shows the default in its field', async () => {
      excel = await openInExcel({ 'multiasset.livePrices': { intervalSeconds: '1e99999999999', maxAgeSeconds: 12 } });
      const { page } = excel;
      expect(await page.getByLabel('Update each cell at most every (seconds)').inputValue()).toBe('1');
      expect(await page.getByLabel('Show #N/A when a price is older than (seconds)').inputValue()).toBe('12');
      expect(excel.warnings).toEqual([
        'Multi-Asset Margin: setting multiasset.livePrices: intervalSeconds (the interval) expected a number of seconds from 0.1 to 60, got "1e99999999999"; skipped',
      ]);
      expect(excel.problems).toEqual([]);
    });
  });
});
