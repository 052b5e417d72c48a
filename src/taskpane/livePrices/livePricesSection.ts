import type { PriceHub, PriceSettings } from '../../prices/priceHub';
import { announcerFor, el, replaceChildren, say } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import type { ConnectionState } from '../../prices/feedConnection';
import { connectionChanges, connectionRows, INTERVAL_SECONDS, MAX_AGE_SECONDS, secondsSetting } from './livePricesModel';
import { loadPriceSettingsWhenOpen } from '../workbook/livePricesSettings';
import type { WorkbookIo } from '../workbook/workbookIo';

function connections(hub: PriceHub): HTMLUListElement {
  const items = connectionRows(hub.status()).map((r) =>
    el('li', { 'data-exchange': r.exchange }, [
      el('strong', {}, [r.exchange]),
      ' ',
      el('span', { class: `badge band-${r.tone}`, 'data-state': '' }, [r.state]),
      el('p', { class: 'detail' }, [r.detail]),
    ]),
  );
  return el('ul', { id: 'prices-connections', class: 'rules', 'aria-label': 'Exchange connections' }, items);
}

function setting(id: string, label: string, value: number): { field: HTMLElement; input: HTMLInputElement } {
  const input = el('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: String(value / 1000) });
  return { field: el('div', { class: 'field' }, [el('label', { for: id }, [label]), input]), input };
}

/**
 * The "Live prices" section: each exchange's connection, pause and resume, and how often a MARGIN.PRICE cell
 * may update and how old a price may get before it shows #N/A. A valid change applies to the hub at once and is
 * saved in the workbook (setting multiasset.livePrices); the fields show the hub's settings, which the workbook's
 * stored ones configured when it opened.
 */
export function mountLivePricesSection(hub: PriceHub, els: PaneElements, io: Pick<WorkbookIo, 'savePriceSettings'>): void {
  loadPriceSettingsWhenOpen(hub);
  const container = els.pricesSection;
  const interval = setting('prices-interval', 'Update each cell at most every (seconds)', hub.settings.intervalMs);
  const maxAge = setting('prices-max-age', 'Show #N/A when a price is older than (seconds)', hub.settings.maxAgeMs);
  const pause = el('button', { type: 'button', id: 'prices-pause' }, []);
  const message = el('p', { id: 'prices-error', class: 'error', role: 'alert', hidden: true }, []);
  // Not live: it is redrawn every second. A change of state is said once, through the announcer.
  const status = el('div', { id: 'prices-status' }, []);
  const announcer = announcerFor(els.announcer);
  const seen = new Map<string, ConnectionState>();
  replaceChildren(container, [
    el('p', { class: 'hint' }, [
      'MARGIN.PRICE cells stream from the exchanges\u2019 public websockets: one connection per exchange, shared by every cell. An exchange is idle while no cell streams from it.',
    ]),
    status,
    el('div', { class: 'actions' }, [pause]),
    interval.field,
    maxAge.field,
    message,
  ]);

  const render = (): void => {
    replaceChildren(status, [connections(hub)]);
    const changes = connectionChanges(seen, hub.status());
    if (changes !== null) announcer.now(changes);
    pause.textContent = hub.paused ? 'Resume live prices' : 'Pause live prices';
    pause.setAttribute('aria-pressed', String(hub.paused));
  };
  pause.addEventListener('click', () => (hub.paused ? hub.resume() : hub.pause()));

  // What each field shows, so that a change made elsewhere (the workbook's settings loading) reaches the field
  // while the text the user typed stays as typed.
  const shown: Record<keyof PriceSettings, number> = { ...hub.settings };
  const fields: Record<keyof PriceSettings, HTMLInputElement> = { intervalMs: interval.input, maxAgeMs: maxAge.input };
  const showSettings = (): void => {
    for (const key of ['intervalMs', 'maxAgeMs'] as const) {
      if (hub.settings[key] === shown[key]) continue;
      shown[key] = hub.settings[key];
      fields[key].value = String(shown[key] / 1000);
      fields[key].setAttribute('aria-invalid', 'false');
    }
  };

  const apply = (arg: string, bounds: { min: number; max: number }, key: keyof PriceSettings) => {
    const input = fields[key];
    input.addEventListener('change', () => {
      const out = secondsSetting(input.value, arg, bounds);
      input.setAttribute('aria-invalid', String(!out.ok));
      if (!out.ok) {
        say(message, out.message, 'error');
        return;
      }
      say(message, null);
      shown[key] = out.value;
      hub.configure({ [key]: out.value });
      io.savePriceSettings({ [key]: out.value }).catch((error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        say(message, `${arg}: ${out.value / 1000} s applies now, but was not saved in the workbook: ${detail}`, 'error');
      });
    });
  };
  apply('interval', INTERVAL_SECONDS, 'intervalMs');
  apply('maximum age', MAX_AGE_SECONDS, 'maxAgeMs');

  hub.onChange(() => {
    showSettings();
    render();
  });
  // The "last message" column moves with every push, which is too often to re-render on; once a second is enough.
  setInterval(render, 1000);
  render();
}
