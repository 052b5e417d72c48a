import { sharedAccountHub } from '../../functions/liveAccount';
import { sharedPriceHub } from '../../functions/livePrices';
import { mountConnectionsSection } from '../connections/connectionsSection';
import { browserKeyCheck } from '../connections/keyCheck';
import { hostKeyStore } from '../connections/keyStore';
import { mountAccountImportSection } from '../account/accountImportSection';
import { mountDeskSection } from '../desk/deskSection';
import { say } from '../ui/dom';
import { type PaneElements, paneElements } from '../context/elements';
import { mountImportSection } from '../import/importSection';
import { mountLivePricesSection } from '../livePrices/livePricesSection';
import { mountModeSwitchSection } from '../modeSwitch/modeSwitchSection';
import type { PaneContext } from '../context/paneContext';
import { mountPresetsSection } from '../presets/presetsSection';
import { mountScenarioSection } from '../scenario/scenarioSection';
import { setUpTabs } from './tabs';

/** A section of the pane: wires its part of the page once; whatever state it keeps lives in its closure. */
export type MountSection = (ctx: PaneContext, els: PaneElements) => void;

/** The sections in page order; a new section is one more entry (and its ids in elements.ts). */
export const SECTIONS: readonly MountSection[] = [
  mountPresetsSection,
  mountImportSection,
  mountScenarioSection,
  mountDeskSection,
  mountAccountImportSection,
  mountModeSwitchSection,
  (ctx, els) => mountLivePricesSection(sharedPriceHub, els, ctx.io),
  (_ctx, els) =>
    mountConnectionsSection(els.connectionsSection, { hub: sharedAccountHub, keyStore: hostKeyStore(), checkKey: browserKeyCheck }),
];

/** Wires every section of the page to `ctx`. */
export function mountPane(ctx: PaneContext, doc: Document = document): PaneElements {
  const els = paneElements(doc);
  setUpTabs(els.tabs);
  say(els.hostNotice, ctx.io.unavailableReason);
  for (const mount of SECTIONS) mount(ctx, els);
  doc.body.dataset.ready = 'true';
  return els;
}
