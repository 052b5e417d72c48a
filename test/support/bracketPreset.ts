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
