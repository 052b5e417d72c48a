import type { Preset } from '../../engine/model';
import { parsePreset } from '../parsePreset';
import type { PresetJson } from '../presetJson';
import { atPar, GUIDE_RISK_BANDS, oneRatio } from './tables';

const PAR_NOTE = 'published as near 100%; valued at par in this snapshot; import assetIndex for the live buffer';

/**
 * Binance USDⓈ-M Multi-Assets Mode. Binance values each asset at its index less a live bid buffer (no tiers),
 * so this snapshot holds one value tier per asset with the published valuation rates.
 */
export const BINANCE_JSON: PresetJson = {
  id: 'binance',
  name: 'Binance USDⓈ-M Multi-Assets Mode',
  asOf: '2026-11-21',
  source: 'https://www.binance.com/en/support/faq/f80415bea8124f6494566f23c0bf9c38',
  status: 'documented',
  quote: 'USDT',
  assets: {
    USDT: atPar('value', PAR_NOTE),
    USDC: atPar('value', PAR_NOTE),
    FDUSD: oneRatio('value', '0.989'),
    BTC: { ...oneRatio('value', '0.95'), autoExchangeHaircut: '0.025' },
    ETH: oneRatio('value', '0.95'),
    BNB: oneRatio('value', '0.95'),
  },
  rules: {
    riskBands: GUIDE_RISK_BANDS,
    ltvTrigger: '0.995',
    autoExchangeThresholds: { regular: '-5000', vip1: '-5000', vip2plus: '-10000' },
    defaultUserTier: 'regular',
    modeSwitch: {
      toMulti: ['crossOnly', 'noOpenOrders', 'noNegativeBalance', 'marginSufficient'],
      toSingle: ['noOpenOrders', 'noNegativeBalance', 'marginSufficient'],
    },
  },
  notes: [
    'Snapshot taken 2026-11-21 from the Multi-Assets Mode FAQ (f80415bea8124f6494566f23c0bf9c38), "How to calculate margin in Multi-Assets Mode" (c983a9268cfa4e70a4916c276bb3b7bc) and the Binance Multi-Asset Margin guide; none of the figures used carries its own date.',
    'Valuation rates: BTC, ETH and BNB 95% (guide: "BTC has a 95% valuation rate"; FAQ: BNB $1,000 → $950), FDUSD 98.9% (FAQ: $1,000 → $989). Binance publishes live buffers per asset through GET /fapi/v1/assetIndex: import it for current values.',
    'Liabilities are valued at par (liabilityRate 1): the askBuffer markup is published only live, through assetIndex.',
    "Auto-exchange haircut: only BTC has a published example (2.5%); the other assets' haircuts are unpublished here (import assetIndex).",
    'Auto-exchange threshold conflict: the 2022-07-06 FAQ says −10,000 USD for everyone; the Multi-Asset Margin guide says −10,000 general and −5,000 VIP; the newest official FAQ says −5,000 USDT/USDC (or −0.1 BTC) for Regular and VIP 1 users and −10,000 for the rest. This preset follows the newest FAQ (regular −5,000, vip1 −5,000, vip2plus −10,000; default user tier regular).',
    'LTV trigger 0.995 (newest FAQ and guide; the 2022-07-06 FAQ said 1).',
    'The older 2021 table (BTC/ETH/BNB 95%, XRP/ADA/DOT/SOL 90%, USDT and USDC 99.99%) is superseded and not used.',
  ],
};

export const BINANCE_PRESET: Preset = parsePreset(BINANCE_JSON);
