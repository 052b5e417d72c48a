import { BITGET_PRESET } from '../../../../src/presets';
import { draftProblems, draftWarnings, fieldLabel } from '../../../../src/taskpane/presets/editor/draftProblems';
import { cloneDraft, setField } from '../../../../src/taskpane/presets/editor/presetDraft';

const clone = () => cloneDraft(BITGET_PRESET, ['binance', 'bitget'], '2026-11-21');

describe('draft problems', () => {
  it('has none for a clone of a built-in preset', () => {
    expect(draftProblems(clone())).toEqual([]);
  });

  it('reports every bad field at once, each with the field’s own label', () => {
    let draft = setField(clone(), 'assets.BTC.tiers[1].ratio', '1.5');
    draft = setField(draft, 'assets.BTC.tiers[3].floor', 'abc');
    draft = setField(draft, 'rules.riskBands.warning', '0');
    expect(draftProblems(draft)).toEqual([
      { path: 'assets.BTC.tiers[1].ratio', message: 'BTC tier 2, ratio: expected a ratio from 0 to 1, got 1.5' },
      { path: 'assets.BTC.tiers[3].floor', message: expect.stringMatching(/^BTC tier 4, floor: /) },
      {
        path: 'rules.riskBands.warning',
        message: expect.stringMatching(/^Warning band from \(margin ratio\): expected a rate above 0, at most 1/),
      },
    ]);
  });

  it('checks the tier chain of an asset whose fields are each fine', () => {
    const draft = setField(clone(), 'assets.BTC.tiers[1].floor', '90000');
    const problems = draftProblems(draft);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^BTC tier 2, floor: /);
  });

  it('refuses a positive auto-exchange threshold under the tier’s name', () => {
    const draft = setField(clone(), 'rules.autoExchangeThresholds', { VIP: '5000' });
    expect(draftProblems(draft)).toEqual([
      {
        path: 'rules.autoExchangeThresholds.VIP',
        message: 'Auto-exchange threshold for VIP: expected zero or a negative number, got 5000',
      },
    ]);
  });

  it('labels paths as the form does', () => {
    expect(fieldLabel('assets.ETH.tiers[0].cap')).toBe('ETH tier 1, cap');
    expect(fieldLabel('assets.ETH.autoExchangeHaircut')).toBe('ETH auto-exchange haircut');
    expect(fieldLabel('rules.modeSwitch.toSingle[1]')).toBe('Mode-switch rules to single-asset, rule 2');
    expect(fieldLabel('asOf')).toBe('As of');
  });
});

describe('draft warnings', () => {
  it('warns on a haircut ratio that rises with size, without blocking the save', () => {
    const draft = setField(clone(), 'assets.BTC.tiers[2].ratio', '0.99');
    expect(draftProblems(draft)).toEqual([]);
    expect(draftWarnings(draft)).toEqual([
      {
        path: 'assets.BTC.tiers[2].ratio',
        message: "BTC tier 3, ratio: 0.99 is above tier 2's 0.97; haircut ratios usually fall as the holding grows",
      },
    ]);
  });

  it('says nothing about published tables, whose ratios fall', () => {
    expect(draftWarnings(clone())).toEqual([]);
  });
});
