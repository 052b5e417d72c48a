import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from './build';

export const SCREENSHOTS = join(ROOT, 'test-output', 'browser');

export interface Pane {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far (a CSP violation is reported as a console error). */
  readonly problems: string[];
}

/** Opens the built pane in a new tab and waits until every section is wired. */
export async function openPane(context: BrowserContext, origin: string, width = 360): Promise<Pane> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems: string[] = [];
  // Every console error counts, office.js's included: outside Office the pane keeps its telemetry frame unloaded.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export async function showSection(page: Page, tab: 'Presets' | 'Import' | 'Scenario' | 'Mode switch'): Promise<void> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

export async function choosePreset(page: Page, id: string): Promise<void> {
  await showSection(page, 'Presets');
  await page.selectOption('#preset-select', id);
  await page.waitForFunction((wanted) => (document.querySelector('#preset-status')?.textContent ?? '').includes(`"${wanted}"`), id);
}

export interface BalanceInput {
  readonly asset: string;
  readonly amount: string;
  readonly price: string;
}

export interface PositionInput {
  readonly symbol: string;
  readonly side: 'LONG' | 'SHORT' | 'BOTH';
  readonly size: string;
  readonly entry: string;
  readonly mark: string;
  readonly mmr: string;
  readonly marginMode?: 'cross' | 'isolated';
}

/** Types balances and positions into the Scenario grids, as a user would (one new row per entry). */
export async function enterScenario(page: Page, balances: readonly BalanceInput[], positions: readonly PositionInput[]): Promise<void> {
  await showSection(page, 'Scenario');
  for (const [i, b] of balances.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add balance' }).click();
    const row = i + 1;
    await page.getByLabel(`Asset, balance row ${row}`, { exact: true }).fill(b.asset);
    await page.getByLabel(`Amount, balance row ${row}`, { exact: true }).fill(b.amount);
    await page.getByLabel(`Price, balance row ${row}`, { exact: true }).fill(b.price);
  }
  for (const [i, p] of positions.entries()) {
    await page.getByRole('button', { name: 'Add position' }).click();
    const card = page.getByRole('group', { name: `Position ${i + 1}`, exact: true });
    await card.getByLabel('Symbol', { exact: true }).fill(p.symbol);
    await card.getByLabel('Side', { exact: true }).selectOption(p.side);
    await card.getByLabel('Size', { exact: true }).fill(p.size);
    await card.getByLabel('Entry', { exact: true }).fill(p.entry);
    await card.getByLabel('Mark', { exact: true }).fill(p.mark);
    await card.getByLabel('MMR', { exact: true }).fill(p.mmr);
    await card.getByLabel('Margin mode', { exact: true }).selectOption(p.marginMode ?? 'cross');
  }
}

/**
 * On the Import tab (shown first): chooses `exchange`, pastes the recorded response `test/fixtures/api/<response>`
 * and asks for the changes it would make.
 */
export async function showImportChanges(page: Page, exchange: string, response: string): Promise<void> {
  await showSection(page, 'Import');
  await page.getByLabel('Exchange', { exact: true }).selectOption(exchange);
  await page
    .getByLabel('Response JSON (fetched, or paste it here)')
    .fill(readFileSync(join(ROOT, 'test', 'fixtures', 'api', response), 'utf8'));
  await page.getByRole('button', { name: 'Show changes' }).click();
}
