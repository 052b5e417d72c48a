import { type Browser, launchChromium } from './chromium';
import { DIST, ensureBuilt } from './build';
import { openPane, type Pane, screenshot } from './pane';
import { type Running, serveDirectory } from './servers';

/** What a browser test file works with: the one Chromium, the built pane's site, and the test's own page. */
export interface PaneSuite {
  readonly browser: Browser;
  readonly site: Running;
  /** A fresh pane for each test (with `perTest`), screenshotted and closed after it. */
  readonly pane: Pane;
}

/**
 * Registers the hooks every browser test file needs: build dist/ once, serve it, launch Chromium; with `perTest`
 * (the default), open a fresh pane before each test and screenshot it after, named `prefix` + the test's name.
 */
export function usePaneSuite(options: { readonly perTest?: boolean; readonly prefix?: string } = {}): PaneSuite {
  let browser: Browser | undefined;
  let site: Running | undefined;
  let pane: Pane | undefined;
  beforeAll(async () => {
    ensureBuilt();
    site = await serveDirectory(DIST);
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  if (options.perTest ?? true) {
    beforeEach(async () => {
      pane = await openPane((browser as Browser).context, (site as Running).origin);
    });
    afterEach(async () => {
      const name = expect.getState().currentTestName ?? 'test';
      await screenshot((pane as Pane).page, `${options.prefix ?? ''}${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
      await (pane as Pane).page.close();
    });
  }
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test or a hook`);
    return value;
  };
  return {
    get browser() {
      return required(browser, 'the browser');
    },
    get site() {
      return required(site, 'the site');
    },
    get pane() {
      return required(pane, 'the pane');
    },
  };
}
