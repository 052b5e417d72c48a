import { positionHeadline } from '../../../src/taskpane/scenario/scenarioGrids';
import { EMPTY_POSITION } from '../../../src/taskpane/scenario/scenarioRows';

describe('positionHeadline', () => {
  it('says a folded position in one line, figures in the pane’s format', () => {
    expect(positionHeadline({ ...EMPTY_POSITION, symbol: 'BTCUSDT', size: '2', mark: '60000' }, 0)).toBe('1. BTCUSDT LONG 2 @ 60,000');
    expect(
      positionHeadline({ ...EMPTY_POSITION, symbol: '1000PEPEUSDT', side: 'SHORT', size: '-1500000', marginMode: 'isolated' }, 2),
    ).toBe('3. 1000PEPEUSDT SHORT −1,500,000, isolated');
  });

  it('says when the symbol is still blank', () => {
    expect(positionHeadline(EMPTY_POSITION, 0)).toBe('1. (no symbol yet) LONG');
  });
});

describe('positionHeadline with entry, mark and shock', () => {
  it('shows entry and mark, and the mark a shock moves it to', () => {
    const row = { ...EMPTY_POSITION, symbol: 'BTCUSDT', size: '1.5', entry: '58000', mark: '60000' };
    expect(positionHeadline(row, 0)).toBe('1. BTCUSDT LONG 1.5 @ 58,000 → 60,000');
    expect(positionHeadline(row, 0, '54,000')).toBe('1. BTCUSDT LONG 1.5 @ 58,000 → 60,000, shocked 54,000');
    expect(positionHeadline({ ...row, marginMode: 'isolated' }, 1, '54,000')).toBe(
      '2. BTCUSDT LONG 1.5 @ 58,000 → 60,000, shocked 54,000, isolated',
    );
  });
});
