import type { Preset } from '../../engine/model';
import { parsePreset } from '../parsePreset';
import type { PresetJson } from '../presetJson';

/** OKX multi-currency margin: discount-rate tiers by coin quantity (illustrative sample tiers). */
export const OKX_JSON: PresetJson = {
  id: 'okx',
  name: 'OKX Multi-currency margin (illustrative)',
  asOf: '2026-11-21',
  source: 'https://www.okx.com/docs-v5/en/ (GET /api/v5/public/discount-rate-interest-free-quota, sample response)',
  status: 'illustrative',
  quote: 'USDT',
  assets: {
    USDT: {
      tierUnit: 'quantity',
      tiers: [{ floor: '0', cap: null, ratio: '1' }],
      note: 'quote asset, valued at par in this illustrative preset; import the live table for its discount rate',
    },
    BTC: {
      tierUnit: 'quantity',
      tiers: [
        { floor: '0', cap: '20', ratio: '0.98' },
        { floor: '20', cap: '25', ratio: '0.9775' },
      ],
    },
  },
  rules: { riskBands: { warning: '0.5', danger: '0.8' } },
  notes: [
    "Illustrative: the tables are the example from the exchange's API documentation (sample response), not the live table; replace them by importing GET /api/v5/public/discount-rate-interest-free-quota. Snapshot taken 2026-11-21.",
    'Tiers are by coin quantity; BTC is published only up to 25 BTC in the sample.',
    'OKX publishes its margin ratio inverted (adjusted equity / maintenance margin, liquidation at ≤ 100%); this product always reports maintenance margin / equity (liquidation at ≥ 100%).',
    "Mode-switch conditions, auto-exchange thresholds and risk bands are unpublished; the risk bands 50%/80% are the Binance Multi-Asset Margin guide's.",
  ],
};

export const OKX_PRESET: Preset = parsePreset(OKX_JSON);
