import { a1 } from '../../src/cli/cellAddress';
import { type PlannedEdit, planSheetEdits } from '../../src/cli/sheetEditPlan';
import type { FormulaCell } from '../../src/cli/workbookCells';

const NO_FACTS = { dynamicAnchors: new Set<string>() };

/** The plan as `Sheet!A1` → edit, for reading; the plan's own order is checked where it matters. */
const byCell = (plan: readonly PlannedEdit[]) => Object.fromEntries(plan.map((p) => [`${p.sheet}!${a1(p.row, p.col)}`, p.edit]));

describe('planSheetEdits', () => {
  it('plans a formula with one value as the formula in Excel’s spelling with that value', () => {
    const cell: FormulaCell = { sheet: 'Desk', row: 1, col: 1, formula: 'MARGIN.COLLATERAL_VALUE("BTC",1,2)' };
    expect(planSheetEdits([cell], [1.5], NO_FACTS)).toEqual([
      {
        sheet: 'Desk',
        row: 1,
        col: 1,
        edit: { kind: 'formula', formula: '_xldudf_MARGIN_COLLATERAL_VALUE("BTC",1,2)', value: 1.5, shared: null },
      },
    ]);
  });

  it('plans no edit for a formula whose value is kept as the file has it', () => {
    const kept: FormulaCell = { sheet: 'Desk', row: 0, col: 0, formula: 'MARGIN.PRESETS()' };
    const computed: FormulaCell = { sheet: 'Desk', row: 0, col: 1, formula: 'A1+1' };
    expect(planSheetEdits([kept, computed], [undefined, 'x'], NO_FACTS)).toEqual([
      { sheet: 'Desk', row: 0, col: 1, edit: { kind: 'formula', formula: 'A1+1', value: 'x', shared: null } },
    ]);
  });

  it('plans no clearing of the range of an array formula whose saved values are kept', () => {
    const legacy: FormulaCell = { sheet: 'Old', row: 0, col: 1, formula: 'CONCAT("a","b")', stored: { row: 0, col: 1, rows: 3, cols: 1 } };
    const spill: FormulaCell = { sheet: 'Old', row: 0, col: 3, formula: 'MARGIN.PRESETS()', stored: { row: 0, col: 3, rows: 2, cols: 2 } };
    expect(planSheetEdits([legacy, spill], [undefined, undefined], { dynamicAnchors: new Set(['Old!D1']) })).toEqual([]);
  });

  it('plans a spilled table as a dynamic-array anchor over its range and a value in each other cell', () => {
    const cell: FormulaCell = { sheet: 'Desk', row: 0, col: 0, formula: 'MARGIN.PRESETS()' };
    const plan = planSheetEdits(
      [cell],
      [
        [
          ['id', 'name'],
          ['binance', 'Binance'],
        ],
      ],
      { ...NO_FACTS, dynamicArrayIndex: 1 },
    );
    expect(plan.map((p) => `${p.sheet}!${a1(p.row, p.col)}`)).toEqual(['Desk!B1', 'Desk!A1', 'Desk!A2', 'Desk!B2']);
    expect(byCell(plan)).toEqual({
      'Desk!A1': { kind: 'arrayFormula', formula: '_xldudf_MARGIN_PRESETS()', ref: 'A1:B2', value: 'id', cm: 1 },
      'Desk!B1': { kind: 'value', value: 'name' },
      'Desk!A2': { kind: 'value', value: 'binance' },
      'Desk!B2': { kind: 'value', value: 'Binance' },
    });
  });

  it('plans a spill without a dynamic-array mark when the package has no metadata for it', () => {
    const cell: FormulaCell = { sheet: 'Desk', row: 2, col: 3, formula: 'MARGIN.PRESETS()' };
    const plan = planSheetEdits([cell], [[[1], [2]]], NO_FACTS);
    expect(byCell(plan)).toEqual({
      'Desk!D3': { kind: 'arrayFormula', formula: '_xldudf_MARGIN_PRESETS()', ref: 'D3:D4', value: 1 },
      'Desk!D4': { kind: 'value', value: 2 },
    });
    expect('cm' in (byCell(plan)['Desk!D3'] ?? {})).toBe(false);
  });

  it('clears the cells of an earlier spill that the new table no longer covers', () => {
    const cell: FormulaCell = { sheet: 'Desk', row: 0, col: 0, formula: 'MARGIN.PRESETS()', stored: { row: 0, col: 0, rows: 3, cols: 1 } };
    const plan = planSheetEdits([cell], [[[5], [6]]], { dynamicArrayIndex: 2, dynamicAnchors: new Set(['Desk!A1']) });
    expect(byCell(plan)).toEqual({
      'Desk!A1': { kind: 'arrayFormula', formula: '_xldudf_MARGIN_PRESETS()', ref: 'A1:A2', value: 5, cm: 2 },
      'Desk!A2': { kind: 'value', value: 6 },
      'Desk!A3': { kind: 'clear' },
    });
    expect(plan).toHaveLength(3);
  });

  it('keeps a legacy array formula over its range, each cell showing the one value', () => {
    const cell: FormulaCell = {
      sheet: 'Risk',
      row: 0,
      col: 1,
      formula: 'MARGIN.COLLATERAL_VALUE("ETH",A1,A2)',
      stored: { row: 0, col: 1, rows: 2, cols: 1 },
    };
    expect(byCell(planSheetEdits([cell], [0.25], NO_FACTS))).toEqual({
      'Risk!B1': { kind: 'arrayFormula', formula: '_xldudf_MARGIN_COLLATERAL_VALUE("ETH",A1,A2)', ref: 'B1:B2', value: 0.25 },
      'Risk!B2': { kind: 'value', value: 0.25 },
    });
  });

  it('writes a dynamic array that now has one value as a formula, clearing the rest of its old spill', () => {
    const cell: FormulaCell = { sheet: 'Desk', row: 0, col: 0, formula: 'SUM(B1:B3)', stored: { row: 0, col: 0, rows: 3, cols: 1 } };
    expect(byCell(planSheetEdits([cell], [9], { dynamicAnchors: new Set(['Desk!A1']) }))).toEqual({
      'Desk!A1': { kind: 'formula', formula: 'SUM(B1:B3)', value: 9, shared: null },
      'Desk!A2': { kind: 'clear' },
      'Desk!A3': { kind: 'clear' },
    });
  });

  it('keeps a shared formula group, naming its master and members', () => {
    const master: FormulaCell = { sheet: 'Desk', row: 0, col: 2, formula: 'A1*2', shared: { master: 'C1', ref: 'C1:C2' } };
    const member: FormulaCell = { sheet: 'Desk', row: 1, col: 2, formula: 'A2*2', shared: { master: 'C1' } };
    expect(byCell(planSheetEdits([master, member], [2, 4], NO_FACTS))).toEqual({
      'Desk!C1': { kind: 'formula', formula: 'A1*2', value: 2, shared: 'master' },
      'Desk!C2': { kind: 'formula', formula: 'A2*2', value: 4, shared: 'member' },
    });
  });

  it('breaks a shared formula group one of whose cells now spills a table', () => {
    const master: FormulaCell = { sheet: 'Desk', row: 0, col: 2, formula: 'A1*2', shared: { master: 'C1', ref: 'C1:C3' } };
    const member: FormulaCell = { sheet: 'Desk', row: 2, col: 2, formula: 'A3:B3*2', shared: { master: 'C1' } };
    const other: FormulaCell = { sheet: 'Other', row: 0, col: 0, formula: 'A1*2', shared: { master: 'A1', ref: 'A1:A2' } };
    expect(byCell(planSheetEdits([master, member, other], [2, [[6, 8]], 3], { ...NO_FACTS, dynamicArrayIndex: 1 }))).toEqual({
      'Desk!C1': { kind: 'formula', formula: 'A1*2', value: 2, shared: null },
      'Desk!C3': { kind: 'arrayFormula', formula: 'A3:B3*2', ref: 'C3:D3', value: 6, cm: 1 },
      'Desk!D3': { kind: 'value', value: 8 },
      'Other!A1': { kind: 'formula', formula: 'A1*2', value: 3, shared: 'master' },
    });
  });

  it('groups the edits by sheet in the order the sheets first appear', () => {
    const cells: FormulaCell[] = [
      { sheet: 'B', row: 4, col: 0, formula: '1' },
      { sheet: 'A', row: 0, col: 0, formula: '2' },
      { sheet: 'B', row: 0, col: 0, formula: '3' },
    ];
    const plan = planSheetEdits(cells, [1, 2, 3], NO_FACTS);
    expect(plan.map((p) => `${p.sheet}!${a1(p.row, p.col)}`)).toEqual(['B!A5', 'B!A1', 'A!A1']);
  });
});
