import { FUNCTION_NAMES } from '../functions/core';
import { NAMESPACE } from './marginPlugin';

/**
 * Excel writes add-in functions into a file under other names than the user typed: `_xludf.MARGIN.X` for
 * a user-defined function it could not resolve, `_xldudf_MARGIN_X` for a JavaScript custom function, and
 * newer built-ins as `_xlfn.` / `_xlfn._xlws.` names. HyperFormula knows none of them.
 */
const MARGIN_CALL = /(?<![\w.])(?:_xludf\.|_xldudf_)?MARGIN[._]([A-Za-z][A-Za-z_]*)(?=\s*\()/gi;
const FUTURE_FUNCTION = /(?<![\w.])_xlfn\.(?:_xlws\.)?/gi;
/** Excel's boolean literals; HyperFormula reads a bare TRUE as a name and knows only the functions TRUE(). */
const BOOLEAN_LITERAL = /(?<![\w.$])(TRUE|FALSE)(?![\w.!]|\s*\()/gi;

/** A number in E-notation as Excel stores it in a formula (`1E+3`, `2.5E-3`); HyperFormula reads none of them. */
const E_NUMBER = /(?<![\w.$])(\d+(?:\.\d*)?|\.\d+)[eE]([+-]?)(\d{1,3})(?![\w.])/g;

/** `1E+3` → `1000`, `2.5E-3` → `0.0025`: the same number in plain digits, moved exactly (no binary rounding). */
export function plainNumber(mantissa: string, sign: string, exponent: string): string {
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = `${whole}${fraction}`;
  const point = whole.length + (sign === '-' ? -1 : 1) * Number(exponent);
  let text: string;
  if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  text = text.replace(/^0+(?=\d)/, '');
  return text === '' ? '0' : text;
}

/** Text inside double quotes (strings) or single quotes (sheet names) is left alone. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

function normalizeCode(code: string): string {
  return code
    .replace(E_NUMBER, (_m, mantissa: string, sign: string, exponent: string) => plainNumber(mantissa, sign, exponent))
    .replace(FUTURE_FUNCTION, '')
    .replace(BOOLEAN_LITERAL, (literal: string) => `${literal.toUpperCase()}()`)
    .replace(MARGIN_CALL, (whole, name: string) => {
      const upper = name.toUpperCase();
      return FUNCTION_NAMES.some((n) => n === upper) ? `${NAMESPACE}.${upper}` : whole;
    });
}

/**
 * A formula as HyperFormula reads it: a leading "=", MARGIN function names in their plain form, Excel's
 * TRUE / FALSE literals as the functions TRUE() / FALSE(), and numbers in E-notation in plain digits.
 *
 * @example
 * normalizeFormula('_xldudf_MARGIN_COLLATERAL_VALUE("BTC",10,60000)') // '=MARGIN.COLLATERAL_VALUE("BTC",10,60000)'
 */
export function normalizeFormula(formula: string): string {
  const text = formula.trimStart().startsWith('=') ? formula.trimStart() : `=${formula.trimStart()}`;
  return text
    .split(QUOTED)
    .map((part, i) => (i % 2 === 1 ? part : normalizeCode(part)))
    .join('');
}

/**
 * A formula as Excel stores it in a file when the add-in is loaded: every MARGIN function under its
 * JavaScript custom-function name `_xldudf_MARGIN_X`, however it was typed. Excel maps these names back to
 * the add-in's functions when the workbook opens; with any other name the cell does not calculate until
 * the formula is entered again.
 *
 * @example
 * excelFormula('MARGIN.ACCOUNT_EQUITY(A1:D4,"bitget")') // '_xldudf_MARGIN_ACCOUNT_EQUITY(A1:D4,"bitget")'
 */
export function excelFormula(formula: string): string {
  const text = formula.trimStart().startsWith('=') ? formula.trimStart().slice(1) : formula;
  return text
    .split(QUOTED)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(MARGIN_CALL, (whole, name: string) => {
            const upper = name.toUpperCase();
            return FUNCTION_NAMES.some((n) => n === upper) ? `_xldudf_${NAMESPACE}_${upper}` : whole;
          }),
    )
    .join('');
}
