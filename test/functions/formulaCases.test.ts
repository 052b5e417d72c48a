import type { ErrorKind } from '../../src/engine/errors';
import { sharedRegistry } from '../../src/functions/workbookSettings';
import { FORMULA_CASES } from '../support/formulaCases';
import { installCustomFunctions } from './customFunctionsStub';
import { call } from './excelFunctions';

installCustomFunctions();

/** The Excel error each kind of product error shows as (the documented contract: #VALUE!, #N/A, #NUM!). */
const EXCEL_ERROR: Record<ErrorKind, string> = { value: '#VALUE!', na: '#N/A', num: '#NUM!' };

afterEach(() => {
  sharedRegistry.setDefault('binance');
});

describe('the shared formula cases, through the Excel adapter (the CLI runs the same table)', () => {
  it.each(FORMULA_CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const cell = call(c.name, ...c.args);
    const expected = c.expected;
    if (typeof expected === 'object' && !Array.isArray(expected)) {
      expect(cell).toMatchObject({ error: EXCEL_ERROR[expected.error] });
      if (expected.error !== 'num') expect('message' in cell && cell.message).toMatch(/\w/);
    } else {
      expect(cell).toEqual({ value: expected });
    }
  });
});
