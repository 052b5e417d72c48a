import type { Preset } from '../../engine/model';
import { parsePreset } from '../parsePreset';
import type { PresetJson } from '../presetJson';
import { atPar, GUIDE_RISK_BANDS, tiers } from './tables';

/** OKX multi-currency margin: discount-rate tiers by coin quantity (illustrative sample tiers). */
export const OKX_JSON: PresetJson = {
  id: 'okx',
  name: 'OKX Multi-currency margin (illustrative)',
  asOf: '2026-11-21',
  source: 'https://www.okx.com/docs-v5/en/ (GET /api/v5/public/discount-rate-interest-free-quota, sample response)',
  status: 'illustrative',
  quote: 'USDT',
  assets: {
    USDT: atPar('quantity', 'quote asset, valued at par in this illustrative preset; import the live table for its discount rate'),
    BTC: {
      tierUnit: 'quantity',
      tiers: tiers(['0', '20', '0.98'], ['20', '25', '0.9775']),
    },
  },
  rules: { riskBands: GUIDE_RISK_BANDS },
  notes: [
    "Illustrative: the tables are the example from the exchange's API documentation (sample response), not the live table; replace them by importing GET /api/v5/public/discount-rate-interest-free-quota. Snapshot taken 2026-11-21.",
    'Tiers are by coin quantity; BTC is published only up to 25 BTC in the sample.',
    'OKX publishes its margin ratio inverted (adjusted equity / maintenance margin, liquidation at ≤ 100%); this product always reports maintenance margin / equity (liquidation at ≥ 100%).',
    "Mode-switch conditions, auto-exchange thresholds and risk bands are unpublished; the risk bands 50%/80% are the Binance Multi-Asset Margin guide's.",
  ],
};

export const OKX_PRESET: Preset = parsePreset(OKX_JSON);
