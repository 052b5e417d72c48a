import type { AssetMode, Preset } from '../../engine/model';
import { announcerFor, el, replaceChildren, shownText } from '../ui/dom';
import type { PaneElements } from '../context/elements';
import { formatNumbersInText } from '../ui/formatting';
import { modeSwitchView } from './modeSwitchModel';
import { messageOf } from '../ui/outcome';
import type { PaneContext } from '../context/paneContext';

function filledRows(rows: readonly object[]): number {
  return rows.filter((r) => Object.entries(r).some(([k, v]) => k !== 'side' && k !== 'marginMode' && String(v).trim() !== '')).length;
}

/** The Mode switch section: target mode, open orders, and each rule's verdict for the scenario's account. */
export function mountModeSwitchSection(ctx: PaneContext, els: PaneElements): void {
  const target = (): AssetMode => (els.modeSingle.checked ? 'single' : 'multi');
  const announcer = announcerFor(els.announcer);
  const modePanel = els.modeResult.closest('section');
  /** The verdict in a sentence, said when it changes and the section is in view (the rules stay on the page). */
  const tell = (text: string): void => {
    if (modePanel?.hidden !== true) announcer.soon(text);
  };

  const refresh = (): void => {
    let preset: Preset;
    try {
      preset = ctx.registry.resolve();
    } catch (error) {
      // The workbook's default preset was refused: say so instead of checking against another exchange.
      els.modePreset.textContent = '';
      replaceChildren(els.modeResult, [el('p', { class: 'error', id: 'mode-error' }, [messageOf(error)])]);
      return;
    }
    els.modePreset.textContent = shownText(`Preset: ${preset.name} (${preset.id}).`);
    els.modeInputs.textContent = `Uses the Scenario's ${filledRows(ctx.scenario.balances)} balance row(s) and ${filledRows(ctx.scenario.positions)} position(s).`;
    const out = modeSwitchView(preset, {
      target: target(),
      openOrders: els.modeOrders.value,
      balances: ctx.scenario.balances,
      positions: ctx.scenario.positions,
    });
    if (!out.ok) {
      replaceChildren(els.modeResult, [el('p', { class: 'error', id: 'mode-error' }, [out.message])]);
      return;
    }
    const v = out.value;
    const failing = v.rules.filter((r) => r.verdict === 'FAIL').length;
    tell(`Switch to ${v.target}-asset mode: ${v.verdict}${failing === 0 ? '' : `, ${failing} rule${failing === 1 ? '' : 's'} failing`}.`);
    replaceChildren(els.modeResult, [
      el('p', { class: 'verdict' }, [
        `Switch to ${v.target}-asset mode: `,
        el('span', { id: 'mode-verdict', class: `badge ${v.verdict === 'ELIGIBLE' ? 'band-green' : 'band-red'}` }, [v.verdict]),
      ]),
      el(
        'ul',
        { class: 'rules', id: 'mode-rules', 'aria-label': 'Rules checked' },
        v.rules.map((r) =>
          el('li', { class: r.verdict === 'PASS' ? 'pass' : 'fail', 'data-rule': r.rule }, [
            el('span', { class: `badge ${r.verdict === 'PASS' ? 'band-green' : 'band-red'}` }, [r.verdict]),
            ' ',
            el('strong', {}, [r.sentence]),
            r.code === '' ? null : el('span', { class: 'code' }, [` (code ${r.code})`]),
            el('p', { class: 'detail' }, [formatNumbersInText(r.detail)]),
          ]),
        ),
      ),
    ]);
  };

  els.modeMulti.addEventListener('change', refresh);
  els.modeSingle.addEventListener('change', refresh);
  els.modeOrders.addEventListener('input', refresh);
  ctx.onScenarioChange(refresh);
  ctx.registry.onChange(refresh);
  refresh();
}
