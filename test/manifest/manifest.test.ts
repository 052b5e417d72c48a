import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { distFile, readDist, ROOT } from '../build/dist';
import { PRIVATE_WEBSOCKET_ORIGINS } from '../../src/live/stream';
import { WEBSOCKET_ORIGINS as PRICE_ORIGINS } from '../../src/prices';

/** Every websocket host the add-in opens: the public price feeds (PRICE), then the private account streams (ACCOUNT). */
const WEBSOCKET_ORIGINS = [...new Set([...PRICE_ORIGINS, ...PRIVATE_WEBSOCKET_ORIGINS])];
import { child, descendants, parseXml, type XmlNode } from './xmlTree';

const DEV_BASE = 'https://localhost:3000/';
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const root = parseXml(xml);
const overrides = child(root, 'VersionOverrides');
const host = child(overrides, 'Hosts', 'Host');
const resources = child(overrides, 'Resources');

/** Every resource the manifest defines, by id: URL or text. */
const resourceValues = new Map(
  resources.children.flatMap((group) => group.children.map((r) => [r.attrs.id ?? '', r.attrs.DefaultValue ?? ''] as const)),
);

function resource(id: string | undefined): string {
  const value = resourceValues.get(id ?? '');
  if (value === undefined) throw new Error(`resource "${id}" is not defined in <Resources>`);
  return value;
}

function sourceUrl(extensionPoint: XmlNode, element: string): string {
  return resource(child(extensionPoint, element, 'SourceLocation').attrs.resid);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const localPath = (url: string): string => {
  expect(url.startsWith(DEV_BASE)).toBe(true);
  return url.slice(DEV_BASE.length).replace(/[#?].*$/, '');
};

const customFunctions = host.children
  .find((c) => c.name === 'AllFormFactors')
  ?.children.find((c) => c.name === 'ExtensionPoint' && c.attrs['xsi:type'] === 'CustomFunctions');

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('is a task pane add-in for Excel workbooks with read/write document permission', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(root, 'Hosts', 'Host').attrs.Name).toBe('Workbook');
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(host.attrs['xsi:type']).toBe('Workbook');
  });

  it('requires the shared runtime, and the custom functions runtime in its version overrides', () => {
    const sets = child(root, 'Requirements', 'Sets').children.map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`);
    expect(sets).toContain('SharedRuntime 1.1');
    const overrideSets = child(overrides, 'Requirements', 'bt:Sets').children.map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`);
    expect(overrideSets).toContain('CustomFunctionsRuntime 1.1');
  });

  it('defines every resid it references', () => {
    const referenced = descendants(root)
      .map((node) => node.attrs.resid)
      .filter((id): id is string => id !== undefined);
    expect(referenced.length).toBeGreaterThan(10);
    for (const id of referenced) expect([id, resourceValues.has(id)]).toEqual([id, true]);
  });

  it('uses every resource it defines', () => {
    const referenced = new Set(descendants(root).map((node) => node.attrs.resid));
    for (const id of resourceValues.keys()) expect([id, referenced.has(id)]).toEqual([id, true]);
  });

  it('declares the long-lived shared runtime first under <Host>, on the task pane page', () => {
    const first = host.children[0];
    expect(first?.name).toBe('Runtimes');
    const runtime = child(host, 'Runtimes', 'Runtime');
    expect(runtime.attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
  });

  it('runs the custom functions in the shared runtime under the MARGIN namespace', () => {
    expect(customFunctions).toBeDefined();
    const cf = customFunctions as XmlNode;
    expect(resource(child(cf, 'Namespace').attrs.resid)).toBe('MARGIN');
    expect(child(cf, 'Page', 'SourceLocation').attrs.resid).toBe('Taskpane.Url');
    expect(sourceUrl(cf, 'Script')).toBe(`${DEV_BASE}functions.js`);
    expect(sourceUrl(cf, 'Metadata')).toBe(`${DEV_BASE}functions.json`);
    expect(resource('Taskpane.Url')).toBe(`${DEV_BASE}taskpane.html`);
    expect(child(root, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(`${DEV_BASE}taskpane.html`);
  });

  it('has a ribbon button on the Home tab that shows the task pane of the shared runtime', () => {
    const desktop = child(host, 'DesktopFormFactor');
    expect(child(desktop, 'FunctionFile').attrs.resid).toBe('Taskpane.Url');
    const surface = desktop.children.find((c) => c.attrs['xsi:type'] === 'PrimaryCommandSurface') as XmlNode;
    const tab = child(surface, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const action = child(tab, 'Group', 'Control', 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'SourceLocation').attrs.resid).toBe('Taskpane.Url');
  });

  it('points every URL at the dev server, at a file the build puts in dist/', () => {
    const urls = [...descendants(root).flatMap((n) => [n.attrs.DefaultValue ?? ''].filter((v) => /^https?:/.test(v)))];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect([url, existsSync(distFile(localPath(url)))]).toEqual([url, true]);
  });

  it('declares icons that exist in assets/ with the declared pixel sizes', () => {
    const declared: [string, number][] = [
      [child(root, 'IconUrl').attrs.DefaultValue ?? '', 32],
      [child(root, 'HighResolutionIconUrl').attrs.DefaultValue ?? '', 64],
      ...descendants(overrides)
        .filter((n) => n.name === 'bt:Image' && n.attrs.size !== undefined)
        .map((n): [string, number] => [resource(n.attrs.resid), Number(n.attrs.size)]),
    ];
    expect(new Set(declared.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of declared) {
      const file = join(ROOT, localPath(url));
      expect(file.startsWith(join(ROOT, 'assets'))).toBe(true);
      expect([url, pngSize(file)]).toEqual([url, { width: size, height: size }]);
    }
  });

  it('keeps texts within the lengths Office accepts (short 125, long 250, namespace 32)', () => {
    const short = child(resources, 'bt:ShortStrings').children.map((s) => s.attrs.DefaultValue ?? '');
    const long = child(resources, 'bt:LongStrings').children.map((s) => s.attrs.DefaultValue ?? '');
    for (const text of [...short, child(root, 'DisplayName').attrs.DefaultValue ?? '']) expect(text.length).toBeLessThanOrEqual(125);
    for (const text of [...long, child(root, 'Description').attrs.DefaultValue ?? '']) expect(text.length).toBeLessThanOrEqual(250);
    expect(resource('Functions.Namespace').length).toBeLessThanOrEqual(32);
  });

  it('lists exactly the exchange websocket hosts MARGIN.PRICE and MARGIN.ACCOUNT connect to as AppDomains', () => {
    const domains = child(root, 'AppDomains').children.map((d) => d.text);
    expect(domains).toEqual([...WEBSOCKET_ORIGINS]);
  });
});

/** The websocket sources a page's content security policy lets it connect to. */
function websocketSources(html: string): string[] {
  const policy = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const connect =
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([name]) => name === 'connect-src') ?? [];
  return connect.slice(1).filter((source) => /^wss?:/i.test(source) || source === '*' || /^[a-z0-9.*-]+(:\d+)?$/i.test(source));
}

describe('content security policy of the page the custom functions run in', () => {
  it('allows exactly the exchange websocket hosts, in the source and in the production build', () => {
    const source = readFileSync(join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    expect(websocketSources(source)).toEqual([...WEBSOCKET_ORIGINS]);
    expect(websocketSources(readDist('taskpane.html'))).toEqual([...WEBSOCKET_ORIGINS]);
  });
});
