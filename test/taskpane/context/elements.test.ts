import { readFileSync } from 'fs';
import { join } from 'path';
import { PANE_ELEMENTS } from '../../../src/taskpane/context/elements';

const html = readFileSync(join(__dirname, '..', '..', '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');

/** Every element of the page that has an id, with its tag, as the page's own text declares it. */
function idsInPage(): Map<string, string> {
  return new Map([...html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*\sid="([^"]+)"/g)].map((m) => [m[2] ?? '', m[1] ?? '']));
}

describe('the pane element map', () => {
  it('names only ids the page has, each with the tag the page gives it', () => {
    const page = idsInPage();
    const mismatches = Object.entries(PANE_ELEMENTS)
      .filter(([, [id, tag]]) => page.get(id) !== tag)
      .map(([name, [id, tag]]) => `${name}: #${id} expected <${tag}>, page has ${page.has(id) ? `<${page.get(id) ?? ''}>` : 'nothing'}`);
    expect(mismatches).toEqual([]);
  });

  it('fails for a page that lacks one of its ids', () => {
    const page = idsInPage();
    const withoutChart = html.replace('id="price-chart"', 'id="price-chart-renamed"');
    expect(page.has('price-chart')).toBe(true);
    const ids = new Map([...withoutChart.matchAll(/<([a-z][a-z0-9]*)\b[^>]*\sid="([^"]+)"/g)].map((m) => [m[2] ?? '', m[1] ?? '']));
    const missing = Object.values(PANE_ELEMENTS)
      .filter(([id]) => !ids.has(id))
      .map(([id]) => id);
    expect(missing).toEqual(['price-chart']);
  });

  it('maps each id once', () => {
    const ids = Object.values(PANE_ELEMENTS).map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
