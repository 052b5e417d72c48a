import { readFileSync } from 'fs';
import { join } from 'path';
import { type Browser, launchChromium } from './support/chromium';
import { DIST, ensureBuilt, ROOT } from './support/build';
import { choosePreset, enterScenario, openPane, type Pane, screenshot, showSection } from './support/pane';
import { type Running, serveDirectory } from './support/servers';

const accountFixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'account', name), 'utf8');

let browser: Browser;
let site: Running;
let pane: Pane;

beforeAll(async () => {
  ensureBuilt();
  site = await serveDirectory(DIST);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  pane = await openPane(browser.context, site.origin);
});

afterEach(async () => {
  const name = expect.getState().currentTestName ?? 'test';
  await screenshot(pane.page, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  await pane.page.close();
});

describe('desk views in Chromium', () => {
  it('compares the scenario on every preset with the same equity the Scenario shows, and follows the shock slider', async () => {
    const { page } = pane;
    await choosePreset(page, 'bitget');
    await enterScenario(
      page,
      [{ asset: 'BTC', amount: '10', price: '60000' }],
      [{ symbol: 'BTCUSDT', side: 'LONG', size: '1', entry: '60000', mark: '60000', mmr: '0.004' }],
    );
    const rows = page.locator('#compare-table tbody tr');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-exchange')))).resolves.toEqual([
      'binance',
      'bitget',
      'bitmart',
      'okx',
      'bybit',
    ]);
    const bitgetEquity = page.locator('#compare-table tr[data-exchange="bitget"] td').first();
    await expect(bitgetEquity.textContent()).resolves.toBe('582,000.00');
    await expect(page.locator('#result-equity').textContent()).resolves.toBe('582,000.00');
    await page.getByLabel('BTC price', { exact: true }).fill('-20');
    const shocked = await page.locator('#result-equity').textContent();
    expect(shocked).not.toBe('582,000.00');
    await expect(bitgetEquity.textContent()).resolves.toBe(shocked);
    await expect(page.locator('#solver-withdrawals li').first().textContent()).resolves.toMatch(/^BTC that can leave: /);
    expect(pane.problems).toEqual([]);
  });

  it('turns pasted OKX responses into tables and the reconciliation, and says writing them needs Excel', async () => {
    const { page } = pane;
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
    expect(pane.problems).toEqual([]);
  });
});
