import type { Page } from 'playwright-core';
import { choosePreset, enterScenario, openPane, screenshot, showImportChanges, showSection } from './support/pane';
import { usePaneSuite } from './support/suite';

const suite = usePaneSuite({ perTest: false });

interface Layout {
  /** Page width beyond the viewport (horizontal scroll), in px. */
  readonly overflow: number;
  /** Number cells whose text takes more than one line. */
  readonly brokenNumbers: readonly string[];
  /** Elements other than table boxes that are wider than their own box. */
  readonly clipped: readonly string[];
}

/** Measures the visible part of the page: page overflow, numbers broken across lines, boxes that overflow. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const visible = (e: Element): boolean => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0;
    const lines = (e: Element): number => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return tops.size;
    };
    const numbers = [...document.querySelectorAll('.num, td.num, #preset-assets td, .summary-value')].filter(visible);
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      brokenNumbers: numbers.filter((e) => (e.closest('.summary-value') === null ? lines(e) > 1 : false)).map((e) => e.textContent ?? ''),
      clipped: [...document.querySelectorAll('main section:not([hidden]) *')]
        .filter(
          (e) =>
            visible(e) &&
            e.closest('.table-wrap') === null &&
            !(e instanceof SVGElement) &&
            e.scrollWidth > e.clientWidth + 1 &&
            getComputedStyle(e).overflowX === 'visible' &&
            e.clientWidth > 0,
        )
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`),
    };
  });
}

/** The account of the README's picture: the rules' worked example (docs/RULES.md §3): 10 BTC with a USDT loan and three positions. */
async function fillDesk(page: Page): Promise<void> {
  await choosePreset(page, 'bitget');
  await enterScenario(
    page,
    [
      { asset: 'BTC', amount: '10', price: '60000' },
      { asset: 'USDT', amount: '-150000', price: '1' },
    ],
    [
      { symbol: 'BTCUSDT', side: 'LONG', size: '2', entry: '58000', mark: '60000', mmr: '0.004' },
      { symbol: 'BTCUSDT', side: 'SHORT', size: '0.5', entry: '61000', mark: '60000', mmr: '0.004' },
      { symbol: 'BTCUSDT', side: 'LONG', size: '0.1', entry: '60000', mark: '60000', mmr: '0.004', marginMode: 'isolated' },
    ],
  );
}

describe.each([320, 350])('the pane at %i px', (width) => {
  it('fits every tab without horizontal scroll, and never breaks a number across lines', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, width);
    const { page } = pane;
    await fillDesk(page);
    await page.getByLabel('All non-stable assets price', { exact: true }).fill('-10');
    await page.locator('#price-chart svg').waitFor();
    const scenario = await measure(page);
    await screenshot(page, `layout-${width}-scenario`);

    await showSection(page, 'Presets');
    await page.locator('#preset-assets details[data-asset="BTC"] > summary').click();
    await page.getByRole('button', { name: 'Clone as custom preset' }).click();
    const presets = await measure(page);
    await screenshot(page, `layout-${width}-presets`);

    await showImportChanges(page, 'bitget', 'bitget-discount-rate.json');
    await page.waitForSelector('#import-diff h3');
    // Bitget's live table matches the documented one: only its six notes change, and they come folded.
    await expect(page.locator('#import-no-figures').isVisible()).resolves.toBe(true);
    await expect(page.locator('#import-note-changes li').count()).resolves.toBe(6);
    await expect(page.locator('#import-note-changes').isVisible()).resolves.toBe(false);
    const imports = await measure(page);
    await screenshot(page, `layout-${width}-import`);

    await showSection(page, 'Mode switch');
    const mode = await measure(page);
    await screenshot(page, `layout-${width}-mode-switch`);

    for (const layout of [scenario, presets, imports, mode]) {
      expect(layout).toEqual({ overflow: 0, brokenNumbers: [], clipped: [] });
    }
    expect(pane.problems).toEqual([]);
    await page.close();
  });
});

describe('the scenario at 320 px', () => {
  it('keeps the summary in view while a slider moves, and says "no liquidation price" as good news', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, 320);
    const { page } = pane;
    await fillDesk(page);
    const slider = page.getByLabel('All non-stable assets price', { exact: true });
    await slider.scrollIntoViewIfNeeded();
    await slider.fill('-20');
    const box = await page.locator('#scenario-summary').boundingBox();
    expect(box === null ? null : Math.round(box.y)).toBe(0);
    await expect(page.locator('#summary-equity').isVisible()).resolves.toBe(true);
    await expect(page.locator('#summary-ratio').textContent()).resolves.toMatch(/^\d+\.\d\d%$/);
    // A field scrolled to the top of the pane (as an error link or a search does) lands under the summary.
    await page.getByLabel('Asset, balance row 1', { exact: true }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    const summary = await page.locator('#scenario-summary').boundingBox();
    const field = await page.getByLabel('Asset, balance row 1', { exact: true }).boundingBox();
    expect(summary !== null && field !== null && field.y >= summary.y + summary.height).toBe(true);
    // Positions fold to one line each; the one typed last stays open.
    await expect(page.locator('#positions-grid details.position-card').count()).resolves.toBe(3);
    await page.getByLabel('All non-stable assets price', { exact: true }).fill('0');
    const liquidation = page.locator('#result-liquidation');
    await liquidation.waitFor();
    expect(await page.locator('#scenario-results p.error').count()).toBe(0);
    await screenshot(page, 'scenario-summary-in-view');
    expect(pane.problems).toEqual([]);
    await page.close();
  });

  it('draws margin ratio against the BTC price and redraws it as the sliders move', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, 320);
    const { page } = pane;
    await choosePreset(page, 'binance');
    await enterScenario(
      page,
      [{ asset: 'USDT', amount: '10000', price: '1' }],
      [{ symbol: 'BTCUSDT', side: 'LONG', size: '1', entry: '60000', mark: '60000', mmr: '0.004' }],
    );
    const chart = page.locator('#price-chart svg');
    await chart.waitFor();
    for (const part of [
      '.chart-band-safe',
      '.chart-band-warning',
      '.chart-band-danger',
      '.chart-band-liquidation',
      '.chart-mark-today',
      '.chart-mark-liquidation',
      '.chart-curve',
    ]) {
      expect({ part, count: await chart.locator(part).count() }).toEqual({ part, count: 1 });
    }
    // 10,000 USDT behind a 60,000 long (mmr 0.4%): liquidated near 50,200, inside the ±50% window.
    await expect(page.locator('.chart-text-liquidation').textContent()).resolves.toMatch(/^liq\. 50,\d{3}\.\d\d$/);
    const before = await chart.locator('.chart-scenario').getAttribute('cx');
    await screenshot(page, 'chart-today');
    await page.getByLabel('BTC price', { exact: true }).fill('-10');
    await expect(chart.locator('.chart-scenario').getAttribute('cx')).resolves.not.toBe(before);
    await expect(page.locator('.key-scenario').textContent()).resolves.toMatch(/^scenario 54,000\.00 \(/);
    await page.locator('#price-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'chart-after-a-10-percent-drop');
    expect(pane.problems).toEqual([]);
    await page.close();
  });

  it('keeps the console clean in a plain browser, office.js included, after its telemetry delay', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, 320);
    await pane.page.waitForTimeout(4000);
    expect(pane.problems).toEqual([]);
    expect(await pane.page.locator('iframe').count()).toBe(0);
    await pane.page.close();
  });
});
