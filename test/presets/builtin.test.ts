import type { AssetSpec, Preset } from '../../src/engine/model';
import { BINANCE_PRESET, BITGET_PRESET, BITMART_PRESET, BUILTIN_PRESETS, BYBIT_PRESET, OKX_PRESET } from '../../src/presets';

function spec(preset: Preset, asset: string): AssetSpec {
  const s = preset.assets[asset];
  if (s === undefined) throw new Error(`${preset.id} has no ${asset}`);
  return s;
}

const rows = (s: AssetSpec): (string | null)[][] =>
  s.tiers.map((t) => [t.floor.toString(), t.cap === null ? null : t.cap.toString(), t.ratio.toString()]);

const ruleNames = (rules: readonly unknown[] | undefined): unknown[] | undefined =>
  rules?.map((r) =>
    typeof r === 'string' ? r : { maintenanceRateBelow: String((r as { maintenanceRateBelow: unknown }).maintenanceRateBelow) },
  );

describe('built-in presets', () => {
  it('lists binance, bitget, bitmart, okx and bybit in that order', () => {
    expect(BUILTIN_PRESETS.map((p) => p.id)).toEqual(['binance', 'bitget', 'bitmart', 'okx', 'bybit']);
  });

  it.each(BUILTIN_PRESETS.map((p) => [p.id, p] as const))('%s carries a date, a source, a status and notes', (_id, p) => {
    expect(p.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p.source.length).toBeGreaterThan(10);
    expect(['documented', 'illustrative']).toContain(p.status);
    expect(p.notes?.length ?? 0).toBeGreaterThan(0);
    expect(p.quote).toBe('USDT');
    expect(p.assets.USDT).toBeDefined();
  });

  it.each(BUILTIN_PRESETS.filter((p) => p.asOf === '2026-11-21').map((p) => [p.id, p] as const))(
    '%s says the snapshot date is when it was taken, since its source has none',
    (_id, p) => {
      expect(p.notes?.some((n) => /snapshot taken 2026-11-21/i.test(n))).toBe(true);
    },
  );

  it('marks binance, bitget and bitmart as documented and okx and bybit as illustrative', () => {
    expect(BUILTIN_PRESETS.map((p) => p.status)).toEqual(['documented', 'documented', 'documented', 'illustrative', 'illustrative']);
    for (const p of [OKX_PRESET, BYBIT_PRESET]) {
      expect(p.notes?.[0]).toMatch(
        /^Illustrative: the tables are the example from the exchange's (API documentation|help page).*replace them by importing/,
      );
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(BITGET_PRESET)).toBe(true);
    expect(Object.isFrozen(BITGET_PRESET.assets)).toBe(true);
    expect(Object.isFrozen(spec(BITGET_PRESET, 'BTC').tiers)).toBe(true);
    expect(Object.isFrozen(spec(BITGET_PRESET, 'BTC').tiers[0])).toBe(true);
  });
});

describe('binance preset', () => {
  it('values BTC, ETH and BNB at 0.95 and FDUSD at 0.989 in one value tier each', () => {
    for (const asset of ['BTC', 'ETH', 'BNB']) {
      expect(spec(BINANCE_PRESET, asset).tierUnit).toBe('value');
      expect(rows(spec(BINANCE_PRESET, asset))).toEqual([['0', null, '0.95']]);
    }
    expect(rows(spec(BINANCE_PRESET, 'FDUSD'))).toEqual([['0', null, '0.989']]);
  });

  it('values USDT and USDC at par with a note that the source says near 100%', () => {
    for (const asset of ['USDT', 'USDC']) {
      expect(rows(spec(BINANCE_PRESET, asset))).toEqual([['0', null, '1']]);
      expect(spec(BINANCE_PRESET, asset).note).toBe(
        'published as near 100%; valued at par in this snapshot; import assetIndex for the live buffer',
      );
    }
  });

  it('values liabilities at par and says the ask buffer is live-only', () => {
    for (const s of Object.values(BINANCE_PRESET.assets)) expect(s.liabilityRate.toString()).toBe('1');
    expect(BINANCE_PRESET.notes?.some((n) => /askBuffer.*only live/.test(n))).toBe(true);
  });

  it('publishes an auto-exchange haircut for BTC only (0.025)', () => {
    expect(spec(BINANCE_PRESET, 'BTC').autoExchangeHaircut?.toString()).toBe('0.025');
    for (const asset of ['ETH', 'BNB', 'FDUSD', 'USDT', 'USDC']) {
      expect(spec(BINANCE_PRESET, asset).autoExchangeHaircut).toBeUndefined();
    }
  });

  it('has the newest FAQ thresholds per user tier, LTV trigger 0.995 and bands 0.5/0.8', () => {
    const r = BINANCE_PRESET.rules;
    expect(r.riskBands.warning.toString()).toBe('0.5');
    expect(r.riskBands.danger.toString()).toBe('0.8');
    expect(r.ltvTrigger?.toString()).toBe('0.995');
    expect(Object.entries(r.autoExchangeThresholds ?? {}).map(([k, v]) => [k, v.toString()])).toEqual([
      ['regular', '-5000'],
      ['vip1', '-5000'],
      ['vip2plus', '-10000'],
    ]);
    expect(r.defaultUserTier).toBe('regular');
    expect(BINANCE_PRESET.notes?.some((n) => n.includes('conflict') && n.includes('−10,000'))).toBe(true);
  });

  it('blocks a mode switch on the four published conditions', () => {
    expect(ruleNames(BINANCE_PRESET.rules.modeSwitch?.toMulti)).toEqual([
      'crossOnly',
      'noOpenOrders',
      'noNegativeBalance',
      'marginSufficient',
    ]);
    expect(ruleNames(BINANCE_PRESET.rules.modeSwitch?.toSingle)).toEqual(['noOpenOrders', 'noNegativeBalance', 'marginSufficient']);
  });
});

describe('bitget preset', () => {
  it('has the five BTC value tiers and limits of the collateral ratio article', () => {
    const btc = spec(BITGET_PRESET, 'BTC');
    expect(btc.tierUnit).toBe('value');
    expect(rows(btc)).toEqual([
      ['0', '100000', '0.975'],
      ['100000', '500000', '0.97'],
      ['500000', '1000000', '0.965'],
      ['1000000', '5000000', '0.96'],
      ['5000000', null, '0.85'],
    ]);
    expect(btc.individualLimit?.toString()).toBe('100');
    expect(btc.platformLimit?.toString()).toBe('5000');
  });

  it('lists the other supported coins with unpublished (empty) tiers and USDT at par', () => {
    expect(Object.keys(BITGET_PRESET.assets)).toEqual(['USDT', 'BTC', 'ETH', 'SOL', 'XRP', 'PEPE', 'USDC', 'BGB']);
    for (const asset of ['ETH', 'SOL', 'XRP', 'PEPE', 'USDC', 'BGB']) expect(spec(BITGET_PRESET, asset).tiers).toEqual([]);
    expect(rows(spec(BITGET_PRESET, 'USDT'))).toEqual([['0', null, '1']]);
  });

  it('charges liabilities 0.1 initial and 0.05 maintenance and has no threshold or LTV trigger', () => {
    const r = BITGET_PRESET.rules;
    expect(r.liabilityInitialRate?.toString()).toBe('0.1');
    expect(r.liabilityMaintenanceRate?.toString()).toBe('0.05');
    expect(r.autoExchangeThresholds).toBeUndefined();
    expect(r.ltvTrigger).toBeUndefined();
    expect(r.riskBands.warning.toString()).toBe('0.5');
    expect(r.riskBands.danger.toString()).toBe('0.8');
  });

  it('switches to multi with cross positions only and back when USDT covers margin and the rate is below 0.8', () => {
    expect(ruleNames(BITGET_PRESET.rules.modeSwitch?.toMulti)).toEqual(['crossOnly']);
    expect(ruleNames(BITGET_PRESET.rules.modeSwitch?.toSingle)).toEqual(['quoteCoversMargin', { maintenanceRateBelow: '0.8' }]);
  });
});

describe('bitmart preset', () => {
  it('has BTC quantity tiers 0–10 at 0.95 and 10–20 at 0.925, nothing published beyond', () => {
    const btc = spec(BITMART_PRESET, 'BTC');
    expect(btc.tierUnit).toBe('quantity');
    expect(rows(btc)).toEqual([
      ['0', '10', '0.95'],
      ['10', '20', '0.925'],
    ]);
  });

  it('applies a 1% auto-exchange haircut to every non-USDT asset', () => {
    for (const [asset, s] of Object.entries(BITMART_PRESET.assets)) {
      if (asset === 'USDT') expect(s.autoExchangeHaircut).toBeUndefined();
      else expect(s.autoExchangeHaircut?.toString()).toBe('0.01');
    }
    expect(Object.keys(BITMART_PRESET.assets)).toEqual(['USDT', 'BTC', 'ETH', 'SOL', 'XRP']);
    for (const asset of ['ETH', 'SOL', 'XRP']) expect(spec(BITMART_PRESET, asset).tiers).toEqual([]);
  });

  it('needs no open positions and no open orders to switch either way', () => {
    expect(ruleNames(BITMART_PRESET.rules.modeSwitch?.toMulti)).toEqual(['noOpenPositions', 'noOpenOrders']);
    expect(ruleNames(BITMART_PRESET.rules.modeSwitch?.toSingle)).toEqual(['noOpenPositions', 'noOpenOrders']);
  });
});

describe('okx and bybit presets', () => {
  it('okx has the API sample BTC quantity tiers up to 25 and USDT at par with a note', () => {
    expect(spec(OKX_PRESET, 'BTC').tierUnit).toBe('quantity');
    expect(rows(spec(OKX_PRESET, 'BTC'))).toEqual([
      ['0', '20', '0.98'],
      ['20', '25', '0.9775'],
    ]);
    expect(rows(spec(OKX_PRESET, 'USDT'))).toEqual([['0', null, '1']]);
    expect(spec(OKX_PRESET, 'USDT').note).toMatch(/quote asset, valued at par/);
    expect(OKX_PRESET.rules.modeSwitch).toBeUndefined();
  });

  it('bybit has the help-page BTC quantity tiers, USDT at 1 and liabilities at 100%', () => {
    expect(spec(BYBIT_PRESET, 'BTC').tierUnit).toBe('quantity');
    expect(rows(spec(BYBIT_PRESET, 'BTC'))).toEqual([
      ['0', '10', '0.98'],
      ['10', '20', '0.95'],
      ['20', '30', '0.9'],
      ['30', '40', '0.85'],
      ['40', '50', '0.8'],
      ['50', null, '0'],
    ]);
    expect(rows(spec(BYBIT_PRESET, 'USDT'))).toEqual([['0', null, '1']]);
    for (const s of Object.values(BYBIT_PRESET.assets)) expect(s.liabilityRate.toString()).toBe('1');
    expect(BYBIT_PRESET.rules.modeSwitch).toBeUndefined();
  });
});
