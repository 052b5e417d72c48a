import { readFileSync } from 'fs';
import { join } from 'path';
import type { Preset } from '../../src/engine/model';
import { importExchangeTable } from '../../src/presets';

/**
 * Bitget's preset with the leverage brackets of its query-position-lever documentation example imported
 * (BTCUSDT: 0–50,000 at mmr 0.4%, 125×; 50,000–200,000 at 0.5%, 100×). The built-in presets ship no brackets.
 */
export const BRACKETS_PRESET: Preset = importExchangeTable(
  'bitget',
  JSON.parse(readFileSync(join(__dirname, '../fixtures/api/bitget-query-position-lever-doc.json'), 'utf8')),
  undefined,
  { id: 'bitget-brackets' },
);

const api = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/api', name), 'utf8'));

/**
 * OKX's preset with position tiers bounded by contracts imported for BTC-USDT-SWAP (contract value 0.01 BTC), from
 * the test responses `okx-position-tiers-swap.json` and `okx-instruments-swap.json` (fields as OKX documents them;
 * tiers 0–2,000 contracts at mmr 0.4%, 100×; to 4,000 at 0.8%, 50×; to 8,000 at 2%, 20×: test figures).
 */
export const OKX_SIZE_BRACKETS_PRESET: Preset = importExchangeTable('okx', api('okx-position-tiers-swap.json'), undefined, {
  id: 'okx-size-brackets',
  asOf: '2026-11-30',
  companions: [api('okx-instruments-swap.json')],
});
