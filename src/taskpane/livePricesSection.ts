import type { PriceHub } from '../prices/priceHub';
import { el, replaceChildren, say } from './dom';
import type { PaneElements } from './elements';
import { connectionRows, INTERVAL_SECONDS, MAX_AGE_SECONDS, secondsSetting } from './livePricesModel';

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
 * may update and how old a price may get before it shows #N/A.
 */
export function mountLivePricesSection(hub: PriceHub, els: PaneElements): void {
  const container = els.pricesSection;
  const interval = setting('prices-interval', 'Update each cell at most every (seconds)', hub.settings.intervalMs);
  const maxAge = setting('prices-max-age', 'Show #N/A when a price is older than (seconds)', hub.settings.maxAgeMs);
  const pause = el('button', { type: 'button', id: 'prices-pause' }, []);
  const message = el('p', { id: 'prices-error', class: 'error', role: 'alert', hidden: true }, []);
  const status = el('div', { id: 'prices-status', 'aria-live': 'polite' }, []);
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
    pause.textContent = hub.paused ? 'Resume live prices' : 'Pause live prices';
    pause.setAttribute('aria-pressed', String(hub.paused));
  };
  pause.addEventListener('click', () => (hub.paused ? hub.resume() : hub.pause()));

  const apply = (input: HTMLInputElement, arg: string, bounds: { min: number; max: number }, key: 'intervalMs' | 'maxAgeMs') => {
    input.addEventListener('change', () => {
      const out = secondsSetting(input.value, arg, bounds);
      input.setAttribute('aria-invalid', String(!out.ok));
      if (!out.ok) {
        say(message, out.message, 'error');
        return;
      }
      say(message, null);
      hub.configure({ [key]: out.value });
    });
  };
  apply(interval.input, 'interval', INTERVAL_SECONDS, 'intervalMs');
  apply(maxAge.input, 'maximum age', MAX_AGE_SECONDS, 'maxAgeMs');

  hub.onChange(render);
  // The "last message" column moves with every push, which is too often to re-render on; once a second is enough.
  setInterval(render, 1000);
  render();
}
