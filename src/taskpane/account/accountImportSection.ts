import type { AccountExchange, SnapshotTable } from '../../presets';
import { accountImportView, type AccountImportResult } from './accountImportModel';
import { writeAccountTables } from '../workbook/accountTablesIo';
import { announcerFor, el, labelled, replaceChildren, say, scrollBox } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import { messageOf } from '../ui/outcome';
import type { PaneContext } from '../context/paneContext';

const EXCHANGES: readonly { readonly id: AccountExchange; readonly label: string; readonly endpoints: string }[] = [
  { id: 'binance', label: 'Binance', endpoints: 'GET /fapi/v2/account (or v3) and GET /fapi/v2/positionRisk' },
  {
    id: 'okx',
    label: 'OKX',
    endpoints:
      'GET /api/v5/account/balance and GET /api/v5/account/positions, followed in the same box by GET /api/v5/public/instruments (the contract values, ctVal)',
  },
  { id: 'bybit', label: 'Bybit', endpoints: 'GET /v5/account/wallet-balance and GET /v5/position/list' },
  {
    id: 'bitget',
    label: 'Bitget',
    endpoints: 'GET /api/v2/mix/account/accounts (or /account) and GET /api/v2/mix/position/all-position',
  },
];

function tableNode(caption: string, rows: SnapshotTable, id: string): HTMLElement {
  const [header = [], ...body] = rows;
  return scrollBox(
    caption,
    el('table', { id, class: 'results wide' }, [
      el('caption', {}, [caption]),
      el('thead', {}, [
        el(
          'tr',
          {},
          header.map((h) => el('th', { scope: 'col' }, [String(h)])),
        ),
      ]),
      el(
        'tbody',
        {},
        body.map((row) =>
          el(
            'tr',
            {},
            row.map((cell) => el('td', {}, [cell === null ? '' : String(cell)])),
          ),
        ),
      ),
    ]),
  );
}

function resultNodes(result: AccountImportResult): HTMLElement[] {
  return [
    tableNode('Balances', result.balances, 'account-balances'),
    tableNode('Positions', result.positions, 'account-positions'),
    tableNode(
      `Reconciliation: ours by ${result.presetLabel}; the exchange's money figures in ${result.unit}`,
      result.reconciliation,
      'account-reconciliation',
    ),
    el(
      'ul',
      { class: 'notes', id: 'account-notes', 'aria-label': 'Notes on the import' },
      result.notes.map((n) => el('li', {}, [n])),
    ),
  ];
}

/**
 * The "Account snapshot" part of the Import section: paste the exchange's own account and position
 * responses, see the balances and positions tables and the reconciliation, write them to the sheet. It builds
 * its own elements inside the Import panel, so the page needs no markup for it.
 */
export function mountAccountImportSection(ctx: PaneContext, els: PaneElements): void {
  const exchange = el(
    'select',
    { id: 'account-exchange' },
    EXCHANGES.map((e) => el('option', { value: e.id }, [e.label])),
  );
  const endpoints = el('p', { class: 'hint', id: 'account-endpoints' });
  const first = el('textarea', { id: 'account-response-1', rows: 5, spellcheck: 'false' });
  const second = el('textarea', { id: 'account-response-2', rows: 5, spellcheck: 'false' });
  const prices = el('input', { id: 'account-prices', type: 'text', autocomplete: 'off', placeholder: 'e.g. BUSD=1' });
  const show = el('button', { type: 'button', id: 'account-show' }, ['Show tables']);
  const write = el('button', { type: 'button', id: 'account-write', class: 'primary', disabled: true }, ['Write tables to sheet']);
  const status = el('p', { id: 'account-status', class: 'notice', role: 'status', hidden: true });
  const error = el('p', { id: 'account-error', class: 'error', role: 'alert', hidden: true });
  const output = el('div', { id: 'account-output' });
  const announcer = announcerFor(els.announcer);
  let last: AccountImportResult | null = null;

  const current = () => EXCHANGES.find((e) => e.id === exchange.value) ?? EXCHANGES[0];
  const describe = () => {
    endpoints.textContent = `Paste the responses of ${current()?.endpoints ?? ''}. No API keys: fetch them with your own tools.`;
  };
  const render = () => {
    const id = current()?.id ?? 'binance';
    const preset = ctx.registry.has(id) ? ctx.registry.resolve(id) : ctx.registry.resolve();
    const view = accountImportView(preset, { exchange: id, responses: [first.value, second.value], prices: prices.value });
    last = view.ok ? view.value : null;
    write.disabled = last === null;
    say(error, view.ok ? null : view.message, 'error');
    replaceChildren(output, view.ok ? resultNodes(view.value) : []);
    if (view.ok) {
      const rows = (t: SnapshotTable): number => Math.max(0, t.length - 1);
      announcer.now(`Shown: ${rows(view.value.balances)} balance rows, ${rows(view.value.positions)} positions and the reconciliation.`);
    }
  };
  const writeTables = async () => {
    if (last === null) return;
    const tables = [
      { name: 'Balances', rows: last.balances },
      { name: 'Positions', rows: last.positions },
      { name: 'Reconciliation', rows: last.reconciliation },
    ];
    try {
      const sheet = await writeAccountTables(ctx.io, { exchange: current()?.id ?? 'account', tables });
      say(status, `Wrote the three tables to the sheet "${sheet}".`, 'ok');
    } catch (e) {
      say(status, messageOf(e), 'error');
    }
  };

  exchange.addEventListener('change', () => {
    describe();
    render();
  });
  show.addEventListener('click', render);
  write.addEventListener('click', () => void writeTables());
  describe();
  els.panelImport.append(
    el('section', { id: 'account-import', 'aria-labelledby': 'account-import-title' }, [
      el('h2', { id: 'account-import-title' }, ['Account snapshot']),
      labelled('Exchange of the account', exchange),
      endpoints,
      labelled('Account response', first),
      labelled('Positions response', second),
      labelled('Prices the responses leave out (ASSET=PRICE)', prices),
      el('div', { class: 'actions' }, [show, write]),
      error,
      status,
      output,
    ]),
  );
}
