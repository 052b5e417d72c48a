export { ACCOUNT_EXCHANGES } from './snapshot';
export type {
  AccountExchange,
  AccountSnapshot,
  FigureName,
  PnlNotCarried,
  ReportedAssetValue,
  ReportedFigure,
  SnapshotBalance,
  SnapshotPosition,
} from './snapshot';
export { importAccountSnapshot } from './importSnapshot';
export { readBinanceSnapshot } from './binance';
export { readBitgetSnapshot } from './bitget';
export { readBybitSnapshot } from './bybit';
export { OKX_PUBLIC_INSTRUMENTS, okxInstrumentUrl, okxPositionInstruments, readOkxSnapshot } from './okx';
export type { SnapshotOptions } from './importSnapshot';
export { NO_MEMO, RowMemo } from './rowMemo';
export type { RowReading } from './rowMemo';
export { parsePricePair } from './pricePair';
export type { PricePair } from './pricePair';
export { reconcile } from './reconcile';
export type { Reconciliation, ReconciliationRow } from './reconcile';
export {
  RECONCILIATION_HEADER,
  SNAPSHOT_BALANCES_HEADER,
  SNAPSHOT_POSITIONS_HEADER,
  balancesTableRow,
  balancesTable,
  positionsTableRow,
  positionsTable,
  reconciliationTable,
} from './snapshotTables';
export type { SnapshotCell, SnapshotTable } from './snapshotTables';
