import type { Preset } from '../../engine/model';
import { parsePreset } from '../parsePreset';
import type { PresetJson } from '../presetJson';

/** Bybit Unified Trading Account: collateral value ratio tiers by coin quantity (illustrative help-page tiers). */
export const BYBIT_JSON: PresetJson = {
  id: 'bybit',
  name: 'Bybit Unified Trading Account (illustrative)',
  asOf: '2026-11-21',
  source:
    'Bybit Help Center: collateral value ratio of the Unified Trading Account (illustration); live table: GET /v5/spot-margin-trade/collateral',
  status: 'illustrative',
  quote: 'USDT',
  assets: {
    USDT: { tierUnit: 'quantity', tiers: [{ floor: '0', cap: null, ratio: '1' }] },
    BTC: {
      tierUnit: 'quantity',
      tiers: [
        { floor: '0', cap: '10', ratio: '0.98' },
        { floor: '10', cap: '20', ratio: '0.95' },
        { floor: '20', cap: '30', ratio: '0.9' },
        { floor: '30', cap: '40', ratio: '0.85' },
        { floor: '40', cap: '50', ratio: '0.8' },
        { floor: '50', cap: null, ratio: '0' },
      ],
    },
  },
  rules: { riskBands: { warning: '0.5', danger: '0.8' } },
  notes: [
    "Illustrative: the tables are the example from the exchange's help page, not the live table; replace them by importing GET /v5/spot-margin-trade/collateral. Snapshot taken 2026-11-21.",
    'Tiers are by coin quantity and apply to positive balances only; negative balances count at 100% (liabilityRate 1).',
    "Mode-switch conditions, auto-exchange thresholds and risk bands are unpublished; the risk bands 50%/80% are the Binance Multi-Asset Margin guide's.",
  ],
};

export const BYBIT_PRESET: Preset = parsePreset(BYBIT_JSON);
