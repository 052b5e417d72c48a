import fc from 'fast-check';
import { boundedDecimal, dec, expectedNumber, messageNumber, readNumber, readNumberText } from '../../src/engine';

const value = (text: string): string => {
  const r = readNumberText(text);
  if (!r.ok) throw new Error(`refused ${text}: ${r.refusal}`);
  return r.value.toString();
};
const refusal = (text: string): string => {
  const r = readNumberText(text);
  return r.ok ? `read ${r.value.toString()}` : r.refusal;
};

describe('readNumberText', () => {
  it.each([
    ['60000', '60000'],
    ['  -5000 ', '-5000'],
    ['+0.25', '0.25'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1e3', '1000'],
    ['2.5E-2', '0.025'],
    ['60,000', '60000'],
    ['1,234,567.5', '1234567.5'],
    ['\u22128,000', '-8000'],
    ['0e99999999999999999', '0'],
    ['-0', '0'],
    ['0.000', '0'],
  ])('reads %j as %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['.', 'not-a-number'],
    ['60,00', 'not-a-number'],
    ['6,0000', 'not-a-number'],
    [',000', 'not-a-number'],
    ['1e', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['1 000', 'not-a-number'],
    ['1e99999999999999999', 'too-large'],
    ['1e400000000', 'too-large'],
    ['-1e309', 'too-large'],
    ['1.8e308', 'too-large'],
    ['1e-400000000', 'too-small'],
    ['1e-99999999999999999', 'too-small'],
    ['2e-308', 'too-small'],
    ['1'.repeat(61), 'too-precise'],
    ['1'.repeat(200), 'too-precise'],
  ])('refuses %j as %s', (text, expected) => {
    expect(refusal(text)).toBe(expected);
  });

  it("keeps 60 significant digits and Excel's extremes", () => {
    expect(value('1'.repeat(60))).toBe('1'.repeat(60));
    expect(value('1.7976931348623158e308')).toBe('1.7976931348623158e+308');
    expect(value('2.2250738585072014e-308')).toBe('2.2250738585072014e-308');
  });

  it("reads every double's shortest text as that double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        fc.pre(x === 0 || Math.abs(x) >= 2.2250738585072014e-308);
        const r = readNumberText(String(x));
        return r.ok && Number(r.value.toString()) === (x === 0 ? 0 : x);
      }),
    );
  });
});

describe('readNumber', () => {
  it('refuses NaN, infinities and subnormals, and drops the sign of zero', () => {
    expect(readNumber(Number.NaN)).toEqual({ ok: false, refusal: 'not-a-number' });
    expect(readNumber(-Infinity)).toEqual({ ok: false, refusal: 'too-large' });
    expect(readNumber(5e-324)).toEqual({ ok: false, refusal: 'too-small' });
    const zero = readNumber(-0);
    expect(zero.ok && Object.is(Number(zero.value.toString()), 0)).toBe(true);
    const r = readNumber(0.1);
    expect(r.ok && r.value.toString()).toBe('0.1');
  });
});

describe('boundedDecimal', () => {
  it('refuses what a cell cannot hold', () => {
    expect(boundedDecimal(dec('1e309'))).toEqual({ ok: false, refusal: 'too-large' });
    expect(boundedDecimal(dec('1e-309'))).toEqual({ ok: false, refusal: 'too-small' });
    expect(boundedDecimal(dec(`0.${'3'.repeat(61)}`))).toEqual({ ok: false, refusal: 'too-precise' });
  });
});

describe('messageNumber', () => {
  it('prints at most 15 significant digits', () => {
    expect(messageNumber(dec('58232.9317269076305220883534'))).toBe('58232.9317269076');
    expect(messageNumber(dec('1e300'))).toBe('1e+300');
    expect(messageNumber(dec('-0.000000001234'))).toBe('-1.234e-9');
    expect(messageNumber(dec('-8000'))).toBe('-8000');
  });

  it('has a phrase for every refusal', () => {
    expect(expectedNumber('too-large')).toBe('a number a spreadsheet can hold (magnitude at most 1.8e308)');
    expect(expectedNumber('too-precise')).toBe('a number of at most 60 significant digits');
  });
});
