import type { Preset } from '../../engine/model';
import { parsePreset } from '../parsePreset';
import type { PresetJson } from '../presetJson';
import { atPar, GUIDE_RISK_BANDS, tiers } from './tables';

const UNPUBLISHED = { tierUnit: 'quantity', tiers: [], autoExchangeHaircut: '0.01' } as const;

/** BitMart USDⓈ-M futures Multi-Assets Mode: quantity tiers in coin units. */
export const BITMART_JSON: PresetJson = {
  id: 'bitmart',
  name: 'BitMart USDⓈ-M Multi-Assets Mode',
  asOf: '2026-11-21',
  source: 'BitMart: "What Is Multi-Assets Mode?"',
  status: 'documented',
  quote: 'USDT',
  assets: {
    USDT: atPar('quantity'),
    BTC: {
      tierUnit: 'quantity',
      tiers: tiers(['0', '10', '0.95'], ['10', '20', '0.925']),
      autoExchangeHaircut: '0.01',
    },
    ETH: UNPUBLISHED,
    SOL: UNPUBLISHED,
    XRP: UNPUBLISHED,
  },
  rules: {
    riskBands: GUIDE_RISK_BANDS,
    modeSwitch: {
      toMulti: ['noOpenPositions', 'noOpenOrders'],
      toSingle: ['noOpenPositions', 'noOpenOrders'],
    },
  },
  notes: [
    'Snapshot taken 2026-11-21 from the BitMart article named in the source; it carries no date.',
    'Tiers are by coin quantity. BTC: 0–10 BTC at 95%, 10–20 BTC at 92.5%, "and so on": tiers beyond 20 BTC are unpublished. ETH, SOL and XRP are collateral with unpublished tiers.',
    'Auto-exchange converts all non-USDT assets proportionally at market price with a 1% haircut (no fee) when account margin is insufficient; no threshold or LTV trigger is published.',
    'Switching mode either way needs all positions closed and all orders cancelled.',
    "Risk bands 50%/80% are the Binance Multi-Asset Margin guide's; BitMart publishes none.",
  ],
};

export const BITMART_PRESET: Preset = parsePreset(BITMART_JSON);
