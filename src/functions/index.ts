// The Excel side shared with the task pane. functions.ts is not re-exported: it is the custom functions'
// entry point, registered with Excel by the build, and loading it has that effect.
export { evaluateNumber, evaluateTable, evaluateText, excelContext, toExcelError } from './excelAdapter';
export type { ExcelArg } from './excelAdapter';
export {
  CUSTOM_PRESETS_SETTING,
  DEFAULT_PRESET_SETTING,
  loadFromWorkbook,
  loadWhenReady,
  officeWorkbookHost,
  saveCustomPresets,
  saveDefault,
  sharedRegistry,
} from './workbookSettings';
export type { LoadReport, SaveResult, SettingsStore, WorkbookHost } from './workbookSettings';
