/**
 * The number path: cell numbers in, one cell number out, computed exactly on safe integers without a Decimal per
 * row, and rounded once. It declines with NaN wherever it cannot be sure (the Decimal engine then decides), so
 * both paths give the same numbers. Only the cell entry points leave this folder.
 */
export { collateralValueCell } from './collateralValueCell';
export { accountFigureCell, positionSumsMemo } from './accountCell';
export { liquidationPriceCell } from './liquidationCell';
export type { AccountFigure, BalanceCells, PositionCells, PositionSumsMemo, ShockCells } from './accountCell';
