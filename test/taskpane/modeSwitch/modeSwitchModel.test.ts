import { BINANCE_PRESET, BITMART_PRESET } from '../../../src/presets';
import { modeSwitchView, parseOpenOrders, ruleSentence } from '../../../src/taskpane/modeSwitch/modeSwitchModel';
import { EMPTY_POSITION } from '../../../src/taskpane/scenario/scenarioRows';

const balances = [{ asset: 'USDT', amount: '10000', price: '1', upnl: '' }];
const isolated = { ...EMPTY_POSITION, symbol: 'BTCUSDT', size: '0.1', entry: '60000', mark: '60000', mmr: '0.004', marginMode: 'isolated' };

describe('modeSwitchView', () => {
  it('blocks a Binance switch to multi-asset mode with an isolated position, with code -4167', () => {
    const out = modeSwitchView(BINANCE_PRESET, { target: 'multi', openOrders: '0', balances, positions: [isolated] });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.verdict).toBe('BLOCKED');
    const cross = out.value.rules.find((r) => r.rule === 'crossOnly');
    expect(cross?.verdict).toBe('FAIL');
    expect(cross?.code).toBe('-4167');
    expect(out.value.rules.map((r) => r.rule)).toEqual(['crossOnly', 'noOpenOrders', 'noNegativeBalance', 'marginSufficient']);
  });

  it('finds a cross-only account with no orders eligible', () => {
    const out = modeSwitchView(BINANCE_PRESET, {
      target: 'multi',
      openOrders: '',
      balances,
      positions: [{ ...isolated, marginMode: 'cross' }],
    });
    expect(out.ok && out.value.verdict).toBe('ELIGIBLE');
    expect(out.ok && out.value.rules.every((r) => r.verdict === 'PASS')).toBe(true);
  });

  it('reports open orders with code -4170', () => {
    const out = modeSwitchView(BINANCE_PRESET, { target: 'multi', openOrders: '3', balances, positions: [] });
    const orders = out.ok ? out.value.rules.find((r) => r.rule === 'noOpenOrders') : undefined;
    expect(orders?.verdict).toBe('FAIL');
    expect(orders?.code).toBe('-4170');
  });

  it('explains an open-orders count that is not a whole number', () => {
    const out = modeSwitchView(BINANCE_PRESET, { target: 'multi', openOrders: '2.5', balances, positions: [] });
    expect(out).toEqual({ ok: false, message: 'open orders: expected a whole number of 0 or more, got "2.5"' });
  });

  it('reads blank open orders as none', () => {
    expect(parseOpenOrders('  ')).toBe(0);
    expect(parseOpenOrders('12')).toBe(12);
  });

  it('refuses an open-orders count beyond fifteen digits, quoting at most 40 characters of it', () => {
    expect(() => parseOpenOrders('9'.repeat(16))).toThrow('open orders: expected a whole number of 0 or more, got "9999999999999999"');
    expect(() => parseOpenOrders('9'.repeat(100000))).toThrow(`got "${'9'.repeat(40)}…"`);
  });

  it('uses each preset’s own rules (BitMart: no open positions)', () => {
    const out = modeSwitchView(BITMART_PRESET, {
      target: 'multi',
      openOrders: '0',
      balances,
      positions: [{ ...isolated, marginMode: 'cross' }],
    });
    expect(out.ok && out.value.rules.some((r) => r.rule === 'noOpenPositions' && r.verdict === 'FAIL')).toBe(true);
  });
});

describe('rules in words', () => {
  it('names each rule in a sentence, the maintenance limit with its percentage', () => {
    expect(ruleSentence('crossOnly')).toBe('Every position in cross margin');
    expect(ruleSentence('quoteCoversMargin')).toBe('Quote balance covers the margin');
    expect(ruleSentence('maintenanceRateBelow 0.8')).toBe('Maintenance margin rate below 80.00%');
    expect(ruleSentence('somethingNew')).toBe('somethingNew');
    const out = modeSwitchView(BINANCE_PRESET, { target: 'multi', openOrders: '0', balances, positions: [isolated] });
    expect(out.ok && out.value.rules.find((r) => r.rule === 'crossOnly')?.sentence).toBe('Every position in cross margin');
  });
});
