import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFormulas } from '../../src/cli';
import { formatLines } from '../../src/cli/format';
import { FUNCTION_NAMES } from '../../src/functions/core';
import { BUILTIN_PRESETS, PresetRegistry } from '../../src/presets';

interface Example {
  readonly formula: string;
  readonly result: string;
  readonly explanation?: string;
}

/** The worked examples docs/FUNCTIONS.md shows (rendered from this file by npm run docs:functions). */
const EXAMPLES = JSON.parse(readFileSync(join(__dirname, '../../docs/function-examples.json'), 'utf8')) as Record<string, Example[]>;
const cases = Object.entries(EXAMPLES).flatMap(([id, list]) => list.map((e, i) => [`${id} #${i + 1}`, id, e] as const));

describe('the worked examples of docs/FUNCTIONS.md', () => {
  it('name only functions that exist', () => {
    expect(Object.keys(EXAMPLES).filter((id) => !(FUNCTION_NAMES as readonly string[]).includes(id))).toEqual([]);
  });

  it.each(cases)('%s gives the result the reference shows', (_title, id, example) => {
    expect(example.formula.startsWith(`=MARGIN.${id}(`)).toBe(true);
    const [value] = evaluateFormulas([example.formula], { registry: new PresetRegistry(BUILTIN_PRESETS) });
    expect(formatLines(value ?? null).join('\n')).toBe(example.result);
  });
});
