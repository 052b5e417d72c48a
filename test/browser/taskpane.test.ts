import { readFileSync } from 'fs';
import { join } from 'path';
import { dec } from '../../src/engine/decimal';
import { ROOT } from './support/build';
import { choosePreset, enterScenario, screenshot, showImportChanges, showSection } from './support/pane';
import { type Running, serveMockEndpoints } from './support/servers';
import { usePaneSuite } from './support/suite';

const fixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'api', name), 'utf8');
const BITGET_PATH = '/api/v2/mix/market/discount-rate';

/** Display text as a person expects it: two decimals with thousands separators. */
const shown = (value: number): string => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const suite = usePaneSuite();
let mock: Running;

beforeAll(async () => {
  mock = await serveMockEndpoints({ [BITGET_PATH]: fixture('bitget-discount-rate.json') });
});

afterAll(async () => {
  await mock?.close();
});

describe('task pane in Chromium', () => {
  it('shows Bitget BTC tiers from 0.975 down to 0.85 once Bitget is picked', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'bitget');
    await page.locator('#preset-assets details[data-asset="BTC"] > summary').click();
    const ratios = await page.locator('#preset-assets details[data-asset="BTC"] tbody tr td:nth-child(3)').allTextContents();
    expect(ratios).toEqual(['0.975', '0.97', '0.965', '0.96', '0.85']);
    await expect(page.locator('#preset-details').textContent()).resolves.toContain('Documented');
    expect(await page.locator('#preset-status').textContent()).toContain('Kept in memory');
    expect(suite.pane.problems).toEqual([]);
  });

  it('computes the docs/RULES.md example account: equity and margin ratio', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'bitget');
    await enterScenario(
      page,
      [{ asset: 'BTC', amount: '10', price: '60000' }],
      [{ symbol: 'BTCUSDT', side: 'LONG', size: '1', entry: '60000', mark: '60000', mmr: '0.004' }],
    );
    // docs/RULES.md §3: 100,000 × 0.975 + 400,000 × 0.97 + 100,000 × 0.965; MM = 1 × 60,000 × 0.004.
    const equity = dec(100000).times('0.975').plus(dec(400000).times('0.97')).plus(dec(100000).times('0.965'));
    const ratioPercent = dec(60000).times('0.004').div(equity).times(100);
    await expect(page.locator('#result-equity').textContent()).resolves.toBe(shown(equity.toNumber()));
    expect(await page.locator('#result-margin-ratio').textContent()).toContain(`${ratioPercent.toFixed(2)}%`);
    await expect(page.locator('#result-risk').textContent()).resolves.toBe('SAFE');
    expect(await page.locator('#result-risk').getAttribute('class')).toContain('band-green');
    expect(suite.pane.problems).toEqual([]);
  });

  it('updates every figure live as the price-shock slider moves', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'bitget');
    await enterScenario(page, [{ asset: 'BTC', amount: '10', price: '60000' }], []);
    await page.getByLabel('BTC price', { exact: true }).fill('-20');
    // 10 BTC at 48,000 = 480,000: 100,000 × 0.975 + 380,000 × 0.97.
    const equity = dec(100000).times('0.975').plus(dec(380000).times('0.97'));
    await expect(page.locator('#result-equity').textContent()).resolves.toBe(shown(equity.toNumber()));
    await expect(page.locator('#shock-controls output').nth(1).textContent()).resolves.toBe('−20%');
  });

  it('says why the workbook buttons cannot work in a plain browser', async () => {
    const { page } = suite.pane;
    await showSection(page, 'Scenario');
    await page.getByRole('button', { name: 'Read selection' }).click();
    await expect(page.locator('#scenario-io').textContent()).resolves.toContain('Read selection: needs Excel');
    await page.getByRole('button', { name: 'Write results to sheet' }).click();
    await expect(page.locator('#scenario-io').textContent()).resolves.toContain('Write results to sheet: needs Excel');
  });

  it('blocks a Binance switch to multi-asset mode with an isolated position (-4167)', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'binance');
    await enterScenario(
      page,
      [{ asset: 'USDT', amount: '10000', price: '1' }],
      [{ symbol: 'BTCUSDT', side: 'LONG', size: '0.1', entry: '60000', mark: '60000', mmr: '0.004', marginMode: 'isolated' }],
    );
    await showSection(page, 'Mode switch');
    await page.getByLabel('Multi-asset').check();
    await expect(page.locator('#mode-verdict').textContent()).resolves.toBe('BLOCKED');
    const rule = page.locator('#mode-rules li[data-rule="crossOnly"]');
    expect(await rule.textContent()).toContain('FAIL');
    expect(await rule.textContent()).toContain('-4167');
  });

  it('imports a table from a local endpoint, shows the changes, then applies them', async () => {
    const { page } = suite.pane;
    // The production page may fetch only from the exchanges: their URL is answered by the local endpoint.
    await page.route(`https://api.bitget.com${BITGET_PATH}*`, async (route) => {
      await route.fulfill({ response: await route.fetch({ url: `${mock.origin}${BITGET_PATH}` }) });
    });
    await showSection(page, 'Import');
    await page.getByLabel('Exchange', { exact: true }).selectOption('bitget');
    await expect(page.getByLabel('Endpoint URL').inputValue()).resolves.toBe('https://api.bitget.com/api/v2/mix/market/discount-rate');
    await page.getByRole('button', { name: 'Fetch' }).click();
    await page.waitForSelector('#import-diff h3');
    expect(await page.locator('#import-diff li').count()).toBeGreaterThan(0);
    expect(await page.locator('#import-diff h3').textContent()).toContain('against Bitget');
    await screenshot(page, 'import-shows-changes-before-apply');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('#import-status').textContent()).resolves.toContain('"bitget-imported" is now the default preset');
    await showSection(page, 'Presets');
    await expect(page.locator('#preset-select').inputValue()).resolves.toBe('bitget-imported');
    expect(await page.locator('#preset-details .badge').textContent()).toBe('Imported');
    expect(suite.pane.problems).toEqual([]);
  });

  it('imports OKX position tiers with the instruments response fetched after them, as brackets bounded by contracts', async () => {
    const { page } = suite.pane;
    const tiersUrl = 'https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT';
    const answers: Record<string, string> = {
      '/api/v5/public/position-tiers': fixture('okx-position-tiers-swap.json'),
      '/api/v5/public/instruments': fixture('okx-instruments-swap.json'),
    };
    const asked: string[] = [];
    await page.route('https://www.okx.com/api/v5/public/**', async (route) => {
      const url = new URL(route.request().url());
      asked.push(`${url.pathname}${url.search}`);
      await route.fulfill({ contentType: 'application/json', body: answers[url.pathname] ?? '{}' });
    });
    await showSection(page, 'Import');
    await page.getByLabel('Exchange', { exact: true }).selectOption('okx');
    await page.getByLabel('Endpoint URL').fill(tiersUrl);
    await page.getByRole('button', { name: 'Fetch' }).click();
    await page.waitForSelector('#import-diff h3');
    expect(asked).toEqual([
      '/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT',
      '/api/v5/public/instruments?instType=SWAP&instFamily=BTC-USDT',
    ]);
    const diff = await page.locator('#import-diff').textContent();
    expect(diff).toContain('BTC-USDT-SWAP leverage brackets');
    expect(diff).toContain('0 to 2000 contracts of 0.01: mmr 0.004, cum 0, 100×');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('#import-status').textContent()).resolves.toContain('"okx-imported" is now the default preset');
    expect(suite.pane.problems).toEqual([]);
  });

  it('refuses malformed JSON with its message and leaves the presets unchanged', async () => {
    const { page } = suite.pane;
    const presetsBefore = await page.locator('#preset-select option').allTextContents();
    await showSection(page, 'Import');
    await page.getByLabel('Exchange', { exact: true }).selectOption('bitget');
    await page.getByLabel('Response JSON (fetched, or paste it here)').fill('{"code": "00000", "data": [');
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect(page.locator('#import-error').textContent()).resolves.toMatch(/^preset: malformed JSON at line 1, column 28/);
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await expect(page.locator('#import-changes').count()).resolves.toBe(0);
    await showSection(page, 'Presets');
    await expect(page.locator('#preset-select option').allTextContents()).resolves.toEqual(presetsBefore);
    await expect(page.locator('#preset-select').inputValue()).resolves.toBe('binance');
  });

  it('validates a custom preset as it is typed and saves it for the functions', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'bitget');
    await page.getByRole('button', { name: 'Clone as custom preset' }).click();
    await page.locator('#preset-editor details[data-asset="BTC"] > summary').click();
    const ratio = page.getByLabel('BTC tier 1, ratio', { exact: true });
    await ratio.fill('1.5');
    const message = 'BTC tier 1, ratio: expected a ratio from 0 to 1, got 1.5';
    await expect(page.locator('[data-error-for="assets.BTC.tiers[0]"]').textContent()).resolves.toBe(message);
    expect(await ratio.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Save in workbook' }).isDisabled()).toBe(true);
    await screenshot(page, 'preset-editor-refuses-a-ratio-above-1');
    await ratio.fill('0.9');
    await page.getByRole('button', { name: 'Save in workbook' }).click();
    await expect(page.locator('#preset-select').inputValue()).resolves.toBe('bitget-custom');
    await page.locator('#preset-assets details[data-asset="BTC"] > summary').click();
    await expect(page.locator('#preset-assets details[data-asset="BTC"] tbody tr:first-child td:nth-child(3)').textContent()).resolves.toBe(
      '0.9',
    );
    expect(suite.pane.problems).toEqual([]);
  });

  it('deletes an imported preset from the pane, and sends a re-import to the Import section', async () => {
    const { page } = suite.pane;
    await showImportChanges(page, 'bitget', 'bitget-discount-rate.json');
    await page.getByRole('button', { name: 'Apply' }).click();
    await showSection(page, 'Presets');
    await expect(page.locator('#preset-select').inputValue()).resolves.toBe('bitget-imported');
    await page.getByRole('button', { name: 'Replace with a new import' }).click();
    expect(await page.locator('#panel-import').isVisible()).toBe(true);
    await expect(page.getByLabel('Exchange', { exact: true }).inputValue()).resolves.toBe('bitget');
    await showSection(page, 'Presets');
    await page.getByRole('button', { name: 'Delete this preset' }).click();
    await expect(page.locator('#preset-status').textContent()).resolves.toBe(
      'Deleted preset "bitget-imported"; the default is now "binance".',
    );
    expect(await page.locator('#preset-select option[value="bitget-imported"]').count()).toBe(0);
    expect(suite.pane.problems).toEqual([]);
  });

  it('says which response was expected when a paste has the wrong shape', async () => {
    const { page } = suite.pane;
    await showImportChanges(page, 'okx', 'bitget-discount-rate.json');
    const message = await page.locator('#import-error').textContent();
    expect(message).toContain('Expected OKX’s discount-rate-interest-free-quota response');
    expect(message).toMatch(/^This is Bitget’s response: choose Bitget under Exchange\./);
    await screenshot(page, 'import-explains-a-paste-of-the-wrong-shape');
  });

  it('shows every editor problem at once under its field, and saves thresholds and rules typed into fields', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'bitget');
    await page.getByRole('button', { name: 'Clone as custom preset' }).click();
    await page.locator('#preset-editor details[data-asset="BTC"] > summary').click();
    await page.getByLabel('BTC tier 2, ratio', { exact: true }).fill('1.5');
    await page.getByLabel('Warning band from (margin ratio)', { exact: true }).fill('0');
    await expect(page.locator('[data-error-for="assets.BTC.tiers[1]"]').textContent()).resolves.toBe(
      'BTC tier 2, ratio: expected a ratio from 0 to 1, got 1.5',
    );
    await expect(page.locator('#editor-error').textContent()).resolves.toMatch(/^2 problems to fix/);
    await page.getByLabel('BTC tier 2, ratio', { exact: true }).fill('0.98');
    await expect(page.locator('[data-warning-for="assets.BTC.tiers[1]"]').textContent()).resolves.toContain(
      'haircut ratios usually fall as the holding grows',
    );
    await page.getByLabel('BTC tier 2, ratio', { exact: true }).fill('0.97');
    await page.getByLabel('Warning band from (margin ratio)', { exact: true }).fill('0.5');
    await page.getByRole('button', { name: 'Add user tier' }).click();
    await page.getByRole('button', { name: 'Add user tier' }).click();
    await page.getByLabel('User tier 2 name', { exact: true }).fill('TIER1');
    await page.getByLabel('User tier 2 name', { exact: true }).press('Tab');
    await expect(page.locator('.threshold-edit .field-error:not([hidden])').textContent()).resolves.toBe(
      'User tier 2 name: user tier "TIER1" already exists (names are case-insensitive)',
    );
    await page.getByRole('button', { name: 'Remove user tier tier2' }).click();
    await page.getByLabel('User tier 1 name', { exact: true }).fill('regular');
    await page.getByLabel('User tier 1 name', { exact: true }).press('Tab');
    await page.getByLabel('Auto-exchange threshold for regular (USDT, ≤ 0)', { exact: true }).fill('-5000');
    const toSingle = page.locator('fieldset[data-direction="toSingle"]');
    await toSingle.getByLabel('No open orders').check();
    await screenshot(page, 'preset-editor-rules-as-fields');
    await page.getByRole('button', { name: 'Save in workbook' }).click();
    await expect(page.locator('#preset-select').inputValue()).resolves.toBe('bitget-custom');
    await showSection(page, 'Scenario');
    await expect(page.locator('#user-tier option').allTextContents()).resolves.toEqual(['regular (threshold −5,000 USDT)']);
    await showSection(page, 'Mode switch');
    await page.getByLabel('Single-asset').check();
    await expect(page.locator('#mode-rules li[data-rule="noOpenOrders"]').count()).resolves.toBe(1);
    expect(suite.pane.problems).toEqual([]);
  });

  it('is operable with the keyboard alone', async () => {
    const { page } = suite.pane;
    const focused = (): Promise<string | null | undefined> =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
    await page.getByRole('tab', { name: 'Presets' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-scenario');
    expect(await page.locator('#panel-scenario').isVisible()).toBe(true);
    expect(await page.locator('#panel-presets').isVisible()).toBe(false);
    await page.keyboard.press('Tab'); // the panel itself, so screen-reader users land in it
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Read selection');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Asset, balance row 1');
    await page.keyboard.type('BTC');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('50000');
    // Binance values BTC at 95%: 2 × 50,000 × 0.95.
    await expect(page.locator('#result-equity').textContent()).resolves.toBe(shown(dec(2).times(50000).times('0.95').toNumber()));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Remove balance row 1');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Add balance');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Asset, balance row 2');
    await expect(page.locator('#balances-grid tbody tr').count()).resolves.toBe(2);
  });

  it('fits 320 px without horizontal scrolling in every section', async () => {
    const { page } = suite.pane;
    await page.setViewportSize({ width: 320, height: 900 });
    await choosePreset(page, 'bitget');
    await page.locator('#preset-assets details[data-asset="BTC"] > summary').click();
    await page.getByRole('button', { name: 'Clone as custom preset' }).click();
    const overflow = (): Promise<number> =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await enterScenario(
      page,
      [{ asset: 'BTC', amount: '10', price: '60000' }],
      [{ symbol: 'BTCUSDT', side: 'LONG', size: '1', entry: '60000', mark: '60000', mmr: '0.004' }],
    );
    expect(await overflow()).toBe(0);
    await showSection(page, 'Import');
    await page.getByLabel('Response JSON (fetched, or paste it here)').fill(fixture('bitget-discount-rate.json'));
    await page.getByLabel('Exchange', { exact: true }).selectOption('bitget');
    await page.getByLabel('Response JSON (fetched, or paste it here)').fill(fixture('bitget-discount-rate.json'));
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.waitForSelector('#import-diff h3');
    expect(await overflow()).toBe(0);
    await showSection(page, 'Mode switch');
    expect(await overflow()).toBe(0);
  });
});
