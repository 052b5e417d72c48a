import { assetSpec } from '../engine/assetSpec';
import type { Preset } from '../engine/model';
import { byId, el, replaceChildren, say } from './dom';
import { messageOf } from './outcome';
import type { PaneContext } from './paneContext';
import { cloneDraft, draftOf } from './presetDraft';
import { openPresetEditor } from './presetEditor';
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
  if (href === null) return document.createTextNode(source);
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, [source]);
}

function detailRow(term: string, ...definition: Node[]): Node[] {
  return [el('dt', {}, [term]), el('dd', {}, definition)];
}

function renderDetails(preset: Preset): void {
  const s = presetSummary(preset);
  replaceChildren(byId('preset-details', HTMLElement), [
    ...detailRow('Name', document.createTextNode(s.name)),
    ...detailRow('Status', statusBadge(s.status)),
    ...detailRow('As of', document.createTextNode(s.asOf)),
    ...detailRow('Source', sourceNode(s.source, s.sourceHref)),
    ...detailRow('Quote', document.createTextNode(s.quote)),
  ]);
  replaceChildren(
    byId('preset-notes', HTMLElement),
    s.notes.map((n) => el('li', { class: n.warning ? 'warning' : 'note' }, [n.warning ? `⚠ ${n.text}` : n.text])),
  );
  replaceChildren(
    byId('preset-assets', HTMLElement),
    s.assets.map((asset) => assetBlock(preset, asset)),
  );
}

function assetBlock(preset: Preset, asset: string): HTMLElement {
  const view = tierTableView(assetSpec(preset, asset), preset.quote);
  const published = view.rows.filter((r) => r.published).length;
  const summaryText = published === 0 ? 'unpublished' : `${published} tier${published === 1 ? '' : 's'}, ${view.unitLabel}`;
  const table = el('table', { class: 'tiers' }, [
    el('caption', {}, [`${asset} haircut tiers (floors and caps in ${view.unitLabel})`]),
    el('thead', {}, [el('tr', {}, ['Floor', 'Cap', 'Ratio', 'Unit'].map((h) => el('th', { scope: 'col' }, [h])))]),
    el(
      'tbody',
      {},
      view.rows.map((r) =>
        el('tr', { class: r.published ? '' : 'unpublished' }, [
          el('td', {}, [r.floor]),
          el('td', {}, [r.cap]),
          el('td', {}, [r.ratio]),
          el('td', {}, [r.unit]),
        ]),
      ),
    ),
  ]);
  return el('details', { class: 'asset', 'data-asset': asset }, [
    el('summary', {}, [el('span', { class: 'asset-name' }, [asset]), ' ', el('span', { class: 'muted' }, [summaryText])]),
    view.caveat === null ? null : el('p', { class: 'warning' }, [`⚠ ${view.caveat}`]),
    view.note === null ? null : el('p', { class: 'hint' }, [view.note]),
    el('div', { class: 'table-wrap' }, [table]),
  ]);
}

function renderPicker(ctx: PaneContext): void {
  const select = byId('preset-select', HTMLSelectElement);
  const defaultId = ctx.registry.defaultId;
  // A refused default stays selected (and unusable), so the picker does not pretend another preset is in use.
  const refused = ctx.registry.defaultRefused ? [el('option', { value: defaultId, disabled: true }, [`${defaultId} (refused)`])] : [];
  replaceChildren(select, [
    ...refused,
    ...ctx.registry.list().map((p) => el('option', { value: p.id, selected: p.id === defaultId }, [`${p.name} (${p.id})`])),
  ]);
  select.value = defaultId;
}

function renderRefused(ctx: PaneContext): void {
  const banner = byId('preset-refused', HTMLElement);
  const notice = refusedPresetsNotice(ctx.registry);
  banner.hidden = notice === null;
  replaceChildren(banner, notice === null ? [] : [el('p', {}, [`⚠ ${notice.heading}`]), el('ul', {}, notice.items.map((i) => el('li', {}, [i])))]);
}

function render(ctx: PaneContext): void {
  renderPicker(ctx);
  renderRefused(ctx);
  const refusedDefault = ctx.registry.defaultRefused;
  byId('preset-clone', HTMLButtonElement).hidden = refusedDefault;
  if (refusedDefault) {
    for (const id of ['preset-details', 'preset-notes', 'preset-assets']) replaceChildren(byId(id, HTMLElement), []);
    byId('preset-edit', HTMLButtonElement).hidden = true;
    byId('preset-delete', HTMLButtonElement).hidden = true;
    return;
  }
  const preset = ctx.registry.resolve();
  renderDetails(preset);
  const custom = preset.status === 'custom' && !ctx.registry.isBuiltin(preset.id);
  byId('preset-edit', HTMLButtonElement).hidden = !custom;
  byId('preset-delete', HTMLButtonElement).hidden = !custom;
}

async function choose(ctx: PaneContext, id: string): Promise<void> {
  const status = byId('preset-status', HTMLElement);
  try {
    await ctx.io.saveDefault(id);
    const where = ctx.io.unavailableReason === null ? 'Saved in the workbook' : 'Kept in memory (not in Excel)';
    say(status, `${where}: formulas that name no exchange use "${ctx.registry.defaultId}".`, 'ok');
  } catch (error) {
    say(status, messageOf(error), 'error');
  }
}

async function deleteCustom(ctx: PaneContext): Promise<void> {
  const status = byId('preset-status', HTMLElement);
  const id = ctx.registry.defaultId;
  try {
    ctx.registry.removeCustom(id);
    await ctx.io.saveCustoms();
    say(status, `Deleted custom preset "${id}".`, 'ok');
  } catch (error) {
    say(status, messageOf(error), 'error');
  }
}

/** The Presets section: default preset picker, preset details, tier tables, clone / edit / delete. */
export function mountPresetsSection(ctx: PaneContext): void {
  byId('preset-select', HTMLSelectElement).addEventListener('change', (event) => {
    void choose(ctx, (event.target as HTMLSelectElement).value);
  });
  byId('preset-clone', HTMLButtonElement).addEventListener('click', () => {
    const preset = ctx.registry.resolve();
    const taken = ctx.registry.list().map((p) => p.id);
    openPresetEditor(ctx, cloneDraft(preset, taken, today()), true);
  });
  byId('preset-edit', HTMLButtonElement).addEventListener('click', () => {
    openPresetEditor(ctx, draftOf(ctx.registry.resolve()), false);
  });
  byId('preset-delete', HTMLButtonElement).addEventListener('click', () => void deleteCustom(ctx));
  ctx.registry.onChange(() => render(ctx));
  render(ctx);
}
