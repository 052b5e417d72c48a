import { positionHeadline } from '../../../src/taskpane/scenario/scenarioGrids';
import { EMPTY_POSITION } from '../../../src/taskpane/context/scenarioState';

describe('positionHeadline', () => {
  it('says a folded position in one line, figures in the pane’s format', () => {
    expect(positionHeadline({ ...EMPTY_POSITION, symbol: 'BTCUSDT', size: '2', mark: '60000' }, 0)).toBe('1. BTCUSDT LONG 2 @ 60,000');
    expect(
      positionHeadline({ ...EMPTY_POSITION, symbol: '1000PEPEUSDT', side: 'SHORT', size: '-1500000', margin_mode: 'isolated' }, 2),
    ).toBe('3. 1000PEPEUSDT SHORT −1,500,000, isolated');
  });

  it('says when the symbol is still blank', () => {
    expect(positionHeadline(EMPTY_POSITION, 0)).toBe('1. (no symbol yet) LONG');
  });
});
