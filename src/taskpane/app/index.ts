// The task pane's testable parts: view models (pure, over the engine and presets) and the workbook I/O
// interface. The page itself starts from taskpane.ts, which is deliberately not re-exported (it runs on load).
export * from '../ui/formatting';
export * from '../ui/outcome';
export * from '../presets/tierTable';
export * from '../presets/presetSummary';
export * from '../presets/editor/presetDraft';
export * from '../presets/editor/draftProblems';
export * from '../scenario/scenarioRows';
export * from '../scenario/selectionGrid';
export * from '../scenario/shocks';
export * from '../scenario/scenarioModel';
export * from '../scenario/priceChart';
export * from '../modeSwitch/modeSwitchModel';
export * from '../import/importModel';
export * from '../scenario/resultsTable';
export * from '../workbook/workbookIo';
export { mountPane, SECTIONS, type MountSection } from './app';
export { PANE_ELEMENTS, paneElements, type PaneElements } from '../context/elements';
export { createPaneContext } from '../context/paneContext';
export type { PaneContext } from '../context/paneContext';
export type { ScenarioState } from '../context/scenarioState';
