import {
  changeLine as presetChangeLine,
  type ChangeLine as PresetChangeLine,
  IMPORT_ENDPOINTS,
  IMPORT_EXCHANGES,
  importExchangeTable,
  type ImportExchange,
  type ImportPreview as PresetImportPreview,
  parseJsonDocuments,
  type PresetChange,
  previewImportText,
  type PresetRegistry,
} from '../../presets';
import { fieldLabel } from '../presets/editor/draftProblems';
import { attempt, type Outcome } from '../ui/outcome';

export { FETCH_MAX_BYTES, FETCH_TIMEOUT_MS, fetchImportText, fetchResponseText } from '../../presets';
export type { FetchText } from '../../presets';

/**
 * What a change is about, in the order the diff shows them: haircut tables first, then rates and rules (what
 * moves the figures), then limits, then notes (folded: they rarely matter and an import rewrites them all).
 */
export type ChangeKind = 'table' | 'rate' | 'limit' | 'note';

export const CHANGE_KINDS: readonly ChangeKind[] = ['table', 'rate', 'limit', 'note'];

/** One line of the "what changes" list, as the pane shows it. */
export interface ChangeLine extends PresetChangeLine {
  /** The same as `what`, for a reader: `BTC tier 1`, `LTV trigger`. */
  readonly title: string;
  readonly kind: ChangeKind;
}

/** What importing would change, with the lines as the pane shows them. */
export interface ImportPreview extends Omit<PresetImportPreview, 'lines'> {
  readonly lines: readonly ChangeLine[];
}

function kindOf(field: string): ChangeKind {
  if (field === 'note') return 'note';
  if (field.startsWith('brackets')) return 'table';
  if (field === 'asset' || field === 'tierUnit' || field.startsWith('tiers')) return 'table';
  if (/Limit$|^interestFree$/.test(field)) return 'limit';
  return 'rate';
}

function titleOf(change: PresetChange): string {
  const symbol = /^brackets\.(.+)$/.exec(change.field)?.[1];
  if (symbol !== undefined) return `${symbol} leverage brackets`;
  const field = change.field.replace(/^tiers\[(\d+)\]$/, (_, i: string) => `tier ${Number(i) + 1}`);
  return change.asset === null ? fieldLabel(change.field) : `${change.asset} ${field === 'asset' ? '(asset)' : field}`;
}

/** A change as the pane lists it: the shared line, with a title for a reader and its kind. */
export function changeLine(change: PresetChange): ChangeLine {
  return { ...presetChangeLine(change), title: titleOf(change), kind: kindOf(change.field) };
}

/** The lines in display order: tables, rates and rules, limits, notes; each group in the diff's own order. */
export function orderedLines(lines: readonly ChangeLine[]): ChangeLine[] {
  return CHANGE_KINDS.flatMap((kind) => lines.filter((l) => l.kind === kind));
}

/** What each exchange's response looks like (field names only: the figures come from the exchange). */
export const RESPONSE_SHAPES: Readonly<Record<ImportExchange, { readonly name: string; readonly shape: string }>> = {
  binance: {
    name: 'Binance’s assetIndex response (GET /fapi/v1/assetIndex)',
    shape: '[{"symbol":"BTCUSD","index":…,"bidBuffer":…,"askBuffer":…,"bidRate":…,"askRate":…,"autoExchangeBidBuffer":…,…}, …]',
  },
  bitget: {
    name: 'Bitget’s discount-rate response (GET /api/v2/mix/market/discount-rate)',
    shape:
      '{"code":"00000","data":[{"coin":"BTC","userLimit":…,"totalLimit":…,"discountRateList":[{"tier":…,"minAmount":…,"maxAmount":…,"discountRate":…}, …]}, …]}',
  },
  okx: {
    name: 'OKX’s discount-rate-interest-free-quota response (GET /api/v5/public/discount-rate-interest-free-quota)',
    shape: '{"code":"0","data":[{"ccy":"BTC","amt":…,"details":[{"tier":…,"minAmt":…,"maxAmt":…,"discountRate":…}, …]}, …]}',
  },
  bybit: {
    name: 'Bybit’s collateral response (GET /v5/spot-margin-trade/collateral)',
    shape: '{"retCode":0,"result":{"list":[{"currency":"BTC","collateralRatioList":[{"minQty":…,"maxQty":…,"collateralRatio":…}, …]}, …]}}',
  },
};

const EXCHANGE_TITLES: Readonly<Record<ImportExchange, string>> = { binance: 'Binance', bitget: 'Bitget', okx: 'OKX', bybit: 'Bybit' };

/** The other exchange whose importer accepts `response`, if any: a paste under the wrong exchange. */
function otherExchangeOf(registry: PresetRegistry, exchange: ImportExchange, response: unknown, today: string): ImportExchange | undefined {
  return IMPORT_EXCHANGES.find(
    (e) => e !== exchange && attempt(() => importExchangeTable(e, response, registry.resolve(e), { asOf: today })).ok,
  );
}

/**
 * A response that is not the chosen exchange's: which response was expected and what it looks like, and,
 * when the text is another exchange's response, which one to pick instead.
 */
function wrongShape(exchange: ImportExchange, message: string, other: ImportExchange | undefined): string {
  const expected = RESPONSE_SHAPES[exchange];
  // Another exchange's response fails for reasons of that exchange's format, which would only mislead here.
  if (other !== undefined) {
    return `This is ${EXCHANGE_TITLES[other]}’s response: choose ${EXCHANGE_TITLES[other]} under Exchange. Expected ${expected.name}, which looks like ${expected.shape}.`;
  }
  return `${message}. Expected ${expected.name}, which looks like ${expected.shape}.`;
}

/** Refusals about the response's structure (not a bad figure inside a well-formed one, not the exchange's own error). */
function isShapeError(message: string): boolean {
  return (
    /^preset response/.test(message) &&
    /required, but missing|expected an object|expected a list|expected at least one asset|unknown field|expected one of/.test(message) &&
    !/refused/.test(message)
  );
}

/**
 * Reads a pasted or fetched response and shows what importing it would change, without changing anything:
 * malformed JSON yields its line and column; a response of another shape says which response was expected
 * (and which exchange's it looks like); a bad figure yields the MarginError message with the response path.
 * A leverage-bracket response (Binance leverageBracket, Bitget query-position-lever, Bybit risk-limit) imports
 * the brackets of its symbols; `request.symbol` is the symbol of the URL it was fetched from, for Bitget's v3 position
 * tiers, whose rows do not repeat it.
 */
export function previewImport(
  registry: PresetRegistry,
  exchange: ImportExchange,
  text: string,
  today: string,
  request: { readonly symbol?: string } = {},
): Outcome<ImportPreview> {
  const response = attempt(() => parseJsonDocuments(text)[0]);
  if (!response.ok) return response;
  const preview = attempt(() => previewImportText(registry, exchange, text, today, undefined, request));
  if (!preview.ok) {
    const other = otherExchangeOf(registry, exchange, response.value, today);
    return other !== undefined || isShapeError(preview.message)
      ? { ok: false, message: wrongShape(exchange, preview.message, other) }
      : preview;
  }
  return { ok: true, value: { ...preview.value, lines: preview.value.changes.map(changeLine) } };
}

/** The public endpoint of an exchange, to pre-fill the URL field. */
export function defaultEndpoint(exchange: ImportExchange): string {
  return IMPORT_ENDPOINTS[exchange];
}

/** The `symbol` of the URL a response was fetched from (Bitget's v3 position tiers do not repeat it in their rows). */
export function fetchedSymbol(url: string): string | undefined {
  try {
    return new URL(url.trim()).searchParams.get('symbol') ?? undefined;
  } catch {
    return undefined;
  }
}
