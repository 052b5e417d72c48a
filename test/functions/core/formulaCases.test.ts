import { invoke } from '../../../src/functions/core';
import { PresetRegistry } from '../../../src/presets';
import { FORMULA_CASES } from '../../support/formulaCases';

const ctx = () => ({ registry: new PresetRegistry() });

describe('the shared formula cases through invoke', () => {
  it.each(FORMULA_CASES.map((c) => [c.name, c.title, c] as const))('%s %s', (_name, _title, c) => {
    const result = invoke(c.name, c.args, ctx());
    if (typeof c.expected === 'object' && !Array.isArray(c.expected)) {
      expect(result).toEqual({ error: c.expected.error, message: expect.any(String) });
    } else {
      expect(result).toEqual(c.expected);
    }
  });
});
