/**
 * The pane's only way to build DOM: text goes in through `textContent` and attributes through
 * `setAttribute`, never through HTML parsing, so a preset name or an exchange response can never inject markup.
 */

type Child = Node | string | null | undefined | false;
type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Creates an element with attributes (`true` sets an empty attribute; `false`/`null`/`undefined` omit it). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children; strings become text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(shownText(child)) : child);
  }
}

let circledSShown: boolean | null = null;

/**
 * Whether this machine has a font that draws Ⓢ (U+24C8, in Binance's "USDⓈ-M"): the glyph is drawn on a canvas
 * next to a private-use character that no font draws; the same pixels mean both came out as the missing-glyph box.
 */
function canDrawCircledS(): boolean {
  if (circledSShown !== null) return circledSShown;
  circledSShown = true;
  if (typeof navigator === 'undefined' || /jsdom/i.test(navigator.userAgent)) return circledSShown;
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 32;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (g === null) return circledSShown;
  const pixels = (text: string): string => {
    g.clearRect(0, 0, 32, 32);
    g.font = `24px ${getComputedStyle(document.documentElement).fontFamily}`;
    g.fillText(text, 2, 26);
    return g.getImageData(0, 0, 32, 32).data.join(',');
  };
  circledSShown = pixels('\u24C8') !== pixels('\uE000');
  return circledSShown;
}

/** Text as the pane shows it: "USDⓈ-M" becomes "USDS-M" where no installed font draws Ⓢ. */
export function shownText(text: string): string {
  return text.includes('\u24C8') && !canDrawCircledS() ? text.replace(/\u24C8/g, 'S') : text;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** Shows a message in a live region (`role="status"` or `role="alert"` in the page) or clears it. */
export function say(region: HTMLElement, message: string | null, tone: 'info' | 'error' | 'ok' = 'info'): void {
  region.textContent = shownText(message ?? '');
  region.hidden = message === null || message === '';
  region.dataset.tone = tone;
}

let nextId = 0;

/** A fresh id for label/field pairs built at run time. */
export function uniqueDomId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A label and its input as one grid cell, the label naming the field for screen readers. */
export function labelled(labelText: string, field: HTMLElement, hint?: HTMLElement): HTMLElement {
  if (field.id === '') field.id = uniqueDomId('field');
  return el('div', { class: 'field' }, [el('label', { for: field.id }, [labelText]), field, hint]);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** `el()` for SVG: the same attribute and text rules, in the SVG namespace (charts are drawn as DOM, not markup). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly Child[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/**
 * A table box that scrolls sideways on its own when the table is wider than the pane: a named region in the
 * Tab order, so a keyboard can scroll it and a screen reader says which table it is.
 */
export function scrollBox(label: string, content: HTMLElement): HTMLElement {
  return el('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: 0 }, [content]);
}

/** What the pane tells a screen reader: short sentences, in proportion to what changed. */
export interface Announcer {
  /** Says `text` now (a result of an action: a saved preset, an error on leaving a field). */
  now(text: string): void;
  /**
   * Says `text` once typing or sliding pauses (`delayMs`), and only when it differs from what was last said:
   * the summary of a recomputed scenario, never the tables rebuilt on each key.
   */
  soon(text: string): void;
}

const ANNOUNCE_DELAY_MS = 800;
const announcers = new WeakMap<HTMLElement, Announcer>();

/** The announcer speaking through `region` (the page's one visually hidden `role="status"` element). */
export function announcerFor(region: HTMLElement, delayMs = ANNOUNCE_DELAY_MS): Announcer {
  const known = announcers.get(region);
  if (known !== undefined) return known;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const speak = (text: string): void => {
    last = text;
    // A repeated sentence is cleared first, so an action that gives the same answer twice is still heard.
    region.textContent = '';
    region.textContent = shownText(text);
  };
  const announcer: Announcer = {
    now: (text) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      speak(text);
    },
    soon: (text) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (text !== last) speak(text);
      }, delayMs);
    },
  };
  announcers.set(region, announcer);
  return announcer;
}
