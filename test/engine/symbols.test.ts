import { isStable, parseSymbol, trySymbol } from '../../src/engine';
import { BINANCE_PRESET } from '../../src/presets';
import { binance, caught, presetOf } from './fixtures';

describe('parseSymbol', () => {
  it('splits a plain symbol by its quote suffix', () => {
    expect(parseSymbol(binance, 'BTCUSDT')).toEqual({ base: 'BTC', quote: 'USDT' });
    expect(parseSymbol(binance, 'ethusdc')).toEqual({ base: 'ETH', quote: 'USDC' });
  });

  it('prefers the longest known suffix', () => {
    expect(parseSymbol(binance, 'BTCFDUSD')).toEqual({ base: 'BTC', quote: 'FDUSD' });
    expect(parseSymbol(binance, 'BTCBUSD')).toEqual({ base: 'BTC', quote: 'BUSD' });
  });

  it('takes the second part of a separated symbol', () => {
    expect(parseSymbol(binance, 'BTC-USDT-SWAP')).toEqual({ base: 'BTC', quote: 'USDT' });
    expect(parseSymbol(binance, 'ETH/USDC')).toEqual({ base: 'ETH', quote: 'USDC' });
    expect(parseSymbol(binance, 'SOL:USDT')).toEqual({ base: 'SOL', quote: 'USDT' });
  });

  it('splits the first part when the second is an exchange suffix', () => {
    expect(parseSymbol(binance, 'BTCUSDT_UMCBL')).toEqual({ base: 'BTC', quote: 'USDT' });
  });

  it('knows the preset quote as a suffix', () => {
    const eurPreset = presetOf('eur', [], {}, 'EUR');
    expect(parseSymbol(eurPreset, 'BTCEUR')).toEqual({ base: 'BTC', quote: 'EUR' });
  });

  it('reports a symbol without a recognisable quote, naming the positions argument', () => {
    const error = caught(() => parseSymbol(binance, 'BTC-PERP'));
    expect(error.code).toBe('BAD_SYMBOL');
    expect(error.message).toBe('positions: cannot tell the quote asset of symbol "BTC-PERP"');
    expect(caught(() => parseSymbol(binance, 'USDT')).code).toBe('BAD_SYMBOL');
    expect(caught(() => parseSymbol(binance, '')).code).toBe('BAD_SYMBOL');
  });
});

describe('trySymbol', () => {
  it('reads what parseSymbol reads, and is null where it refuses the symbol', () => {
    expect(trySymbol(binance, 'BTC-USDT-SWAP')).toEqual({ base: 'BTC', quote: 'USDT' });
    expect(trySymbol(binance, 'BTCEUR')).toBeNull();
  });

  it('reads DOTUSD as DOT against USD: a pegged coin that is not a suffix (TUSD) is not taken as the quote', () => {
    expect(trySymbol(binance, 'DOTUSD')).toEqual({ base: 'DOT', quote: 'USD' });
  });
});

describe('isStable', () => {
  it('treats the preset quote and pegged coins as stable', () => {
    expect(isStable(BINANCE_PRESET, 'usdt')).toBe(true);
    expect(isStable(BINANCE_PRESET, 'FDUSD')).toBe(true);
    expect(isStable(BINANCE_PRESET, 'BNB')).toBe(false);
  });

  it('treats the quote of a preset quoted in another coin as stable', () => {
    expect(isStable({ ...BINANCE_PRESET, quote: 'BTC' }, ' btc')).toBe(true);
    expect(isStable(BINANCE_PRESET, 'DAI')).toBe(true);
  });
});
