import { IMPORT_ENDPOINTS, type ImportExchange, type ImportPreview, previewImportText, type PresetRegistry } from '../presets';
import { attempt, type Outcome } from './outcome';

export { changeLine, FETCH_TIMEOUT_MS, fetchResponseText } from '../presets';
export type { ChangeLine, FetchText, ImportPreview } from '../presets';

/** The public endpoint of an exchange, to pre-fill the URL field. */
export function defaultEndpoint(exchange: ImportExchange): string {
  return IMPORT_ENDPOINTS[exchange];
}

/**
 * Reads a pasted or fetched response and shows what importing it would change, without changing anything:
 * malformed or unexpected JSON yields the MarginError message (with the line and column, or the response path).
 * A leverage-bracket response (Binance leverageBracket, Bitget query-position-lever, Bybit risk-limit) imports
 * the brackets of its symbols.
 */
export function previewImport(registry: PresetRegistry, exchange: ImportExchange, text: string, today: string): Outcome<ImportPreview> {
  return attempt(() => previewImportText(registry, exchange, text, today));
}
