import type { Page } from 'playwright-core';
import { AccountServer, TEST_KEYS } from '../support/accountServer';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { startExchangeStandIn } from '../support/exchangeStandIns';
import { routeBinance } from './support/exchangeRoutes';
import { openPane, type Pane, screenshot } from './support/pane';
import { usePaneSuite } from './support/suite';

/**
 * Binance in the built pane, in Chromium, where no request may carry REST's X-MBX-APIKEY header (the routes refuse
 * it, as a browser refuses a cross-origin header the exchange does not allow): the key check says it could not
 * verify, and the account still connects, its snapshot taken over the WebSocket API stand-in, which verifies
 * each signature.
 */
const suite = usePaneSuite({ prefix: 'binance-connection-', perTest: false });
const KEYS = TEST_KEYS.binance;

let ws: AccountServer;
let rest: ExchangeStandIn;
let keyHeaderRefused: string[] = [];
let pane: Pane | undefined;

beforeAll(async () => {
  await routeBinance(suite.browser.context, () => ({ rest, ws, keyHeaderRefused }));
});

beforeEach(async () => {
  ws = await AccountServer.start();
  rest = await startExchangeStandIn('binance', KEYS);
  keyHeaderRefused = [];
});

afterEach(async () => {
  if (pane) {
    await screenshot(pane.page, 'binance-connection-websocket-api');
    await pane.page.close();
    pane = undefined;
  }
  await rest.close();
  await ws.close();
});

async function connectBinance(): Promise<Page> {
  pane = await openPane(suite.browser.context, suite.site.origin);
  const { page } = pane;
  await page.getByRole('tab', { name: 'Live prices' }).click();
  await page.fill('#conn-binance-key', KEYS.key);
  await page.fill('#conn-binance-secret', KEYS.secret);
  await page.click('#conn-binance-connect');
  return page;
}

describe('Binance in the pane without the REST key header', () => {
  it('connects with the snapshot over the WebSocket API, and says the key could not be verified', async () => {
    const page = await connectBinance();
    await page.waitForFunction(
      () => document.querySelector('fieldset[data-exchange="binance"] .badge')?.textContent === 'connected',
      null,
      {
        timeout: 15_000,
      },
    );
    expect(await page.textContent('#conn-binance-check')).toMatch(/^Could not verify that the key is read-only/);
    // Only the key check tried the header, and went no further; the snapshot never used REST's key.
    expect(keyHeaderRefused).toEqual(['/sapi/v1/account/apiRestrictions']);
    expect(rest.requests.map((r) => r.path)).toEqual(['/fapi/v1/assetIndex']);
    expect(ws.binanceWsRequests.map((r) => r.method)).toEqual(['v2/account.status', 'v2/account.position']);
    expect(ws.refusals.binance).toBe(0);
    expect(ws.snapshots.binance).toBe(1);
    expect(ws.openStreams('binance')).toBe(1);
    expect(ws.received.some((text) => text.includes(KEYS.secret))).toBe(false);
  });
});
