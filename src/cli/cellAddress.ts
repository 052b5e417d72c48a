/** A1 notation for 0-based rows and columns, as keys (`Sheet!A1`) and in workbook ranges. */

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export interface CellBox {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** `B2:E7` (or `B2`) as a 0-based box; undefined when the text is no A1 range. */
export function parseRange(ref: string): CellBox | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const colOf = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  const col = colOf(m[1] ?? 'A');
  const endRow = m[4] === undefined ? row : Number(m[4]) - 1;
  const endCol = m[3] === undefined ? col : colOf(m[3]);
  return { row, col, rows: endRow - row + 1, cols: endCol - col + 1 };
}

export function rangeText(box: CellBox): string {
  const start = a1(box.row, box.col);
  return box.rows === 1 && box.cols === 1 ? start : `${start}:${a1(box.row + box.rows - 1, box.col + box.cols - 1)}`;
}
