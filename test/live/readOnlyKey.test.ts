import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiveError, readKeyPermissions, requireReadOnly } from '../../src/live';

const live = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/live', name), 'utf8')) as unknown;

describe('readKeyPermissions', () => {
  it("refuses Binance's documented example: it can transfer and trade with portfolio margin", () => {
    expect(readKeyPermissions('binance', live('binance-apiRestrictions-doc.json'))).toEqual({
      verdict: 'can-write',
      exchange: 'binance',
      permissions: ['enableInternalTransfer', 'permitsUniversalTransfer', 'enablePortfolioMarginTrading'],
      detail: 'enableInternalTransfer, permitsUniversalTransfer, enablePortfolioMarginTrading',
    });
  });

  it('passes a Binance key that only reads', () => {
    expect(readKeyPermissions('binance', live('binance-apiRestrictions-read-only.json')).verdict).toBe('read-only');
  });

  it.each(['enableFutures', 'enableWithdrawals', 'enableSpotAndMarginTrading', 'enableFixApiTrade'])(
    'refuses a Binance key with %s',
    (flag) => {
      const body = { ...(live('binance-apiRestrictions-read-only.json') as object), [flag]: true };
      expect(readKeyPermissions('binance', body)).toMatchObject({ verdict: 'can-write', permissions: [flag] });
    },
  );

  it('refuses a Binance answer whose flags are not booleans, naming the flag', () => {
    const body = { ...(live('binance-apiRestrictions-read-only.json') as object), enableWithdrawals: 'false' };
    expect(() => readKeyPermissions('binance', body)).toThrow(
      'Binance GET /sapi/v1/account/apiRestrictions: enableWithdrawals: expected true or false',
    );
  });

  it("refuses OKX's documented example (perm read_only,withdraw,trade) and passes perm read_only", () => {
    expect(readKeyPermissions('okx', live('okx-account-config-doc.json'))).toMatchObject({
      verdict: 'can-write',
      permissions: ['withdraw', 'trade'],
    });
    expect(readKeyPermissions('okx', live('okx-account-config-read-only.json')).verdict).toBe('read-only');
  });

  it("refuses Bybit's documented example (readOnly 0) and passes readOnly 1", () => {
    expect(readKeyPermissions('bybit', live('bybit-query-api-doc.json'))).toMatchObject({
      verdict: 'can-write',
      detail: 'read and write (readOnly 0); Wallet: AccountTransfer',
    });
    expect(readKeyPermissions('bybit', live('bybit-query-api-read-only.json')).verdict).toBe('read-only');
  });

  it('refuses a Bybit read-only key that may still withdraw', () => {
    const doc = live('bybit-query-api-read-only.json') as { result: { permissions: Record<string, string[]> } };
    const body = { ...doc, result: { ...doc.result, permissions: { ...doc.result.permissions, Wallet: ['Withdraw'] } } };
    expect(readKeyPermissions('bybit', body)).toMatchObject({
      verdict: 'can-write',
      detail: 'withdraw (readOnly 1, but Wallet lists Withdraw); Wallet: Withdraw',
    });
  });

  it('refuses a malformed OKX or Bybit answer rather than passing the key', () => {
    expect(() => readKeyPermissions('okx', { code: '0', data: [{}] })).toThrow(
      'OKX GET /api/v5/account/config: data[0].perm: expected the key permissions',
    );
    expect(() => readKeyPermissions('bybit', { retCode: 0, result: { readOnly: '1' } })).toThrow(
      'result.readOnly: expected 0 or 1, got "1"',
    );
  });

  it('cannot verify a Bitget key, and says so', () => {
    expect(readKeyPermissions('bitget', undefined)).toEqual({
      verdict: 'unverified',
      exchange: 'bitget',
      detail: "Bitget does not report an API key's permissions to the key itself; this key could not be verified as read-only",
    });
  });
});

describe('requireReadOnly', () => {
  it('throws KEY_NOT_READ_ONLY with what the key can do; passes read-only and unverified keys', () => {
    const check = readKeyPermissions('okx', live('okx-account-config-doc.json'));
    expect(() => requireReadOnly(check)).toThrow(LiveError);
    expect(() => requireReadOnly(check)).toThrow(
      'OKX: the API key can withdraw, trade (perm "read_only,withdraw,trade"); refused: create a read-only key (see docs/LIVE-ACCOUNT.md) and use it here',
    );
    expect(() => requireReadOnly(readKeyPermissions('okx', live('okx-account-config-read-only.json')))).not.toThrow();
    expect(() => requireReadOnly(readKeyPermissions('bitget', undefined))).not.toThrow();
  });
});
