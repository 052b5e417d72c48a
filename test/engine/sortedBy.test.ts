import { dec } from '../../src/engine';
import type { Dec } from '../../src/engine/decimal';
import { sortedBy } from '../../src/engine/liquidationModel';

describe('sortedBy (the solver orders breakpoints and notionals with it)', () => {
  it('orders Decimals that round to one double by their exact values', () => {
    const texts = ['0.1000000000000000000000002', '0.1', '0.1000000000000000000000001', '0.09999999999999999999999999'];
    expect(new Set(texts.map((t) => dec(t).toNumber())).size).toBe(1);
    expect(
      sortedBy(
        texts.map((t) => dec(t)),
        (d: Dec) => d,
      ).map(String),
    ).toEqual(['0.09999999999999999999999999', '0.1', '0.1000000000000000000000001', '0.1000000000000000000000002']);
  });

  it('orders beyond the doubles (both Infinity) and keeps equal keys in their order', () => {
    const items = [
      { id: 'a', key: dec('2e400') },
      { id: 'b', key: dec('1e400') },
      { id: 'c', key: dec('-3') },
      { id: 'd', key: dec('1e400') },
    ];
    expect(sortedBy(items, (i) => i.key).map((i) => i.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
