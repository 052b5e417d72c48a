/**
 * The scenario's shared state, below the features that show it: the balances and positions grids (text under
 * the shared column table's names), the shock sliders and the user tier. Scenario, desk and mode switch read it
 * through the pane context.
 */

/** The balances grid's columns: the shared column table's names, in its order (a test holds them to it). */
export const BALANCE_COLUMNS = ['asset', 'amount', 'price', 'upnl'] as const;
/** The positions grid's columns, likewise. */
export const POSITION_COLUMNS = ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'] as const;

export type BalanceColumn = (typeof BALANCE_COLUMNS)[number];
export type PositionColumn = (typeof POSITION_COLUMNS)[number];

/** A grid row as typed (or read from a sheet): the text under each column, until the range readers read it. */
export type GridRow<C extends string> = Readonly<Record<C, string>>;

export type BalanceGridRow = GridRow<BalanceColumn>;
export type PositionGridRow = GridRow<PositionColumn>;

export const EMPTY_BALANCE: BalanceGridRow = { asset: '', amount: '', price: '', upnl: '' };
export const EMPTY_POSITION: PositionGridRow = {
  symbol: '',
  side: 'LONG',
  size: '',
  entry: '',
  mark: '',
  mmr: '',
  cum: '',
  imr: '',
  margin_mode: 'cross',
};

/** Slider positions in whole percent: one for every non-stable asset, and one per asset on top of it. */
export interface ShockSettings {
  readonly all: number;
  readonly perAsset: Readonly<Record<string, number>>;
}

export const NO_SHOCKS: ShockSettings = { all: 0, perAsset: {} };

/** The scenario the user is working on: shared by the Scenario and Mode switch sections. */
export interface ScenarioState {
  balances: BalanceGridRow[];
  positions: PositionGridRow[];
  shocks: ShockSettings;
  /** The auto-exchange user tier; `null` = the preset's default tier. */
  userTier: string | null;
}
