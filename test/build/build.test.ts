import { execFile } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { createContext, runInContext } from 'vm';
import { DIST, distFile, readDist, ROOT } from './dist';

// Plain CommonJS build scripts, shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { normaliseBaseUrl, rewriteUrls, DEV_BASE_URL } = require('../../scripts/addinUrls');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderMarkdown, MARKDOWN_FILE } = require('../../scripts/gen-function-docs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FUNCTIONS_BUNDLE_LIMIT, OFFICE_JS, productionPolicy } = require('../../webpack.config.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionsJson: tableFunctionsJson } = require('../../scripts/functionTable');

interface FunctionsJson {
  functions: { id: string; helpUrl: string }[];
}

const HOSTED_ENV = 'https://addin.example.com/margin';
const HOSTED_BASE = 'https://addin.example.com/margin/';
const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

const functionsJson = (dir: string): FunctionsJson => JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8'));

/** The <script src> values of a built page, in document order. */
const scriptSources = (html: string): string[] =>
  [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1] ?? '');

/** Runs functions.js the way the shared runtime does, with `CustomFunctions` standing in for Excel's. */
function loadFunctionsBundle(code: string): Record<string, (...args: unknown[]) => unknown> {
  const associated: Record<string, (...args: unknown[]) => unknown> = {};
  class ExcelError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const context: Record<string, unknown> = {
    console,
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        associated[id] = fn;
      },
      Error: ExcelError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
    },
  };
  context.self = context;
  context.window = context;
  createContext(context);
  runInContext(code, context);
  return associated;
}

describe('the build in dist/ (npm run build)', () => {
  it('holds the bundles, the pages, the metadata, the manifest, the icons and office.js', () => {
    const files = ['functions.js', 'functions.json', 'taskpane.js', 'taskpane.html', 'taskpane.css', 'FUNCTIONS.html', 'manifest.xml', OFFICE_JS];
    for (const size of [16, 32, 64, 80]) files.push(`assets/icon-${size}.png`);
    for (const file of files) expect([file, existsSync(distFile(file))]).toEqual([file, true]);
  });

  it('is current: its functions.json is what the function table (src/functions/core/specs.ts, docs.ts) generates now', () => {
    const expected = JSON.parse(rewriteUrls(tableFunctionsJson(), normaliseBaseUrl(process.env.ADDIN_BASE_URL)));
    expect(JSON.parse(readDist('functions.json'))).toEqual(expected);
  });

  it('copies manifest.xml with its URLs rewritten only when ADDIN_BASE_URL is set', () => {
    const source = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    expect(readDist('manifest.xml')).toBe(rewriteUrls(source, normaliseBaseUrl(process.env.ADDIN_BASE_URL)));
  });

  it(`keeps the functions bundle within ${FUNCTIONS_BUNDLE_LIMIT / 1024} KB, without the CLI's spreadsheet libraries`, () => {
    const code = readDist('functions.js');
    expect(statSync(distFile('functions.js')).size).toBeLessThanOrEqual(FUNCTIONS_BUNDLE_LIMIT);
    expect(code).not.toMatch(/hyperformula|exceljs/i);
  });

  it('registers every function of functions.json, and the registered functions compute and fail as in Excel', () => {
    const associated = loadFunctionsBundle(readDist('functions.js'));
    const ids = JSON.parse(readDist('functions.json')).functions.map((f: { id: string }) => f.id);
    expect(Object.keys(associated)).toEqual(ids);
    expect(associated.LIABILITY_INTEREST?.(-1000, 0.0001, 24, null)).toBe(2.4);
    expect(() => associated.COLLATERAL_VALUE?.('XYZ', 1, 1, null)).toThrow(
      expect.objectContaining({ code: '#N/A', message: expect.stringContaining('XYZ') }),
    );
  });

  it("lets the production page fetch from the exchanges it pre-fills and stream from their websockets (public and private), never from the user's own machine", () => {
    // The minified page leaves attribute values unquoted where it can.
    const policy = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(readDist('taskpane.html'))?.[1] ?? '';
    const connect = policy.split(';').map((d) => d.trim().split(/\s+/)).find((words) => words[0] === 'connect-src') ?? [];
    expect(connect).toEqual([
      'connect-src',
      "'self'",
      'https://fapi.binance.com',
      'https://api.binance.com',
      'https://api.bitget.com',
      'https://www.okx.com',
      'https://api.bybit.com',
      'wss://fstream.binance.com',
      'wss://ws.okx.com:8443',
      'wss://stream.bybit.com',
      'wss://ws.bitget.com',
      'wss://ws-fapi.binance.com',
    ]);
    expect(policy).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('takes only the development connect sources out of the page policy, and refuses a page without one', () => {
    const page = readFileSync(join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    const built: string = productionPolicy(page);
    expect(page).toContain('http://localhost:*');
    expect(built.replace(/ http:\/\/(localhost|127\.0\.0\.1):\*/g, '')).toBe(built);
    expect(built).toBe(page.replace(' http://localhost:* http://127.0.0.1:*', ''));
    expect(() => productionPolicy('<html><head></head></html>')).toThrow(/no Content-Security-Policy/);
  });

  it('makes the task pane page the shared runtime: office.js first, then the functions, then the pane', () => {
    expect(scriptSources(readDist('taskpane.html'))).toEqual([OFFICE_JS, 'functions.js', 'taskpane.js']);
  });

  it('keeps one copy of the workbook preset settings: the task pane bundle reuses the functions bundle', () => {
    expect(readDist('functions.js')).toContain('multiasset.defaultPreset');
    expect(readDist('taskpane.js')).not.toContain('multiasset.defaultPreset');
  });

  it('serves the function reference with a section for every help link', () => {
    const html = readDist('FUNCTIONS.html');
    for (const fn of functionsJson(DIST).functions) {
      const fragment = fn.helpUrl.split('#')[1] ?? '';
      expect([fn.id, html.includes(`id="${fragment}"`) || html.includes(`id=${fragment}`)]).toEqual([fn.id, true]);
    }
  });

  it('has docs/FUNCTIONS.md up to date with functions.json (npm run docs:functions regenerates it)', () => {
    expect(readFileSync(MARKDOWN_FILE, 'utf8')).toBe(renderMarkdown(functionsJson(DIST)));
  });
});

describe('a hosted build (ADDIN_BASE_URL set)', () => {
  let out = '';

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'margin-hosted-'));
    const cli = require.resolve('webpack-cli/bin/cli.js');
    await promisify(execFile)(process.execPath, [cli, '--mode', 'production', '--env', `outDir=${out}`], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_BASE_URL: HOSTED_ENV },
      maxBuffer: 64 * 1024 * 1024,
    });
  }, BUILD_TIMEOUT_MS);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('points every manifest URL at the base URL, with nothing left on localhost', () => {
    const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toBe(readFileSync(join(ROOT, 'manifest.xml'), 'utf8').split(DEV_BASE_URL).join(HOSTED_BASE));
  });

  it('serves every file the hosted manifest names', () => {
    const urls = [...readFileSync(join(out, 'manifest.xml'), 'utf8').matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith(HOSTED_BASE)).toBe(true);
      const file = url.slice(HOSTED_BASE.length).replace(/#.*$/, '');
      expect([url, existsSync(join(out, file))]).toEqual([url, true]);
    }
  });

  it('links every function to the hosted function reference', () => {
    for (const fn of functionsJson(out).functions) {
      expect(fn.helpUrl).toBe(`${HOSTED_BASE}FUNCTIONS.html#${fn.id.toLowerCase()}`);
    }
  });

  it('loads its own copy of office.js, as the local build does', () => {
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    expect(scriptSources(html)[0]).toBe(OFFICE_JS);
    expect(existsSync(join(out, OFFICE_JS))).toBe(true);
  });
});

describe('ADDIN_BASE_URL', () => {
  it('gets a trailing slash so that it prefixes paths', () => {
    expect(normaliseBaseUrl(HOSTED_ENV)).toBe(HOSTED_BASE);
  });

  it.each([undefined, '', '  '])('leaves the dev URLs in place when unset (%p)', (value) => {
    expect(normaliseBaseUrl(value)).toBeNull();
    expect(rewriteUrls(`${DEV_BASE_URL}taskpane.html`, normaliseBaseUrl(value))).toBe(`${DEV_BASE_URL}taskpane.html`);
  });

  it.each([
    ['http://addin.example.com/', /https only/],
    ['addin.example.com', /absolute https URL/],
    ['https://addin.example.com/?v=2', /no query or fragment/],
  ])('refuses %s', (value, message) => {
    expect(() => normaliseBaseUrl(value)).toThrow(message);
  });
});
