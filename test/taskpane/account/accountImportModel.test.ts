import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BINANCE_PRESET, OKX_PRESET } from '../../../src/presets';
import { accountImportView } from '../../../src/taskpane/account/accountImportModel';

const text = (name: string): string => readFileSync(join(__dirname, '../../fixtures/account', name), 'utf8');

describe('accountImportView', () => {
  it('turns the pasted OKX responses into the tables and the reconciliation', () => {
    const view = accountImportView(OKX_PRESET, {
      exchange: 'okx',
      responses: [text('okx-account-positions.json'), text('okx-account-balance.json')],
      prices: '',
    });
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.value.balances[1]?.[0]).toBe('USDT');
    expect(view.value.positions).toHaveLength(1);
    expect(view.value.reconciliation.map((r) => r[0])).toEqual(['figure', 'equity', 'maint_margin', 'margin_ratio', 'available']);
    expect(view.value.presetLabel).toBe(`${OKX_PRESET.name} (okx, as of ${OKX_PRESET.asOf})`);
    expect(view.value.unit).toBe('USD');
  });

  it("reads OKX's instruments response pasted after the positions in the same box, for the contract values", () => {
    const instruments = JSON.stringify({
      code: '0',
      data: [{ instType: 'SWAP', instId: 'LTC-USDT-SWAP', ctType: 'linear', ctVal: '0.001', ctValCcy: 'LTC' }],
    });
    const view = accountImportView(OKX_PRESET, {
      exchange: 'okx',
      responses: [text('okx-account-balance.json'), `${text('okx-positions-ltc-swap-ccxt.json')}\n${instruments}`],
      prices: '',
    });
    expect(view.ok && view.value.positions[1]?.slice(0, 3)).toEqual(['LTC-USDT-SWAP', 'LONG', 0.002]);
  });

  it('takes prices for assets the responses leave unpriced, and ignores a blank second box', () => {
    const view = accountImportView(BINANCE_PRESET, {
      exchange: 'binance',
      responses: [text('binance-account-v2.json'), '  '],
      prices: 'busd=1',
    });
    expect(view.ok && view.value.balances[2]).toEqual(['BUSD', 103.12345678, 1, null]);
  });

  it('says which box holds malformed JSON, and refuses a bad price pair', () => {
    const bad = accountImportView(OKX_PRESET, { exchange: 'okx', responses: ['{', ''], prices: '' });
    expect(!bad.ok && bad.message).toMatch(/^response 1: preset: malformed JSON at line 1/);
    const price = accountImportView(OKX_PRESET, { exchange: 'okx', responses: [text('okx-account-balance.json')], prices: 'BTC:1' });
    expect(!price.ok && price.message).toBe('prices: expected ASSET=PRICE with a positive price (e.g. BUSD=1), got "BTC:1"');
  });

  it('asks for the responses when nothing is pasted', () => {
    const view = accountImportView(OKX_PRESET, { exchange: 'okx', responses: ['', ''], prices: '' });
    expect(!view.ok && view.message).toBe('account response: paste the account response (and the positions response) first');
  });
});
