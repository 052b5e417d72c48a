import { el, scrollBox } from './dom';

/** A heading over one column, or over a group of columns each with its own sub-heading (`Notional`: from, to). */
export type TableHeading = string | { readonly group: string; readonly columns: readonly string[] };

/** One body cell: `num` cells are right-aligned and never broken across lines. */
export interface TableCell {
  readonly text: string;
  readonly num: boolean;
}

export interface FoldedTable {
  /** What the block is about, bold in the summary (an asset, a symbol). */
  readonly name: string;
  /** The rest of the summary line, muted (`5 tiers, USDT value`). */
  readonly summary: string;
  /** Attributes of the `<details>` that tests and styles find it by, e.g. `{ 'data-asset': 'BTC' }`. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly tableClass: string;
  readonly caption: string;
  readonly headers: readonly TableHeading[];
  readonly rows: readonly { readonly className?: string; readonly cells: readonly TableCell[] }[];
  /** Lines shown above the table (a caveat, the preset's note). */
  readonly before: readonly (HTMLElement | null)[];
}

/**
 * A read-only table folded in a native `<details>` (keyboard-operable as it is) under a one-line summary, in a
 * box that scrolls on its own if the table is ever wider than the pane. Haircut tiers and leverage brackets
 * both show this way.
 */
export function foldedTable(spec: FoldedTable): HTMLElement {
  const table = el('table', { class: spec.tableClass }, [
    el('caption', {}, [spec.caption]),
    ...headRows(spec.headers),
    el(
      'tbody',
      {},
      spec.rows.map((row) =>
        el(
          'tr',
          { class: row.className },
          row.cells.map((cell) => el('td', { class: cell.num ? 'num' : undefined }, [cell.text])),
        ),
      ),
    ),
  ]);
  return el('details', { class: 'asset', ...spec.attributes }, [
    el('summary', {}, [el('span', { class: 'asset-name' }, [spec.name]), ' ', el('span', { class: 'muted' }, [spec.summary])]),
    ...spec.before,
    scrollBox(spec.caption, table),
  ]);
}

/**
 * The table's column groups and head. Plain headings make one row; grouped ones make two, the group heading
 * spanning its columns (`scope="colgroup"` over a matching `<colgroup>`) and a lone heading spanning both rows, so
 * every column keeps a `scope="col"` heading and a screen reader announces the group with it.
 */
function headRows(headers: readonly TableHeading[]): HTMLElement[] {
  const col = (text: string, rows = 1): HTMLElement => el('th', { scope: 'col', rowspan: rows > 1 ? rows : undefined }, [text]);
  if (headers.every((h): h is string => typeof h === 'string'))
    return [
      el('thead', {}, [
        el(
          'tr',
          {},
          headers.map((h) => col(h)),
        ),
      ]),
    ];
  const groups = headers.map((h) => el('colgroup', { span: typeof h === 'string' ? undefined : h.columns.length }));
  const top = headers.map((h) =>
    typeof h === 'string' ? col(h, 2) : el('th', { scope: 'colgroup', colspan: h.columns.length }, [h.group]),
  );
  const sub = headers.flatMap((h) => (typeof h === 'string' ? [] : h.columns.map((c) => col(c))));
  return [...groups, el('thead', {}, [el('tr', {}, top), el('tr', {}, sub)])];
}
