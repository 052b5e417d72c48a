import { readFileSync } from 'fs';
import { join } from 'path';
import { ROOT } from './support/build';
import { choosePreset, enterScenario, showSection } from './support/pane';
import { usePaneSuite } from './support/suite';

const accountFixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'account', name), 'utf8');

const suite = usePaneSuite();

describe('desk views in Chromium', () => {
  it('compares the scenario on every preset with the same equity the Scenario shows, and follows the shock slider', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'bitget');
    await enterScenario(
      page,
      [{ asset: 'BTC', amount: '10', price: '60000' }],
      [{ symbol: 'BTCUSDT', side: 'LONG', size: '1', entry: '60000', mark: '60000', mmr: '0.004' }],
    );
    // One card per exchange (the layout that fits 320 px), in the presets' order.
    const rows = page.locator('#compare-cards > li');
    await expect(rows.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-exchange')))).resolves.toEqual([
      'binance',
      'bitget',
      'bitmart',
      'okx',
      'bybit',
    ]);
    const bitgetEquity = page.locator('#compare-cards [data-exchange="bitget"] [data-figure="equity"]');
    await expect(bitgetEquity.textContent()).resolves.toBe('582,000.00');
    await expect(page.locator('#result-equity').textContent()).resolves.toBe('582,000.00');
    await page.getByLabel('BTC price', { exact: true }).fill('-20');
    const shocked = await page.locator('#result-equity').textContent();
    expect(shocked).not.toBe('582,000.00');
    await expect(bitgetEquity.textContent()).resolves.toBe(shocked);
    await expect(page.locator('#solver-withdrawals li').first().textContent()).resolves.toMatch(/^BTC that can leave: /);
    expect(suite.pane.problems).toEqual([]);
  });

  it("values positions with blank rates by each preset's own brackets, and names a preset without them in its own card", async () => {
    const { page } = suite.pane;
    // Bitget's documented query-position-lever response, imported as the preset bitget-imported.
    await showSection(page, 'Import');
    await page.getByLabel('Exchange', { exact: true }).selectOption('bitget');
    await page
      .getByLabel('Response JSON (fetched, or paste it here)')
      .fill(readFileSync(join(ROOT, 'test', 'fixtures', 'api', 'bitget-query-position-lever-doc.json'), 'utf8'));
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.waitForSelector('#import-diff h3');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => (document.querySelector('#import-status')?.textContent ?? '').includes('"bitget-imported"'));
    await choosePreset(page, 'binance');
    await enterScenario(
      page,
      [{ asset: 'USDT', amount: '10000', price: '1' }],
      [{ symbol: 'BTCUSDT', side: 'LONG', size: '1', entry: '60000', mark: '60000', mmr: '' }],
    );
    const card = (id: string) => page.locator(`#compare-cards [data-exchange="${id}"]`);
    // MM 60,000 × 0.005 − 50 = 250 by bitget-imported's own second bracket.
    await expect(card('bitget-imported').locator('[data-figure="maintenance"]').textContent()).resolves.toBe('250.00');
    await expect(card('binance').locator('p.error').textContent()).resolves.toMatch(
      /^positions, row 1: BTCUSDT has no mmr and preset binance has no leverage brackets for it; /,
    );
    await expect(card('okx').locator('p.error').textContent()).resolves.toMatch(/preset okx has no leverage brackets for it/);
    // The solvers work on the default preset (binance), which has no brackets: they say so.
    await expect(page.locator('#solver-error').textContent()).resolves.toMatch(/preset binance has no leverage brackets/);
    expect(suite.pane.problems).toEqual([]);
  });

  it('turns pasted OKX responses into tables and the reconciliation, and says writing them needs Excel', async () => {
    const { page } = suite.pane;
    await showSection(page, 'Import');
    await page.getByLabel('Exchange of the account', { exact: true }).selectOption('okx');
    await page.getByLabel('Account response', { exact: true }).fill(accountFixture('okx-account-balance.json'));
    await page.getByLabel('Positions response', { exact: true }).fill(accountFixture('okx-account-positions.json'));
    await page.getByRole('button', { name: 'Show tables' }).click();
    await expect(page.locator('#account-balances tbody td').first().textContent()).resolves.toBe('USDT');
    await expect(page.locator('#account-reconciliation tbody tr td:nth-child(3)').allTextContents()).resolves.toEqual([
      'adjEq',
      'mmr',
      'mgnRatio',
      'availEq',
    ]);
    await page.getByRole('button', { name: 'Write tables to sheet' }).click();
    await expect(page.locator('#account-status').textContent()).resolves.toContain('Write tables to sheet: needs Excel');
    expect(suite.pane.problems).toEqual([]);
  });
});
