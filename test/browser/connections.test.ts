import type { Page } from 'playwright-core';
import { AccountServer, TEST_KEYS } from '../support/accountServer';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { fixture, startExchangeStandIn } from '../support/exchangeStandIns';
import { routeOkx } from './support/exchangeRoutes';
import { openPane, type Pane, screenshot } from './support/pane';
import { usePaneSuite } from './support/suite';

/**
 * The pane's Connections in Chromium, on the built add-in: OKX's REST host and private websocket are routed to
 * local stand-ins (the REST one verifies every signature; the websocket one the login), so the page talks to the
 * hosts its security policy names, and the real bundle does the signing, the key check and the streaming.
 */
const suite = usePaneSuite({ prefix: 'connections-', perTest: false });

let ws: AccountServer;
let rest: ExchangeStandIn;
let pane: Pane | undefined;
const KEYS = TEST_KEYS.okx;
const SECRETS = [KEYS.key, KEYS.secret, KEYS.passphrase ?? ''];

async function openConnections(): Promise<Page> {
  pane = await openPane(suite.browser.context, suite.site.origin);
  await pane.page.getByRole('tab', { name: 'Live prices' }).click();
  return pane.page;
}

async function enterKey(page: Page): Promise<void> {
  await page.fill('#conn-okx-key', KEYS.key);
  await page.fill('#conn-okx-secret', KEYS.secret);
  await page.fill('#conn-okx-passphrase', KEYS.passphrase ?? '');
  await page.click('#conn-okx-connect');
}

/** Every place of the page a key could linger: the DOM with field values, and the page's storages. */
async function everythingOnThePage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input')].map((i) => i.value).join('\n');
    const storages = [localStorage, sessionStorage].map((s) => JSON.stringify(Object.entries(s))).join('\n');
    return `${document.documentElement.outerHTML}\n${values}\n${storages}\n${document.cookie}`;
  });
}

beforeAll(async () => {
  await routeOkx(suite.browser.context, () => ({ rest, ws }));
});

beforeEach(async () => {
  ws = await AccountServer.start();
  rest = await startExchangeStandIn('okx', KEYS);
});

afterEach(async () => {
  if (pane) {
    const name = expect.getState().currentTestName ?? 'test';
    await screenshot(pane.page, `connections-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    await pane.page.close();
    pane = undefined;
  }
  await rest.close();
  await ws.close();
});

describe('Connections in the task pane', () => {
  it('checks the key is read-only, connects, shows the status, and keeps no key on the page', async () => {
    const page = await openConnections();
    await enterKey(page);
    await page.waitForFunction(() => document.querySelector('fieldset[data-exchange="okx"] .badge')?.textContent === 'connected', null, {
      timeout: 15_000,
    });
    expect(await page.textContent('#conn-okx-check')).toMatch(/^Read-only key \(/);
    expect(await page.textContent('#conn-okx-status')).toMatch(/^since \d\d:\d\d:\d\d · last event \d\d:\d\d:\d\d$/);
    expect(ws.logins.okx).toBe(1);
    // The signed requests reached the exchange: the key check, then the snapshot.
    expect(rest.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v5/account/config', '/api/v5/account/balance']));
    const text = await everythingOnThePage(page);
    for (const secret of SECRETS) expect(text.includes(secret)).toBe(false);
    expect(pane?.problems).toEqual([]);
    await page.click('#conn-okx-forget');
    await page.waitForFunction(() => document.querySelector('fieldset[data-exchange="okx"] .badge')?.textContent === 'not connected');
  });

  it('refuses a key that can trade, with the exchange\u2019s reason, and does not connect', async () => {
    rest.routes['/api/v5/account/config'] = { signed: true, answer: fixture('live/okx-account-config-doc.json') };
    const page = await openConnections();
    await enterKey(page);
    await page.waitForFunction(() => (document.querySelector('#conn-okx-check')?.textContent ?? '').startsWith('Refused'));
    expect(await page.textContent('#conn-okx-check')).toMatch(
      /^Refused: the key can .*trade.*Create a read-only key and connect with it\.$/,
    );
    expect(await page.textContent('fieldset[data-exchange="okx"] .badge')).toBe('not connected');
    expect(ws.logins.okx).toBe(0);
  });

  it('names a missing passphrase without echoing what was typed', async () => {
    const page = await openConnections();
    await page.fill('#conn-okx-key', KEYS.key);
    await page.fill('#conn-okx-secret', KEYS.secret);
    await page.click('#conn-okx-connect');
    expect(await page.textContent('#conn-okx-error')).toBe('Passphrase: required for OKX');
    expect(await page.isDisabled('#conn-okx-remember')).toBe(true);
  });
});
