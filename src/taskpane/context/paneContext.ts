import type { PresetRegistry } from '../../presets';
import { type BalanceRow, EMPTY_BALANCE, type PositionRow } from '../scenario/scenarioRows';
import { NO_SHOCKS, type ShockSettings } from '../scenario/shocks';
import type { WorkbookIo } from '../workbook/workbookIo';

/** The scenario the user is working on: shared by the Scenario and Mode switch sections. */
export interface ScenarioState {
  balances: BalanceRow[];
  positions: PositionRow[];
  shocks: ShockSettings;
  /** The auto-exchange user tier; `null` = the preset's default tier. */
  userTier: string | null;
}

/** What every section of the pane works with. */
export interface PaneContext {
  readonly registry: PresetRegistry;
  readonly io: WorkbookIo;
  readonly scenario: ScenarioState;
  /** Tells the sections that the scenario's rows changed (typed, added, removed or read from the sheet). */
  scenarioChanged(): void;
  onScenarioChange(listener: () => void): void;
}

export function createPaneContext(registry: PresetRegistry, io: WorkbookIo): PaneContext {
  const listeners: (() => void)[] = [];
  return {
    registry,
    io,
    scenario: { balances: [{ ...EMPTY_BALANCE }], positions: [], shocks: NO_SHOCKS, userTier: null },
    scenarioChanged: () => {
      for (const listener of listeners) listener();
    },
    onScenarioChange: (listener) => {
      listeners.push(listener);
    },
  };
}
