/**
 * What a reader made of each row of a response, kept by the row object itself, so that reading the same responses
 * again after a change reads only the rows that changed. A private stream's event patches a row or two of the held
 * responses: the appliers (`live/stream/accountDocuments`) put a new object in place of each changed row and keep
 * every other row object as it was, and no row object is ever changed in place. So a row object seen before reads
 * as it read then.
 *
 * Only what a row alone decides is kept (never what depends on other rows, prices or options), and only readings
 * that succeeded: a refused row is read, and refused with its current path, every time.
 */
export class RowMemo implements RowReading {
  private readonly kept = new Map<string, WeakMap<object, unknown>>();

  /** `read()`'s result for `row` under `reader` (one name per kind of row and reading), read once per row object. */
  row<T>(reader: string, row: unknown, read: () => T): T {
    if (typeof row !== 'object' || row === null) return read();
    let byRow = this.kept.get(reader);
    if (byRow === undefined) {
      byRow = new WeakMap();
      this.kept.set(reader, byRow);
    }
    if (byRow.has(row)) return byRow.get(row) as T;
    const value = read();
    byRow.set(row, value);
    return value;
  }
}

/** How a reader reads a row: through a {@link RowMemo}, or afresh ({@link NO_MEMO}). */
export interface RowReading {
  row<T>(reader: string, row: unknown, read: () => T): T;
}

/** No memo: every row is read (a pasted snapshot is read once). */
export const NO_MEMO: RowReading = { row: (_reader, _row, read) => read() };
