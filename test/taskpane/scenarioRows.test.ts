import { parseBalanceRows, parsePositionRows, EMPTY_POSITION } from '../../src/taskpane/scenarioRows';

const balance = (asset: string, amount: string, price: string, upnl = '') => ({ asset, amount, price, upnl });

describe('parseBalanceRows', () => {
  it('reads typed rows into engine balances, upper-casing assets', () => {
    const [b] = parseBalanceRows([balance(' btc ', '10', '60,000')]);
    expect(b?.asset).toBe('BTC');
    expect(b?.amount.toString()).toBe('10');
    expect(b?.price.toString()).toBe('60000');
    expect(b?.upnl).toBeUndefined();
  });

  it('skips rows left entirely blank', () => {
    expect(parseBalanceRows([balance('', '', ''), balance('USDT', '-5000', '1')])).toHaveLength(1);
  });

  it('names the row and column of a value that is not a number', () => {
    expect(() => parseBalanceRows([balance('USDT', '1', '1'), balance('BTC', 'ten', '60000')])).toThrow(
      'balances, row 2: amount: expected a number, got "ten"',
    );
  });

  it('refuses a price that is not positive', () => {
    expect(() => parseBalanceRows([balance('BTC', '1', '0')])).toThrow('balances, row 1: price: expected a positive number, got 0');
  });

  it('refuses Infinity and NaN spelled out', () => {
    expect(() => parseBalanceRows([balance('BTC', 'Infinity', '1')])).toThrow('expected a number');
    expect(() => parseBalanceRows([balance('BTC', 'NaN', '1')])).toThrow('expected a number');
  });

  it('says when a row has no asset', () => {
    expect(() => parseBalanceRows([balance('', '1', '1')])).toThrow('balances, row 1: asset: required, but blank');
  });
});

describe('parsePositionRows', () => {
  const position = { ...EMPTY_POSITION, symbol: 'BTCUSDT', size: '1', entry: '60000', mark: '61000', mmr: '0.004' };

  it('reads a position with defaults for cum and margin mode', () => {
    const [p] = parsePositionRows([position]);
    expect(p?.side).toBe('LONG');
    expect(p?.cum.toString()).toBe('0');
    expect(p?.marginMode).toBe('cross');
    expect(p?.imr).toBeUndefined();
  });

  it('ignores a row with only its side and margin mode chosen', () => {
    expect(parsePositionRows([{ ...EMPTY_POSITION }])).toEqual([]);
  });

  it('refuses an unknown side with the choices', () => {
    expect(() => parsePositionRows([{ ...position, side: 'UP' }])).toThrow(
      'positions, row 1: side: expected LONG, SHORT or BOTH, got "UP"',
    );
  });

  it('refuses an unknown margin mode', () => {
    expect(() => parsePositionRows([{ ...position, marginMode: 'portfolio' }])).toThrow('margin_mode: expected cross or isolated');
  });

  it('reads isolated positions', () => {
    expect(parsePositionRows([{ ...position, marginMode: 'Isolated' }])[0]?.marginMode).toBe('isolated');
  });
});
