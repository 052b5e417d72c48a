import type { Preset } from '../../engine/model';
import { parsePreset } from '../parsePreset';
import type { PresetJson } from '../presetJson';
import { atPar, GUIDE_RISK_BANDS, tiers } from './tables';

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
    USDT: atPar('quantity'),
    BTC: {
      tierUnit: 'quantity',
      tiers: tiers(
        ['0', '10', '0.98'],
        ['10', '20', '0.95'],
        ['20', '30', '0.9'],
        ['30', '40', '0.85'],
        ['40', '50', '0.8'],
        ['50', null, '0'],
      ),
    },
  },
  rules: { riskBands: GUIDE_RISK_BANDS },
  notes: [
    "Illustrative: the tables are the example from the exchange's help page, not the live table; replace them by importing GET /v5/spot-margin-trade/collateral. Snapshot taken 2026-11-21.",
    'Tiers are by coin quantity and apply to positive balances only; negative balances count at 100% (liabilityRate 1).',
    "Mode-switch conditions, auto-exchange thresholds and risk bands are unpublished; the risk bands 50%/80% are the Binance Multi-Asset Margin guide's.",
  ],
};

export const BYBIT_PRESET: Preset = parsePreset(BYBIT_JSON);
