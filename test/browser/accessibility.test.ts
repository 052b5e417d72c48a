import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { axeViolations, clippedText } from './support/audit';
import { ROOT } from './support/build';
import { choosePreset, enterScenario, openPane, screenshot, showSection } from './support/pane';
import { usePaneSuite } from './support/suite';

const fixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'api', name), 'utf8');

const suite = usePaneSuite({ perTest: false });

/** The rules' worked example (docs/RULES.md §3) with a USDT loan, on Bitget: 10 BTC, three positions. */
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
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      if (tab === 'Import') {
        await page.getByLabel('Exchange', { exact: true }).selectOption('bitget');
        await page.getByLabel('Response JSON (fetched, or paste it here)').fill(fixture('bitget-discount-rate.json'));
        await page.getByRole('button', { name: 'Show changes' }).click();
        await page.waitForSelector('#import-diff h3');
      }
      await openFolds(page);
      found[tab] = await clippedText(page);
      await screenshot(page, `clip-${width}-${tab.replace(' ', '-').toLowerCase()}`);
    }
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

describe('axe-core at 320 px', () => {
  it('finds nothing on any tab, folds open and the editor open', async () => {
    const pane = await openPane(suite.browser.context, suite.site.origin, 320);
    const { page } = pane;
    await fillDesk(page);
    await page.getByLabel('All non-stable assets price', { exact: true }).fill('-10');
    const found: Record<string, unknown[]> = {};
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      if (tab === 'Import') {
        await page.getByLabel('Exchange', { exact: true }).selectOption('bitget');
        await page.getByLabel('Response JSON (fetched, or paste it here)').fill(fixture('bitget-discount-rate.json'));
        await page.getByRole('button', { name: 'Show changes' }).click();
        await page.waitForSelector('#import-diff h3');
      }
      await openFolds(page);
      found[tab] = await axeViolations(page);
    }
    await page.getByRole('tab', { name: 'Presets', exact: true }).click();
    await page.getByRole('button', { name: 'Clone as custom preset' }).click();
    await openFolds(page);
    found.editor = await axeViolations(page);
    expect(found).toEqual({ Presets: [], Import: [], Scenario: [], 'Mode switch': [], 'Live prices': [], editor: [] });
    expect(pane.problems).toEqual([]);
    await page.close();
  });
});
