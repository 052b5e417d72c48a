import { BITGET_PRESET, OKX_PRESET, presetToJson } from '../../../../src/presets';
import {
  addAsset,
  addTier,
  checkDraft,
  cloneDraft,
  draftOf,
  errorPath,
  getField,
  pathSegments,
  removeTier,
  setField,
  uniqueId,
} from '../../../../src/taskpane/presets/editor/presetDraft';

const clone = () => cloneDraft(BITGET_PRESET, ['binance', 'bitget'], '2026-11-21');

describe('preset drafts', () => {
  it('clones a preset as a valid custom preset under a new id, noting its origin', () => {
    const check = checkDraft(clone());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.preset.id).toBe('bitget-custom');
    expect(check.preset.status).toBe('custom');
    expect(check.preset.asOf).toBe('2026-11-21');
    expect(check.preset.notes?.[0]).toBe('Copied from Bitget USDT-M Multi-Asset Mode (documented, as of 2026-11-21).');
    expect(presetToJson(check.preset).assets).toEqual(presetToJson(BITGET_PRESET).assets);
  });

  it('keeps an illustrative preset’s caveats in its copy', () => {
    const check = checkDraft(cloneDraft(OKX_PRESET, [], '2026-11-21'));
    expect(check.ok && check.preset.notes?.slice(1)).toEqual(OKX_PRESET.notes ?? []);
  });

  it('picks an id no preset uses yet', () => {
    expect(uniqueId('bitget-custom', ['BITGET-custom', 'bitget-custom-2'])).toBe('bitget-custom-3');
  });

  it('sets a field without changing the draft it came from', () => {
    const draft = clone();
    const edited = setField(draft, 'assets.BTC.tiers[0].ratio', '0.9');
    expect(getField(edited, 'assets.BTC.tiers[0].ratio')).toBe('0.9');
    expect(getField(draft, 'assets.BTC.tiers[0].ratio')).toBe('0.975');
  });

  it('names the field of a bad value as parsePreset does', () => {
    const check = checkDraft(setField(clone(), 'assets.BTC.tiers[1].ratio', '1.5'));
    expect(check).toEqual({
      ok: false,
      message: 'preset assets.BTC.tiers[1].ratio: expected a ratio from 0 to 1, got 1.5',
      path: 'assets.BTC.tiers[1].ratio',
    });
  });

  it('reports a gap between tiers at the floor that breaks the chain', () => {
    const check = checkDraft(setField(clone(), 'assets.BTC.tiers[2].floor', '600000'));
    expect(!check.ok && check.path).toBe('assets.BTC.tiers[2].floor');
  });

  it('refuses to save a draft whose status is not custom', () => {
    const check = checkDraft(draftOf(BITGET_PRESET));
    expect(!check.ok && check.path).toBe('status');
  });

  it('adds a tier starting at the last cap, and removes it', () => {
    const capped = setField(clone(), 'assets.BTC.tiers[4].cap', '6000000');
    const added = addTier(capped, 'BTC');
    expect(getField(added, 'assets.BTC.tiers[5]')).toEqual({ floor: '6000000', cap: null, ratio: '' });
    const filled = setField(added, 'assets.BTC.tiers[5].ratio', '0.5');
    expect(checkDraft(filled).ok).toBe(true);
    expect(getField(removeTier(filled, 'BTC', 5), 'assets.BTC.tiers[5]')).toBeUndefined();
  });

  it('adds an asset whose ratio is still to be entered, and says so', () => {
    const check = checkDraft(addAsset(clone(), 'doge'));
    expect(!check.ok && check.path).toBe('assets.DOGE.tiers[0].ratio');
  });

  it('creates a rules field the preset did not have', () => {
    const draft = setField(clone(), 'rules.ltvTrigger', '0.9');
    expect(checkDraft(draft).ok && getField(draft, 'rules.ltvTrigger')).toBe('0.9');
  });

  it('reads paths with quoted keys and indexes', () => {
    expect(pathSegments('assets["a b"].tiers[10].cap')).toEqual(['assets', 'a b', 'tiers', 10, 'cap']);
    expect(errorPath('preset assets.BTC.tiers[1].floor: expected 100000')).toBe('assets.BTC.tiers[1].floor');
    expect(errorPath('preset: expected an object')).toBe('');
  });
});
