import { assetSpec } from '../../engine/assetSpec';
import type { Preset } from '../../engine/model';
import { IMPORT_EXCHANGES } from '../../presets';
import { bracketSymbols, bracketTableView, noBracketsText } from './bracketTable';
import { el, replaceChildren, say, shownText } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import { foldedTable } from '../ui/foldedTable';
import { messageOf } from '../ui/outcome';
import type { PaneContext } from '../context/paneContext';
import { cloneDraft, draftOf } from './editor/presetDraft';
import { createPresetEditor } from './editor/presetEditor';
import { presetSummary } from './presetSummary';
import { refusedPresetsNotice } from './refusedPresets';
import { tierTableView } from './tierTable';

const STATUS_LABELS: Readonly<Record<Preset['status'], string>> = {
  documented: 'Documented',
  illustrative: 'Illustrative',
  imported: 'Imported',
  custom: 'Custom',
};

/** Today's date as YYYY-MM-DD, for the as-of date of a preset cloned now. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function statusBadge(status: Preset['status']): HTMLElement {
  return el('span', { class: `badge badge-${status}` }, [STATUS_LABELS[status]]);
}

function sourceNode(source: string, href: string | null): Node {
  if (href === null) return document.createTextNode(shownText(source));
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, [source]);
}

function detailRow(term: string, ...definition: Node[]): Node[] {
  return [el('dt', {}, [term]), el('dd', {}, definition)];
}

function renderDetails(els: PaneElements, preset: Preset): void {
  const s = presetSummary(preset);
  replaceChildren(els.presetDetails, [
    ...detailRow('Name', document.createTextNode(shownText(s.name))),
    ...detailRow('Status', statusBadge(s.status)),
    ...detailRow('As of', document.createTextNode(s.asOf)),
    ...detailRow('Source', sourceNode(s.source, s.sourceHref)),
    ...detailRow('Quote', document.createTextNode(s.quote)),
  ]);
  replaceChildren(
    els.presetNotes,
    s.notes.map((n) => el('li', { class: n.warning ? 'warning' : 'note' }, [n.warning ? `⚠ ${n.text}` : n.text])),
  );
  replaceChildren(
    els.presetAssets,
    s.assets.map((asset) => assetBlock(preset, asset)),
  );
  replaceChildren(els.presetBrackets, bracketsPart(preset));
}

function assetBlock(preset: Preset, asset: string): HTMLElement {
  const view = tierTableView(assetSpec(preset, asset), preset.quote);
  const published = view.rows.filter((r) => r.published).length;
  return foldedTable({
    name: asset,
    summary: published === 0 ? 'unpublished' : `${published} tier${published === 1 ? '' : 's'}, ${view.unitLabel}`,
    attributes: { 'data-asset': asset },
    tableClass: 'tiers',
    caption: `${asset} haircut tiers (floors and caps in ${view.unitLabel})`,
    headers: ['Floor', 'Cap', 'Ratio', 'Unit'],
    rows: view.rows.map((r) => ({
      className: r.published ? undefined : 'unpublished',
      cells: [
        { text: r.floor, num: true },
        { text: r.cap, num: true },
        { text: r.ratio, num: true },
        { text: r.unit, num: false },
      ],
    })),
    before: [
      view.caveat === null ? null : el('p', { class: 'warning' }, [`⚠ ${view.caveat}`]),
      view.note === null ? null : el('p', { class: 'hint' }, [view.note]),
    ],
  });
}

function bracketBlock(preset: Preset, symbol: string): HTMLElement {
  const view = bracketTableView(preset, symbol);
  return foldedTable({
    name: symbol,
    summary: view.summary,
    attributes: { 'data-symbol': symbol },
    tableClass: 'brackets',
    caption: view.caption,
    headers: view.headers,
    rows: view.rows.map((r) => ({
      cells: [r.from, r.to, r.maintenanceRate, r.maintenanceAmount, r.initialRate, r.maxLeverage].map((text) => ({ text, num: true })),
    })),
    before: [view.caveat === null ? null : el('p', { class: 'warning' }, [`⚠ ${view.caveat}`])],
  });
}

/** Each symbol's leverage brackets, or one line saying there are none and how to add them. */
function bracketsPart(preset: Preset): HTMLElement[] {
  const symbols = bracketSymbols(preset);
  if (symbols.length > 0) return symbols.map((symbol) => bracketBlock(preset, symbol));
  const none = noBracketsText(preset);
  return [el('p', { class: 'hint', id: 'preset-no-brackets' }, [none.text, ' ', el('code', {}, [none.command])])];
}

function renderPicker(ctx: PaneContext, select: HTMLSelectElement): void {
  const defaultId = ctx.registry.defaultId;
  // A refused default stays selected (and unusable), so the picker does not pretend another preset is in use.
  const refused = ctx.registry.defaultRefused ? [el('option', { value: defaultId, disabled: true }, [`${defaultId} (refused)`])] : [];
  // Each preset by its name alone, so the whole name fits a 320 px pane (the id is under Name and in every
  // status line); two presets of one name are told apart by their ids.
  const presets = ctx.registry.list();
  const label = (p: Preset): string => (presets.filter((q) => q.name === p.name).length > 1 ? `${p.name} (${p.id})` : p.name);
  replaceChildren(select, [...refused, ...presets.map((p) => el('option', { value: p.id, selected: p.id === defaultId }, [label(p)]))]);
  select.value = defaultId;
}

/** The banner naming each stored preset the workbook holds but that was refused, with the field at fault. */
function renderRefused(ctx: PaneContext, banner: HTMLElement): void {
  const notice = refusedPresetsNotice(ctx.registry);
  // The banner is an alert: redrawn only when what it says changes, so it is not said again on every save.
  const text = notice === null ? '' : JSON.stringify(notice);
  if (banner.dataset.shown === text) return;
  banner.dataset.shown = text;
  banner.hidden = notice === null;
  replaceChildren(
    banner,
    notice === null
      ? []
      : [
          el('p', {}, [`⚠ ${notice.heading}`]),
          el(
            'ul',
            {},
            notice.items.map((i) => el('li', {}, [i])),
          ),
        ],
  );
}

/** The Presets section: default preset picker, preset details, tier tables, leverage brackets, clone / edit / re-import / delete. */
export function mountPresetsSection(ctx: PaneContext, els: PaneElements): void {
  const editor = createPresetEditor(ctx, els);

  const render = (): void => {
    renderPicker(ctx, els.presetSelect);
    renderRefused(ctx, els.presetRefused);
    const refusedDefault = ctx.registry.defaultRefused;
    els.presetClone.hidden = refusedDefault;
    if (refusedDefault) {
      for (const box of [els.presetDetails, els.presetNotes, els.presetAssets, els.presetBrackets]) replaceChildren(box, []);
      for (const button of [els.presetEdit, els.presetReimport, els.presetDelete]) button.hidden = true;
      return;
    }
    const preset = ctx.registry.resolve();
    renderDetails(els, preset);
    // Anything the user added (edited or imported) can be deleted; imported tables can also be replaced.
    const own = !ctx.registry.isBuiltin(preset.id);
    els.presetEdit.hidden = !(own && preset.status === 'custom');
    els.presetReimport.hidden = !(own && preset.status === 'imported');
    els.presetDelete.hidden = !own;
  };

  const choose = async (id: string): Promise<void> => {
    try {
      await ctx.io.saveDefault(id);
      const where = ctx.io.unavailableReason === null ? 'Saved in the workbook' : 'Kept in memory (not in Excel)';
      say(els.presetStatus, `${where}: formulas that name no exchange use "${ctx.registry.defaultId}".`, 'ok');
    } catch (error) {
      say(els.presetStatus, messageOf(error), 'error');
    }
  };

  const deleteOwn = async (): Promise<void> => {
    const id = ctx.registry.defaultId;
    try {
      ctx.registry.removeCustom(id);
      await ctx.io.saveCustoms();
      say(els.presetStatus, `Deleted preset "${id}"; the default is now "${ctx.registry.defaultId}".`, 'ok');
      // The button is gone with the preset: focus goes to the picker, which shows the new default.
      els.presetSelect.focus();
    } catch (error) {
      say(els.presetStatus, messageOf(error), 'error');
    }
  };

  // Saving the default changes every formula of the workbook, so it takes an explicit choice: a pick in the
  // open list, or Enter (or leaving the picker) after arrowing through it. Arrow keys on the closed picker only
  // move the selection; they do not save at each step.
  let arrowed = false;
  let pending = false;
  const commit = (): void => {
    if (!pending) return;
    pending = false;
    void choose(els.presetSelect.value);
  };
  els.presetSelect.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      commit();
      return;
    }
    arrowed = !event.altKey && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key);
  });
  els.presetSelect.addEventListener('change', () => {
    pending = true;
    if (arrowed) {
      arrowed = false;
      say(els.presetStatus, `Press Enter to make "${els.presetSelect.value}" the default preset.`);
      return;
    }
    commit();
  });
  els.presetSelect.addEventListener('blur', commit);
  els.presetClone.addEventListener('click', () => {
    const preset = ctx.registry.resolve();
    const taken = ctx.registry.list().map((p) => p.id);
    editor.open(cloneDraft(preset, taken, today()), true);
  });
  els.presetEdit.addEventListener('click', () => editor.open(draftOf(ctx.registry.resolve()), false));
  els.presetReimport.addEventListener('click', () => {
    // Applying an import of the same exchange replaces this preset in place (same id), so send the user there.
    const exchange = IMPORT_EXCHANGES.find((e) => ctx.registry.resolve().id.toLowerCase() === `${e}-imported`);
    if (exchange !== undefined) {
      els.importExchange.value = exchange;
      els.importExchange.dispatchEvent(new Event('change'));
    }
    els.tabImport.click();
    els.importJson.focus();
  });
  els.presetDelete.addEventListener('click', () => void deleteOwn());
  ctx.registry.onChange(render);
  render();
}
