import { streamAccount } from '../../src/functions/streamAccount';
import type { AccountHub } from '../../src/live/stream';
import { StubExcelError } from './customFunctionsStub';

/**
 * Two streaming MARGIN.ACCOUNT cells of one exchange, its balances and its positions, invoked as Excel invokes
 * them: every value each cell was given, in order, and the last as a test reads it (an error as "CODE message").
 */
export interface AccountCells {
  /** Every value given to the balances cell (0) and the positions cell (1). */
  readonly shown: readonly unknown[][];
  last(cell: 0 | 1): unknown;
  /** Cancels both cells, as Excel does when their formulas are deleted. */
  cancel(): void;
}

export function watchAccountCells(hub: AccountHub, exchange: string): AccountCells {
  const shown: unknown[][] = [[], []];
  const cancels = (['balances', 'positions'] as const).map((part, i) => {
    const invocation = { setResult: (v: unknown) => shown[i]?.push(v), onCanceled: undefined as undefined | (() => void) };
    streamAccount([exchange, part], invocation, hub);
    return () => invocation.onCanceled?.();
  });
  return {
    shown,
    last: (cell) => {
      const value = shown[cell]?.[shown[cell].length - 1];
      return value instanceof StubExcelError ? `${value.code} ${value.message ?? ''}` : value;
    },
    cancel: () => {
      for (const cancel of cancels) cancel();
    },
  };
}
