import { checkRestBase, credentialsFromEnv, isLoopbackHost, readExchangeError } from '../../src/live';

describe('checkRestBase', () => {
  it.each([
    ['https://fapi.binance.com', 'https://fapi.binance.com'],
    ['https://proxy.desk.example/okx/', 'https://proxy.desk.example/okx'],
    ['http://127.0.0.1:8443/', 'http://127.0.0.1:8443'],
    ['http://localhost:9000', 'http://localhost:9000'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('accepts %s', (text, base) => {
    expect(checkRestBase(text, 'MULTIASSET_OKX_REST')).toBe(base);
  });

  it.each([
    [
      'http://api.bybit.com',
      'plain http:// is allowed only for the loopback (localhost, 127.0.0.1, ::1), got host api.bybit.com; use https://',
    ],
    ['http://127.0.0.1.example.com', 'got host 127.0.0.1.example.com'],
    ['http://10.0.0.5', 'got host 10.0.0.5'],
    ['ftp://127.0.0.1', 'expected an https:// URL, got the scheme ftp:'],
    ['not a url', 'expected an https:// URL, got "not a url"'],
    ['https://user:pw@api.bitget.com', 'expected scheme, host, port and path only'],
    ['https://api.bitget.com/?x=1', 'expected scheme, host, port and path only'],
  ])('refuses %s', (text, message) => {
    expect(() => checkRestBase(text, 'MULTIASSET_BYBIT_REST')).toThrow(message);
  });

  it('knows the loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', 'localhost.example', '::1'].map(isLoopbackHost)).toEqual([false, false, false]);
  });
});

describe('credentialsFromEnv', () => {
  it('reads the key and secret, and the passphrase where the exchange has one', () => {
    expect(credentialsFromEnv('bybit', { MULTIASSET_BYBIT_KEY: 'k', MULTIASSET_BYBIT_SECRET: ' s ' })).toEqual({ key: 'k', secret: 's' });
    expect(
      credentialsFromEnv('bitget', { MULTIASSET_BITGET_KEY: 'k', MULTIASSET_BITGET_SECRET: 's', MULTIASSET_BITGET_PASSPHRASE: 'p' }),
    ).toEqual({ key: 'k', secret: 's', passphrase: 'p' });
  });

  it('names the first missing or blank variable, and never a value', () => {
    expect(() => credentialsFromEnv('okx', { MULTIASSET_OKX_KEY: 'k', MULTIASSET_OKX_SECRET: 'sEcReT-1' })).toThrow(
      'OKX: set MULTIASSET_OKX_PASSPHRASE in the environment (the passphrase chosen when the key was made); keys are never read from the command line',
    );
    expect(() => credentialsFromEnv('binance', { MULTIASSET_BINANCE_KEY: 'k', MULTIASSET_BINANCE_SECRET: '  ' })).toThrow(
      'set MULTIASSET_BINANCE_SECRET',
    );
  });
});

describe('readExchangeError', () => {
  it("reads each exchange's error envelope", () => {
    expect(readExchangeError('binance', { code: -1022, msg: 'Signature for this request is not valid.' })).toEqual({
      code: '-1022',
      message: 'Signature for this request is not valid.',
    });
    expect(readExchangeError('okx', { code: '50102', msg: 'Timestamp request expired', data: [] })).toEqual({
      code: '50102',
      message: 'Timestamp request expired',
    });
    expect(readExchangeError('bybit', { retCode: 10010, retMsg: 'Unmatched IP' })).toEqual({ code: '10010', message: 'Unmatched IP' });
    expect(readExchangeError('bitget', { code: '40009', msg: 'sign signature error', data: null })).toEqual({
      code: '40009',
      message: 'sign signature error',
    });
  });

  it('finds no error in successful answers', () => {
    expect(readExchangeError('binance', { assets: [], totalMarginBalance: '1' })).toBeUndefined();
    expect(readExchangeError('binance', [{ symbol: 'BTCUSDT' }])).toBeUndefined();
    expect(readExchangeError('okx', { code: '0', msg: '', data: [] })).toBeUndefined();
    expect(readExchangeError('bybit', { retCode: 0, retMsg: 'OK', result: {} })).toBeUndefined();
    expect(readExchangeError('bitget', { code: '00000', msg: 'success', data: [] })).toBeUndefined();
  });

  it('bounds the exchange text and strips control characters', () => {
    const error = readExchangeError('okx', { code: '1\n2', msg: `a\u0000b${'z'.repeat(400)}` });
    expect(error?.code).toBe('1 2');
    expect(error?.message).toHaveLength(301);
    expect(error?.message.startsWith('a b')).toBe(true);
  });
});
