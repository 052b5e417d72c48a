/** Small helpers for reading and writing the few XML parts of a workbook package the CLI edits as text. */

/** Characters XML 1.0 cannot carry, which Office writes as `_xHHHH_`. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an element's content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

const NAMED: Readonly<Record<string, string>> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };

/** A code point XML may reference; anything else (beyond U+10FFFF, a surrogate, NUL) is refused. */
function codePoint(value: number, entity: string): string {
  if (!Number.isInteger(value) || value < 1 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
    throw new RangeError(`&${entity}; is not a character XML can hold`);
  }
  return String.fromCodePoint(value);
}

/** Decodes XML's entity and character references. An invalid character reference throws a RangeError. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|lt|gt|amp);/gi, (_m, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return codePoint(parseInt(lower.slice(2), 16), entity);
    if (lower.startsWith('#')) return codePoint(parseInt(lower.slice(1), 10), entity);
    return NAMED[lower] ?? '';
  });
}

const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text, raw (still escaped), in order. */
export function rawAttributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) found.set(m[1] ?? '', m[2] ?? m[3] ?? '');
  return found;
}

/** Attributes back to text (values already escaped), each with a leading space. */
export function attributeText(attributes: ReadonlyMap<string, string>): string {
  return [...attributes].map(([name, value]) => ` ${name}="${value}"`).join('');
}
