import { el, replaceChildren, uniqueDomId } from '../ui/dom';
import { formatNumbersInText } from '../ui/formatting';
import type { PaneElements } from '../context/elements';
import type { PaneContext } from '../context/paneContext';
import { type BalanceRow, EMPTY_BALANCE, EMPTY_POSITION, type PositionRow } from './scenarioRows';

// Placeholders are words in italics, never figures: a grey "10" in an empty row reads as data.
const BALANCE_FIELDS: readonly (readonly [keyof BalanceRow, string, string])[] = [
  ['asset', 'Asset', 'coin'],
  ['amount', 'Amount', 'units'],
  ['price', 'Price', 'price'],
  ['upnl', 'uPnL', 'optional'],
];

const POSITION_TEXT_FIELDS: readonly (readonly [keyof PositionRow, string, string])[] = [
  ['symbol', 'Symbol', 'e.g. BTCUSDT'],
  ['size', 'Size', 'base units'],
  ['entry', 'Entry', 'price'],
  ['mark', 'Mark', 'price'],
  ['mmr', 'MMR', 'ratio'],
  ['cum', 'Cum', 'blank: 0'],
  ['imr', 'IMR', 'optional'],
];

const CHOICES: Readonly<Partial<Record<keyof PositionRow, readonly string[]>>> = {
  side: ['LONG', 'SHORT', 'BOTH'],
  marginMode: ['cross', 'isolated'],
};

/** Where a grid field sits, for the message that names it (`positions, row 2: size: …`). */
interface FieldPlace {
  readonly grid: 'balances' | 'positions';
  readonly row: number;
  readonly field: string;
}

function placeAttributes(place: FieldPlace): Record<string, string | number> {
  return { 'data-grid': place.grid, 'data-row': place.row, 'data-field': place.field };
}

function textInput(value: string, label: string, placeholder: string, place: FieldPlace, onInput: (v: string) => void): HTMLInputElement {
  const input = el('input', {
    type: 'text',
    'aria-label': label,
    placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
    ...placeAttributes(place),
  });
  input.value = value;
  input.addEventListener('input', () => onInput(input.value));
  return input;
}

/** A remove button: an ✕ in a grid row (its label says which row), or a quiet text button in a card. */
function removeButton(label: string, onClick: () => void, text?: string): HTMLButtonElement {
  const button =
    text === undefined
      ? el('button', { type: 'button', class: 'icon', 'aria-label': label, title: label }, ['✕'])
      : el('button', { type: 'button', class: 'quiet', 'aria-label': label }, [text]);
  button.addEventListener('click', onClick);
  return button;
}

/**
 * One line saying what a position is, for its folded card: size, entry and mark (`1. BTCUSDT LONG 1.5 @ 58,000 →
 * 60,000`), and the mark the shock sliders move it to when they do (`, shocked 54,000`).
 */
export function positionHeadline(row: PositionRow, index: number, shockedMark: string | null = null): string {
  const symbol = row.symbol.trim() === '' ? '(no symbol yet)' : row.symbol.trim();
  const size = row.size.trim() === '' ? '' : ` ${row.size.trim()}`;
  const entry = row.entry.trim();
  const mark = row.mark.trim();
  const prices = entry !== '' && mark !== '' ? ` @ ${entry} → ${mark}` : entry !== '' ? ` @ ${entry}` : mark !== '' ? ` @ ${mark}` : '';
  const line = formatNumbersInText(`${index + 1}. ${symbol} ${row.side}${size}${prices}`);
  const shocked = shockedMark === null ? '' : `, shocked ${shockedMark}`;
  return `${line}${shocked}${row.marginMode === 'isolated' ? ', isolated' : ''}`;
}

export interface ScenarioGrids {
  /** Shows on each folded position the mark the shocks move it to (`null`: not moved). */
  showShockedMarks(markOf: (row: PositionRow) => string | null): void;
  renderBalances(): void;
  renderPositions(): void;
  addBalance(): void;
  addPosition(): void;
}

/** The balances grid and the position cards; which cards are unfolded is kept here, across re-renders. */
export function createScenarioGrids(ctx: PaneContext, els: PaneElements): ScenarioGrids {
  const open = new Set<number>();
  let shockedMarkOf: (row: PositionRow) => string | null = () => null;
  const headline = (row: PositionRow, i: number): string => positionHeadline(row, i, shockedMarkOf(row));

  const renderBalances = (): void => {
    const rows = ctx.scenario.balances;
    const body = rows.map((row, i) =>
      el('tr', {}, [
        ...BALANCE_FIELDS.map(([key, name, placeholder]) =>
          // data-label: the column's name over each field when the grid stacks (200% zoom).
          el('td', { 'data-label': name }, [
            textInput(row[key], `${name}, balance row ${i + 1}`, placeholder, { grid: 'balances', row: i + 1, field: key }, (v) => {
              rows[i] = { ...(rows[i] ?? EMPTY_BALANCE), [key]: v };
              ctx.scenarioChanged();
            }),
          ]),
        ),
        el('td', {}, [
          removeButton(`Remove balance row ${i + 1}`, () => {
            rows.splice(i, 1);
            renderBalances();
            ctx.scenarioChanged();
            // Focus stays in the grid: the row that took this one's place, else the one above, else Add balance.
            const removes = els.balancesGrid.querySelectorAll<HTMLButtonElement>('tbody button');
            (removes[Math.min(i, removes.length - 1)] ?? els.balancesAdd).focus();
          }),
        ]),
      ]),
    );
    replaceChildren(els.balancesGrid, [
      el('table', { class: 'grid', 'aria-labelledby': 'balances-title' }, [
        el('thead', {}, [
          el('tr', {}, [
            ...BALANCE_FIELDS.map(([, name]) => el('th', { scope: 'col' }, [name])),
            el('th', { scope: 'col' }, [el('span', { class: 'visually-hidden' }, ['Remove'])]),
          ]),
        ]),
        el('tbody', {}, body),
      ]),
    ]);
  };

  const choiceField = (i: number, key: 'side' | 'marginMode', label: string, onChange: () => void): HTMLElement => {
    const rows = ctx.scenario.positions;
    const id = uniqueDomId(`position-${key}`);
    const choices = CHOICES[key] ?? [];
    const value = rows[i]?.[key] ?? '';
    // A value read from the sheet that is not a choice stays visible (and is reported), never silently replaced.
    const options = choices.includes(value) ? choices : [value, ...choices];
    const select = el(
      'select',
      { id, ...placeAttributes({ grid: 'positions', row: i + 1, field: key }) },
      options.map((c) => el('option', { value: c }, [c === '' ? '(blank)' : c])),
    );
    select.value = value;
    select.addEventListener('change', () => {
      rows[i] = { ...(rows[i] ?? EMPTY_POSITION), [key]: select.value };
      onChange();
      ctx.scenarioChanged();
    });
    return el('div', { class: 'field' }, [el('label', { for: id }, [label]), select]);
  };

  const positionCard = (row: PositionRow, i: number): HTMLElement => {
    const rows = ctx.scenario.positions;
    const title = el('span', { class: 'position-headline', 'data-index': i }, [headline(row, i)]);
    const retitle = (): void => {
      title.textContent = headline(rows[i] ?? EMPTY_POSITION, i);
    };
    const fields = POSITION_TEXT_FIELDS.map(([key, name, placeholder]) => {
      const input = textInput(row[key], `${name}, position ${i + 1}`, placeholder, { grid: 'positions', row: i + 1, field: key }, (v) => {
        rows[i] = { ...(rows[i] ?? EMPTY_POSITION), [key]: v };
        retitle();
        ctx.scenarioChanged();
      });
      input.id = uniqueDomId(`position-${key}`);
      input.removeAttribute('aria-label');
      return el('div', { class: 'field' }, [el('label', { for: input.id }, [name]), input]);
    });
    const [symbol, ...numbers] = fields;
    const card = el('details', { class: 'position-card', open: open.has(i) }, [
      el('summary', {}, [title]),
      el('fieldset', { class: 'position' }, [
        el('legend', { class: 'visually-hidden' }, [`Position ${i + 1}`]),
        el('div', { class: 'position-grid' }, [
          symbol ?? null,
          choiceField(i, 'side', 'Side', retitle),
          ...numbers,
          choiceField(i, 'marginMode', 'Margin mode', retitle),
        ]),
        el('div', { class: 'actions' }, [
          removeButton(
            `Remove position ${i + 1}`,
            () => {
              rows.splice(i, 1);
              const shifted = [...open].filter((n) => n !== i).map((n) => (n > i ? n - 1 : n));
              open.clear();
              for (const n of shifted) open.add(n);
              renderPositions();
              ctx.scenarioChanged();
              // Focus goes to the card that took this one's place, else the one above, else Add position.
              const cards = els.positionsGrid.querySelectorAll<HTMLElement>('details.position-card > summary');
              (cards[Math.min(i, cards.length - 1)] ?? els.positionsAdd).focus();
            },
            'Remove',
          ),
        ]),
      ]),
    ]);
    card.addEventListener('toggle', () => {
      if (card.open) open.add(i);
      else open.delete(i);
    });
    return card;
  };

  /** The positions: one folding card per position (nine fields do not fit a 320 px wide table row). */
  const renderPositions = (): void => {
    const rows = ctx.scenario.positions;
    if (rows.length === 0) open.clear();
    replaceChildren(
      els.positionsGrid,
      rows.length === 0
        ? [el('p', { class: 'hint' }, ['No positions. Add one, or read a positions range from the sheet.'])]
        : rows.map((row, i) => positionCard(row, i)),
    );
  };

  return {
    showShockedMarks: (markOf) => {
      shockedMarkOf = markOf;
      const rows = ctx.scenario.positions;
      for (const title of els.positionsGrid.querySelectorAll<HTMLElement>('.position-headline')) {
        const i = Number(title.dataset.index);
        const text = headline(rows[i] ?? EMPTY_POSITION, i);
        if (title.textContent !== text) title.textContent = text;
      }
    },
    renderBalances,
    renderPositions,
    /** Adds an empty row to a grid and moves the focus into it. */
    addBalance: () => {
      ctx.scenario.balances.push({ ...EMPTY_BALANCE });
      renderBalances();
      els.balancesGrid.querySelector<HTMLInputElement>('tbody tr:last-child input')?.focus();
    },
    addPosition: () => {
      ctx.scenario.positions.push({ ...EMPTY_POSITION });
      open.add(ctx.scenario.positions.length - 1);
      renderPositions();
      ctx.scenarioChanged();
      const cards = els.positionsGrid.querySelectorAll<HTMLElement>('details.position-card');
      cards[cards.length - 1]?.querySelector<HTMLInputElement>('input')?.focus();
    },
  };
}
