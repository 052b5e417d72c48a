import type { Page } from 'playwright-core';
import { recordAnnouncements } from './support/audit';
import { choosePreset, enterScenario, showSection } from './support/pane';
import { usePaneSuite } from './support/suite';

const suite = usePaneSuite({ prefix: 'announce-' });

/** Longer than the pane's pause before it speaks (800 ms), so a debounced summary has been said. */
const SETTLE_MS = 1500;

async function fillAccount(page: Page): Promise<void> {
  await choosePreset(page, 'bitget');
  await enterScenario(
    page,
    [
      { asset: 'BTC', amount: '10', price: '60000' },
      { asset: 'USDT', amount: '-150000', price: '1' },
    ],
    [{ symbol: 'BTCUSDT', side: 'LONG', size: '1.5', entry: '58000', mark: '60000', mmr: '0.004' }],
  );
  await page.waitForTimeout(SETTLE_MS);
}

describe('live regions say changes in proportion', () => {
  it('sends one short summary for a typed digit, not the rebuilt tables', async () => {
    const { page } = suite.pane;
    await fillAccount(page);
    const heard = await recordAnnouncements(page);
    await page.getByLabel('Amount, balance row 1', { exact: true }).press('End');
    await page.getByLabel('Amount, balance row 1', { exact: true }).press('1');
    await page.waitForTimeout(SETTLE_MS);
    const { chars, texts } = await heard.take();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^Scenario: equity [\d,.]+ USDT, margin ratio \d+\.\d\d% SAFE, liquidation at a BTC move of −\d+\.\d\d%\.$/);
    expect(chars).toBeLessThan(120);
    // Five quick digits: still one summary, said once typing pauses.
    await page.getByLabel('Amount, balance row 1', { exact: true }).pressSequentially('23456', { delay: 50 });
    await page.waitForTimeout(SETTLE_MS);
    const burst = await heard.take();
    expect(burst.texts).toHaveLength(1);
    expect(burst.chars).toBeLessThan(120);
    expect(suite.pane.problems).toEqual([]);
  });

  it('says a row’s error once, on leaving the field it names, and ties the field to it', async () => {
    const { page } = suite.pane;
    await fillAccount(page);
    await page.getByRole('button', { name: 'Add position' }).click();
    const card = page.getByRole('group', { name: 'Position 2', exact: true });
    const heard = await recordAnnouncements(page);
    // Typing the symbol: "size: required" is the row's message at every key, and is never said while typing.
    await card.getByLabel('Symbol', { exact: true }).pressSequentially('ETHUSDT', { delay: 20 });
    await page.waitForTimeout(SETTLE_MS);
    const typing = await heard.take();
    expect(typing.texts.filter((t) => t.includes('required'))).toEqual([]);
    await expect(page.locator('#scenario-input-error').textContent()).resolves.toBe('positions, row 2: size: required, but blank');
    // Leaving Size blank: said once, and Size is marked invalid and described by the message.
    const size = card.getByLabel('Size', { exact: true });
    await size.focus();
    await page.keyboard.press('Tab');
    await size.focus();
    await page.keyboard.press('Tab');
    const left = await heard.take();
    expect(left.texts.filter((t) => t.includes('required'))).toEqual(['positions, row 2: size: required, but blank']);
    await expect(size.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(size.getAttribute('aria-describedby')).resolves.toBe('scenario-input-error');
    // Typing the size clears the mark.
    await size.fill('2');
    await expect(size.getAttribute('aria-invalid')).resolves.toBeNull();
    expect(suite.pane.problems).toEqual([]);
  });

  it('makes one announcement per slider step', async () => {
    const { page } = suite.pane;
    await fillAccount(page);
    const slider = page.getByLabel('BTC price', { exact: true });
    await slider.focus();
    const heard = await recordAnnouncements(page);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(SETTLE_MS);
    const step = await heard.take();
    expect(step.texts).toHaveLength(1);
    expect(step.texts[0]).toMatch(/^Scenario: equity /);
    // The slider says its own value; the figure beside it is not a second live region.
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('−1%');
    await expect(page.locator('#shock-controls output[aria-hidden="true"]').count()).resolves.toBeGreaterThan(0);
    expect(suite.pane.problems).toEqual([]);
  });

  it('says a live-price state change once, not a rebuilt status every second', async () => {
    const { page } = suite.pane;
    await page.getByRole('tab', { name: 'Live prices', exact: true }).click();
    const heard = await recordAnnouncements(page);
    await page.waitForTimeout(3000);
    await expect(heard.take()).resolves.toEqual({ chars: 0, texts: [] });
    await page.getByRole('button', { name: 'Pause live prices' }).click();
    await page.waitForTimeout(2500);
    const paused = await heard.take();
    expect(paused.texts).toHaveLength(1);
    expect(paused.texts[0]).toMatch(/^Live prices: .*paused.*\.$/);
    expect(suite.pane.problems).toEqual([]);
  });

  it('says the mode-switch verdict in one sentence when it changes', async () => {
    const { page } = suite.pane;
    await fillAccount(page);
    await showSection(page, 'Mode switch');
    const heard = await recordAnnouncements(page);
    await page.getByLabel('Open orders', { exact: true }).fill('3');
    await page.waitForTimeout(SETTLE_MS);
    const verdict = await heard.take();
    expect(verdict.texts).toHaveLength(1);
    expect(verdict.texts[0]).toMatch(/^Switch to multi-asset mode: (ELIGIBLE|BLOCKED)/);
    expect(verdict.chars).toBeLessThan(80);
    expect(suite.pane.problems).toEqual([]);
  });
});
