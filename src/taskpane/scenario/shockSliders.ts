import { dec } from '../../engine/decimal';
import type { PaneElements } from '../context/elements';
import type { PaneContext } from '../context/paneContext';
import { el, replaceChildren, uniqueDomId } from '../ui/dom';
import { formatShock } from '../ui/formatting';
import { SHOCK_MAX_PERCENT, SHOCK_MIN_PERCENT } from './shocks';

/** The shock sliders: one for all non-stable assets, then one per asset the scenario can shock. */
export interface ShockSliders {
  /** Shows a slider per asset of `shockable`; true when they were rebuilt (the assets changed). */
  show(shockable: readonly string[]): boolean;
}

/** One slider: `asset` null is the one for all non-stable assets. A move sets the scenario's shocks and calls `onShock`. */
function shockSlider(ctx: PaneContext, asset: string | null, onShock: () => void): HTMLElement {
  const id = uniqueDomId('shock');
  const current = asset === null ? ctx.scenario.shocks.all : (ctx.scenario.shocks.perAsset[asset] ?? 0);
  const label = asset === null ? 'All non-stable assets' : asset;
  const slider = el('input', { id, type: 'range', min: SHOCK_MIN_PERCENT, max: SHOCK_MAX_PERCENT, step: 1, 'data-asset': asset ?? '*' });
  slider.value = String(current);
  // The slider says its own value (aria-valuetext); the output beside it is for the eye only, so one step is one announcement.
  const output = el('output', { for: id, class: 'shock-value num', 'aria-hidden': 'true' }, [formatShock(dec(current).div(100))]);
  slider.setAttribute('aria-valuetext', output.textContent ?? '');
  slider.addEventListener('input', () => {
    const percent = Number(slider.value);
    output.textContent = formatShock(dec(percent).div(100));
    slider.setAttribute('aria-valuetext', output.textContent);
    const shocks = ctx.scenario.shocks;
    ctx.scenario.shocks = asset === null ? { ...shocks, all: percent } : { ...shocks, perAsset: { ...shocks.perAsset, [asset]: percent } };
    onShock();
  });
  return el('div', { class: 'shock' }, [el('label', { for: id }, [`${label} price`]), slider, output]);
}

/** The sliders of the Scenario section; rebuilt only when the assets change, so dragging one never loses its focus. */
export function createShockSliders(ctx: PaneContext, els: PaneElements, onShock: () => void): ShockSliders {
  let shown = '';
  return {
    show(shockable: readonly string[]): boolean {
      const key = shockable.join(',');
      if (key === shown && els.shockControls.childElementCount > 0) return false;
      shown = key;
      replaceChildren(els.shockControls, [
        shockSlider(ctx, null, onShock),
        ...shockable.map((a) => shockSlider(ctx, a, onShock)),
        el('p', { class: 'hint' }, [
          'A shock moves the asset’s price and the marks of its positions; per-asset shocks compound with the one for all.',
        ]),
      ]);
      return true;
    },
  };
}
