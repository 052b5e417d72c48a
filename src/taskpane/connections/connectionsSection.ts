import type { KeyCheck } from '../../live/readOnlyKey';
import type { LiveExchange } from '../../live/liveExchange';
import { EXCHANGE_NAMES, NEEDS_PASSPHRASE } from '../../live/liveExchange';
import type { Credentials } from '../../live/signers';
import type { AccountHub } from '../../live/stream/accountHub';
import { ACCOUNT_EXCHANGES } from '../../presets/account/snapshot';
import { el, replaceChildren, say } from '../ui/dom';
import { messageOf } from '../ui/outcome';
import { checkLine, readKeyFields, statusLine } from './connectionsModel';
import type { KeyStore } from './keyStore';

export interface ConnectionsDeps {
  readonly hub: AccountHub;
  readonly keyStore: KeyStore;
  /** Asks the exchange what the key may do (its read-only check). */
  readonly checkKey: (exchange: LiveExchange, credentials: Credentials) => Promise<KeyCheck>;
}

interface Row {
  readonly exchange: LiveExchange;
  readonly key: HTMLInputElement;
  readonly secret: HTMLInputElement;
  readonly passphrase: HTMLInputElement | null;
  readonly remember: HTMLInputElement;
  readonly connect: HTMLButtonElement;
  readonly forget: HTMLButtonElement;
  readonly state: HTMLElement;
  readonly detail: HTMLElement;
  readonly check: HTMLElement;
  readonly message: HTMLElement;
}

const secretInput = (id: string): HTMLInputElement =>
  // Password fields: never echoed on screen, never offered to the browser's form memory.
  el('input', { id, type: 'password', autocomplete: 'off', spellcheck: 'false' });

function field(id: string, label: string, input: HTMLInputElement): HTMLElement {
  return el('div', { class: 'field' }, [el('label', { for: id }, [label]), input]);
}

function exchangeRow(exchange: LiveExchange, where: string | null): { node: HTMLElement; row: Row } {
  const id = (name: string) => `conn-${exchange}-${name}`;
  const key = el('input', { id: id('key'), type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const secret = secretInput(id('secret'));
  const passphrase = NEEDS_PASSPHRASE[exchange] ? secretInput(id('passphrase')) : null;
  const remember = el('input', { id: id('remember'), type: 'checkbox' });
  if (where === null) remember.disabled = true;
  const connect = el('button', { type: 'button', id: id('connect') }, ['Connect']);
  const forget = el('button', { type: 'button', id: id('forget') }, ['Forget']);
  const state = el('span', { class: 'badge band-idle', 'data-state': '' }, ['not connected']);
  const detail = el('p', { class: 'detail', id: id('status') }, []);
  const check = el('p', { class: 'detail', id: id('check') }, []);
  const message = el('p', { class: 'error', role: 'alert', id: id('error'), hidden: true }, []);
  const node = el('fieldset', { class: 'connection', 'data-exchange': exchange }, [
    el('legend', {}, [EXCHANGE_NAMES[exchange], ' ', state]),
    field(id('key'), 'API key', key),
    field(id('secret'), 'Secret', secret),
    passphrase === null ? null : field(id('passphrase'), 'Passphrase', passphrase),
    el('div', { class: 'field checkbox' }, [
      remember,
      el('label', { for: id('remember') }, [
        where === null ? 'Remember on this computer (not available here)' : 'Remember on this computer',
      ]),
    ]),
    el('div', { class: 'actions' }, [connect, forget]),
    detail,
    check,
    message,
  ]);
  return { node, row: { exchange, key, secret, passphrase, remember, connect, forget, state, detail, check, message } };
}

/**
 * The "Connections" section: per exchange a read-only API key (key, secret, passphrase where needed), Connect and
 * Forget, and the connection's status. Keys live in memory for the session; "Remember on this computer" keeps
 * them in the add-in's own per-user storage, and the section says where. A key never reaches the workbook, its
 * settings, the page's text or an error: the fields are cleared once connected.
 */
export function mountConnectionsSection(container: HTMLElement, deps: ConnectionsDeps): void {
  const { hub, keyStore } = deps;
  const built = ACCOUNT_EXCHANGES.map((exchange) => exchangeRow(exchange, keyStore.where));
  const rows = built.map((b) => b.row);
  replaceChildren(container, [
    el('p', { class: 'hint' }, [
      'MARGIN.ACCOUNT("binance") streams the account of the exchange connected here. Use a read-only key. Keys stay in memory for this session',
      keyStore.where === null
        ? '; this host cannot remember them.'
        : `, or, when you tick "Remember on this computer", in ${keyStore.where}.`,
    ]),
    ...built.map((b) => b.node),
  ]);

  const render = (): void => {
    const statuses = hub.status();
    for (const row of rows) {
      const status = statuses.find((s) => s.exchange === row.exchange);
      if (status === undefined) continue;
      const line = statusLine(status, hub.isConnected(row.exchange));
      row.state.textContent = line.state;
      row.state.className = `badge band-${line.tone}`;
      row.detail.textContent = line.detail;
    }
  };
  hub.onChange(render);
  render();

  const clearFields = (row: Row): void => {
    row.key.value = '';
    row.secret.value = '';
    if (row.passphrase) row.passphrase.value = '';
  };

  const connectWith = async (row: Row, credentials: Credentials, remember: boolean): Promise<void> => {
    say(row.message, null);
    row.check.textContent = 'Checking the key\u2019s permissions\u2026';
    let line;
    try {
      line = checkLine(await deps.checkKey(row.exchange, credentials));
    } catch (error) {
      line = checkLine({ failed: messageOf(error) });
    }
    row.check.textContent = line.text;
    if (line.refuse) return;
    hub.connect(row.exchange, credentials);
    clearFields(row);
    if (remember) {
      try {
        await keyStore.save(row.exchange, credentials);
        row.check.textContent = `${line.text}. Remembered in ${keyStore.where ?? 'this session only'}.`;
      } catch (error) {
        say(row.message, `Not remembered: ${messageOf(error)}`, 'error');
      }
    } else {
      await keyStore.remove(row.exchange);
    }
  };

  for (const row of rows) {
    row.connect.addEventListener('click', () => {
      const read = readKeyFields(row.exchange, {
        key: row.key.value,
        secret: row.secret.value,
        passphrase: row.passphrase?.value ?? '',
      });
      if ('problem' in read) {
        say(row.message, read.problem, 'error');
        return;
      }
      void connectWith(row, read, row.remember.checked);
    });
    row.forget.addEventListener('click', () => {
      hub.forget(row.exchange);
      clearFields(row);
      row.remember.checked = false;
      row.check.textContent = '';
      say(row.message, null);
      keyStore
        .remove(row.exchange)
        .catch((error: unknown) => say(row.message, `Not forgotten on this computer: ${messageOf(error)}`, 'error'));
    });
  }

  // Keys remembered on this computer connect again when the pane opens.
  for (const row of rows) {
    keyStore
      .load(row.exchange)
      .then((credentials) => {
        if (credentials === null || hub.isConnected(row.exchange)) return;
        row.remember.checked = true;
        return connectWith(row, credentials, true);
      })
      .catch((error: unknown) => say(row.message, `Remembered key unreadable: ${messageOf(error)}`, 'error'));
  }
}
