/**
 * A well-formedness check for the package parts the command line reads as text: every element closed in
 * order, attributes quoted, one root element, nothing but markup where a `<` starts. It reads the text once,
 * left to right, so that a 30 MB sheet part costs no more than reading it.
 */

const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const OTHER = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>/y;

/** Where a part's XML is not well formed: a line and a short reason; null when it is. */
export function xmlFault(xml: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  const at = (index: number) => `line ${xml.slice(0, index).split('\n').length}`;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i)) {
    if (stack.length === 0 && roots > 0 && !xml.startsWith('<?', i) && !xml.startsWith('<!--', i)) {
      return `${at(i)}: content after the root element`;
    }
    OTHER.lastIndex = i;
    if (OTHER.test(xml)) {
      i = OTHER.lastIndex;
      continue;
    }
    END_TAG.lastIndex = i;
    const end = END_TAG.exec(xml);
    if (end !== null) {
      const open = stack.pop();
      if (open !== end[1]) return `${at(i)}: </${end[1] ?? ''}> closes ${open === undefined ? 'nothing' : `<${open}>`}`;
      i = END_TAG.lastIndex;
      continue;
    }
    START_TAG.lastIndex = i;
    const start = START_TAG.exec(xml);
    if (start === null) return `${at(i)}: a broken tag`;
    if (stack.length === 0) roots += 1;
    if (start[3] !== '/') stack.push(start[1] ?? '');
    i = START_TAG.lastIndex;
  }
  if (stack.length > 0) return `the end of the part: <${stack[stack.length - 1] ?? ''}> is not closed`;
  if (roots === 0) return 'no root element';
  return null;
}
