import { byId, el, replaceChildren, uniqueDomId } from './dom';
import type { PaneContext } from './paneContext';
import { type BalanceRow, EMPTY_BALANCE, EMPTY_POSITION, type PositionRow } from './scenarioRows';

const BALANCE_FIELDS: readonly (readonly [keyof BalanceRow, string, string])[] = [
  ['asset', 'Asset', 'BTC'],
  ['amount', 'Amount', '10'],
  ['price', 'Price', '60000'],
  ['upnl', 'uPnL', ''],
];

const POSITION_TEXT_FIELDS: readonly (readonly [keyof PositionRow, string, string])[] = [
  ['symbol', 'Symbol', 'BTCUSDT'],
  ['size', 'Size', '1'],
  ['entry', 'Entry', '60000'],
  ['mark', 'Mark', '60000'],
  ['mmr', 'MMR', '0.004'],
  ['cum', 'Cum', '0'],
  ['imr', 'IMR', ''],
];

const CHOICES: Readonly<Partial<Record<keyof PositionRow, readonly string[]>>> = {
  side: ['LONG', 'SHORT', 'BOTH'],
  marginMode: ['cross', 'isolated'],
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

/** The balances grid: one table row per asset, every input labelled with its column and row. */
export function renderBalances(ctx: PaneContext): void {
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
          renderBalances(ctx);
          ctx.scenarioChanged();
        }),
      ]),
    ]),
  );
  replaceChildren(byId('balances-grid', HTMLElement), [
    el('table', { class: 'grid', 'aria-labelledby': 'balances-title' }, [
      el('thead', {}, [
        el('tr', {}, [...BALANCE_FIELDS.map(([, name]) => el('th', { scope: 'col' }, [name])), el('th', { scope: 'col' }, [el('span', { class: 'visually-hidden' }, ['Remove'])])]),
      ]),
      el('tbody', {}, body),
    ]),
  ]);
}

function choiceField(ctx: PaneContext, i: number, key: 'side' | 'marginMode', label: string): HTMLElement {
  const rows = ctx.scenario.positions;
  const id = uniqueDomId(`position-${key}`);
  const choices = CHOICES[key] ?? [];
  const value = rows[i]?.[key] ?? '';
  // A value read from the sheet that is not a choice stays visible (and is reported), never silently replaced.
  const options = choices.includes(value) ? choices : [value, ...choices];
  const select = el('select', { id }, options.map((c) => el('option', { value: c }, [c === '' ? '(blank)' : c])));
  select.value = value;
  select.addEventListener('change', () => {
    rows[i] = { ...(rows[i] ?? EMPTY_POSITION), [key]: select.value };
    ctx.scenarioChanged();
  });
  return el('div', { class: 'field' }, [el('label', { for: id }, [label]), select]);
}

function positionCard(ctx: PaneContext, row: PositionRow, i: number): HTMLElement {
  const rows = ctx.scenario.positions;
  const fields = POSITION_TEXT_FIELDS.map(([key, name, placeholder]) => {
    const input = textInput(row[key], `${name}, position ${i + 1}`, placeholder, (v) => {
      rows[i] = { ...(rows[i] ?? EMPTY_POSITION), [key]: v };
      ctx.scenarioChanged();
    });
    input.id = uniqueDomId(`position-${key}`);
    input.removeAttribute('aria-label');
    return el('div', { class: 'field' }, [el('label', { for: input.id }, [name]), input]);
  });
  const [symbol, ...numbers] = fields;
  return el('fieldset', { class: 'position' }, [
    el('legend', {}, [`Position ${i + 1}`]),
    el('div', { class: 'position-grid' }, [
      symbol ?? null,
      choiceField(ctx, i, 'side', 'Side'),
      ...numbers,
      choiceField(ctx, i, 'marginMode', 'Margin mode'),
    ]),
    el('div', { class: 'actions' }, [
      removeButton(
        `Remove position ${i + 1}`,
        () => {
          rows.splice(i, 1);
          renderPositions(ctx);
          ctx.scenarioChanged();
        },
        'Remove',
      ),
    ]),
  ]);
}

/** The positions: one labelled card per position (nine fields do not fit a 320 px wide table row). */
export function renderPositions(ctx: PaneContext): void {
  const rows = ctx.scenario.positions;
  replaceChildren(
    byId('positions-grid', HTMLElement),
    rows.length === 0 ? [el('p', { class: 'hint' }, ['No positions. Add one, or read a positions range from the sheet.'])] : rows.map((row, i) => positionCard(ctx, row, i)),
  );
}

/** Adds an empty row to a grid and moves the focus into it. */
export function addBalance(ctx: PaneContext): void {
  ctx.scenario.balances.push({ ...EMPTY_BALANCE });
  renderBalances(ctx);
  const inputs = byId('balances-grid', HTMLElement).querySelectorAll<HTMLInputElement>('tbody tr:last-child input');
  inputs[0]?.focus();
}

export function addPosition(ctx: PaneContext): void {
  ctx.scenario.positions.push({ ...EMPTY_POSITION });
  renderPositions(ctx);
  ctx.scenarioChanged();
  const cards = byId('positions-grid', HTMLElement).querySelectorAll<HTMLElement>('fieldset.position');
  cards[cards.length - 1]?.querySelector<HTMLInputElement>('input')?.focus();
}
