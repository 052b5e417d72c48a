import { normalizeFormula } from '../../src/cli';
import { plainNumber } from '../../src/cli/formulaNames';
import { resolveStructuredReferences, StructuredReferenceError } from '../../src/cli/structuredRefs';
import { shiftFormula } from '../../src/cli/workbookModel';
import type { TableModel } from '../../src/cli/workbookModel';

/** Bal on sheet "My Desk", B2:E7: header row 2, data rows 3 to 6, totals row 7; columns asset, amount, price, "a]b". */
const BAL: TableModel = {
  name: 'Bal',
  sheet: 'My Desk',
  part: 'xl/tables/table1.xml',
  box: { row: 1, col: 1, rows: 6, cols: 4 },
  headerRows: 1,
  totalsRows: 1,
  columns: ['asset', 'amount', 'price', 'a]b'],
};
/** Pos without header or totals row, A1:B3 on Positions. */
const POS: TableModel = {
  ...BAL,
  name: 'Pos',
  sheet: 'Positions',
  box: { row: 0, col: 0, rows: 3, cols: 2 },
  headerRows: 0,
  totalsRows: 0,
  columns: ['symbol', 'size'],
};
const TABLES = [BAL, POS];
const at = (row: number, sheet = 'My Desk') => ({ sheet, row: row - 1, col: 10 });
const resolve = (formula: string, site: { sheet: string; row: number; col: number } | null = null) =>
  resolveStructuredReferences(formula, TABLES, site);

describe('structured references become the ranges of the table part', () => {
  it.each([
    ['Bal[#All]', "'My Desk'!$B$2:$E$7"],
    ['Bal[#Data]', "'My Desk'!$B$3:$E$6"],
    ['Bal[#Headers]', "'My Desk'!$B$2:$E$2"],
    ['Bal[#Totals]', "'My Desk'!$B$7:$E$7"],
    ['Bal', "'My Desk'!$B$3:$E$6"],
    ['Bal[]', "'My Desk'!$B$3:$E$6"],
    ['Bal[amount]', "'My Desk'!$C$3:$C$6"],
    ['bal[AMOUNT]', "'My Desk'!$C$3:$C$6"],
    ['Bal[[#All],[asset]:[price]]', "'My Desk'!$B$2:$D$7"],
    ['Bal[[#Headers],[#Data],[price]]', "'My Desk'!$D$2:$D$6"],
    ['Bal[[#Data], [#Totals], [amount]]', "'My Desk'!$C$3:$C$7"],
    ["Bal[a']b]", "'My Desk'!$E$3:$E$6"],
    ["Bal[[#All],[a']b]]", "'My Desk'!$E$2:$E$7"],
    ['Pos[#Headers]', '#REF!'],
    ['Pos[#Totals]', '#REF!'],
    ['Pos[[#All],[size]]', "'Positions'!$B$1:$B$3"],
  ])('%s → %s', (formula, range) => {
    expect(resolve(formula)).toBe(range);
  });

  it('resolves "#This Row" to the formula\'s own row, #VALUE! outside the data rows', () => {
    expect(resolve('Bal[[#This Row],[amount]]*Bal[@price]', at(4))).toBe("'My Desk'!$C$4*'My Desk'!$D$4");
    expect(resolve('SUM(Bal[@[asset]:[price]])', at(5))).toBe("SUM('My Desk'!$B$5:$D$5)");
    expect(resolve("Bal[@[a']b]]", at(6))).toBe("'My Desk'!$E$6");
    expect(resolve('Bal[@]', at(3))).toBe("'My Desk'!$B$3:$E$3");
    expect(resolve('Bal[@amount]', at(2))).toBe('#VALUE!');
    expect(resolve('Bal[@amount]', at(7))).toBe('#VALUE!');
    expect(resolve('Bal[@amount]', at(4, 'Other'))).toBe('#VALUE!');
    expect(resolve('Bal[@amount]')).toBe('#VALUE!');
  });

  it('reads a reference without a table name inside a table, as Excel writes totals rows', () => {
    expect(resolve('SUBTOTAL(109,[amount])', { sheet: 'My Desk', row: 6, col: 2 })).toBe("SUBTOTAL(109,'My Desk'!$C$3:$C$6)");
    expect(resolve('[@price]*2', { sheet: 'My Desk', row: 3, col: 1 })).toBe("'My Desk'!$D$4*2");
  });

  it('leaves text, sheet names, functions, external links and other names alone', () => {
    expect(resolve('"Bal[#All]"&Balance&Bal2')).toBe('"Bal[#All]"&Balance&Bal2');
    expect(resolve("'Bal'!A1+Bal!B2")).toBe("'Bal'!A1+Bal!B2");
    expect(resolve('[1]Sheet1!A1', { sheet: 'My Desk', row: 3, col: 1 })).toBe('[1]Sheet1!A1');
    expect(resolve('SUM(Bal[amount])+MARGIN.ACCOUNT_EQUITY(Bal[#All],"binance")')).toBe(
      "SUM('My Desk'!$C$3:$C$6)+MARGIN.ACCOUNT_EQUITY('My Desk'!$B$2:$E$7,\"binance\")",
    );
  });

  it('refuses a column the table does not have, and a bracket that does not close', () => {
    expect(() => resolve('Bal[nope]')).toThrow(new StructuredReferenceError('table Bal has no column "nope"'));
    expect(() => resolve('Bal[[#All],[amount]')).toThrow(StructuredReferenceError);
    expect(() => resolve('Bal[#Everything]')).toThrow('table Bal: unknown item #Everything');
  });
});

describe('numbers in E-notation', () => {
  it.each([
    ['1E+3', '1000'],
    ['2.5E-3', '0.0025'],
    ['2.5e-6', '0.0000025'],
    ['1.25E2', '125'],
    ['.5E1', '5'],
    ['1E0', '1'],
    ['123E-5', '0.00123'],
    ['7E+21', '7000000000000000000000'],
  ])('%s is %s, digit for digit', (text, plain) => {
    const m = /^(\d*\.?\d*)[eE]([+-]?)(\d+)$/.exec(text);
    expect(plainNumber(m?.[1] ?? '', m?.[2] ?? '', m?.[3] ?? '')).toBe(plain);
    expect(normalizeFormula(`${text}*2`)).toBe(`=${plain}*2`);
  });

  it('leaves cell references, names and text that look alike alone', () => {
    expect(normalizeFormula('E3+A1E3+"1E+3"+SUM(E1:E3)')).toBe('=E3+A1E3+"1E+3"+SUM(E1:E3)');
  });
});

describe('shared formulas', () => {
  it('move relative references by the offset of the cell, as Excel fills them', () => {
    expect(shiftFormula('A2*$B$1+B$1+$C2+Sheet2!D4', 2, 1)).toBe('B4*$B$1+C$1+$C4+Sheet2!E6');
    expect(shiftFormula('SUM(Bal[amount])+"A1"+\'Q1 data\'!A1', 3, 3)).toBe('SUM(Bal[amount])+"A1"+\'Q1 data\'!D4');
    expect(shiftFormula('LOG10(A1)', 1, 0)).toBe('LOG10(A2)');
    expect(shiftFormula('SUM(A:B)+SUM($C:D)+SUM(2:3)+SUM($4:5)', 1, 2)).toBe('SUM(C:D)+SUM($C:F)+SUM(3:4)+SUM($4:6)');
    expect(shiftFormula('A1:B2', 1, 1)).toBe('B2:C3');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});
