import { el, replaceChildren, uniqueDomId } from '../ui/dom';
import { formatNumbersInText } from '../ui/formatting';
import type { PaneElements } from '../context/elements';
import type { PaneContext } from '../context/paneContext';
import { type BalanceGridRow, EMPTY_BALANCE, EMPTY_POSITION, type PositionGridRow } from '../context/scenarioState';

// Placeholders are words in italics, never figures: a grey "10" in an empty row reads as data.
const BALANCE_FIELDS: readonly (readonly [keyof BalanceGridRow, string, string])[] = [
  ['asset', 'Asset', 'coin'],
  ['amount', 'Amount', 'units'],
  ['price', 'Price', 'price'],
  ['upnl', 'uPnL', 'optional'],
];

const POSITION_TEXT_FIELDS: readonly (readonly [keyof PositionGridRow, string, string])[] = [
  ['symbol', 'Symbol', 'e.g. BTCUSDT'],
  ['size', 'Size', 'base units'],
  ['entry', 'Entry', 'price'],
  ['mark', 'Mark', 'price'],
  ['mmr', 'MMR', 'ratio'],
  ['cum', 'Cum', 'blank: 0'],
  ['imr', 'IMR', 'optional'],
];

const CHOICES: Readonly<Partial<Record<keyof PositionGridRow, readonly string[]>>> = {
  side: ['LONG', 'SHORT', 'BOTH'],
  margin_mode: ['cross', 'isolated'],
};

function textInput(value: string, label: string, placeholder: string, onInput: (v: string) => void): HTMLInputElement {
  const input = el('input', { type: 'text', 'aria-label': label, placeholder, autocomplete: 'off', spellcheck: 'false' });
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

/** One line saying what a position is, for its folded card: `BTCUSDT LONG 1 @ 60000, cross`. */
export function positionHeadline(row: PositionGridRow, index: number): string {
  const symbol = row.symbol.trim() === '' ? '(no symbol yet)' : row.symbol.trim();
  const size = row.size.trim() === '' ? '' : ` ${row.size.trim()}`;
  const mark = row.mark.trim() === '' ? '' : ` @ ${row.mark.trim()}`;
  return formatNumbersInText(`${index + 1}. ${symbol} ${row.side}${size}${mark}${row.margin_mode === 'isolated' ? ', isolated' : ''}`);
}

export interface ScenarioGrids {
  renderBalances(): void;
  renderPositions(): void;
  addBalance(): void;
  addPosition(): void;
}

/** The balances grid and the position cards; which cards are unfolded is kept here, across re-renders. */
export function createScenarioGrids(ctx: PaneContext, els: PaneElements): ScenarioGrids {
  const open = new Set<number>();

  const renderBalances = (): void => {
    const rows = ctx.scenario.balances;
    const body = rows.map((row, i) =>
      el('tr', {}, [
        ...BALANCE_FIELDS.map(([key, name, placeholder]) =>
          el('td', {}, [
            textInput(row[key], `${name}, balance row ${i + 1}`, placeholder, (v) => {
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

  const choiceField = (i: number, key: 'side' | 'margin_mode', label: string, onChange: () => void): HTMLElement => {
    const rows = ctx.scenario.positions;
    const id = uniqueDomId(`position-${key}`);
    const choices = CHOICES[key] ?? [];
    const value = rows[i]?.[key] ?? '';
    // A value read from the sheet that is not a choice stays visible (and is reported), never silently replaced.
    const options = choices.includes(value) ? choices : [value, ...choices];
    const select = el(
      'select',
      { id },
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

  const positionCard = (row: PositionGridRow, i: number): HTMLElement => {
    const rows = ctx.scenario.positions;
    const headline = el('span', { class: 'position-headline' }, [positionHeadline(row, i)]);
    const retitle = (): void => {
      headline.textContent = positionHeadline(rows[i] ?? EMPTY_POSITION, i);
    };
    const fields = POSITION_TEXT_FIELDS.map(([key, name, placeholder]) => {
      const input = textInput(row[key], `${name}, position ${i + 1}`, placeholder, (v) => {
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
      el('summary', {}, [headline]),
      el('fieldset', { class: 'position' }, [
        el('legend', { class: 'visually-hidden' }, [`Position ${i + 1}`]),
        el('div', { class: 'position-grid' }, [
          symbol ?? null,
          choiceField(i, 'side', 'Side', retitle),
          ...numbers,
          choiceField(i, 'margin_mode', 'Margin mode', retitle),
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
