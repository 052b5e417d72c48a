import type { PresetRegistry } from '../../presets';
import { EMPTY_BALANCE, NO_SHOCKS, type ScenarioState } from './scenarioState';
import type { WorkbookIo } from '../workbook/workbookIo';

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
