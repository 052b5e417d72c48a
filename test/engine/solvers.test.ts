import {
  accountEquity,
  accountFigures,
  availableForOrder,
  compareAccount,
  dec,
  flatImr,
  initialMargin,
  maintenanceMargin,
  marginRatio,
  maxOrderSize,
  maxWithdrawable,
  multiAssetLtv,
  topUpNeeded,
  toCellNumber,
} from '../../src/engine';
import type { Balance } from '../../src/engine';
import { bal, binance, bitget, bitmart, bybit, caught, okx, pos } from './fixtures';

/** A BTC long of 1 at 60,000 with a 1% maintenance rate (MM 600 USDT) and a 5% initial rate (IM 3,000 USDT). */
const btcLong = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 60000, mark: 60000, mmr: '0.01', imr: '0.05' });

/** Replaces the balances row of `asset` by one holding `amount` more. */
function moved(balances: readonly Balance[], asset: string, by: string): Balance[] {
  return balances.map((b) => (b.asset === asset ? { ...b, amount: b.amount.plus(dec(by)) } : b));
}

describe('accountFigures', () => {
  it('gives the same equity, maintenance margin, initial margin and LTV as their own functions', () => {
    const balances = [bal('USDT', -3000, 1), bal('BTC', 2, 60000)];
    const positions = [pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 58000, mark: 60000, mmr: '0.004', imr: '0.02' })];
    const figures = accountFigures(bitget, balances, positions);
    expect(figures.equity.toString()).toBe(accountEquity(bitget, balances, positions).toString());
    expect(figures.maintenance.toString()).toBe(maintenanceMargin(bitget, positions, balances).toString());
    expect(figures.initial.toString()).toBe(initialMargin(bitget, positions, balances).toString());
    expect(figures.liabilities.div(figures.collateral).toString()).toBe(multiAssetLtv(bitget, balances, positions).toString());
  });
});

describe('ACCOUNT_EQUITY and MULTIASSET_LTV with positions', () => {
  it('count the cross PnL, as the margin ratio divides by it', () => {
    const balances = [bal('USDT', 20000, 1), bal('BTC', 2, 60000), bal('USDC', -8000, 1)];
    const positions = [
      pos({ symbol: 'BTCUSDT', side: 'LONG', size: '1.5', entry: 58000, mark: 60000, mmr: '0.004' }),
      pos({ symbol: 'ETHUSDT', side: 'SHORT', size: 30, entry: 3100, mark: 3000, mmr: '0.005', cum: 50 }),
      pos({ symbol: 'BNBUSDT', side: 'LONG', size: 10, entry: 590, mark: 600, mmr: '0.01', marginMode: 'isolated' }),
    ];
    // 20,000 + 3,000 + 3,000 (cross PnL) + 2 × 60,000 × 0.95 − 8,000 = 132,000; the isolated BNB PnL stays out
    expect(accountEquity(binance, balances, positions).toString()).toBe('132000');
    expect(accountEquity(binance, balances).toString()).toBe('126000');
    // LTV: 8,000 / (26,000 + 114,000)
    expect(multiAssetLtv(binance, balances, positions).toString()).toBe(dec(8000).div(140000).toString());
  });
});

describe('topUpNeeded', () => {
  it('deposits the quote coin until MM / equity is the target: 600 / 1,200 = 0.5 needs 200 USDT', () => {
    expect(topUpNeeded(binance, [bal('USDT', 1000, 1)], [btcLong], 'USDT', dec('0.5')).toString()).toBe('200');
  });

  it('is 0 when the ratio is already at or under the target', () => {
    expect(topUpNeeded(binance, [bal('USDT', 1200, 1)], [btcLong], 'USDT', dec('0.5')).toString()).toBe('0');
  });

  it('values a BTC deposit slice by slice through Bitget tiers', () => {
    // A large book: 20 BTC long at 60,000, mmr 0.4% → MM 4,800; target 0.01 needs equity 480,000
    const big = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 20, entry: 60000, mark: 60000, mmr: '0.004' });
    const x = topUpNeeded(bitget, [bal('BTC', 0, 60000), bal('USDT', 10000, 1)], [big], 'BTC', dec('0.01'));
    // 470,000 USDT of haircut value from BTC: 97,500 on the first 100,000 USDT, then 372,500 at 0.97 = 384,020.618…
    const value = dec(100000).plus(dec(372500).div('0.97'));
    // Kinks sit at inexact quotients (100,000 / 60,000 BTC), so the 60-digit root may differ in its last digits;
    // the cell value is the exact result rounded once.
    expect(toCellNumber(x)).toBe(8.067010309278351);
    expect(x.minus(value.div(60000)).abs().lt('1e-50')).toBe(true);
    expect(marginRatio(bitget, [bal('BTC', x.toString(), 60000), bal('USDT', 10000, 1)], [big]).lte('0.01')).toBe(true);
  });

  it("first pays off the asset's own liability, which also lifts the liability maintenance charge", () => {
    // Bitget: USDT −1,000 on 1 BTC; the liability adds 5% MM. Target 0.001.
    const balances = [bal('BTC', 1, 60000), bal('USDT', -1000, 1)];
    const x = topUpNeeded(bitget, balances, [btcLong], 'USDT', dec('0.001'));
    const after = marginRatio(bitget, moved(balances, 'USDT', x.toString()), [btcLong]);
    expect(after.lte('0.001')).toBe(true);
    expect(marginRatio(bitget, moved(balances, 'USDT', x.minus('1e-9').toString()), [btcLong]).gt('0.001')).toBe(true);
  });

  it("says #N/A with the reason when the asset's last tier counts 0 (Bybit BTC above 50 BTC)", () => {
    const huge = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1000, entry: 60000, mark: 60000, mmr: '0.5' });
    const error = caught(() => topUpNeeded(bybit, [bal('BTC', 0, 60000), bal('USDT', 0, 1)], [huge], 'BTC', dec('0.5')));
    expect(error.code).toBe('NO_TOPUP');
    expect(error.kind).toBe('na');
    expect(error.message).toBe(
      'asset: no deposit of BTC brings the margin ratio to 0.5: past 50 BTC more, a further deposit of BTC adds no margin value (its last tier counts 0)',
    );
  });

  it('says #N/A when the answer lies past the last published tier (OKX sample tiers stop at 25 BTC)', () => {
    const huge = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1000, entry: 60000, mark: 60000, mmr: '0.5' });
    const error = caught(() => topUpNeeded(okx, [bal('BTC', 0, 60000), bal('USDT', 0, 1)], [huge], 'BTC', dec('0.5')));
    expect(error.code).toBe('NO_TOPUP');
    expect(error.message).toMatch(
      /^asset: no deposit of BTC brings the margin ratio to 0\.5: amount: preset okx publishes BTC tiers only up to 25/,
    );
  });

  it('computes a target of 1e-100: 600 / 1e-100 − 1,000 USDT, at 60 digits 6e102', () => {
    const x = topUpNeeded(binance, [bal('USDT', 1000, 1)], [btcLong], 'USDT', dec('1e-100'));
    expect(x.toString()).toBe('6e+102');
    expect(marginRatio(binance, moved([bal('USDT', 1000, 1)], 'USDT', x.toString()), [btcLong]).lte('1e-100')).toBe(true);
  });

  it('says #N/A when the account has no maintenance margin and its equity is below zero', () => {
    // No position margin and Binance charges none on liabilities: any deposit that makes equity positive gives 0.
    const flat = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 0, entry: 60000, mark: 60000, mmr: '0.01' });
    const error = caught(() => topUpNeeded(binance, [bal('USDT', -1000, 1)], [flat], 'USDT', dec('0.5')));
    expect(error.code).toBe('NO_TOPUP');
    expect(error.message).toBe(
      'asset: no deposit of USDT brings the margin ratio to 0.5: the account has no maintenance margin, so its margin ratio is 0 once equity is above zero: any deposit above 1000 USDT',
    );
  });

  it('needs the asset in balances for its price', () => {
    expect(caught(() => topUpNeeded(binance, [bal('USDT', 1000, 1)], [btcLong], 'BTC', dec('0.5'))).message).toBe(
      'asset: BTC needs a row in balances (its price comes from there; the amount may be 0)',
    );
  });

  it('refuses a target of zero or below', () => {
    expect(caught(() => topUpNeeded(binance, [bal('USDT', 1000, 1)], [btcLong], 'USDT', dec(0))).code).toBe('NOT_POSITIVE');
  });
});

describe('maxWithdrawable', () => {
  it('lets out what the initial margin does not need: 10,000 − 3,000 = 7,000 USDT', () => {
    expect(maxWithdrawable(binance, [bal('USDT', 10000, 1)], [btcLong], 'USDT').toString()).toBe('7000');
  });

  it('is capped at the positive wallet balance', () => {
    expect(maxWithdrawable(binance, [bal('USDT', 10000, 1), bal('BTC', 1, 60000)], [btcLong], 'USDT').toString()).toBe('10000');
  });

  it('is 0 for a liability, and 0 when the account is already short of initial margin', () => {
    expect(maxWithdrawable(binance, [bal('USDT', -10, 1), bal('BTC', 1, 60000)], [], 'USDT').toString()).toBe('0');
    expect(maxWithdrawable(binance, [bal('USDT', 2000, 1)], [btcLong], 'USDT').toString()).toBe('0');
  });

  it('values a BTC withdrawal slice by slice through Bitget tiers', () => {
    // 10 BTC (582,000) behind 30,000 of IM: the BTC left must be worth 30,000 of haircut value, all in tier 1
    const im = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 10, entry: 60000, mark: 60000, mmr: '0.004', imr: '0.05' });
    const w = maxWithdrawable(bitget, [bal('BTC', 10, 60000)], [im], 'BTC');
    const left = dec(30000).div('0.975').div(60000);
    expect(toCellNumber(w)).toBe(9.487179487179487);
    expect(w.minus(dec(10).minus(left)).abs().lt('1e-50')).toBe(true);
    const after = availableForOrder(bitget, [bal('BTC', dec(10).minus(w).toString(), 60000)], [im]);
    expect(after.gte(0)).toBe(true);
  });
});

describe('maxOrderSize', () => {
  it('divides the free margin by price × imr: 10,000 / (60,000 × 0.05)', () => {
    const q = maxOrderSize(binance, [bal('USDT', 10000, 1)], [], 'BTCUSDT', dec(60000), flatImr(dec('0.05')));
    expect(q.toString()).toBe('3.33333333333333333333333333333333333333333333333333333333333');
  });

  it('is 0 when nothing is free', () => {
    expect(maxOrderSize(binance, [bal('USDT', 3000, 1)], [btcLong], 'BTCUSDT', dec(60000), flatImr(dec('0.05'))).toString()).toBe('0');
  });

  it('re-margins the whole position at the step it moves into, so the open position pays the new rate too', () => {
    // Equity 10,000; steps: below 100,000 notional 2%, from it 10%. Open 60,000 at 5% (IM 3,000), given back.
    // First step: the whole position stays under 100,000 (2,000 of IM at most): 40,000 more, just under 0.666… BTC.
    // Second step: 100,000 × 10% = 10,000 takes all the equity, so the position can be 100,000 at most: the same.
    // The open-notional-only reading gave 7,000 / 6,000 = 1.1666… BTC, leaving −3,000 free at 130,000 × 10%.
    const steps = [
      { floor: dec(0), cap: dec(100000), imr: dec('0.02') },
      { floor: dec(100000), cap: null, imr: dec('0.1') },
    ];
    const q = maxOrderSize(binance, [bal('USDT', 10000, 1)], [btcLong], 'BTCUSDT', dec(60000), steps);
    expect(q.toString()).toBe('0.666666666666666666666666666666666666666666666666666666666666');
    const after = pos({
      symbol: 'BTCUSDT',
      side: 'LONG',
      size: dec(1).plus(q).toString(),
      entry: 60000,
      mark: 60000,
      mmr: '0.01',
      imr: '0.1',
    });
    expect(availableForOrder(binance, [bal('USDT', 10000, 1)], [after]).toString()).toBe('0');
  });

  it("stays just under a bracket cap, where the next bracket's rate would take more than is free", () => {
    // Equity 1,000; 0–60,000 at 1%, from 60,000 at 10%. Nothing open: 60,000 needs 6,000 at 10%, so the order
    // stays in the first bracket, strictly below its cap: 1 BTC less one unit in the 60th digit.
    const steps = [
      { floor: dec(0), cap: dec(60000), imr: dec('0.01') },
      { floor: dec(60000), cap: null, imr: dec('0.1') },
    ];
    const q = maxOrderSize(binance, [bal('USDT', 1000, 1)], [], 'BTCUSDT', dec(60000), steps);
    expect(q.toString()).toBe(`0.${'9'.repeat(60)}`);
    // The last bracket holds its cap.
    expect(maxOrderSize(binance, [bal('USDT', 1000, 1)], [], 'BTCUSDT', dec(60000), steps.slice(0, 1)).toString()).toBe('1');
  });

  it('counts brackets by contracts from the open size in coin', () => {
    // 0.01 BTC a contract; 0–2,000 contracts at 1%, to 4,000 at 2%. Open 15 BTC (1,500 contracts) at 60,000;
    // equity 50,000: the whole position at 2% may be 2,500,000 of notional, but the tier ends at 40 BTC: 25 more.
    const steps = [
      { floor: dec(0), cap: dec(2000), imr: dec('0.01'), contractValue: dec('0.01') },
      { floor: dec(2000), cap: dec(4000), imr: dec('0.02'), contractValue: dec('0.01') },
    ];
    const open = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 15, entry: 60000, mark: 60000, mmr: '0.004', imr: '0.01' });
    expect(maxOrderSize(binance, [bal('USDT', 50000, 1)], [open], 'BTCUSDT', dec(60000), steps).toString()).toBe('25');
    // With 20,000 the second tier cannot carry even its floor (20 BTC × 60,000 × 2% = 24,000): the first tier's 5.
    expect(maxOrderSize(binance, [bal('USDT', 20000, 1)], [open], 'BTCUSDT', dec(60000), steps).toString()).toBe('5');
  });
});

describe('compareAccount', () => {
  it('gives one row per preset, and a preset that cannot value the account its message', () => {
    const balances = [bal('USDT', 10000, 1), bal('BTC', 1, 60000)];
    const rows = compareAccount([binance, bitget, bitmart], balances, [btcLong]);
    expect(rows.map((r) => r.exchange)).toEqual(['binance', 'bitget', 'bitmart']);
    const first = rows[0];
    expect(first?.equity).toEqual({ ok: true, value: dec(67000) });
    expect(first?.ratio.ok && first.ratio.value.toString()).toBe(dec(600).div(67000).toString());
    expect(first?.risk).toEqual({ ok: true, value: 'SAFE' });
    expect(first?.available.ok && first.available.value.toString()).toBe(availableForOrder(binance, balances, [btcLong]).toString());
    expect(rows[1]?.equity.ok && rows[1].equity.value.toString()).toBe('68500');
    expect(rows[2]?.equity.ok && rows[2].equity.value.toString()).toBe('67000');
  });

  it('keeps the other presets when one has no tiers for an asset', () => {
    const rows = compareAccount([bitget, binance], [bal('ETH', 1, 3000)], []);
    expect(rows[0]?.error).toBe(
      'balances: the ETH haircut tiers of preset bitget are unpublished; import the live table or enter the tiers in the task pane',
    );
    expect(rows[1]?.equity).toEqual({ ok: true, value: dec(2850) });
  });
});
