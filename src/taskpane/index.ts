// The task pane's testable parts: view models (pure, over the engine and presets) and the workbook I/O
// interface. The page itself starts from taskpane.ts, which is deliberately not re-exported (it runs on load).
export * from './formatting';
export * from './outcome';
export * from './tierTable';
export * from './presetSummary';
export * from './presetDraft';
export * from './draftProblems';
export * from './scenarioRows';
export * from './selectionGrid';
export * from './shocks';
export * from './scenarioModel';
export * from './priceChart';
export * from './modeSwitchModel';
export * from './importModel';
export * from './resultsTable';
export * from './workbookIo';
export { mountPane, SECTIONS, type MountSection } from './app';
export { PANE_ELEMENTS, paneElements, type PaneElements } from './elements';
export { createPaneContext } from './paneContext';
export type { PaneContext, ScenarioState } from './paneContext';
