import { XMLParser } from 'fast-xml-parser';

/** An element of a parsed XML document, children in document order. */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  readonly text: string;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const ATTR = '@_';

function toNode(entry: Ordered): XmlNode | null {
  const name = Object.keys(entry).find((key) => key !== ':@');
  if (!name || name === '#text' || name.startsWith('?')) return null;
  const raw = (entry[name] as Ordered[]) ?? [];
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry[':@'] ?? {})) attrs[key.slice(ATTR.length)] = String(value);
  const text = raw
    .filter((child) => '#text' in child)
    .map((child) => String(child['#text']))
    .join('');
  const children = raw.map(toNode).filter((node): node is XmlNode => node !== null);
  return { name, attrs, children, text };
}

/** Parses `xml` into its root element. */
export function parseXml(xml: string): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = (parser.parse(xml) as Ordered[]).map(toNode).filter((node): node is XmlNode => node !== null);
  const root = roots[0];
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element below `node` (depth first, document order), `node` included. */
export function descendants(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(descendants)];
}

/** The one child reached by following `path` of element names; throws naming the missing step. */
export function child(node: XmlNode, ...path: string[]): XmlNode {
  let current = node;
  for (const name of path) {
    const next = current.children.find((c) => c.name === name);
    if (!next) throw new Error(`<${current.name}> has no <${name}>`);
    current = next;
  }
  return current;
}
