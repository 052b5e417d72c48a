import { isMarginError } from '../../../src/engine/errors';
import {
  optionalBoolean,
  optionalCount,
  optionalNumber,
  optionalText,
  requiredChoice,
  requiredNumber,
  requiredText,
  requireNotNegative,
  requirePositive,
} from '../../../src/functions/core';

/** The code and message a call fails with. */
function failure(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (isMarginError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('requiredNumber', () => {
  it('takes numbers and numeric text exactly', () => {
    expect(requiredNumber(0.1, 'amount').toString()).toBe('0.1');
    expect(requiredNumber(' 60000 ', 'price').toString()).toBe('60000');
    expect(requiredNumber('-1.5e3', 'amount').toString()).toBe('-1500');
  });

  it('turns -0 into a zero without sign', () => {
    expect(requiredNumber(-0, 'amount').isNegative()).toBe(false);
    expect(requiredNumber('-0', 'amount').isNegative()).toBe(false);
  });

  it('refuses text that is not a number, naming the argument and the text', () => {
    expect(failure(() => requiredNumber('ten', 'amount'))).toEqual({
      code: 'NOT_A_NUMBER',
      message: 'amount: expected a number, got "ten"',
    });
    // Grouping commas count only in threes: "1,000" is a thousand (see the shared reading table), "1,00" is not a number.
    expect(failure(() => requiredNumber('1,00', 'price')).code).toBe('NOT_A_NUMBER');
  });

  it('refuses number text beyond what a cell can hold, naming the argument', () => {
    expect(failure(() => requiredNumber('1e99999999999999999', 'price'))).toEqual({
      code: 'NUMBER_REFUSED',
      message: 'price: expected a number a spreadsheet can hold (magnitude at most 1.8e308), got "1e99999999999999999"',
    });
    expect(failure(() => requiredNumber('1e-400', 'amount')).code).toBe('NUMBER_REFUSED');
    expect(failure(() => requiredNumber(5e-324, 'amount')).code).toBe('NUMBER_REFUSED');
  });

  it('refuses booleans and non-finite numbers', () => {
    expect(failure(() => requiredNumber(true, 'amount')).message).toBe('amount: expected a number, got TRUE');
    expect(failure(() => requiredNumber(Number.NaN, 'amount')).code).toBe('NOT_FINITE');
    expect(failure(() => requiredNumber(Number.POSITIVE_INFINITY, 'amount')).code).toBe('NOT_FINITE');
  });

  it('calls a blank cell a missing argument', () => {
    expect(failure(() => requiredNumber(null, 'hours'))).toEqual({
      code: 'MISSING_ARGUMENT',
      message: 'hours: required, but the cell is blank',
    });
    expect(failure(() => requiredNumber('  ', 'hours')).code).toBe('MISSING_ARGUMENT');
  });

  it('keeps 0 as the number zero', () => {
    expect(requiredNumber(0, 'amount').toString()).toBe('0');
  });
});

describe('optional arguments', () => {
  it('read null and "" as omitted numbers', () => {
    expect(optionalNumber(null, 'interest_free')).toBeNull();
    expect(optionalNumber('', 'interest_free')).toBeNull();
    expect(optionalNumber(0, 'interest_free')?.toString()).toBe('0');
  });

  it('read null, "" and 0 as omitted text', () => {
    expect(optionalText(null, 'exchange')).toBeNull();
    expect(optionalText('', 'exchange')).toBeNull();
    expect(optionalText(0, 'exchange')).toBeNull();
    expect(optionalText(' bitget ', 'exchange')).toBe('bitget');
  });

  it('read a blank has_positions as FALSE and accept TRUE/FALSE, 1/0 and their text', () => {
    expect([null, '', 0].map((c) => optionalBoolean(c, 'has_positions'))).toEqual([false, false, false]);
    expect([true, 1, 'true', 'TRUE'].map((c) => optionalBoolean(c, 'has_positions'))).toEqual([true, true, true, true]);
    expect(optionalBoolean('False', 'has_positions')).toBe(false);
    expect(failure(() => optionalBoolean('yes', 'has_positions')).message).toBe('has_positions: expected TRUE or FALSE, got "yes"');
  });

  it('read a blank count as 0 and refuse fractions and negatives', () => {
    expect(optionalCount(null, 'open_orders')).toBe(0);
    expect(optionalCount('3', 'open_orders')).toBe(3);
    expect(failure(() => optionalCount(1.5, 'open_orders')).message).toContain('open_orders');
    expect(failure(() => optionalCount(-1, 'open_orders')).code).toBe('NOT_WHOLE_NUMBER');
  });
});

describe('text and choices', () => {
  it('takes a number as its text and refuses booleans', () => {
    expect(requiredText(5, 'user_tier')).toBe('5');
    expect(failure(() => requiredText(false, 'asset')).message).toBe('asset: expected text, got FALSE');
  });

  it('calls the host blank 0 a missing text argument', () => {
    expect(failure(() => requiredText(0, 'asset')).code).toBe('MISSING_ARGUMENT');
  });

  it('matches a choice case-insensitively and lists the choices when it fails', () => {
    const sides = { long: 'LONG', short: 'SHORT' } as const;
    expect(requiredChoice('Long', 'side', sides)).toBe('LONG');
    expect(failure(() => requiredChoice('up', 'side', sides))).toEqual({
      code: 'BAD_CHOICE',
      message: 'side: expected one of LONG, SHORT, got "up"',
    });
  });
});

describe('range checks', () => {
  it('refuse zero and negative prices', () => {
    expect(failure(() => requirePositive(requiredNumber(0, 'price'), 'price')).message).toBe('price: expected a positive number, got 0');
    expect(failure(() => requirePositive(requiredNumber(-2, 'price'), 'price')).code).toBe('NOT_POSITIVE');
  });

  it('accept zero but not a negative where zero or more is expected', () => {
    expect(requireNotNegative(requiredNumber(0, 'hours'), 'hours').toString()).toBe('0');
    expect(failure(() => requireNotNegative(requiredNumber(-1, 'hours'), 'hours')).code).toBe('NEGATIVE');
  });
});
