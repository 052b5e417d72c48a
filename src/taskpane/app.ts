import { mountAccountImportSection } from './accountImportSection';
import { mountDeskSection } from './deskSection';
import { byId, say } from './dom';
import { mountImportSection } from './importSection';
import { mountModeSwitchSection } from './modeSwitchSection';
import type { PaneContext } from './paneContext';
import { mountPresetsSection } from './presetsSection';
import { mountScenarioSection } from './scenarioSection';
import { setUpTabs } from './tabs';

/** Wires every section of the page to `ctx`. */
export function mountPane(ctx: PaneContext): void {
  setUpTabs(byId('tab-presets', HTMLElement).parentElement ?? document.body);
  say(byId('host-notice', HTMLElement), ctx.io.unavailableReason);
  mountPresetsSection(ctx);
  mountImportSection(ctx);
  mountScenarioSection(ctx);
  mountModeSwitchSection(ctx);
  mountDeskSection(ctx);
  mountAccountImportSection(ctx);
  document.body.dataset.ready = 'true';
}
