import { readSelection } from '../../../src/taskpane/scenario/selectionGrid';

describe('readSelection', () => {
  it('recognises a balances range by its header, in any column order', () => {
    const content = readSelection([
      ['Price', 'Asset', 'Amount'],
      [60000, 'BTC', 10],
      [null, '', null],
      [1, 'USDT', -5000],
    ]);
    expect(content.kind).toBe('balances');
    expect(content.rows).toEqual([
      { asset: 'BTC', amount: '10', price: '60000', upnl: '' },
      { asset: 'USDT', amount: '-5000', price: '1', upnl: '' },
    ]);
  });

  it('recognises a positions range by its header', () => {
    const content = readSelection([
      ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
      ['BTCUSDT', 'LONG', 1, 60000, 61000, 0.004, 0, '', 'isolated'],
    ]);
    expect(content).toEqual({
      kind: 'positions',
      rows: [
        {
          symbol: 'BTCUSDT',
          side: 'LONG',
          size: '1',
          entry: '60000',
          mark: '61000',
          mmr: '0.004',
          cum: '0',
          imr: '',
          margin_mode: 'isolated',
        },
      ],
    });
  });

  it('recognises ranges without a header by their shape', () => {
    expect(readSelection([['BTC', 10, 60000]]).kind).toBe('balances');
    expect(readSelection([['ETHUSDT', 'SHORT', 2, 3000, 3100, 0.005]]).kind).toBe('positions');
  });

  it('leaves the side blank when a positions header has no side column, so the row is reported', () => {
    const content = readSelection([
      ['symbol', 'size', 'entry', 'mark', 'mmr'],
      ['BTCUSDT', 1, 60000, 60000, 0.004],
    ]);
    expect(content.kind === 'positions' && content.rows[0]?.side).toBe('');
  });

  it('explains what it expected when the range is neither', () => {
    expect(() => readSelection([[1, 2]])).toThrow('selection: expected one of a balances range');
    expect(() => readSelection([[null]])).toThrow('got an empty range');
  });
});
