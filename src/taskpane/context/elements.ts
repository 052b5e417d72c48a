/**
 * Every element of taskpane.html the code works with, by id and tag, in one table: the page and the code must
 * agree, so the pane checks them all once when it mounts (and a unit test checks them against the page's text).
 */
export const PANE_ELEMENTS = {
  hostNotice: ['host-notice', 'p'],
  tabs: ['pane-tabs', 'div'],
  /** The one live region for short summaries (see announcerFor); the visible messages are not live. */
  announcer: ['pane-announcer', 'p'],
  tabImport: ['tab-import', 'button'],
  // Presets
  presetSelect: ['preset-select', 'select'],
  presetRefused: ['preset-refused', 'div'],
  presetStatus: ['preset-status', 'p'],
  presetDetails: ['preset-details', 'dl'],
  presetNotes: ['preset-notes', 'ul'],
  presetAssets: ['preset-assets', 'div'],
  presetBrackets: ['preset-brackets', 'div'],
  presetClone: ['preset-clone', 'button'],
  presetEdit: ['preset-edit', 'button'],
  presetReimport: ['preset-reimport', 'button'],
  presetDelete: ['preset-delete', 'button'],
  editor: ['preset-editor', 'form'],
  editorTitle: ['editor-title', 'h2'],
  editorError: ['editor-error', 'p'],
  editorFields: ['editor-fields', 'div'],
  editorSave: ['editor-save', 'button'],
  editorCancel: ['editor-cancel', 'button'],
  // Import
  panelImport: ['panel-import', 'section'],
  importExchange: ['import-exchange', 'select'],
  importUrl: ['import-url', 'input'],
  importFetch: ['import-fetch', 'button'],
  importJson: ['import-json', 'textarea'],
  importPreview: ['import-preview', 'button'],
  importError: ['import-error', 'p'],
  importStatus: ['import-status', 'p'],
  importDiff: ['import-diff', 'div'],
  importApply: ['import-apply', 'button'],
  // Scenario
  scenarioPreset: ['scenario-preset', 'p'],
  scenarioRead: ['scenario-read', 'button'],
  scenarioWrite: ['scenario-write', 'button'],
  scenarioIo: ['scenario-io', 'p'],
  scenarioSummary: ['scenario-summary', 'div'],
  balancesGrid: ['balances-grid', 'div'],
  balancesAdd: ['balances-add', 'button'],
  positionsGrid: ['positions-grid', 'div'],
  positionsAdd: ['positions-add', 'button'],
  shockControls: ['shock-controls', 'div'],
  userTierField: ['user-tier-field', 'div'],
  userTier: ['user-tier', 'select'],
  chartAsset: ['chart-asset', 'select'],
  chartAssetField: ['chart-asset-field', 'div'],
  priceChart: ['price-chart', 'figure'],
  scenarioInputError: ['scenario-input-error', 'p'],
  scenarioResults: ['scenario-results', 'div'],
  // Mode switch
  modePreset: ['mode-preset', 'p'],
  modeMulti: ['mode-multi', 'input'],
  modeSingle: ['mode-single', 'input'],
  modeOrders: ['mode-orders', 'input'],
  modeInputs: ['mode-inputs', 'p'],
  modeResult: ['mode-result', 'div'],
  // Live prices
  pricesSection: ['prices-section', 'div'],
  // Connections (the live account)
  connectionsSection: ['connections-section', 'div'],
} as const satisfies Readonly<Record<string, readonly [string, keyof HTMLElementTagNameMap]>>;

type Table = typeof PANE_ELEMENTS;

/** The page's elements, each typed by its tag. */
export type PaneElements = { readonly [K in keyof Table]: HTMLElementTagNameMap[Table[K][1]] };

/**
 * Looks every element up once. Every missing or mismatched id is named in one error, so a page edit that
 * drops an id fails at mount (and in the page test) rather than as a null dereference on some later click.
 */
export function paneElements(doc: Document): PaneElements {
  const found: Record<string, HTMLElement> = {};
  const problems: string[] = [];
  for (const [name, [id, tag]] of Object.entries(PANE_ELEMENTS)) {
    const node = doc.getElementById(id);
    if (node === null) problems.push(`#${id} is missing`);
    else if (node.tagName.toLowerCase() !== tag) problems.push(`#${id} is a <${node.tagName.toLowerCase()}>, expected <${tag}>`);
    else found[name] = node;
  }
  if (problems.length > 0) throw new TypeError(`taskpane.html: ${problems.join('; ')}`);
  return found as unknown as PaneElements;
}
