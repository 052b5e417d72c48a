import { DetailedCellError } from 'hyperformula';
import type { CellValue, RawCellContent } from 'hyperformula';
import { buildFormulaEngine, computedAt, evaluateFormulas } from '../../src/cli';
import type { Computed, FormulaEngine } from '../../src/cli';
import { isCellError } from '../../src/functions/core';
import { PresetRegistry } from '../../src/presets';
import { BITGET_BTC_TIERS_TABLE, FORMULA_CASES } from '../support/formulaCases';

const functions = () => ({ registry: new PresetRegistry() });

const ERROR_CODES = { value: '#VALUE!', na: '#N/A', num: '#NUM!' } as const;

/** A cell value the way a test compares it: errors as `#CODE! message`. */
function shown(value: Computed): unknown {
  if (Array.isArray(value)) return value.map((row) => row.map(shown));
  return value instanceof DetailedCellError ? `${value.value} ${value.message}` : value;
}

function at(engine: FormulaEngine, sheet: string, row: number, col: number): unknown {
  return shown(computedAt(engine, { sheet: engine.hf.getSheetId(sheet) ?? -1, row, col }));
}

describe('the shared formula cases through HyperFormula', () => {
  const values = evaluateFormulas(
    FORMULA_CASES.map((c) => c.formula),
    functions(),
  );

  it.each(FORMULA_CASES.map((c, i) => [c.name, c.title, c, i] as const))('%s %s', (_name, _title, c, i) => {
    const value = values[i] ?? null;
    const { expected } = c;
    if (typeof expected === 'object' && !Array.isArray(expected)) {
      expect(value).toBeInstanceOf(DetailedCellError);
      expect((value as DetailedCellError).value).toBe(ERROR_CODES[expected.error]);
      expect((value as DetailedCellError).message).not.toBe('');
    } else {
      // A spilled "" comes back from HyperFormula as the text it is.
      expect(value).toEqual(expected);
    }
  });
});

describe('HyperFormula with the MARGIN functions', () => {
  it('keeps every digit of a result (no rounding to 10 significant digits on output)', () => {
    const [ratio] = evaluateFormulas(['=MARGIN.COLLATERAL_RATIO("BTC",2,60000,"bitget")'], functions());
    // (100,000 × 0.975 + 20,000 × 0.97) / 120,000 = 116,900 / 120,000
    expect(ratio).toBe(Number('0.974166666666666666666666666666666666666666666666666666666667'));
  });

  it('passes an error from an argument on unchanged', () => {
    const [value] = evaluateFormulas(['=MARGIN.COLLATERAL_VALUE("BTC",1/0,60000)'], functions());
    expect((value as DetailedCellError).value).toBe('#DIV/0!');
  });

  it('maps #VALUE!, #N/A and #NUM! with their messages', () => {
    const values = evaluateFormulas(
      [
        '=MARGIN.COLLATERAL_VALUE("BTC","x",60000)',
        '=MARGIN.COLLATERAL_VALUE("NOPE",1,60000)',
        // Inputs a cell can hold whose result it cannot (a liability of 1e300 coins at 1e300).
        '=MARGIN.COLLATERAL_VALUE("BTC","-1e300","1e300")',
        // An input beyond what a cell can hold is refused where it is read.
        '=MARGIN.COLLATERAL_VALUE("BTC","1e400",60000)',
      ],
      functions(),
    );
    expect(values.map(shown)).toEqual([
      '#VALUE! amount: expected a number, got "x"',
      '#N/A asset: NOPE is not a collateral asset of preset binance',
      expect.stringMatching(/^#NUM! the result .* is beyond the range of a spreadsheet number$/),
      '#VALUE! amount: expected a number a spreadsheet can hold (magnitude at most 1.8e308), got "1e400"',
    ]);
  });

  it('uses a function result inside another formula', () => {
    const [ratio] = evaluateFormulas(['=INDEX(MARGIN.COLLATERAL_TIERS("BTC","bitget"),3,3)'], functions());
    expect(ratio).toBe(0.97);
  });
});

describe('spilled tables in a sheet', () => {
  const sheets = (cells: RawCellContent[][]): Record<string, RawCellContent[][]> => ({ Sheet1: cells });

  it('spill a table from literal arguments at its real size', () => {
    const engine = buildFormulaEngine(sheets([['=MARGIN.COLLATERAL_TIERS("BTC","bitget")']]), functions());
    expect(at(engine, 'Sheet1', 0, 0)).toEqual(BITGET_BTC_TIERS_TABLE);
    expect(engine.hf.getCellValue({ sheet: 0, row: 5, col: 2 })).toBe(0.85);
  });

  it('spill a table whose size depends on a range read from the sheet', () => {
    const engine = buildFormulaEngine(
      sheets([
        [
          '=MARGIN.MODE_SWITCH_CHECK("multi",E1:G1,I1:N1,P1,"binance")',
          ...[null, null, null, 'USDT', 100, 1, null],
          ...['symbol', 'side', 'size', 'entry', 'mark', 'mmr', null, 3],
        ],
      ]),
      functions(),
    );
    const table = at(engine, 'Sheet1', 0, 0) as unknown[][];
    expect(table.map((r) => r.slice(0, 2))).toEqual([
      ['BLOCKED', 'multi-asset mode'],
      ['crossOnly', 'PASS'],
      ['noOpenOrders', 'FAIL'],
      ['noNegativeBalance', 'PASS'],
      ['marginSufficient', 'PASS'],
    ]);
  });

  it('spill a table whose arguments are cells computed by other formulas, even ones placed after it', () => {
    const engine = buildFormulaEngine(
      {
        Report: [['=MARGIN.COLLATERAL_TIERS(Inputs!A1,Inputs!B1)']],
        Inputs: [['=LOWER("BTC")', '="bit"&"get"']],
      },
      functions(),
    );
    expect(at(engine, 'Report', 0, 0)).toEqual(BITGET_BTC_TIERS_TABLE);
  });

  it('spill a table computed from another spilled table', () => {
    const engine = buildFormulaEngine(
      sheets([['=MARGIN.AUTO_EXCHANGE(H1:J2,"binance")', null, null, null, null, null, null, '={"BTC",1,60000;"USDC",-5001,1}']]),
      functions(),
    );
    const table = at(engine, 'Sheet1', 0, 0) as unknown[][];
    expect(table.map((r) => [r[0], r[3], r[5]])).toEqual([
      ['from_asset', 'to_asset', 'trigger'],
      ['BTC', 'USDC', 'THRESHOLD'],
    ]);
  });

  it('spill a table from an array constant', () => {
    const engine = buildFormulaEngine(sheets([['=MARGIN.AUTO_EXCHANGE({"BTC",1,60000;"USDC",-5001,1},"binance")']]), functions());
    expect((at(engine, 'Sheet1', 0, 0) as unknown[][])[1]?.slice(3, 6)).toEqual(['USDC', 5001, 'THRESHOLD']);
  });

  it('give #SPILL! when the cells a table needs are taken, and a table of one row otherwise', () => {
    const engine = buildFormulaEngine(sheets([['=MARGIN.PRESETS()'], ['taken']]), functions());
    expect(String(at(engine, 'Sheet1', 0, 0))).toMatch(/^#SPILL!/);
  });

  it('flag a table for re-entry when the cells it reads change its size', () => {
    const engine = buildFormulaEngine(sheets([['=MARGIN.COLLATERAL_TIERS(F1,"bitmart")', null, null, null, null, 'BTC']]), functions());
    expect((at(engine, 'Sheet1', 0, 0) as unknown[][]).length).toBe(4);
    engine.hf.setCellContents({ sheet: 0, row: 0, col: 5 }, [['USDT']]);
    expect(String(at(engine, 'Sheet1', 0, 0))).toMatch(/^#VALUE! the size of this table changed/);
    expect([...engine.context.resized.values()]).toEqual([{ sheet: 0, row: 0, col: 0 }]);
  });
});

describe('cell values', () => {
  it('reach the functions as the host would pass them: numbers from dates and percents, text kept as text', () => {
    const engine = buildFormulaEngine(
      { Sheet1: [['=MARGIN.COLLATERAL_VALUE(B1,C1,D1,"bitget")', "'BTC", '1000%', "'60000"]] },
      functions(),
    );
    expect(at(engine, 'Sheet1', 0, 0)).toBe(582000);
  });

  it('are never rounded on the way out', () => {
    const engine = buildFormulaEngine(
      {
        Sheet1: [
          ['=MARGIN.MULTIASSET_LTV(B1:D2,"bitget")', 'BTC', 10, 60000],
          [null, 'USDT', -5000, 1],
        ],
      },
      functions(),
    );
    const value = at(engine, 'Sheet1', 0, 0) as CellValue;
    expect(value).toBe(Number('0.00859106529209621993127147766323024054982817869415807560137457'));
    expect(isCellError(value as never)).toBe(false);
  });
});
