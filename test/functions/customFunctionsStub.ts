/**
 * `CustomFunctions` as Excel defines it (see @types/custom-functions-runtime): an `Error(code, message?)` class
 * and the `ErrorCode` strings Excel shows. Excel is not here, so the functions' host object is this stand-in.
 */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export class StubExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Installs the stand-in as the global `CustomFunctions` the adapters use. */
export function installCustomFunctions(): void {
  Object.assign(globalThis, {
    CustomFunctions: { Error: StubExcelError, ErrorCode: ERROR_CODES, associate: () => undefined },
  });
}

/** What a cell shows for a custom function call: its value, or the error it threw. */
export type Shown = { value: unknown } | { error: string; message: string | undefined };

export function shown(call: () => unknown): Shown {
  try {
    return { value: call() };
  } catch (error) {
    if (error instanceof StubExcelError) return { error: error.code, message: error.message };
    throw error;
  }
}
