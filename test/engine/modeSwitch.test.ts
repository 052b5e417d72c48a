import { dec, modeSwitchCheck } from '../../src/engine';
import type { ModeSwitchResult } from '../../src/engine';
import { bal, binance, bitget, bitmart, caught, pos } from './fixtures';

const cross = pos({ symbol: 'BTCUSDT', size: 1, entry: 60000, mark: 60000, mmr: '0.004', imr: '0.05' });
const isolated = pos({ symbol: 'ETHUSDT', size: 1, entry: 3000, mark: 3000, mmr: '0.01', imr: '0.1', marginMode: 'isolated' });

const summary = (r: ModeSwitchResult) => r.rules.map((v) => [v.rule, v.pass, v.code ?? null]);

describe('modeSwitchCheck', () => {
  it('passes every Binance rule for a clean account switching to multi-asset mode', () => {
    const result = modeSwitchCheck(binance, 'multi', [bal('USDT', 10000, 1)], [cross], 0);
    expect(result.eligible).toBe(true);
    expect(result.target).toBe('multi');
    expect(summary(result)).toEqual([
      ['crossOnly', true, null],
      ['noOpenOrders', true, null],
      ['noNegativeBalance', true, null],
      ['marginSufficient', true, null],
    ]);
    expect(result.rules[3]?.detail).toBe(
      'after the switch the margin (account equity with haircuts) 10000 covers the initial margin 3000 of the cross positions',
    );
  });

  it('blocks with Binance codes and wording for isolated positions, open orders, negative balances and short margin', () => {
    const result = modeSwitchCheck(binance, 'multi', [bal('USDT', 100, 1), bal('USDC', -1, 1)], [cross, isolated], 2);
    expect(result.eligible).toBe(false);
    expect(summary(result)).toEqual([
      ['crossOnly', false, -4167],
      ['noOpenOrders', false, -4170],
      ['noNegativeBalance', false, -4172],
      ['marginSufficient', false, -4169],
    ]);
    expect(result.rules[0]?.detail).toBe(
      '1 position in isolated margin (ETHUSDT); multi-asset mode works only with cross margin. Binance -4167: Unable to adjust to Multi-Assets mode with symbols of USDⓈ-M Futures under isolated-margin mode.',
    );
    expect(result.rules[1]?.detail).toContain(
      '2 open orders; cancel them first. Binance -4170: Unable to adjust Multi-Assets Mode with open orders',
    );
    expect(result.rules[2]?.detail).toContain(
      'negative wallet balance: USDC -1. Binance -4172: Unable to adjust Multi-Assets Mode with a negative wallet balance',
    );
    expect(result.rules[3]?.detail).toContain('Binance -4169: Unable to adjust Multi-Assets Mode with insufficient margin balance');
  });

  it('counts only the quote asset as margin when switching to single-asset mode', () => {
    // BNB worth 9,500 after haircut would cover 3,000 in multi mode; 100 USDT alone does not.
    const result = modeSwitchCheck(binance, 'single', [bal('USDT', 100, 1), bal('BNB', 10, 1000)], [cross], 0);
    expect(result.rules[1]?.pass).toBe(false);
    expect(result.rules[1]?.detail).toContain('the margin (USDT equity alone) 100 does not cover the initial margin 3000');
  });

  it('says when a position without imr is counted at its maintenance margin', () => {
    const noImr = pos({ symbol: 'BTCUSDT', size: 1, entry: 60000, mark: 60000, mmr: '0.004' });
    const result = modeSwitchCheck(binance, 'multi', [bal('USDT', 1000, 1)], [noImr], 0);
    expect(result.rules[3]?.detail).toContain('1 position without an imr counted at maintenance margin instead');
  });

  it('checks Bitget multi → single: USDT covers all margin and the maintenance rate is below 80%', () => {
    const ok = modeSwitchCheck(bitget, 'single', [bal('USDT', 4000, 1)], [cross, isolated], 1);
    expect(summary(ok)).toEqual([
      ['quoteCoversMargin', true, null],
      ['maintenanceRateBelow 0.8', true, null],
    ]);
    expect(ok.rules[0]?.detail).toBe(
      'USDT equity 4000 covers the initial margin 3300 of all positions; the margin of pending orders is not included',
    );
    expect(ok.rules[1]?.detail).toBe(`margin ratio ${dec(240).div(4000).toString()} is below 0.8`);
    const short = modeSwitchCheck(bitget, 'single', [bal('USDT', 250, 1)], [cross], 0);
    expect(short.eligible).toBe(false);
    expect(short.rules[1]?.detail).toBe(`margin ratio ${dec(240).div(250).toString()} is not below 0.8`);
  });

  it('fails the maintenance-rate rule when equity is gone, without throwing', () => {
    const result = modeSwitchCheck(bitget, 'single', [bal('USDT', -10, 1)], [], 0);
    expect(result.rules[1]?.pass).toBe(false);
    expect(result.rules[1]?.detail).toContain('account equity is -10');
  });

  it('requires BitMart accounts to close positions and cancel orders either way', () => {
    const result = modeSwitchCheck(bitmart, 'multi', [bal('USDT', 100, 1)], [cross], 1);
    expect(summary(result)).toEqual([
      ['noOpenPositions', false, null],
      ['noOpenOrders', false, null],
    ]);
    expect(result.rules[0]?.detail).toBe('1 open position (BTCUSDT); close them first');
    expect(modeSwitchCheck(bitmart, 'single', [bal('USDT', 100, 1)], [], 0).eligible).toBe(true);
  });

  it('reports a direction without published rules', () => {
    const { modeSwitch: _omitted, ...rules } = bitmart.rules;
    const error = caught(() => modeSwitchCheck({ ...bitmart, rules }, 'multi', [], [], 0));
    expect(error.code).toBe('MODE_SWITCH_UNPUBLISHED');
    expect(error.message).toBe('the conditions for switching preset bitmart to multi-asset mode are unpublished');
  });

  it('refuses a negative open-order count, naming the argument', () => {
    const error = caught(() => modeSwitchCheck(binance, 'multi', [], [], -1));
    expect(error.code).toBe('NEGATIVE');
    expect(error.message).toContain('open_orders:');
  });
});
