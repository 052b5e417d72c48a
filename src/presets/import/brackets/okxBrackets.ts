import { field, invalid, item, readObject } from '../../jsonRead';
import { dataRows } from '../envelope';
import type { ImportedBrackets } from './importedBrackets';

/**
 * OKX `GET /api/v5/public/position-tiers` bounds each tier by position size (minSz, maxSz: contracts for swaps
 * and futures, borrowing amounts for margin), not by notional, so its tiers cannot become notional brackets
 * without each instrument's contract value. The response is recognised and refused with that reason.
 */
export function readOkxBrackets(response: unknown): ImportedBrackets {
  const { rows } = dataRows(response, '0');
  const first = rows[0];
  const where = first === undefined ? item('response.data', 0) : first.where;
  const obj = first === undefined ? {} : readObject(first.value, where);
  const unit = typeof obj.instId === 'string' ? ` for ${obj.instId}` : '';
  return invalid(
    field(where, 'minSz'),
    `OKX position tiers${unit} are bounded by position size in contracts or borrowing amount, not by notional; type each position's mmr (and cum) from OKX's tier table instead, or give the brackets in notional terms in the preset's "brackets"`,
  );
}
