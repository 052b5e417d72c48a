import { readFileSync } from 'fs';
import { evaluateFormulas } from '../../src/cli/formulaEngine';
import { formatLines } from '../../src/cli/format';
import { FUNCTION_NAMES } from '../../src/functions/core';
import * as presets from '../../src/presets';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { exampleRegistry, presetsNamedBy, readFunctionDocs, EXAMPLES_FILE } = require('../../scripts/gen-function-docs');

interface Example {
  formula: string;
  lines: string[];
  presets?: string[];
}

const docs = readFunctionDocs() as Record<string, { returns: string; examples: string[] }>;
const stored = JSON.parse(readFileSync(EXAMPLES_FILE, 'utf8')) as Record<string, Example[]>;

describe('the worked examples of docs/FUNCTIONS.md', () => {
  it('give every function at least one example and say what its result is in', () => {
    for (const name of FUNCTION_NAMES) {
      expect([name, (docs[name]?.examples.length ?? 0) > 0, (docs[name]?.returns.length ?? 0) > 10]).toEqual([name, true, true]);
    }
  });

  it('are the examples of the function table, regenerated (npm run docs:functions)', () => {
    const fromSource = Object.fromEntries(Object.entries(docs).map(([id, d]) => [id, d.examples]));
    const inFile = Object.fromEntries(Object.entries(stored).map(([id, list]) => [id, list.map((e) => e.formula)]));
    expect(inFile).toEqual(fromSource);
  });

  it('show what the formula engine computes for each, to the last digit, with only the presets each names', () => {
    const all = Object.values(stored).flat();
    const computed = all.map((e) =>
      formatLines(evaluateFormulas([e.formula], { registry: exampleRegistry(presets, e.presets ?? []) })[0] ?? null),
    );
    expect(computed).toEqual(all.map((e) => e.lines));
  });

  it('say which --preset file an example needs, exactly the sample presets its formula names', () => {
    const all = Object.values(stored).flat();
    expect(all.map((e) => [e.formula, e.presets ?? []])).toEqual(all.map((e) => [e.formula, presetsNamedBy(e.formula, presets)]));
    expect(stored.BRACKETS?.[0]?.presets).toEqual(['examples/presets/bitget-brackets.json']);
  });

  it('list in PRESETS() the rows `multiasset eval` prints without a --preset: the built-in presets', () => {
    expect(stored.PRESETS?.[0]?.lines.map((l) => l.split('\t')[0])).toEqual(['id', 'binance', 'bitget', 'bitmart', 'okx', 'bybit']);
  });

  it('include the worked example of the rules: 10 BTC at 60,000 on Bitget count 582,000 USDT', () => {
    expect(stored.COLLATERAL_VALUE?.[0]).toEqual({ formula: '=MARGIN.COLLATERAL_VALUE("BTC", 10, 60000, "bitget")', lines: ['582000'] });
  });
});
