import { IMPORT_EXCHANGES, type ImportExchange } from '../../presets';
import { el, replaceChildren, say } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import {
  type ChangeLine,
  defaultEndpoint,
  fetchedSymbol,
  fetchImportText,
  type ImportPreview,
  orderedLines,
  previewImport,
} from './importModel';
import { messageOf } from '../ui/outcome';
import type { PaneContext } from '../context/paneContext';
import { today } from '../presets/presetsSection';

const EXCHANGE_NAMES: Readonly<Record<ImportExchange, string>> = {
  binance: 'Binance (assetIndex)',
  bitget: 'Bitget (discount-rate)',
  okx: 'OKX (discount-rate-interest-free-quota)',
  bybit: 'Bybit (spot-margin-trade/collateral)',
};

function changeItem(l: ChangeLine): HTMLElement {
  return el('li', { 'data-kind': l.kind }, [
    el('strong', {}, [l.title]),
    el('br'),
    el('span', { class: 'before' }, [l.before]),
    ' → ',
    el('span', { class: 'after' }, [l.after]),
  ]);
}

function changeList(p: ImportPreview): HTMLElement {
  const lines = orderedLines(p.lines);
  const main = lines.filter((l) => l.kind !== 'note');
  const notes = lines.filter((l) => l.kind === 'note');
  return el('div', {}, [
    main.length === 0
      ? el('p', { id: 'import-no-figures', class: 'good-news' }, ['No tier, rate or limit changes: every figure stays as it is.'])
      : el('ul', { id: 'import-changes' }, main.map(changeItem)),
    notes.length === 0
      ? null
      : el('details', { class: 'folded-notes' }, [
          el('summary', {}, [`${notes.length} note${notes.length === 1 ? '' : 's'} change${notes.length === 1 ? 's' : ''}`]),
          el('ul', { id: 'import-note-changes' }, notes.map(changeItem)),
        ]),
  ]);
}

/** The Import section: exchange, endpoint URL, fetch or paste, the changes, then Apply. */
export function mountImportSection(ctx: PaneContext, els: PaneElements): void {
  let preview: ImportPreview | null = null;

  const exchange = (): ImportExchange => IMPORT_EXCHANGES.find((e) => e === els.importExchange.value) ?? 'binance';

  const clearPreview = (): void => {
    preview = null;
    els.importApply.disabled = true;
    replaceChildren(els.importDiff, []);
  };

  const renderPreview = (p: ImportPreview): void => {
    const heading = `${p.imported.name}: ${p.lines.length} change${p.lines.length === 1 ? '' : 's'} against ${p.before.name} (${p.before.id})`;
    const action = p.replaces
      ? `Apply replaces preset "${p.imported.id}".`
      : `Apply adds preset "${p.imported.id}" and makes it the default.`;
    replaceChildren(els.importDiff, [
      el('h3', {}, [heading]),
      el('p', { class: 'hint' }, [action]),
      p.lines.length === 0 ? el('p', {}, ['Nothing changes: the table matches the current preset.']) : changeList(p),
    ]);
  };

  // The symbol of the URL the shown response was fetched from; an edit of the response forgets it.
  let symbol: string | undefined;
  const showChanges = (): void => {
    clearPreview();
    say(els.importStatus, null);
    const out = previewImport(ctx.registry, exchange(), els.importJson.value, today(), symbol === undefined ? {} : { symbol });
    if (!out.ok) {
      say(els.importError, out.message, 'error');
      return;
    }
    say(els.importError, null);
    preview = out.value;
    renderPreview(out.value);
    els.importApply.disabled = false;
  };

  const fetchTable = async (): Promise<void> => {
    clearPreview();
    say(els.importError, null);
    say(els.importStatus, 'Fetching…');
    try {
      els.importJson.value = await fetchImportText(els.importUrl.value, (url, init) => fetch(url, init));
      symbol = fetchedSymbol(els.importUrl.value);
      say(els.importStatus, 'Fetched. Review the changes below before applying them.', 'ok');
      showChanges();
    } catch (error) {
      say(els.importStatus, null);
      say(els.importError, messageOf(error), 'error');
    }
  };

  const apply = async (): Promise<void> => {
    const chosen = preview;
    if (chosen === null) return;
    try {
      ctx.registry.upsertCustom(chosen.imported);
      await ctx.io.saveCustoms();
      await ctx.io.saveDefault(chosen.imported.id);
      clearPreview();
      const where = ctx.io.unavailableReason === null ? 'saved in the workbook' : 'kept in memory (not in Excel)';
      say(els.importStatus, `Applied: "${chosen.imported.id}" is now the default preset, ${where}.`, 'ok');
      // Apply is disabled now that its preview is gone: focus goes back to the start of the next import.
      els.importPreview.focus();
    } catch (error) {
      say(els.importError, messageOf(error), 'error');
    }
  };

  replaceChildren(
    els.importExchange,
    IMPORT_EXCHANGES.map((e) => el('option', { value: e }, [EXCHANGE_NAMES[e]])),
  );
  els.importUrl.value = defaultEndpoint(exchange());
  els.importExchange.addEventListener('change', () => {
    els.importUrl.value = defaultEndpoint(exchange());
    clearPreview();
    say(els.importError, null);
  });
  els.importJson.addEventListener('input', () => {
    symbol = undefined;
    clearPreview();
  });
  els.importFetch.addEventListener('click', () => void fetchTable());
  els.importPreview.addEventListener('click', showChanges);
  els.importApply.addEventListener('click', () => void apply());
}
