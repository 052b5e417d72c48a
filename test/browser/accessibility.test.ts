import type { Page } from 'playwright-core';
import { axeViolations, clippedText } from './support/audit';
import { choosePreset, enterScenario, openPane, screenshot, showImportChanges, showSection } from './support/pane';
import { usePaneSuite } from './support/suite';

const suite = usePaneSuite({ perTest: false });

/** The rules' worked example (docs/RULES.md §3) with a USDT loan, on Bitget: 10 BTC, three positions. */
/** Opens each tab in turn, with an import's changes shown on Import and every fold open, and looks at it. */
async function everyTab(page: Page, look: (tab: (typeof TABS)[number]) => Promise<void>): Promise<void> {
  for (const tab of TABS) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    if (tab === 'Import') {
      await showImportChanges(page, 'bitget', 'bitget-discount-rate.json');
      await page.waitForSelector('#import-diff h3');
    }
    await openFolds(page);
    await look(tab);
  }
}

async function fillDesk(page: Page): Promise<void> {
  await choosePreset(page, 'bitget');
  await enterScenario(
    page,
    [
      { asset: 'BTC', amount: '10', price: '60000' },
      { asset: 'USDT', amount: '-150000', price: '1' },
    ],
    [
      { symbol: 'BTCUSDT', side: 'LONG', size: '1.5', entry: '58000', mark: '60000', mmr: '0.004' },
      { symbol: 'BTCUSDT', side: 'SHORT', size: '0.5', entry: '61000', mark: '60000', mmr: '0.004' },
      { symbol: 'BTCUSDT', side: 'LONG', size: '0.1', entry: '60000', mark: '60000', mmr: '0.004', marginMode: 'isolated' },
    ],
  );
}

/** Opens every fold of the visible tab (tier tables, brackets, position cards, notes). */
async function openFolds(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('main section:not([hidden]) details')) d.open = true;
  });
}

const TABS = ['Presets', 'Import', 'Scenario', 'Mode switch', 'Live prices'] as const;

describe.each([320, 350])('every tab at %i px', (width) => {
  it('shows all its text: nothing clipped, cut or hidden behind a sideways scroll', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, width);
    const { page } = pane;
    await fillDesk(page);
    await page.getByLabel('All non-stable assets price', { exact: true }).fill('-10');
    const found: Record<string, string[]> = {};
    await everyTab(page, async (tab) => {
      found[tab] = await clippedText(page);
      await screenshot(page, `clip-${width}-${tab.replace(' ', '-').toLowerCase()}`);
    });
    await page.getByRole('tab', { name: 'Presets', exact: true }).click();
    await page.getByRole('button', { name: 'Clone as custom preset' }).click();
    await openFolds(page);
    found.editor = await clippedText(page);
    await screenshot(page, `clip-${width}-editor`);
    expect(found).toEqual({ Presets: [], Import: [], Scenario: [], 'Mode switch': [], 'Live prices': [], editor: [] });
    expect(pane.problems).toEqual([]);
    await page.close();
  });
});

describe.each([320, 350])('the words at %i px', (width) => {
  it('keeps the five tabs on one row, shows every preset name whole, and names a row in a compare message', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, width);
    const { page } = pane;
    const tops = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(tops).toHaveLength(5);
    expect(new Set(tops).size).toBe(1);
    // Every preset's name fits the picker: the widest option's text against the select's room.
    const tooWide = await page.locator('#preset-select').evaluate((select: HTMLSelectElement) => {
      const g = document.createElement('canvas').getContext('2d');
      const s = getComputedStyle(select);
      if (g === null) return ['no canvas'];
      g.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const room = select.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20;
      return [...select.options].filter((o) => g.measureText(o.textContent ?? '').width > room).map((o) => o.textContent);
    });
    expect(tooWide).toEqual([]);
    await enterScenario(
      page,
      [
        { asset: 'BTC', amount: '10', price: '60000' },
        { asset: 'USDT', amount: '1000', price: '1' },
        { asset: 'USDC', amount: '20000', price: '1' },
      ],
      [],
    );
    await expect(page.locator('#compare-cards [data-exchange="bitmart"] .error').textContent()).resolves.toBe(
      'balances, row 3: USDC is not a collateral asset of preset bitmart',
    );
    await expect(page.locator('#compare-cards [data-exchange="binance"] [data-figure="equity"]').textContent()).resolves.toMatch(
      /^[\d,]+\.\d\d$/,
    );
    await page.locator('#compare-cards').scrollIntoViewIfNeeded();
    await screenshot(page, `compare-${width}`);
    expect(await clippedText(page)).toEqual([]);
    expect(pane.problems).toEqual([]);
    await page.close();
  });

  it('shows Binance’s USDⓈ-M with the glyph where a font has it, else as USDS-M', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, width);
    const { page } = pane;
    const drawn = await page.evaluate(() => {
      const g = document.createElement('canvas').getContext('2d');
      if (g === null) return true;
      const pixels = (t: string): string => {
        g.clearRect(0, 0, 32, 32);
        g.font = `24px ${getComputedStyle(document.documentElement).fontFamily}`;
        g.fillText(t, 2, 26);
        return g.getImageData(0, 0, 32, 32).data.join(',');
      };
      return pixels('\u24C8') !== pixels('\uE000');
    });
    const name = await page.locator('#preset-details dd').first().textContent();
    expect(name).toContain(drawn ? 'USDⓈ-M' : 'USDS-M');
    const option = await page.locator('#preset-select option[value="binance"]').textContent();
    expect(option).toContain(drawn ? 'USDⓈ-M' : 'USDS-M');
    await page.close();
  });
});

describe.each([320, 350])('auto-exchange at %i px', (width) => {
  it('shows the conversions and each asset’s equity whole, coin amounts in their own places', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, width);
    const { page } = pane;
    await choosePreset(page, 'binance');
    // MARGIN.AUTO_EXCHANGE's example (docs/FUNCTIONS.md): a USDT debt beyond the regular tier's threshold.
    await enterScenario(
      page,
      [
        { asset: 'BTC', amount: '1', price: '60000' },
        { asset: 'USDT', amount: '-6000', price: '1' },
      ],
      [],
    );
    await page.locator('#result-conversions').waitFor();
    await expect(page.locator('#result-assets tbody tr td:nth-child(2)').allTextContents()).resolves.toEqual(['1', '−6,000.00']);
    // 0.10256410256410256 BTC sold (8 places), worth 6,153.85, covering 6,000.00 USDT (a stablecoin's cents).
    await expect(page.locator('#result-conversions tbody tr').first().locator('td').allTextContents()).resolves.toEqual([
      'BTC',
      '0.1025641',
      '6,153.85',
      '6,000.00 USDT',
    ]);
    await page.locator('#result-conversions').scrollIntoViewIfNeeded();
    await screenshot(page, `auto-exchange-${width}`);
    expect(await clippedText(page)).toEqual([]);
    expect(pane.problems).toEqual([]);
    await page.close();
  });
});

describe('reflow at 200% zoom (a 320 px pane is 160 CSS px wide)', () => {
  it('stacks the summary, the figures and the balance grid, and cuts no value', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, 160);
    const { page } = pane;
    await fillDesk(page);
    await page.getByLabel('All non-stable assets price', { exact: true }).fill('-10');
    await showSection(page, 'Scenario');
    // Wide data tables (tiers, brackets) may scroll in their named box; nothing else may be cut.
    expect(await clippedText(page, { tablesMayScroll: true })).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await expect(page.locator('#scenario-summary').evaluate((e) => getComputedStyle(e).position)).resolves.toBe('static');
    const lefts = await page
      .locator('#scenario-summary .summary-item')
      .evaluateAll((items) => items.map((i) => Math.round(i.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    const fieldTops = await page
      .locator('#balances-grid tbody tr')
      .first()
      .locator('input')
      .evaluateAll((inputs) => inputs.map((i) => Math.round(i.getBoundingClientRect().top)));
    expect(new Set(fieldTops).size).toBe(fieldTops.length);
    await expect(page.evaluate(() => getComputedStyle(document.body).overflowX)).resolves.toBe('visible');
    await screenshot(page, 'reflow-160-scenario');
    expect(pane.problems).toEqual([]);
    await page.close();
  });
});

/** WCAG contrast ratio of two CSS colours given as rgb(). */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r = 0, g = 0, bl = 0] = (c.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    const lin = (v: number): number => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('colours', () => {
  it('gives placeholder hints, chart labels and the curve 4.5:1 against what is behind them', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, 320);
    const { page } = pane;
    await fillDesk(page);
    await page.locator('#price-chart svg').waitFor();
    const colours = await page.evaluate(() => {
      const style = (sel: string, prop: string): string => getComputedStyle(document.querySelector(sel) as Element).getPropertyValue(prop);
      const input = document.querySelector('#balances-grid input[placeholder]') as Element;
      return {
        placeholder: getComputedStyle(input, '::placeholder').color,
        field: getComputedStyle(input).backgroundColor,
        bands: ['safe', 'warning', 'danger', 'liquidation'].map((b) => style(`.chart-band-${b}`, 'fill')),
        texts: [...new Set([...document.querySelectorAll('#price-chart text')].map((t) => getComputedStyle(t).fill))],
        curve: style('.chart-curve', 'stroke'),
      };
    });
    expect(contrast(colours.placeholder, colours.field)).toBeGreaterThanOrEqual(4.5);
    const weak = colours.bands.flatMap((band) =>
      [...colours.texts, colours.curve]
        .filter((ink) => contrast(ink, band) < 4.5)
        .map((ink) => `${ink} on ${band}: ${contrast(ink, band).toFixed(2)}`),
    );
    expect(weak).toEqual([]);
    await page.close();
  });

  it('uses system colours under forced colours: the selected tab, the chart’s text, lines and legend', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, 320);
    const { page } = pane;
    await page.emulateMedia({ forcedColors: 'active' });
    await fillDesk(page);
    await page.locator('#price-chart svg').waitFor();
    const seen = await page.evaluate(() => {
      const probe = document.createElement('span');
      document.body.append(probe);
      const system = (name: string): string => {
        probe.style.color = name;
        return getComputedStyle(probe).color;
      };
      const of = (sel: string, prop: string): string => getComputedStyle(document.querySelector(sel) as Element).getPropertyValue(prop);
      const out = {
        highlight: system('Highlight'),
        text: system('CanvasText'),
        selectedTab: of('[role="tab"][aria-selected="true"]', 'border-bottom-color'),
        otherTab: of('[role="tab"][aria-selected="false"]', 'border-bottom-color'),
        chartText: [...new Set([...document.querySelectorAll('#price-chart text')].map((t) => getComputedStyle(t).fill))],
        curve: of('.chart-curve', 'stroke'),
        lines: [...new Set(['.chart-axis', '.chart-mark-today', '.chart-grid'].map((s) => of(s, 'stroke')))],
        legend: of('.chart-legend', 'color'),
        legendKey: getComputedStyle(document.querySelector('.key-today') as Element, '::before').borderTopColor,
      };
      probe.remove();
      return out;
    });
    expect(seen.selectedTab).toBe(seen.highlight);
    expect(seen.otherTab).not.toBe(seen.highlight);
    expect(seen.chartText).toEqual([seen.text]);
    expect(seen.curve).toBe(seen.highlight);
    expect(seen.lines).toEqual([seen.text]);
    expect(seen.legend).toBe(seen.text);
    expect(seen.legendKey).toBe(seen.text);
    await screenshot(page, 'forced-colours-scenario');
    await page.close();
  });
});

describe('axe-core at 320 px', () => {
  it('finds nothing on any tab, folds open and the editor open', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, 320);
    const { page } = pane;
    await fillDesk(page);
    await page.getByLabel('All non-stable assets price', { exact: true }).fill('-10');
    const found: Record<string, unknown[]> = {};
    await everyTab(page, async (tab) => {
      found[tab] = await axeViolations(page);
    });
    await page.getByRole('tab', { name: 'Presets', exact: true }).click();
    await page.getByRole('button', { name: 'Clone as custom preset' }).click();
    await openFolds(page);
    found.editor = await axeViolations(page);
    expect(found).toEqual({ Presets: [], Import: [], Scenario: [], 'Mode switch': [], 'Live prices': [], editor: [] });
    expect(pane.problems).toEqual([]);
    await page.close();
  });
});
