import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { readAddinSettings } from '../../src/cli/addinSettings';
import type { Credentials } from '../../src/live/signers';
import { AccountServer } from '../support/accountServer';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { startExchangeStandIn } from '../support/exchangeStandIns';
import { ROOT } from './support/build';
import { routeOkx } from './support/exchangeRoutes';
import { openPane, type Pane, screenshot, showSection } from './support/pane';
import { findSecrets, packageParts, savedPackage, type StandInWorkbook } from './support/savedWorkbook';
import { usePaneSuite } from './support/suite';

/**
 * A workbook saved after connecting holds no key: the built pane runs inside an Excel stand-in (office.js
 * replaced by test/browser/support/officeStandIn.js), connects OKX through the local stand-ins, streams
 * MARGIN.ACCOUNT into cells, saves its settings and writes the account tables; the workbook is then written as
 * the .xlsx package Excel would save, and every part of it is searched for the key, the secret and the
 * passphrase, as typed and encoded. So are the settings, the console and every message the pane showed.
 */
const suite = usePaneSuite({ prefix: 'saved-workbook-', perTest: false });

/** Distinctive, with characters that URI, form and XML encodings each change. */
const KEYS: Credentials = {
  key: 'c0nnKEY-7f3e91b2-savedscan',
  secret: 'Zq8SECRETw2Lr5Tn0Vx4Yb7/+sv',
  passphrase: 'Pass phrase&=/+%9"<x>',
};
const SECRETS = [KEYS.key, KEYS.secret, KEYS.passphrase ?? ''];
const OUT = join(ROOT, 'test-output', 'browser');
const accountFixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'account', name), 'utf8');

let ws: AccountServer;
let rest: ExchangeStandIn;
let pane: Pane | undefined;
const consoleLines: string[] = [];
const onConsole = (message: ConsoleMessage): void => {
  consoleLines.push(`${message.type()}: ${message.text()}`);
};

beforeAll(async () => {
  await routeOkx(suite.browser.context, () => ({ rest, ws }));
  const standIn = readFileSync(join(__dirname, 'support', 'officeStandIn.js'), 'utf8');
  await suite.browser.context.route('**/office-js/office.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: standIn }),
  );
  suite.browser.context.on('console', onConsole);
});

beforeEach(async () => {
  consoleLines.length = 0;
  ws = await AccountServer.start();
  ws.keys.okx = KEYS;
  rest = await startExchangeStandIn('okx', KEYS);
});

afterEach(async () => {
  if (pane) {
    const name = expect.getState().currentTestName ?? 'test';
    await screenshot(pane.page, `saved-workbook-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    await pane.page.close();
    pane = undefined;
  }
  await rest.close();
  await ws.close();
});

/** Every text the pane showed: the page's text, its alerts and status lines, and what its fields hold. */
async function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((i) => (i as HTMLInputElement).value).join('\n');
    const storages = [localStorage, sessionStorage].map((s) => JSON.stringify(Object.entries(s))).join('\n');
    return `${document.documentElement.outerHTML}\n${document.body.innerText}\n${values}\n${storages}\n${document.cookie}`;
  });
}

async function standInWorkbook(page: Page): Promise<StandInWorkbook> {
  return page.evaluate(() => {
    const { state } = (window as unknown as { __excel: { state: Record<string, unknown> } }).__excel;
    const sheets = (state.sheets as { name: string; cells: unknown; tableList: unknown[] }[]).map((s) => ({
      name: s.name,
      cells: s.cells,
      tables: s.tableList,
    }));
    return JSON.parse(
      JSON.stringify({ ...state, sheets, functions: undefined, active: undefined, calculations: undefined }),
    ) as StandInWorkbook;
  });
}

/** Connects, streams the account into cells, saves settings and writes the tables: a desk's session. */
async function sessionInExcel(remember: boolean): Promise<{ page: Page; book: StandInWorkbook; bytes: Buffer }> {
  pane = await openPane(suite.browser.context, suite.site.origin);
  const { page } = pane;
  // Inside Excel: no "plain browser" notice.
  expect(await page.isHidden('#host-notice')).toBe(true);

  await page.getByRole('tab', { name: 'Live prices' }).click();
  await page.fill('#conn-okx-key', KEYS.key);
  await page.fill('#conn-okx-secret', KEYS.secret);
  await page.fill('#conn-okx-passphrase', KEYS.passphrase ?? '');
  if (remember) await page.check('#conn-okx-remember');
  await page.click('#conn-okx-connect');
  await page.waitForFunction(() => document.querySelector('fieldset[data-exchange="okx"] .badge')?.textContent === 'connected', null, {
    timeout: 15_000,
  });

  // MARGIN.ACCOUNT cells on a sheet, through the custom functions the bundle associated.
  await page.evaluate(() => {
    const excel = (window as unknown as { __excel: { stream: (...a: unknown[]) => void } }).__excel;
    excel.stream('ACCOUNT', ['okx', 'balances'], 'Desk', 0, 0, '=MARGIN.ACCOUNT("okx")');
    excel.stream('ACCOUNT', ['okx', 'positions'], 'Desk', 0, 6, '=MARGIN.ACCOUNT("okx","positions")');
  });
  await page.waitForFunction(() => {
    const { state } = (
      window as unknown as { __excel: { state: { sheets: { name: string; cells: Record<string, { value: unknown }> }[] } } }
    ).__excel;
    const desk = state.sheets.find((s) => s.name === 'Desk');
    return desk?.cells['0,0']?.value === 'asset' && desk.cells['0,6']?.value === 'symbol';
  });

  // Settings saved in the workbook: the default preset and a live-price setting.
  await showSection(page, 'Presets');
  await page.selectOption('#preset-select', 'okx');
  await page.waitForFunction(() => (document.querySelector('#preset-status')?.textContent ?? '').startsWith('Saved in the workbook'));
  await page.getByRole('tab', { name: 'Live prices' }).click();
  await page.fill('#prices-interval', '2');
  await page.dispatchEvent('#prices-interval', 'change');

  // "Write tables to sheet" of pasted responses.
  await showSection(page, 'Import');
  await page.getByLabel('Exchange of the account', { exact: true }).selectOption('okx');
  await page.getByLabel('Account response', { exact: true }).fill(accountFixture('okx-account-balance.json'));
  await page.getByLabel('Positions response', { exact: true }).fill(accountFixture('okx-account-positions.json'));
  await page.getByRole('button', { name: 'Show tables' }).click();
  await page.getByRole('button', { name: 'Write tables to sheet' }).click();
  await page.waitForFunction(() => (document.querySelector('#account-status')?.textContent ?? '').startsWith('Wrote the three tables'));
  await page.waitForFunction(() => {
    const { state } = (window as unknown as { __excel: { state: { savedSettings: Record<string, unknown> } } }).__excel;
    return 'multiasset.livePrices' in state.savedSettings || Object.keys(state.savedSettings).length >= 2;
  });

  const book = await standInWorkbook(page);
  const bytes = await savedPackage(book);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `saved-after-connecting${remember ? '-remembered' : ''}.xlsx`), bytes);
  return { page, book, bytes };
}

async function expectNoSecretAnywhere(page: Page, book: StandInWorkbook, bytes: Buffer): Promise<void> {
  const parts = await packageParts(bytes);
  // The package is the workbook the session made: its sheets, tables, and saved settings.
  expect([...parts.keys()]).toEqual(
    expect.arrayContaining(['xl/workbook.xml', 'xl/webextensions/webextension1.xml', 'xl/tables/table1.xml', 'xl/worksheets/sheet2.xml']),
  );
  const settings = await readAddinSettings(bytes);
  expect(settings.get('multiasset.defaultPreset')).toBe('okx');
  expect([...parts.values()].some((text) => text.includes('okxBalances'))).toBe(true);
  expect([...parts.values()].some((text) => text.includes('_xldudf_MARGIN_ACCOUNT('))).toBe(true);
  const desk = book.sheets.find((s) => s.name === 'Desk');
  expect(desk?.cells['1,0']?.value).toBe('USDT');

  expect(findSecrets(parts, SECRETS)).toEqual([]);
  const elsewhere = new Map<string, string>([
    ['settings set', JSON.stringify(book.settings)],
    ['settings saved', JSON.stringify(book.savedSettings)],
    ['custom XML', book.customXml.join('\n')],
    ['console', consoleLines.join('\n')],
    ['page', await pageTexts(page)],
    ['stand-in exchange requests', rest.requests.map((r) => `${r.path}?${r.query}\n${r.body}`).join('\n')],
  ]);
  expect(findSecrets(elsewhere, SECRETS)).toEqual([]);
  expect(pane?.problems).toEqual([]);
}

describe('a workbook saved after connecting', () => {
  it('holds no key, secret or passphrase in any part when the key is kept for the session', async () => {
    const { page, book, bytes } = await sessionInExcel(false);
    await expectNoSecretAnywhere(page, book, bytes);
    expect(book.storage).toEqual({});
  });

  it('holds none either when the key is remembered on this computer, where the add-in storage keeps it', async () => {
    const { page, book, bytes } = await sessionInExcel(true);
    await expectNoSecretAnywhere(page, book, bytes);
    // Remembered: in the add-in's per-user storage, which is not the workbook.
    expect(JSON.parse(book.storage['multiasset.keys.okx'] ?? 'null')).toEqual(KEYS);
  });
});
