import { normalizeFormula } from '../../src/cli';
import { excelFormula } from '../../src/cli/formulaNames';

describe('normalizeFormula', () => {
  it('adds the leading "=" a stored formula lacks', () => {
    expect(normalizeFormula('MARGIN.PRESETS()')).toBe('=MARGIN.PRESETS()');
    expect(normalizeFormula('=MARGIN.PRESETS()')).toBe('=MARGIN.PRESETS()');
  });

  it('turns the names Excel writes for add-in functions into MARGIN.<NAME>', () => {
    expect(normalizeFormula('_xludf.MARGIN.COLLATERAL_VALUE("BTC",1,2)')).toBe('=MARGIN.COLLATERAL_VALUE("BTC",1,2)');
    expect(normalizeFormula('_xldudf_MARGIN_COLLATERAL_VALUE("BTC",1,2)')).toBe('=MARGIN.COLLATERAL_VALUE("BTC",1,2)');
    expect(normalizeFormula('=margin.collateral_value("BTC",1,2)+Margin.Risk_Level(0.1)')).toBe(
      '=MARGIN.COLLATERAL_VALUE("BTC",1,2)+MARGIN.RISK_LEVEL(0.1)',
    );
  });

  it('leaves names that are not MARGIN functions, and text in quotes, alone', () => {
    expect(normalizeFormula('=MARGIN.NOPE(1)')).toBe('=MARGIN.NOPE(1)');
    expect(normalizeFormula('=CONCAT("_xldudf_MARGIN_PRESETS(", \'my TRUE sheet\'!A1)')).toBe(
      '=CONCAT("_xldudf_MARGIN_PRESETS(", \'my TRUE sheet\'!A1)',
    );
    expect(normalizeFormula('=SUM(A1:B2)')).toBe('=SUM(A1:B2)');
  });

  it('drops the _xlfn prefixes of newer Excel functions', () => {
    expect(normalizeFormula('_xlfn._xlws.FILTER(A1:A3,B1:B3)')).toBe('=FILTER(A1:A3,B1:B3)');
    expect(normalizeFormula('_xlfn.SEQUENCE(3)')).toBe('=SEQUENCE(3)');
  });

  it("writes Excel's TRUE and FALSE literals as the functions HyperFormula knows", () => {
    expect(normalizeFormula('MARGIN.AUTO_EXCHANGE(A1:C3,,,TRUE)')).toBe('=MARGIN.AUTO_EXCHANGE(A1:C3,,,TRUE())');
    expect(normalizeFormula('={true,1;FALSE,2}')).toBe('={TRUE(),1;FALSE(),2}');
    expect(normalizeFormula('=IF(TRUE(),1,FALSE ())')).toBe('=IF(TRUE(),1,FALSE ())');
    expect(normalizeFormula('=TRUE1+TRUEX!A1')).toBe('=TRUE1+TRUEX!A1');
  });
});

describe('excelFormula', () => {
  it('writes every MARGIN function under the name Excel saves custom functions with, however it was typed', () => {
    expect(excelFormula('=MARGIN.ACCOUNT_EQUITY(A1:D4,"bitget")')).toBe('_xldudf_MARGIN_ACCOUNT_EQUITY(A1:D4,"bitget")');
    expect(excelFormula('margin.risk_level(0.6)+_xludf.MARGIN.RISK_LEVEL(1)')).toBe(
      '_xldudf_MARGIN_RISK_LEVEL(0.6)+_xldudf_MARGIN_RISK_LEVEL(1)',
    );
    expect(excelFormula('_xldudf_MARGIN_PRESETS()')).toBe('_xldudf_MARGIN_PRESETS()');
  });

  it('leaves other names and quoted text alone, and reads back to the same formula', () => {
    expect(excelFormula('MARGIN.NOPE(1)&"MARGIN.PRESETS()"&SUM(A1)')).toBe('MARGIN.NOPE(1)&"MARGIN.PRESETS()"&SUM(A1)');
    const typed = '=INDEX(MARGIN.PRESETS(),ROWS(MARGIN.PRESETS()),1)';
    expect(normalizeFormula(excelFormula(typed))).toBe(typed);
  });
});
