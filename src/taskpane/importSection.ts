import { IMPORT_EXCHANGES, type ImportExchange } from '../presets';
import { byId, el, replaceChildren, say } from './dom';
import { defaultEndpoint, fetchResponseText, type ImportPreview, previewImport } from './importModel';
import { messageOf } from './outcome';
import type { PaneContext } from './paneContext';
import { today } from './presetsSection';

const EXCHANGE_NAMES: Readonly<Record<ImportExchange, string>> = {
  binance: 'Binance (assetIndex)',
  bitget: 'Bitget (discount-rate)',
  okx: 'OKX (discount-rate-interest-free-quota)',
  bybit: 'Bybit (spot-margin-trade/collateral)',
};

let preview: ImportPreview | null = null;

function exchange(): ImportExchange {
  const value = byId('import-exchange', HTMLSelectElement).value;
  return IMPORT_EXCHANGES.find((e) => e === value) ?? 'binance';
}

function clearPreview(): void {
  preview = null;
  byId('import-apply', HTMLButtonElement).disabled = true;
  replaceChildren(byId('import-diff', HTMLElement), []);
}

function renderPreview(p: ImportPreview): void {
  const heading = `${p.imported.name}: ${p.lines.length} change${p.lines.length === 1 ? '' : 's'} against ${p.before.name} (${p.before.id})`;
  const action = p.replaces ? `Apply replaces custom preset "${p.imported.id}".` : `Apply adds custom preset "${p.imported.id}" and makes it the default.`;
  replaceChildren(byId('import-diff', HTMLElement), [
    el('h3', {}, [heading]),
    el('p', { class: 'hint' }, [action]),
    p.lines.length === 0
      ? el('p', {}, ['Nothing changes: the table matches the current preset.'])
      : el(
          'ul',
          { id: 'import-changes' },
          p.lines.map((l) => el('li', {}, [el('strong', {}, [l.what]), el('br'), `${l.before} → ${l.after}`])),
        ),
  ]);
}

function showChanges(ctx: PaneContext): void {
  clearPreview();
  say(byId('import-status', HTMLElement), null);
  const out = previewImport(ctx.registry, exchange(), byId('import-json', HTMLTextAreaElement).value, today());
  if (!out.ok) {
    say(byId('import-error', HTMLElement), out.message, 'error');
    return;
  }
  say(byId('import-error', HTMLElement), null);
  preview = out.value;
  renderPreview(out.value);
  byId('import-apply', HTMLButtonElement).disabled = false;
}

async function fetchTable(ctx: PaneContext): Promise<void> {
  const status = byId('import-status', HTMLElement);
  clearPreview();
  say(byId('import-error', HTMLElement), null);
  say(status, 'Fetching…');
  try {
    const text = await fetchResponseText(byId('import-url', HTMLInputElement).value, (url, init) => fetch(url, init));
    byId('import-json', HTMLTextAreaElement).value = text;
    say(status, 'Fetched. Review the changes below before applying them.', 'ok');
    showChanges(ctx);
  } catch (error) {
    say(status, null);
    say(byId('import-error', HTMLElement), messageOf(error), 'error');
  }
}

async function apply(ctx: PaneContext): Promise<void> {
  const chosen = preview;
  if (chosen === null) return;
  const status = byId('import-status', HTMLElement);
  try {
    ctx.registry.upsertCustom(chosen.imported);
    await ctx.io.saveCustoms();
    await ctx.io.saveDefault(chosen.imported.id);
    clearPreview();
    const where = ctx.io.unavailableReason === null ? 'saved in the workbook' : 'kept in memory (not in Excel)';
    say(status, `Applied: "${chosen.imported.id}" is now the default preset, ${where}.`, 'ok');
  } catch (error) {
    say(byId('import-error', HTMLElement), messageOf(error), 'error');
  }
}

/** The Import section: exchange, endpoint URL, fetch or paste, the changes, then Apply. */
export function mountImportSection(ctx: PaneContext): void {
  const select = byId('import-exchange', HTMLSelectElement);
  replaceChildren(select, IMPORT_EXCHANGES.map((e) => el('option', { value: e }, [EXCHANGE_NAMES[e]])));
  const url = byId('import-url', HTMLInputElement);
  url.value = defaultEndpoint(exchange());
  select.addEventListener('change', () => {
    url.value = defaultEndpoint(exchange());
    clearPreview();
    say(byId('import-error', HTMLElement), null);
  });
  byId('import-json', HTMLTextAreaElement).addEventListener('input', clearPreview);
  byId('import-fetch', HTMLButtonElement).addEventListener('click', () => void fetchTable(ctx));
  byId('import-preview', HTMLButtonElement).addEventListener('click', () => showChanges(ctx));
  byId('import-apply', HTMLButtonElement).addEventListener('click', () => void apply(ctx));
}
