import { parsePricePair } from '../../src/presets';

describe('parsePricePair', () => {
  it('reads ASSET=PRICE with the asset in upper case and the price exact', () => {
    const read = parsePricePair('busd=1.000000000000000000000000001');
    expect(read?.asset).toBe('BUSD');
    expect(read?.price.toFixed()).toBe('1.000000000000000000000000001');
  });

  it.each(['BTC=cheap', 'BTC=0', 'BTC=0.0', 'BTC=-1', 'BTC=1e3', '=1', 'BTC', 'BTC=', 'B-T=1', 'BTC=1=2', ' BTC=1'])(
    'refuses %j',
    (text) => {
      expect(parsePricePair(text)).toBeNull();
    },
  );
});
