import type { Page } from 'playwright-core';
import { choosePreset, enterScenario, showImportChanges, showSection } from './support/pane';
import { usePaneSuite } from './support/suite';

const suite = usePaneSuite({ prefix: 'focus-' });

/** The focused control as a person hears it: its label, else its aria-label, else its text; `body` for none. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (e === null || e === document.body) return 'body';
    const labelled = (e as HTMLInputElement).labels?.[0]?.textContent;
    return (labelled ?? e.getAttribute('aria-label') ?? e.textContent ?? '').trim();
  });
}

/**
 * The focused control once the pane has rebuilt after a change event: polled until it reads `expected` or 5 s
 * pass (the rebuild runs after the browser moved the focus, so a single read can come first).
 */
async function focusedAfterRebuild(page: Page, expected: string): Promise<string> {
  const until = Date.now() + 5000;
  let now = await focused(page);
  while (now !== expected && Date.now() < until) {
    await page.waitForTimeout(50);
    now = await focused(page);
  }
  return now;
}

describe('focus after an action that rebuilds part of the pane', () => {
  it('stays in the balances grid as rows are removed, then lands on Add balance', async () => {
    const { page } = suite.pane;
    await enterScenario(
      page,
      [
        { asset: 'USDT', amount: '1000', price: '1' },
        { asset: 'BTC', amount: '1', price: '60000' },
        { asset: 'ETH', amount: '2', price: '3000' },
      ],
      [],
    );
    await page.getByRole('button', { name: 'Remove balance row 2', exact: true }).click();
    await expect(focused(page)).resolves.toBe('Remove balance row 2');
    await expect(page.getByLabel('Asset, balance row 2', { exact: true }).inputValue()).resolves.toBe('ETH');
    await page.getByRole('button', { name: 'Remove balance row 2', exact: true }).click();
    await expect(focused(page)).resolves.toBe('Remove balance row 1');
    await page.getByRole('button', { name: 'Remove balance row 1', exact: true }).click();
    await expect(focused(page)).resolves.toBe('Add balance');
  });

  it('goes to the next position card when one is removed, then to Add position', async () => {
    const { page } = suite.pane;
    await enterScenario(
      page,
      [{ asset: 'USDT', amount: '10000', price: '1' }],
      [
        { symbol: 'BTCUSDT', side: 'LONG', size: '1', entry: '60000', mark: '60000', mmr: '0.004' },
        { symbol: 'ETHUSDT', side: 'SHORT', size: '2', entry: '3000', mark: '3000', mmr: '0.005' },
      ],
    );
    await page.getByRole('button', { name: 'Remove position 1', exact: true }).click();
    await expect(focused(page)).resolves.toMatch(/^1\. ETHUSDT SHORT 2 @ 3,000 → 3,000/);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
    await page.getByRole('button', { name: 'Remove position 1', exact: true }).click();
    await expect(focused(page)).resolves.toBe('Add position');
  });

  it('keeps the focus in the preset editor as tiers, user tiers and assets come and go, and on Tab out of a field', async () => {
    const { page } = suite.pane;
    await choosePreset(page, 'bitget');
    await page.getByRole('button', { name: 'Clone as custom preset' }).click();
    await page.locator('#preset-editor details[data-asset="BTC"] > summary').click();

    await page.getByRole('button', { name: 'Add BTC tier', exact: true }).click();
    await expect(focused(page)).resolves.toBe('BTC tier 6, floor');
    await page.getByRole('button', { name: 'Remove BTC tier 2', exact: true }).click();
    await expect(focused(page)).resolves.toBe('BTC tier 2, floor');
    await expect(page.getByLabel('BTC tier 2, floor', { exact: true }).inputValue()).resolves.toBe('500000');
    await page.getByRole('button', { name: 'Remove BTC tier 5', exact: true }).click();
    await expect(focused(page)).resolves.toBe('BTC tier 4, floor');

    await page.getByRole('button', { name: 'Add user tier', exact: true }).click();
    await expect(focused(page)).resolves.toBe('User tier 1 name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('vip');
    await page.keyboard.press('Tab');
    // The row is rebuilt under its new name; the focus stays on the field Tab went to.
    await expect(focusedAfterRebuild(page, 'Auto-exchange threshold for vip (USDT, ≤ 0)')).resolves.toBe(
      'Auto-exchange threshold for vip (USDT, ≤ 0)',
    );
    await page.getByRole('button', { name: 'Add user tier', exact: true }).click();
    await expect(focused(page)).resolves.toBe('User tier 2 name');
    await page.getByRole('button', { name: 'Remove user tier vip', exact: true }).click();
    await expect(focused(page)).resolves.toBe('User tier 1 name');
    await page.getByRole('button', { name: 'Remove user tier tier2', exact: true }).click();
    await expect(focused(page)).resolves.toBe('Add user tier');

    await page.getByLabel('New asset', { exact: true }).fill('doge');
    await page.getByRole('button', { name: 'Add asset', exact: true }).click();
    await expect(focused(page)).resolves.toBe('DOGE tier unit');
    const assets = await page
      .locator('#preset-editor details[data-asset]')
      .evaluateAll((ds) => ds.map((d) => d.getAttribute('data-asset')));
    expect(assets.at(-1)).toBe('DOGE');
    await page.getByRole('button', { name: 'Remove DOGE', exact: true }).click();
    // The last asset is gone: the focus goes to the one above it.
    await expect(page.evaluate(() => document.activeElement?.closest('details')?.getAttribute('data-asset'))).resolves.toBe(assets.at(-2));
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Remove ${assets.at(-2) ?? ''}`, exact: true }).click();
    await expect(page.evaluate(() => document.activeElement?.closest('details')?.getAttribute('data-asset'))).resolves.toBe(assets.at(-3));
    expect(suite.pane.problems).toEqual([]);
  });

  it('goes to Show changes after Import’s Apply, and to the picker after Delete this preset', async () => {
    const { page } = suite.pane;
    await showImportChanges(page, 'bitget', 'bitget-discount-rate.json');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('#import-status').textContent()).resolves.toContain('"bitget-imported" is now the default preset');
    await expect(focused(page)).resolves.toBe('Show changes');

    await showSection(page, 'Presets');
    await page.getByRole('button', { name: 'Delete this preset' }).click();
    await expect(page.locator('#preset-status').textContent()).resolves.toContain('Deleted preset "bitget-imported"');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('preset-select');
    expect(suite.pane.problems).toEqual([]);
  });
});

describe('the default preset picker', () => {
  it('saves on an explicit choice (Enter), not on every arrow key', async () => {
    const { page } = suite.pane;
    await showSection(page, 'Presets');
    await expect(page.locator('#preset-select').inputValue()).resolves.toBe('binance');
    const name = page.locator('#preset-details dd').first();
    const before = await name.textContent();
    await page.locator('#preset-select').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const arrowedTo = await page.locator('#preset-select').inputValue();
    expect(arrowedTo).not.toBe('binance');
    // Nothing saved yet: the details still show the default, and the status says how to confirm.
    await expect(name.textContent()).resolves.toBe(before);
    await expect(page.locator('#preset-status').textContent()).resolves.toBe(`Press Enter to make "${arrowedTo}" the default preset.`);
    await page.keyboard.press('Enter');
    await expect(page.locator('#preset-status').textContent()).resolves.toBe(
      `Kept in memory (not in Excel): formulas that name no exchange use "${arrowedTo}".`,
    );
    await expect(name.textContent()).resolves.not.toBe(before);
    expect(suite.pane.problems).toEqual([]);
  });
});
