import type { Preset } from '../../engine/model';
import type { PaneElements } from '../context/elements';
import type { PaneContext } from '../context/paneContext';
import { el, replaceChildren } from '../ui/dom';
import { formatExact } from '../ui/formatting';

/** The user tier field of the Scenario section. */
export interface UserTierField {
  /** Lists the preset's user tiers, keeping the scenario's when the preset has it; hidden when it publishes none. */
  show(preset: Preset): void;
}

/** The user tiers of the preset's auto-exchange thresholds. A choice sets the scenario's tier and calls `onChange`. */
export function createUserTierField(ctx: PaneContext, els: PaneElements, onChange: () => void): UserTierField {
  let shownTiersOf = '';
  els.userTier.addEventListener('change', () => {
    ctx.scenario.userTier = els.userTier.value;
    onChange();
  });
  return {
    show(preset: Preset): void {
      const tiers = Object.keys(preset.rules.autoExchangeThresholds ?? {});
      const key = `${preset.id}:${tiers.join(',')}`;
      if (key === shownTiersOf) return;
      shownTiersOf = key;
      const fallback = preset.rules.defaultUserTier ?? tiers[0] ?? '';
      if (ctx.scenario.userTier === null || !tiers.includes(ctx.scenario.userTier))
        ctx.scenario.userTier = tiers.length > 0 ? fallback : null;
      const threshold = (t: string): string => {
        const value = preset.rules.autoExchangeThresholds?.[t];
        return value === undefined ? '' : ` (threshold ${formatExact(value)} ${preset.quote})`;
      };
      replaceChildren(
        els.userTier,
        tiers.map((t) => el('option', { value: t }, [`${t}${threshold(t)}`])),
      );
      els.userTier.value = ctx.scenario.userTier ?? '';
      els.userTierField.hidden = tiers.length === 0;
    },
  };
}
