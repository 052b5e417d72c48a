export * from './types';
export { FUNCTION_SPECS } from './specs';
export type { FunctionSpec, ParamSpec } from './specs';
export { invoke, toCellError } from './invoke';
export {
  describeCell,
  isBlankCell,
  isEmptyCell,
  optionalBoolean,
  optionalCount,
  optionalNumber,
  optionalText,
  requiredChoice,
  requiredNumber,
  requiredText,
  requireNotNegative,
  requirePositive,
} from './coerce';
export { readLayout, readTable, readRow, headerKey, columnsText, toGrid } from './tables';
export type { TableLayout } from './tables';
export { accountFigureCell } from './accountCells';
export { FAST_HANDLERS } from './fastHandlers';
export type { FastHandler } from './fastHandlers';
export type { AccountFigure } from './accountCells';
export { ArgList } from './args';
export type { ColumnSpec, Table, TableRow, TableSpec } from './tables';
export { readBalances, requireListedAssets, BALANCES_TABLE } from './balances';
export type { BalanceRow } from './balances';
export { readPositions, POSITIONS_TABLE } from './positions';
export { readShocks, SHOCKS_TABLE } from './shocks';
export {
  AUTO_EXCHANGE_HEADER,
  PRESETS_HEADER,
  TIERS_HEADER,
  autoExchangeTable,
  modeSwitchTable,
  numberCell,
  presetsTable,
  tiersTable,
  bracketsTable,
} from './results';
