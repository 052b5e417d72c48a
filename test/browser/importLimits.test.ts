import { DIST, ensureBuilt } from './support/build';
import { type Browser, launchChromium } from './support/chromium';
import { openPane, type Pane, showSection } from './support/pane';
import { type Running, serveDirectory } from './support/servers';
import { type HostileServer, startHostileServer } from '../support/hostileHttp';

/**
 * The pane's Fetch in Chromium against hostile servers: the browser undoes the compression, and the pane counts
 * the body with the response stream's reader, cancelling the download at the limit. The page's security policy
 * lets the production pane reach only the exchanges, and a mocked route would hand over the body whole: so this
 * browser skips the policy to reach a loopback server that streams like a hostile exchange would.
 */

let browser: Browser;
let site: Running;
let server: HostileServer;
let pane: Pane;

beforeAll(async () => {
  ensureBuilt();
  site = await serveDirectory(DIST);
  browser = await launchChromium({ bypassCSP: true });
  server = await startHostileServer();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});
beforeEach(async () => {
  pane = await openPane(browser.context, site.origin);
});
afterEach(() => pane.page.close());

describe("the pane's Fetch against hostile servers", () => {
  it.each(['huge', 'gzip-stream-bomb', 'deflate-bomb', 'br-bomb'])('refuses the %s body at 16 MB, naming the URL', async (kind) => {
    const { page } = pane;
    const url = `${server.base}/${kind}/fapi/v1/leverageBracket`;
    await showSection(page, 'Import');
    await page.getByLabel('Exchange', { exact: true }).selectOption('binance');
    await page.getByLabel('Endpoint URL').fill(url);
    await page.getByRole('button', { name: 'Fetch' }).click();
    await page.waitForSelector('#import-error:not([hidden])', { timeout: 30_000 });
    await expect(page.locator('#import-error').textContent()).resolves.toBe(
      `endpoint URL: fetching ${url} failed (body too large: more than the limit of 16 MB); paste the response JSON instead`,
    );
    await expect(page.getByLabel('Response JSON (fetched, or paste it here)').inputValue()).resolves.toBe('');
    // The download stopped at the limit, far before the 2 GB (or the 1 GB a bomb inflates to).
    expect(server.sent[kind]).toBeLessThan(kind === 'huge' ? 128 * 1024 * 1024 : 8 * 1024 * 1024);
  });
});
