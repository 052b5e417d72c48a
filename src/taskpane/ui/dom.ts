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
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** Shows a message in a live region (`role="status"` or `role="alert"` in the page) or clears it. */
export function say(region: HTMLElement, message: string | null, tone: 'info' | 'error' | 'ok' = 'info'): void {
  region.textContent = message ?? '';
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
