import { type Dec, dec, ZERO } from './decimal';

/**
 * The one reader of numbers written as text, for every place that takes them: cells, pane fields, preset
 * documents, settings stored in workbooks and exchange responses. It bounds what it reads before building a
 * Decimal, because decimal.js keeps every digit it is given (`"1e400000000"` would later print 400 million).
 *
 * What it accepts, decided once: an optional sign (`+`, `-` or the typographic minus `−`), digits with an
 * optional fraction, an optional exponent, and commas between groups of exactly three digits in the whole part
 * (`60,000`, `1,234,567.5`; not `60,00`). Spaces around the text are ignored; no other separators.
 */

/** What a spreadsheet can hold, and what the engine keeps. */
export const NUMBER_LIMITS = {
  /** Excel's largest number (the largest IEEE double). */
  maxMagnitude: '1.7976931348623158e308',
  /** Excel's smallest non-zero magnitude (the smallest normal IEEE double); Excel stores anything smaller as 0. */
  minMagnitude: '2.2250738585072014e-308',
  /** Significant digits the engine keeps (its Decimal precision). */
  maxDigits: 60,
  /** Longest text read at all: room for 60 digits, separators, sign and exponent. */
  maxLength: 120,
} as const;

const MAX = dec(NUMBER_LIMITS.maxMagnitude);
const MIN = dec(NUMBER_LIMITS.minMagnitude);

/** Why a number was refused: each has a phrase for "expected …" in a message. */
export type NumberRefusal = 'not-a-number' | 'too-large' | 'too-small' | 'too-precise';

export type NumberReading = { readonly ok: true; readonly value: Dec } | { readonly ok: false; readonly refusal: NumberRefusal };

const NUMBER_TEXT = /^([+\-\u2212]?)((?:\d{1,3}(?:,\d{3})+)|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

const refused = (refusal: NumberRefusal): NumberReading => ({ ok: false, refusal });

/** Checks a Decimal against what a cell can hold and the engine's precision; zero is never signed. */
export function boundedDecimal(value: Dec): NumberReading {
  if (!value.isFinite()) return refused(value.isNaN() ? 'not-a-number' : 'too-large');
  if (value.isZero()) return { ok: true, value: ZERO };
  const magnitude = value.abs();
  if (magnitude.gt(MAX)) return refused('too-large');
  if (magnitude.lt(MIN)) return refused('too-small');
  if (value.sd() > NUMBER_LIMITS.maxDigits) return refused('too-precise');
  return { ok: true, value };
}

/** Reads a JavaScript number (a cell value, a JSON number): finite, and within a cell's range. */
export function readNumber(value: number): NumberReading {
  if (Number.isNaN(value)) return refused('not-a-number');
  if (!Number.isFinite(value)) return refused('too-large');
  if (value === 0) return { ok: true, value: ZERO };
  if (Math.abs(value) < Number.MIN_VALUE * 2 ** 52) return refused('too-small');
  return { ok: true, value: dec(value) };
}

/**
 * Reads number text. The exponent is checked before any Decimal is built, so a huge exponent costs nothing.
 *
 * @example
 * readNumberText('60,000') // { ok: true, value: 60000 }
 * readNumberText('1e99999999999999999') // { ok: false, refusal: 'too-large' }
 */
export function readNumberText(text: string): NumberReading {
  const t = text.trim();
  if (t.length === 0 || t.length > NUMBER_LIMITS.maxLength) return refused(t.length === 0 ? 'not-a-number' : 'too-precise');
  const m = NUMBER_TEXT.exec(t);
  if (m === null) return refused('not-a-number');
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  if (whole === '' && fraction === '') return refused('not-a-number');
  const digits = (whole.replace(/,/g, '') + fraction).replace(/^0+/, '');
  if (digits === '') return { ok: true, value: ZERO };
  // Decimal exponent of the leading significant digit, from the text alone.
  const exp = Number(exponent);
  const lead = whole.replace(/,/g, '').replace(/^0+/, '').length;
  const leadExp = lead > 0 ? lead - 1 + exp : exp - (fraction.length - fraction.replace(/^0+/, '').length) - 1;
  if (!Number.isSafeInteger(exp)) return refused(exponent.startsWith('-') ? 'too-small' : 'too-large');
  if (leadExp > 308) return refused('too-large');
  if (leadExp < -308) return refused('too-small');
  const source = `${sign === '-' || sign === '\u2212' ? '-' : ''}${whole.replace(/,/g, '') || '0'}${fraction === '' ? '' : `.${fraction}`}e${exp}`;
  return boundedDecimal(dec(source));
}

/** The phrase for a refusal, to follow "expected " in a message. */
export function expectedNumber(refusal: NumberRefusal): string {
  switch (refusal) {
    case 'not-a-number':
      return 'a number';
    case 'too-large':
      return 'a number a spreadsheet can hold (magnitude at most 1.8e308)';
    case 'too-small':
      return 'zero or a number a spreadsheet can hold (magnitude at least 2.2e-308)';
    case 'too-precise':
      return `a number of at most ${NUMBER_LIMITS.maxDigits} significant digits`;
  }
}

/**
 * A number as messages show it: at most 15 significant digits, in exponent form beyond what a cell shows in
 * full, so that a message never prints 60 digits.
 */
export function messageNumber(value: Dec): string {
  const short = value.toSignificantDigits(15);
  const e = short.e;
  return e > 20 || e < -7 ? short.toExponential() : short.toString();
}
