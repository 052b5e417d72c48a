import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { ROOT } from './support/build';
import { choosePreset, screenshot, showSection } from './support/pane';
import { usePaneSuite } from './support/suite';

const fixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'api', name), 'utf8');

const suite = usePaneSuite({ prefix: 'brackets-' });

/** Pastes Bitget's documented query-position-lever response into the Import section and applies it. */
async function importBitgetBrackets(page: Page): Promise<void> {
  await showSection(page, 'Import');
  await page.getByLabel('Exchange', { exact: true }).selectOption('bitget');
  await page.getByLabel('Response JSON (fetched, or paste it here)').fill(fixture('bitget-query-position-lever-doc.json'));
  await page.getByRole('button', { name: 'Show changes' }).click();
  await page.waitForSelector('#import-diff h3');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForFunction(() => (document.querySelector('#import-status')?.textContent ?? '').includes('"bitget-imported"'));
  await showSection(page, 'Presets');
}

/** Fetches OKX's position tiers and their instruments (answered from the test responses) and applies them. */
async function importOkxTiers(page: Page): Promise<void> {
  const answers: Record<string, string> = {
    '/api/v5/public/position-tiers': fixture('okx-position-tiers-swap.json'),
    '/api/v5/public/instruments': fixture('okx-instruments-swap.json'),
  };
  await page.route('https://www.okx.com/api/v5/public/**', async (route) => {
    const answer = answers[new URL(route.request().url()).pathname];
    await (answer === undefined ? route.abort() : route.fulfill({ contentType: 'application/json', body: answer }));
  });
  await showSection(page, 'Import');
  await page.getByLabel('Exchange', { exact: true }).selectOption('okx');
  await page
    .getByLabel('Endpoint URL')
    .fill('https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await page.waitForSelector('#import-diff h3');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForFunction(() => (document.querySelector('#import-status')?.textContent ?? '').includes('"okx-imported"'));
  await showSection(page, 'Presets');
}

/** A bracket table's heading rows (each heading with its scope) and body rows, as read on screen. */
async function tableOf(page: Page, symbol: string): Promise<{ head: string[][]; rows: string[][] }> {
  const block = page.locator(`#preset-brackets details[data-symbol="${symbol}"]`);
  const cells = (part: string): Promise<string[][]> =>
    block
      .locator(`${part} tr`)
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.children].map((c) => (c.tagName === 'TH' ? `${c.getAttribute('scope')}: ${c.textContent}` : (c.textContent ?? ''))),
        ),
      );
  return { head: await cells('thead'), rows: await cells('tbody') };
}

/** Both header rows of a bracket table: the bounds and the maintenance figures grouped, each column headed. */
const headOf = (bounds: string): string[][] => [
  [`colgroup: ${bounds}`, 'colgroup: Maintenance', 'col: Initial rate', 'col: Max leverage'],
  ['col: from', 'col: to', 'col: rate', 'col: amount'],
];

describe('leverage brackets in the Presets section', () => {
  it('says a built-in preset has no brackets and how to add them, instead of an empty box', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'bitget');
    await expect(page.locator('#preset-brackets details').count()).resolves.toBe(0);
    await expect(page.locator('#preset-no-brackets').textContent()).resolves.toBe(
      "This preset has no leverage brackets, so positions need their mmr typed. Add brackets from an exchange's bracket response in the Import section, or with multiasset import EXCHANGE RESPONSE.json --into bitget",
    );
    expect(suite.pane.problems).toEqual([]);
  });

  it('shows Bitget’s imported BTCUSDT brackets by notional, with their documented figures', async () => {
    const { page } = suite.pane;
    await importBitgetBrackets(page);
    await expect(page.locator('#preset-select').inputValue()).resolves.toBe('bitget-imported');
    const block = page.locator('#preset-brackets details[data-symbol="BTCUSDT"]');
    await expect(block.locator('summary').textContent()).resolves.toBe('BTCUSDT 2 brackets');
    await block.locator('summary').press('Enter');
    expect(await block.getAttribute('open')).toBe('');
    await expect(block.locator('caption').textContent()).resolves.toBe('BTCUSDT leverage brackets (notional in USDT)');
    await expect(tableOf(page, 'BTCUSDT')).resolves.toEqual({
      head: headOf('Notional'),
      rows: [
        ['0', '50,000', '0.40%', '0.00', '0.80%', '125×'],
        ['50,000', '200,000', '0.50%', '50.00', '1.00%', '100×'],
      ],
    });
    await expect(block.locator('p.warning').textContent()).resolves.toBe(
      '⚠ BTCUSDT brackets beyond 200,000 (USDT notional) are unpublished: a larger position has no maintenance rate.',
    );
    expect(suite.pane.problems).toEqual([]);
  });

  it('shows OKX position tiers bounded by contracts, and follows the preset as it changes', async () => {
    const { page } = suite.pane;
    await importOkxTiers(page);
    const block = page.locator('#preset-brackets details[data-symbol="BTC-USDT-SWAP"]');
    await expect(block.locator('summary').textContent()).resolves.toBe('BTC-USDT-SWAP 3 brackets by contracts of 0.01 BTC');
    await block.locator('summary').click();
    await expect(block.locator('caption').textContent()).resolves.toBe('BTC-USDT-SWAP leverage brackets (bounds in contracts of 0.01 BTC)');
    await expect(tableOf(page, 'BTC-USDT-SWAP')).resolves.toEqual({
      head: headOf('Contracts'),
      rows: [
        ['0', '2,000', '0.40%', '0.00', '1.00%', '100×'],
        ['2,000', '4,000', '0.80%', '0.00', '2.00%', '50×'],
        ['4,000', '8,000', '2.00%', '0.00', '5.00%', '20×'],
      ],
    });
    await screenshot(page, 'brackets-okx-contract-tiers');
    // Another preset: its own (absent) brackets; back again: the tiers.
    await choosePreset(page, 'binance');
    await expect(page.locator('#preset-brackets details').count()).resolves.toBe(0);
    await expect(page.locator('#preset-no-brackets').textContent()).resolves.toContain('--into binance');
    await choosePreset(page, 'okx-imported');
    await expect(page.locator('#preset-brackets details[data-symbol="BTC-USDT-SWAP"] summary').textContent()).resolves.toBe(
      'BTC-USDT-SWAP 3 brackets by contracts of 0.01 BTC',
    );
    // Deleting the imported preset falls back to a built-in one, which has none.
    await page.getByRole('button', { name: 'Delete this preset' }).click();
    await expect(page.locator('#preset-status').textContent()).resolves.toBe(
      'Deleted preset "okx-imported"; the default is now "binance".',
    );
    await expect(page.locator('#preset-brackets details').count()).resolves.toBe(0);
    await expect(page.locator('#preset-no-brackets').isVisible()).resolves.toBe(true);
    expect(suite.pane.problems).toEqual([]);
  });

  it('fits both kinds of table, open, in a 320 px pane without scrolling them sideways', async () => {
    const { page } = suite.pane;
    await page.setViewportSize({ width: 320, height: 900 });
    await importBitgetBrackets(page);
    await page.locator('#preset-brackets details[data-symbol="BTCUSDT"] > summary').click();
    const bitget = await fits(page);
    await screenshot(page, 'brackets-bitget-at-320');
    await importOkxTiers(page);
    await page.locator('#preset-brackets details[data-symbol="BTC-USDT-SWAP"] > summary').click();
    const okx = await fits(page);
    await screenshot(page, 'brackets-okx-at-320');
    for (const layout of [bitget, okx]) {
      expect(layout).toEqual({ overflow: 0, tableScroll: [0], brokenNumbers: [] });
    }
    expect(suite.pane.problems).toEqual([]);
  });
});

/** Page overflow, how far each open bracket table scrolls in its own box, and figures broken across lines. */
function fits(page: Page): Promise<{ overflow: number; tableScroll: number[]; brokenNumbers: string[] }> {
  return page.evaluate(() => {
    const wraps = [...document.querySelectorAll('#preset-brackets details[open] .table-wrap')];
    const cells = [...document.querySelectorAll('#preset-brackets details[open] td')];
    const lines = (e: Element): number => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tableScroll: wraps.map((w) => w.scrollWidth - w.clientWidth),
      brokenNumbers: cells.filter((c) => lines(c) > 1).map((c) => c.textContent ?? ''),
    };
  });
}
