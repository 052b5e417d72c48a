/**
 * Every error the product reports, in one table. Engine and presets throw {@link MarginError}; the surfaces
 * map its `kind` to a spreadsheet error in exactly one place each (Excel: `src/functions`, CLI formula
 * engine: `src/cli`). Messages name the argument and what was expected, because Excel shows them to the user.
 */
export type ErrorKind = 'value' | 'na' | 'num';

type Params = Record<string, string | number>;

interface ErrorSpec {
  readonly kind: ErrorKind;
  readonly message: (p: Params) => string;
}

const spec = (kind: ErrorKind, message: (p: Params) => string): ErrorSpec => ({ kind, message });

export const ERRORS = {
  // Arguments and cells
  NOT_A_NUMBER: spec('value', (p) => `${p.arg}: expected a number, got ${p.got}`),
  NUMBER_REFUSED: spec('value', (p) => `${p.arg}: expected ${p.expected}, got ${p.got}`),
  NOT_FINITE: spec('value', (p) => `${p.arg}: expected a finite number, got ${p.got}`),
  NOT_POSITIVE: spec('value', (p) => `${p.arg}: expected a positive number, got ${p.got}`),
  NEGATIVE: spec('value', (p) => `${p.arg}: expected zero or a positive number, got ${p.got}`),
  RATE_ABOVE_ONE: spec('value', (p) => `${p.arg}: expected a rate from 0 to 1, got ${p.got}`),
  CUM_BEYOND_MARGIN: spec(
    'value',
    (p) =>
      `${p.arg}: cum ${p.cum} is larger than the notional's margin |size| × mark × mmr = ${p.bound}, which would make the maintenance margin negative`,
  ),
  NOT_TEXT: spec('value', (p) => `${p.arg}: expected text, got ${p.got}`),
  NOT_BOOLEAN: spec('value', (p) => `${p.arg}: expected TRUE or FALSE, got ${p.got}`),
  MISSING_ARGUMENT: spec('value', (p) => `${p.arg}: required, but the cell is blank`),
  BAD_CHOICE: spec('value', (p) => `${p.arg}: expected one of ${p.expected}, got ${p.got}`),
  EMPTY_RANGE: spec('value', (p) => `${p.arg}: the range has no data rows`),
  BAD_ROW: spec('value', (p) => `${p.arg}, row ${p.row}: ${p.detail}`),
  MISSING_COLUMN: spec('value', (p) => `${p.arg}: expected a column "${p.column}" (${p.detail})`),
  DUPLICATE_UPNL: spec('value', (p) => `${p.arg}: ${p.asset} has an upnl in balances and positions settling in it; give one or the other`),
  DUPLICATE_ASSET: spec('value', (p) => `${p.arg}: ${p.asset} appears in more than one row`),
  BAD_SYMBOL: spec('value', (p) => `${p.arg}: cannot tell the quote asset of symbol "${p.symbol}"`),
  NOT_A_CELL: spec('value', (p) => `${p.arg}: expected a single cell, got a range of ${p.rows}×${p.cols} cells`),
  TOO_MANY_ARGUMENTS: spec('value', (p) => `${p.function}: expected at most ${p.max} arguments, got ${p.got}`),
  BAD_WIDTH: spec('value', (p) => `${p.arg}: expected ${p.expected} columns (${p.columns}), got ${p.got}`),
  UNKNOWN_COLUMN: spec('value', (p) => `${p.arg}: unknown column "${p.column}" in the header row; expected ${p.expected}`),
  DUPLICATE_COLUMN: spec('value', (p) => `${p.arg}: the header row names column "${p.column}" twice`),
  NO_POSITION_ROWS: spec(
    'value',
    (p) => `${p.arg}: the range has no data rows; for an account without positions, give the header row (${p.columns}) above blank rows`,
  ),
  RESULT_OUT_OF_RANGE: spec('num', (p) => `the result ${p.value} is beyond the range of a spreadsheet number`),
  INTERNAL_ERROR: spec('value', (p) => `internal error: ${p.detail}`),

  // Presets and assets
  UNKNOWN_EXCHANGE: spec('value', (p) => `exchange: unknown preset "${p.id}"; known: ${p.known}`),
  UNKNOWN_ASSET: spec('na', (p) => `asset: ${p.asset} is not a collateral asset of preset ${p.preset}`),
  UNLISTED_SETTLEMENT: spec(
    'na',
    (p) => `positions: positions settle in ${p.asset}, which is not a collateral asset of preset ${p.preset}`,
  ),
  UNKNOWN_RANGE_ASSET: spec('na', (p) => `${p.arg}, row ${p.row}: ${p.asset} is not a collateral asset of preset ${p.preset}`),
  TIERS_UNPUBLISHED: spec(
    'na',
    (p) =>
      `${p.arg ?? 'asset'}: the ${p.asset} haircut tiers of preset ${p.preset} are unpublished; import the live table or enter the tiers in the task pane`,
  ),
  TIERS_UNPUBLISHED_BEYOND: spec(
    'na',
    (p) =>
      `${p.arg ?? 'amount'}: preset ${p.preset} publishes ${p.asset} tiers only up to ${p.cap} (${p.unit}); the holding reaches ${p.reached}. Import the live table or enter the further tiers`,
  ),
  HAIRCUT_UNPUBLISHED: spec(
    'na',
    (p) => `the auto-exchange haircut of ${p.asset} in preset ${p.preset} is unpublished; import the live table or enter it`,
  ),
  PRICE_NEEDED: spec('value', (p) => `${p.arg ?? 'balances'}: a price for ${p.asset} is needed (positions settle in it)`),
  UNKNOWN_USER_TIER: spec('value', (p) => `user_tier: expected one of ${p.expected}, got ${p.got}`),
  MODE_SWITCH_UNPUBLISHED: spec('na', (p) => `the conditions for switching preset ${p.preset} to ${p.target}-asset mode are unpublished`),
  NO_BRACKETS: spec(
    'na',
    (p) =>
      `${p.arg}, row ${p.row}: ${p.symbol} has no mmr and preset ${p.preset} has no leverage brackets for it; type the position's mmr (and cum), or add brackets for ${p.symbol} to the preset (\`multiasset import EXCHANGE BRACKETS.json --into ${p.preset}\`, the task pane's import, or "brackets": { "${p.symbol}": [...] } in the preset file)`,
  ),
  UNKNOWN_BRACKETS: spec(
    'na',
    (p) =>
      `symbol: preset ${p.preset} has no leverage brackets for ${p.symbol}; import the exchange's bracket table (\`multiasset import EXCHANGE BRACKETS.json --into ${p.preset}\`) or add "brackets": { "${p.symbol}": [...] } to the preset`,
  ),
  BEYOND_BRACKETS: spec(
    'na',
    (p) => `positions: the ${p.symbol} ${p.what} is above the cap ${p.cap} of its last leverage bracket; no bracket is published for it`,
  ),
  INVALID_PRESET: spec('value', (p) => `preset${p.where ? ` ${p.where}` : ''}: ${p.detail}`),
  PRESET_REFUSED: spec(
    'na',
    (p) =>
      `exchange: ${p.which} "${p.id}" is stored in this workbook but was refused when the workbook was read (stored preset ${p.position}: ${p.reason}); choose another preset or save a corrected one under that id`,
  ),

  // Results that do not exist
  LTV_UNBOUNDED: spec('na', () => 'LTV is unbounded: the account has liabilities and no positive collateral'),
  EQUITY_NOT_POSITIVE: spec(
    'na',
    (p) => `margin ratio is unbounded: account equity is ${p.equity} (zero or negative), so the account is in liquidation`,
  ),
  NO_LIQUIDATION_PRICE: spec('na', (p) => `no liquidation price for ${p.asset}: ${p.reason}`),
  ALREADY_LIQUIDATED: spec(
    'na',
    (p) => `no liquidation price for ${p.asset}: the account is already at or beyond liquidation (margin ratio ${p.ratio})`,
  ),
  LIQUIDATION_PRECISION: spec(
    'num',
    (p) =>
      `balances: amounts and prices span too many orders of magnitude (largest term ${p.largest}) for the engine's 60 significant digits to resolve the liquidation price of ${p.asset}; value the far larger holdings apart`,
  ),
  BAD_SHOCK: spec('value', (p) => `shocks, row ${p.row}: expected a relative change above -1 for ${p.asset}, got ${p.got}`),
  SHOCK_UNMATCHED: spec(
    'value',
    (p) => `shocks, row ${p.row}: ${p.asset} is neither in balances nor the base or quote of a position, so the shock would change nothing`,
  ),
  ASSET_NOT_IN_BALANCES: spec(
    'value',
    (p) => `asset: ${p.asset} needs a row in balances (its price comes from there; the amount may be 0)`,
  ),
  NO_TOPUP: spec('na', (p) => `asset: no deposit of ${p.asset} brings the margin ratio to ${p.target}: ${p.reason}`),
  IMR_DISAGREES: spec(
    'value',
    (p) =>
      `imr: the open ${p.symbol} positions disagree on the initial margin rate (${p.rates}), and an exchange sets one leverage per symbol; give the order's imr (e.g. 0.05 for 20x)`,
  ),
  IMR_NEEDED: spec(
    'value',
    (p) =>
      `imr: preset ${p.preset} has no leverage bracket for ${p.symbol}, and no open ${p.symbol} position gives one; give the initial margin rate (e.g. 0.05 for 20x)`,
  ),

  // Live prices (MARGIN.PRICE)
  BAD_PRICE_SYMBOL: spec(
    'value',
    (p) => `symbol_or_asset: expected an asset such as BTC or a symbol such as BTCUSDT or BTC-USDT-SWAP, got ${p.got}`,
  ),
  PRICE_FEED_UNAVAILABLE: spec('na', (p) => `exchange: live prices are not available for preset ${p.preset}; they stream from ${p.feeds}`),
  PRICE_STREAMS_IN_EXCEL: spec(
    'na',
    (p) =>
      `live prices stream in Excel; the command line has no stream for ${p.what} (run with --live for one REST snapshot where the network allows)`,
  ),
  PRICE_NOT_RECEIVED: spec('na', (p) => `${p.what}: none received yet (waiting since ${p.since})`),
  PRICE_STALE: spec('na', (p) => `${p.what}: stale since ${p.since} (no update for more than ${p.maxAge} s)`),
  PRICE_PAUSED: spec('na', (p) => `${p.what}: live prices are paused in the task pane (since ${p.since})`),
  PRICE_SNAPSHOT_FAILED: spec('na', (p) => `${p.what}: the REST snapshot ${p.url} failed (${p.detail})`),
  PRICE_STREAM_WRONG_INSTRUMENT: spec('na', (p) => `${p.what}: ${p.url} sent ${p.got} on this instrument's stream`),
  PRICE_STREAM_BAD_MESSAGE: spec('na', (p) => `${p.what}: ${p.detail}`),
  PRICE_WRONG_INSTRUMENT: spec('na', (p) => `${p.what}: ${p.url} answered for ${p.field} ${p.got}, not the instrument asked for`),
  // The live account (MARGIN.ACCOUNT)
  ACCOUNT_NOT_CONNECTED: spec('na', (p) => `connect ${p.exchange} in the task pane (Connections) to stream the account`),
  ACCOUNT_WAITING: spec('na', (p) => `${p.exchange} account: ${p.detail} (since ${p.since})`),
  ACCOUNT_STALE: spec('na', (p) => `${p.exchange} account: stale since ${p.since} (nothing heard for more than ${p.maxAge} s)`),
  ACCOUNT_REFUSED: spec('na', (p) => `${p.exchange} refused the connection: ${p.detail}`),
  ACCOUNT_STREAMS_IN_EXCEL: spec(
    'na',
    (p) => `the live ${p.exchange} account streams in Excel; on the command line run multiasset account ${p.exchange} --live`,
  ),
  BAD_SNAPSHOT: spec('value', (p) => `${p.exchange} ${p.document}: ${p.detail}`),
  SNAPSHOT_DOCUMENT_UNKNOWN: spec('value', (p) => `${p.exchange}: ${p.detail}; expected ${p.expected}`),

  // Shared by the pane and the command line
  NOT_WHOLE_NUMBER: spec('value', (p) => `${p.arg}: expected a whole number of 0 or more, got ${p.got}`),
  FETCH_FAILED: spec('value', (p) => `endpoint URL: fetching ${p.url} failed (${p.detail}); paste the response JSON instead`),
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** The product's one error type: a code from {@link ERRORS}, its spreadsheet kind and a user-facing message. */
export class MarginError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;

  constructor(code: ErrorCode, params: Params = {}) {
    const entry = ERRORS[code];
    super(entry.message(params));
    this.name = 'MarginError';
    this.code = code;
    this.kind = entry.kind;
  }
}

/** Throws the {@link MarginError} for `code`. */
export function fail(code: ErrorCode, params: Params = {}): never {
  throw new MarginError(code, params);
}

export function isMarginError(error: unknown): error is MarginError {
  return error instanceof MarginError;
}

/**
 * An error of reading positions with one preset's leverage brackets (none for the symbol, or a notional past the
 * last cap): a comparison shows it for that preset alone, in its own row or card.
 */
export function isBracketError(error: unknown): error is MarginError {
  return isMarginError(error) && (error.code === 'NO_BRACKETS' || error.code === 'BEYOND_BRACKETS');
}
