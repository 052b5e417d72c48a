/**
 * Presets built from docs/RULES.md's tables, for engine tests only (independent of src/presets).
 */
import { isMarginError, liquidationPrice, marginRatio } from '../../src/engine';
import type { Dec } from '../../src/engine/decimal';
import { dec } from '../../src/engine/decimal';
import type { AssetSpec, Balance, Position, Preset, PresetRules, Tier, TierUnit } from '../../src/engine/model';

type Num = number | string;

export function tiers(rows: ReadonlyArray<readonly [Num, Num | null, Num]>): Tier[] {
  return rows.map(([floor, cap, ratio]) => ({ floor: dec(floor), cap: cap === null ? null : dec(cap), ratio: dec(ratio) }));
}

interface AssetOptions {
  readonly liabilityRate?: Num;
  readonly autoExchangeHaircut?: Num;
  readonly individualLimit?: Num;
  readonly platformLimit?: Num;
}

export function assetOf(
  asset: string,
  tierUnit: TierUnit,
  rows: ReadonlyArray<readonly [Num, Num | null, Num]>,
  options: AssetOptions = {},
): AssetSpec {
  return {
    asset,
    tierUnit,
    tiers: tiers(rows),
    liabilityRate: dec(options.liabilityRate ?? 1),
    ...(options.autoExchangeHaircut === undefined ? {} : { autoExchangeHaircut: dec(options.autoExchangeHaircut) }),
    ...(options.individualLimit === undefined ? {} : { individualLimit: dec(options.individualLimit) }),
    ...(options.platformLimit === undefined ? {} : { platformLimit: dec(options.platformLimit) }),
  };
}

const bands = { warning: dec('0.5'), danger: dec('0.8') };

export function presetOf(id: string, assets: readonly AssetSpec[], rules: Partial<PresetRules> = {}, quote = 'USDT'): Preset {
  return {
    id,
    name: id,
    asOf: '2026-11-21',
    source: `${id} test fixture`,
    status: 'custom',
    quote,
    assets: Object.fromEntries(assets.map((a) => [a.asset, a])),
    rules: { riskBands: bands, ...rules },
  };
}

const par = (asset: string, options: AssetOptions = {}): AssetSpec => assetOf(asset, 'value', [[0, null, 1]], options);

/** docs/RULES.md §3: Bitget BTC tiers by USDT value, limits 100 / 5,000 BTC; liability IMR 0.1, MMR 0.05. */
export const BITGET_BTC_TIERS = [
  [0, 100000, '0.975'],
  [100000, 500000, '0.97'],
  [500000, 1000000, '0.965'],
  [1000000, 5000000, '0.96'],
  [5000000, null, '0.85'],
] as const;

export const bitget = presetOf(
  'bitget',
  [par('USDT'), assetOf('BTC', 'value', BITGET_BTC_TIERS, { individualLimit: 100, platformLimit: 5000 }), assetOf('ETH', 'value', [])],
  {
    liabilityInitialRate: dec('0.1'),
    liabilityMaintenanceRate: dec('0.05'),
    modeSwitch: { toMulti: ['crossOnly'], toSingle: ['quoteCoversMargin', { maintenanceRateBelow: dec('0.8') }] },
  },
);

/** docs/RULES.md §4: BitMart BTC tiers by quantity (0–10 at 95%, 10–20 at 92.5%, further unpublished); 1% auto-exchange. */
export const bitmart = presetOf(
  'bitmart',
  [
    par('USDT', { autoExchangeHaircut: '0.01' }),
    assetOf(
      'BTC',
      'quantity',
      [
        [0, 10, '0.95'],
        [10, 20, '0.925'],
      ],
      { autoExchangeHaircut: '0.01' },
    ),
    assetOf('ETH', 'quantity', [], { autoExchangeHaircut: '0.01' }),
  ],
  { modeSwitch: { toMulti: ['noOpenPositions', 'noOpenOrders'], toSingle: ['noOpenPositions', 'noOpenOrders'] } },
);

/** docs/RULES.md §2: Binance static snapshot (BTC/ETH/BNB 95%, FDUSD 98.9%), thresholds per user tier, LTV trigger 0.995. */
export const binance = presetOf(
  'binance',
  [
    par('USDT', { autoExchangeHaircut: 0 }),
    par('USDC', { autoExchangeHaircut: 0 }),
    assetOf('FDUSD', 'value', [[0, null, '0.989']], { liabilityRate: '1.011' }),
    assetOf('BTC', 'value', [[0, null, '0.95']], { liabilityRate: '1.05', autoExchangeHaircut: '0.025' }),
    assetOf('ETH', 'value', [[0, null, '0.95']], { liabilityRate: '1.05', autoExchangeHaircut: '0.025' }),
    assetOf('BNB', 'value', [[0, null, '0.95']], { liabilityRate: '1.05' }),
  ],
  {
    ltvTrigger: dec('0.995'),
    autoExchangeThresholds: { regular: dec(-5000), vip1: dec(-5000), vip2: dec(-10000) },
    defaultUserTier: 'regular',
    modeSwitch: {
      toMulti: ['crossOnly', 'noOpenOrders', 'noNegativeBalance', 'marginSufficient'],
      toSingle: ['noOpenOrders', 'marginSufficient'],
    },
  },
);

/** docs/RULES.md §5: Bybit help-page illustration, BTC by quantity; negative balances at 100%. */
export const bybit = presetOf('bybit', [
  par('USDT'),
  assetOf('BTC', 'quantity', [
    [0, 10, '0.98'],
    [10, 20, '0.95'],
    [20, 30, '0.9'],
    [30, 40, '0.85'],
    [40, 50, '0.8'],
    [50, null, 0],
  ]),
]);

/** docs/RULES.md §5: OKX API sample tiers (BTC 0–20 at 0.98, 20–25 at 0.9775), nothing published beyond 25 BTC. */
export const okx = presetOf('okx', [
  par('USDT'),
  assetOf('BTC', 'quantity', [
    [0, 20, '0.98'],
    [20, 25, '0.9775'],
  ]),
]);

export function bal(asset: string, amount: Num, price: Num, upnl?: Num): Balance {
  return { asset, amount: dec(amount), price: dec(price), ...(upnl === undefined ? {} : { upnl: dec(upnl) }) };
}

interface PositionInput {
  readonly symbol: string;
  readonly side?: Position['side'];
  readonly size: Num;
  readonly entry: Num;
  readonly mark: Num;
  readonly mmr: Num;
  readonly cum?: Num;
  readonly imr?: Num;
  readonly marginMode?: Position['marginMode'];
}

export function pos(input: PositionInput): Position {
  return {
    symbol: input.symbol,
    side: input.side ?? 'BOTH',
    size: dec(input.size),
    entry: dec(input.entry),
    mark: dec(input.mark),
    mmr: dec(input.mmr),
    cum: dec(input.cum ?? 0),
    ...(input.imr === undefined ? {} : { imr: dec(input.imr) }),
    marginMode: input.marginMode ?? 'cross',
  };
}

/** Runs `action` and returns the MarginError it throws (fails the test when it does not throw one). */
export function caught(action: () => unknown): { code: string; message: string; kind: string } {
  try {
    action();
  } catch (error) {
    const e = error as { code?: string; message?: string; kind?: string };
    if (typeof e.code === 'string') return { code: e.code, message: e.message ?? '', kind: e.kind ?? '' };
    throw error;
  }
  throw new Error('expected a MarginError, but nothing was thrown');
}

/** The account with BTC at `price`: its balance's price, and the marks of the positions on BTC scaled from `p0`. */
export function moveBtcTo(balances: readonly Balance[], positions: readonly Position[], p0: Dec, price: Dec): [Balance[], Position[]] {
  return [
    balances.map((b) => (b.asset === 'BTC' ? { ...b, price } : b)),
    positions.map((p) => (p.symbol.startsWith('BTC') ? { ...p, mark: p.mark.times(price).div(p0) } : p)),
  ];
}

/**
 * BTC's liquidation price, checked as it must be: the margin ratio is 1 there (to 1e-30) and below 1 at points
 * between today's price `p0` and it. Undefined when the solver answers with one of the `none` codes.
 */
export function checkedBtcLiquidation(
  preset: Preset,
  balances: readonly Balance[],
  positions: readonly Position[],
  p0: Dec,
  none: readonly string[],
): Dec | undefined {
  let price: Dec;
  try {
    price = liquidationPrice(preset, balances, positions, 'BTC');
  } catch (error) {
    if (isMarginError(error) && none.includes(error.code)) return undefined;
    throw error;
  }
  expect(
    marginRatio(preset, ...moveBtcTo(balances, positions, p0, price))
      .minus(1)
      .abs()
      .lt('1e-30'),
  ).toBe(true);
  for (const s of ['0.1', '0.5', '0.9', '0.999']) {
    const between = p0.plus(price.minus(p0).times(s));
    expect(marginRatio(preset, ...moveBtcTo(balances, positions, p0, between)).lt(1)).toBe(true);
  }
  return price;
}
