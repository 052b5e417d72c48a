import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation as the test reports it: rule, impact and the first elements at fault. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly targets: readonly string[];
  readonly summary: string;
}

/**
 * Runs axe-core (every WCAG 2.x A/AA rule and its best practices) on the page as it stands. The script is
 * evaluated through the debugging protocol, so the page's Content-Security-Policy stays as it is.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
    }
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      summary: (v.nodes[0]?.failureSummary ?? '').slice(0, 300),
    }));
  });
}

/**
 * Text the user cannot read in full: every visible text node must lie inside the viewport and inside each
 * ancestor that clips or scrolls (so nothing hides behind a horizontal scroll), and its block must not be wider
 * than its own box (`scrollWidth ≤ clientWidth`: the text wraps or fits). A select must show its whole
 * choice, and an empty field its whole hint. Returns one line per clipped text: where, and what.
 */
export function clippedText(page: Page, options: { readonly tablesMayScroll?: boolean } = {}): Promise<string[]> {
  return page.evaluate((tablesMayScroll) => {
    const out: string[] = [];
    const name = (e: Element): string =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ').join('.')}` : ''}`;
    const viewport = document.documentElement.clientWidth;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const checkedBlocks = new Set<Element>();
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (text === '' || parent === null || parent.closest('.visually-hidden, script, style, title, option') !== null) continue;
      if (tablesMayScroll && parent.closest('.table-wrap') !== null) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue;
      const left = Math.min(...rects.map((r) => r.left));
      const right = Math.max(...rects.map((r) => r.right));
      const top = Math.min(...rects.map((r) => r.top));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      const said = `"${text.slice(0, 40)}" in ${name(parent)}`;
      if (left < -0.5 || right > viewport + 0.5)
        out.push(`${said}: outside the pane (${Math.round(left)}–${Math.round(right)} of ${viewport})`);
      for (let a: Element | null = parent; a !== null && a !== document.documentElement; a = a.parentElement) {
        const style = getComputedStyle(a);
        const box = a.getBoundingClientRect();
        const inner = { left: box.left + a.clientLeft, right: box.left + a.clientLeft + a.clientWidth };
        if (style.overflowX !== 'visible' && (left < inner.left - 0.5 || right > inner.right + 0.5)) {
          out.push(`${said}: cut by ${name(a)} (overflow-x ${style.overflowX})`);
          break;
        }
        if (
          style.overflowY !== 'visible' &&
          a !== document.body &&
          (top < box.top - 0.5 || bottom > box.top + a.clientTop + a.clientHeight + 0.5)
        ) {
          out.push(`${said}: cut by ${name(a)} (overflow-y ${style.overflowY})`);
          break;
        }
      }
      // The text's own block: wider content than box means a line that neither wraps nor fits.
      let block: Element = parent;
      while (getComputedStyle(block).display.startsWith('inline') && block.parentElement !== null) block = block.parentElement;
      if (!checkedBlocks.has(block) && !(block instanceof SVGElement)) {
        checkedBlocks.add(block);
        if (block.clientWidth > 0 && block.scrollWidth > block.clientWidth + 1)
          out.push(`${said}: ${name(block)} is ${block.scrollWidth} px of text in ${block.clientWidth} px`);
      }
    }
    // Controls: the chosen option of a select, the hint of an empty field.
    const canvas = document.createElement('canvas').getContext('2d');
    const widthOf = (text: string, e: Element): number => {
      if (canvas === null) return 0;
      const s = getComputedStyle(e);
      canvas.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      return canvas.measureText(text).width;
    };
    for (const e of document.querySelectorAll<HTMLSelectElement | HTMLInputElement>(
      'select, input[type="text"], input[type="url"], input:not([type])',
    )) {
      if (e.getClientRects().length === 0 || e.closest('[hidden]') !== null) continue;
      const s = getComputedStyle(e);
      const room = e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - (e instanceof HTMLSelectElement ? 20 : 0);
      const text = e instanceof HTMLSelectElement ? (e.selectedOptions[0]?.textContent ?? '') : e.value === '' ? e.placeholder : '';
      if (text !== '' && widthOf(text, e) > room + 1)
        out.push(`"${text.slice(0, 40)}" in ${name(e)}: ${Math.round(widthOf(text, e))} px in ${Math.round(room)} px`);
    }
    return out;
  }, options.tablesMayScroll ?? false);
}

/**
 * Counts what live regions would announce: from now on, every text added to or changed inside a live region
 * (`aria-live` other than off, or role status, alert or log) is added up. `take()` returns the characters and
 * texts since the last call.
 */
export async function recordAnnouncements(page: Page): Promise<{ take(): Promise<{ chars: number; texts: string[] }> }> {
  await page.evaluate(() => {
    const scope = window as unknown as { __announced: string[] };
    scope.__announced = [];
    const liveRoot = (n: Node | null): Element | null => {
      for (let e = n instanceof Element ? n : (n?.parentElement ?? null); e !== null; e = e.parentElement) {
        const live = e.getAttribute('aria-live');
        if (live !== null) return live === 'off' ? null : e;
        if (['status', 'alert', 'log'].includes(e.getAttribute('role') ?? '')) return e;
      }
      return null;
    };
    const hidden = (e: Element): boolean => e.closest('[hidden]') !== null;
    new MutationObserver((records) => {
      for (const r of records) {
        const root = liveRoot(r.target);
        if (root === null || hidden(root)) continue;
        if (r.type === 'characterData') scope.__announced.push(r.target.textContent ?? '');
        else for (const n of r.addedNodes) if ((n.textContent ?? '').trim() !== '') scope.__announced.push(n.textContent ?? '');
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return {
    take: () =>
      page.evaluate(() => {
        const scope = window as unknown as { __announced: string[] };
        const texts = scope.__announced;
        scope.__announced = [];
        return { chars: texts.reduce((n, t) => n + t.length, 0), texts };
      }),
  };
}
