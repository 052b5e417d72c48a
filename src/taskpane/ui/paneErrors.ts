/**
 * The task pane's own errors: what only the pane asks of the user (a workbook to write to, pasted responses,
 * its settings). They live apart from the engine's table (src/engine/errors.ts), which holds what cells and the
 * command line report; the pane shows both through `messageOf`.
 */
type Params = Record<string, string | number>;

export const PANE_ERRORS = {
  NO_WORKBOOK: (p: Params) => `${p.action}: needs Excel; the task pane is open in a plain browser, so there is no workbook to ${p.verb}`,
  PASTE_NEEDED: () => 'account response: paste the account response (and the positions response) first',
  PASTED_JSON: (p: Params) => `response ${p.box}: ${p.detail}`,
  BAD_PRICE_PAIR: (p: Params) => `prices: expected ASSET=PRICE with a positive price (e.g. BUSD=1), got "${p.got}"`,
  BAD_PRICE_SETTING: (p: Params) => `${p.arg}: expected a number of seconds from ${p.min} to ${p.max}, got ${p.got}`,
} as const satisfies Record<string, (p: Params) => string>;

export type PaneErrorCode = keyof typeof PANE_ERRORS;

/** An error of the pane's own table: a code and the message the pane shows. */
export class PaneError extends Error {
  readonly code: PaneErrorCode;

  constructor(code: PaneErrorCode, params: Params = {}) {
    super(PANE_ERRORS[code](params));
    this.name = 'PaneError';
    this.code = code;
  }
}

/** Throws the {@link PaneError} for `code`. */
export function paneFail(code: PaneErrorCode, params: Params = {}): never {
  throw new PaneError(code, params);
}

export function isPaneError(error: unknown): error is PaneError {
  return error instanceof PaneError;
}
