import { BINANCE_PRESET, BITGET_PRESET, OKX_PRESET } from '../../../src/presets';
import { presetSummary, sourceLink } from '../../../src/taskpane/presets/presetSummary';

describe('presetSummary', () => {
  it('gives an http(s) source as a link target', () => {
    const s = presetSummary(BINANCE_PRESET);
    expect(s.sourceHref).toBe(BINANCE_PRESET.source);
    expect(s.status).toBe('documented');
  });

  it('shows a source that is not a URL as plain text', () => {
    expect(presetSummary(BITGET_PRESET).sourceHref).toBeNull();
  });

  it('never makes a link of a javascript: or data: source', () => {
    expect(sourceLink('javascript:alert(1)')).toBeNull();
    expect(sourceLink('data:text/html,<b>x</b>')).toBeNull();
  });

  it('puts an illustrative caveat first, as a warning', () => {
    const s = presetSummary(OKX_PRESET);
    expect(s.status).toBe('illustrative');
    expect(s.notes[0]?.warning).toBe(true);
    expect(s.notes[0]?.text).toMatch(/^Illustrative/);
  });

  it('flags notes about unpublished figures as warnings', () => {
    const s = presetSummary(BITGET_PRESET);
    const unpublished = s.notes.filter((n) => /unpublished/.test(n.text));
    expect(unpublished.length).toBeGreaterThan(0);
    expect(unpublished.every((n) => n.warning)).toBe(true);
  });

  it('lists the assets whose tiers are unpublished', () => {
    expect(presetSummary(BITGET_PRESET).unpublishedAssets).toEqual(['ETH', 'SOL', 'XRP', 'PEPE', 'USDC', 'BGB']);
  });
});
