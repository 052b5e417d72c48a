import { PresetRegistry } from '../../../src/presets';
import { applyStoredSettings, CUSTOM_PRESETS_SETTING, DEFAULT_PRESET_SETTING } from '../../../src/presets';
import { refusedPresetsNotice } from '../../../src/taskpane/presets/refusedPresets';
import { readFileSync } from 'fs';
import { join } from 'path';

const DESK = JSON.parse(readFileSync(join(__dirname, '../../../examples/presets/desk-example.json'), 'utf8')) as Record<string, unknown>;
const hostile = (id: string) => ({
  ...DESK,
  id,
  assets: { USDT: { tierUnit: 'value', tiers: [{ floor: 0, cap: '1e400000000', ratio: 1 }] } },
});

function loaded(settings: Record<string, unknown>): PresetRegistry {
  const registry = new PresetRegistry();
  applyStoredSettings((name) => settings[name], registry);
  return registry;
}

describe('the banner for refused stored presets', () => {
  it('is absent when every stored preset loads', () => {
    expect(refusedPresetsNotice(loaded({ [CUSTOM_PRESETS_SETTING]: [DESK] }))).toBeNull();
  });

  it('names each refused preset and the field that refused it', () => {
    const registry = loaded({ [CUSTOM_PRESETS_SETTING]: [DESK, hostile('desk-bad')] });
    expect(refusedPresetsNotice(registry)).toEqual({
      heading: 'Not loaded from this workbook (the other presets are; the workbook keeps these as stored):',
      items: [
        'Stored preset 2 ("desk-bad"): preset assets.USDT.tiers[0].cap: expected a number a spreadsheet can hold (magnitude at most 1.8e308), got "1e400000000"',
      ],
    });
  });

  it('says that formulas naming no exchange answer #N/A when the refused preset is the default', () => {
    const registry = loaded({ [CUSTOM_PRESETS_SETTING]: [hostile('desk-bad'), DESK], [DEFAULT_PRESET_SETTING]: 'desk-bad' });
    expect(refusedPresetsNotice(registry)?.heading).toBe(
      'The workbook\'s default preset "desk-bad" was refused, so formulas that name no exchange answer #N/A. Choose another default, or save a corrected preset under that id. Not loaded:',
    );
  });

  it('goes once a corrected preset is saved under the refused id', () => {
    const registry = loaded({ [CUSTOM_PRESETS_SETTING]: [hostile('desk-example')], [DEFAULT_PRESET_SETTING]: 'desk-example' });
    expect(registry.defaultRefused).toBe(true);
    registry.upsertCustom(loaded({ [CUSTOM_PRESETS_SETTING]: [DESK] }).resolve('desk-example'));
    expect(refusedPresetsNotice(registry)).toBeNull();
    expect(registry.resolve(null).name).toBe('Desk example');
  });
});
