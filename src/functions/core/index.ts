// The adapter layer both hosts share (Excel's custom functions and the CLI's formula engine): the function table,
// `invoke`, the coercion of cells and the range readers, and the shapes of the results.
export * from './types';
export * from './specs';
export * from './args';
export * from './invoke';
export * from './coerce';
export * from './tables';
export * from './accountCells';
export * from './fastHandlers';
export * from './balances';
export * from './positions';
export * from './shocks';
export * from './results';
