import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { IMPORT_ENDPOINTS } from '../../src/presets';

const DIR = join(__dirname, '..', '..', 'src', 'taskpane');
const html = readFileSync(join(DIR, 'taskpane.html'), 'utf8');

function policy(): Map<string, string[]> {
  const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('taskpane.html', () => {
  it('lets the pane fetch from every exchange endpoint it pre-fills, and from a local mock', () => {
    const connect = policy().get('connect-src') ?? [];
    for (const url of Object.values(IMPORT_ENDPOINTS)) expect(connect).toContain(new URL(url).origin);
    expect(connect).toEqual(expect.arrayContaining(["'self'", 'http://localhost:*', 'http://127.0.0.1:*']));
  });

  it('allows scripts and styles from the add-in itself only', () => {
    const csp = policy();
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('has no inline script, inline handler or style attribute', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('labels every form control of the page', () => {
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    for (const id of ids) {
      const labelled = html.includes(`for="${id}"`) || new RegExp(`<label>[^<]*<input[^>]*id="${id}"`).test(html);
      expect({ id, labelled }).toEqual({ id, labelled: true });
    }
  });
});

describe('task pane sources', () => {
  it('never parse text as HTML', () => {
    const files = (readdirSync(DIR, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const code = readFileSync(join(DIR, file), 'utf8');
      expect({ file, html: /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/.test(code) }).toEqual({ file, html: false });
    }
  });
});
