import { assetSpec } from '../../../src/engine/assetSpec';
import { BITGET_PRESET, BITMART_PRESET } from '../../../src/presets';
import { dec } from '../../../src/engine/decimal';
import { formatCap, tierTableView } from '../../../src/taskpane/presets/tierTable';

describe('tierTableView', () => {
  it('lists Bitget BTC tiers as published, in USDT value', () => {
    const view = tierTableView(assetSpec(BITGET_PRESET, 'BTC'), 'USDT');
    expect(view.unitLabel).toBe('USDT value');
    expect(view.rows.map((r) => [r.floor, r.cap, r.ratio, r.unit])).toEqual([
      ['0', '100,000', '0.975', 'value'],
      ['100,000', '500,000', '0.97', 'value'],
      ['500,000', '1,000,000', '0.965', 'value'],
      ['1,000,000', '5,000,000', '0.96', 'value'],
      ['5,000,000', 'no cap', '0.85', 'value'],
    ]);
    expect(view.caveat).toBeNull();
  });

  it('shows one unpublished row and a caveat when an asset has no tiers', () => {
    const view = tierTableView(assetSpec(BITGET_PRESET, 'ETH'), 'USDT');
    expect(view.rows).toEqual([{ floor: '0', cap: 'no cap', ratio: 'unpublished', unit: 'value', published: false }]);
    expect(view.caveat).toContain('ETH tiers are unpublished');
  });

  it('marks the range beyond the last published cap as unpublished', () => {
    const spec = assetSpec(BITMART_PRESET, 'BTC');
    const view = tierTableView(spec, 'USDT');
    const last = view.rows[view.rows.length - 1];
    const lastCap = spec.tiers[spec.tiers.length - 1]?.cap;
    expect(view.unitLabel).toBe('BTC');
    expect(last).toEqual({ floor: lastCap?.toFixed(), cap: 'no cap', ratio: 'unpublished', unit: 'quantity', published: false });
    expect(view.caveat).toContain(`beyond ${lastCap?.toFixed()} (BTC) are unpublished`);
  });
});

describe('formatCap', () => {
  it('shows a cap exactly with thousands separators, and an open one as "no cap"', () => {
    expect(formatCap(dec('5000000'))).toBe('5,000,000');
    expect(formatCap(null)).toBe('no cap');
  });
});
