import { dec } from '../../../src/engine/decimal';
import {
  formatAmount,
  formatAtLeast,
  formatExactPercent,
  formatNumbersInText,
  formatExact,
  formatFixed,
  formatMoney,
  formatPercent,
  formatPrice,
  formatShock,
  formatCoin,
  formatCoinWithAsset,
  formatSignedPercent,
  isStableAsset,
} from '../../../src/taskpane/ui/formatting';

describe('formatting', () => {
  it('shows quote-currency figures with two decimals and thousands separators', () => {
    expect(formatMoney(dec('582000'))).toBe('582,000.00');
    expect(formatMoney(dec('1234567.891'))).toBe('1,234,567.89');
  });

  it('rounds half to even, once, for display', () => {
    expect(formatFixed(dec('0.125'), 2)).toBe('0.12');
    expect(formatFixed(dec('0.135'), 2)).toBe('0.14');
  });

  it('never shows a negative zero', () => {
    expect(formatMoney(dec('-0.001'))).toBe('0.00');
    expect(formatPercent(dec('-0.00001'))).toBe('0.00%');
    expect(formatAmount(dec('-0.000000001'))).toBe('0.00000000');
  });

  it('shows negatives with a minus sign', () => {
    expect(formatMoney(dec('-5000'))).toBe('−5,000.00');
  });

  it('shows ratios as percentages', () => {
    expect(formatPercent(dec('0.6789'))).toBe('67.89%');
    expect(formatPercent(dec('0.0067608'))).toBe('0.68%');
  });

  it('shows coin amounts with exactly eight decimals, as exchanges report balances, so they line up', () => {
    expect(formatAmount(dec('10'))).toBe('10.00000000');
    expect(formatAmount(dec('0.123456789'))).toBe('0.12345679');
    expect(formatAmount(dec('2.50'))).toBe('2.50000000');
    expect(formatAmount(dec('-8000'))).toBe('−8,000.00000000');
  });

  it('keeps six significant digits for prices below one', () => {
    expect(formatPrice(dec('0.0000123456789'))).toBe('0.0000123457');
    expect(formatPrice(dec('60000'))).toBe('60,000.00');
    expect(formatPrice(dec('0'))).toBe('0');
  });

  it('shows published figures exactly', () => {
    expect(formatExact(dec('0.975'))).toBe('0.975');
    expect(formatExact(dec('5000000'))).toBe('5,000,000');
  });

  it('signs shocks', () => {
    expect(formatShock(dec('-0.2'))).toBe('−20%');
    expect(formatShock(dec('0.05'))).toBe('+5%');
    expect(formatShock(dec('0'))).toBe('0%');
  });
});

describe('formatNumbersInText', () => {
  it('gives the figures of an engine sentence the pane’s format, keeping every digit', () => {
    expect(formatNumbersInText('every wallet balance value is at or above the regular threshold -5000 (lowest: USDT 10000.125)')).toBe(
      'every wallet balance value is at or above the regular threshold −5,000 (lowest: USDT 10,000.125)',
    );
  });

  it('formats a figure that ends a sentence, and leaves an exchange’s error code alone', () => {
    expect(formatNumbersInText('negative wallet balance: USDT -150000. Binance -4172: Unable to adjust')).toBe(
      'negative wallet balance: USDT −150,000. Binance -4172: Unable to adjust',
    );
  });

  it('shows a ratio with more than 8 decimals to 8 places, marked as rounded', () => {
    expect(formatNumbersInText('margin ratio 0.017844036697247706422018348623853211 is below 0.8')).toBe(
      'margin ratio ≈0.01784404 is below 0.8',
    );
  });

  it('leaves dates, symbols, codes inside words and exponents alone', () => {
    expect(formatNumbersInText('as of 2026-11-21, 1000PEPEUSDT, BTC2, 1e-7, 60,000.00, ratio 0.995')).toBe(
      'as of 2026-11-21, 1000PEPEUSDT, BTC2, 1e-7, 60,000.00, ratio 0.995',
    );
    expect(formatNumbersInText('equity 369000, so')).toBe('equity 369,000, so');
  });

  it('shows a published figure with at least the given places and never rounds it', () => {
    expect(formatAtLeast(dec('50'), 2)).toBe('50.00');
    expect(formatAtLeast(dec('16.5'), 2)).toBe('16.50');
    expect(formatAtLeast(dec('1050'), 2)).toBe('1,050.00');
    expect(formatAtLeast(dec('12.3456'), 2)).toBe('12.3456');
    expect(formatAtLeast(dec('0.12345678'), 2)).toBe('0.12345678');
  });

  it('rounds a figure with more than 8 decimals to the given places, marked as rounded', () => {
    expect(formatAtLeast(dec(1).div(75), 2)).toBe('≈0.01');
    expect(formatAtLeast(dec('0.123456789'), 2)).toBe('≈0.12');
  });

  it('shows a rate as an exact percentage, with at least two places', () => {
    expect(formatExactPercent(dec('0.004'))).toBe('0.40%');
    expect(formatExactPercent(dec('0.00325'))).toBe('0.325%');
    expect(formatExactPercent(dec('0.02'))).toBe('2.00%');
    expect(formatExactPercent(dec(1).div(75))).toBe('≈1.33%');
  });
});

describe('coin amounts in the asset’s own places, and signed moves', () => {
  it('shows stablecoins and the quote to the cent, other coins to at most 8 places without trailing zeros', () => {
    expect(formatCoin(dec('20000'), 'USDT')).toBe('20,000.00');
    expect(formatCoin(dec('20000.00000000'), 'usdc')).toBe('20,000.00');
    expect(formatCoinWithAsset(dec('-150000'), 'USDT')).toBe('−150,000.00 USDT');
    expect(formatCoin(dec('1.50000000'), 'BTC')).toBe('1.5');
    expect(formatCoin(dec('10'), 'BTC')).toBe('10');
    expect(formatCoin(dec('0.123456789'), 'BTC')).toBe('0.12345679');
    expect(formatCoin(dec('2.5'), 'EUR', 'EUR')).toBe('2.50');
    expect(isStableAsset('fdusd')).toBe(true);
    expect(isStableAsset('BTC')).toBe(false);
  });

  it('rounds towards the side the figure must not overstate', () => {
    expect(formatCoin(dec('199.994'), 'USDT', '', 'up')).toBe('200.00');
    expect(formatCoin(dec('199.994'), 'USDT')).toBe('199.99');
    expect(formatCoin(dec('7000.009'), 'USDT', '', 'down')).toBe('7,000.00');
    expect(formatCoin(dec('0.123456789'), 'BTC', '', 'down')).toBe('0.12345678');
  });

  it('signs a move: +145.10%, −38.12%, and no sign on zero', () => {
    expect(formatSignedPercent(dec('1.451'))).toBe('+145.10%');
    expect(formatSignedPercent(dec('-0.3812'))).toBe('−38.12%');
    expect(formatSignedPercent(dec('0'))).toBe('0.00%');
    expect(formatSignedPercent(dec('0.00001'))).toBe('0.00%');
  });
});
