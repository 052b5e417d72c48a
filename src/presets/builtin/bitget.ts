import type { Preset } from '../../engine/model';
import { parsePreset } from '../parsePreset';
import type { PresetJson } from '../presetJson';
import { atPar, GUIDE_RISK_BANDS, tiers } from './tables';

const UNPUBLISHED = { tierUnit: 'value', tiers: [] } as const;

/** Bitget USDT-M futures in multi-asset ("union") mode: value tiers in USDT. */
export const BITGET_JSON: PresetJson = {
  id: 'bitget',
  name: 'Bitget USDT-M Multi-Asset Mode',
  asOf: '2026-11-21',
  source: 'Bitget Help Center: "Collateral Ratio for USDT-M Positions" and "Introduction to USDT-M Futures in Multi-Asset Mode"',
  status: 'documented',
  quote: 'USDT',
  assets: {
    USDT: atPar('value'),
    BTC: {
      tierUnit: 'value',
      tiers: tiers(
        ['0', '100000', '0.975'],
        ['100000', '500000', '0.97'],
        ['500000', '1000000', '0.965'],
        ['1000000', '5000000', '0.96'],
        ['5000000', null, '0.85'],
      ),
      individualLimit: '100',
      platformLimit: '5000',
    },
    ETH: UNPUBLISHED,
    SOL: UNPUBLISHED,
    XRP: UNPUBLISHED,
    PEPE: UNPUBLISHED,
    USDC: UNPUBLISHED,
    BGB: UNPUBLISHED,
  },
  rules: {
    riskBands: GUIDE_RISK_BANDS,
    liabilityInitialRate: '0.1',
    liabilityMaintenanceRate: '0.05',
    modeSwitch: {
      toMulti: ['crossOnly'],
      toSingle: ['quoteCoversMargin', { maintenanceRateBelow: '0.8' }],
    },
  },
  notes: [
    'Snapshot taken 2026-11-21 from the two Bitget help articles named in the source; they carry no date.',
    "Tiers are by USDT value. Only BTC's tiers are published in text; ETH, SOL, XRP, PEPE, USDC and BGB are supported collateral with unpublished tiers: import GET /api/v2/mix/market/discount-rate.",
    'BTC limits (individual 100 BTC, platform 5,000 BTC) cap transfers in.',
    'Liability initial and maintenance rates 0.1 and 0.05 (union-config). No auto-exchange threshold or LTV trigger is published.',
    "Risk bands 50%/80% are the Binance Multi-Asset Margin guide's; Bitget publishes none.",
  ],
};

export const BITGET_PRESET: Preset = parsePreset(BITGET_JSON);
